BeforeAll { Import-Module $env:VIRTNET_MODULE -Force }

Describe 'New-VNSampleLab' {
    Context 'NicTeaming (the default lab)' {
        BeforeAll {
            $lab = New-VNSampleLab
            $vmhost = $lab[0]
            $stack = $lab[1]
            $vswitch = $vmhost.VirtualSwitches[0]
        }

        It 'emits the host first, then the physical switch' {
            $lab.Count | Should -Be 2
            $vmhost | Should -BeOfType ([VirtNet.VNHost])
            $stack | Should -BeOfType ([VirtNet.VNPhysicalSwitch])
        }

        It 'builds the ESX 3.5 host and the two-member Catalyst 3750 stack' {
            $vmhost.Name | Should -Be 'esx01'
            $vmhost.Version | Should -Be '3.5'
            $stack.Model | Should -Be 'Catalyst 3750'
            $stack.Stack | Should -Be 2
        }

        It "cables the vSwitch's uplinks to the emitted stack's ports Gi1/0/1 and Gi2/0/1" {
            $vswitch.Uplinks.Name | Should -Be @('vmnic0', 'vmnic1')
            foreach ($uplink in $vswitch.Uplinks) {
                [object]::ReferenceEquals($uplink.PhysicalSwitch, $stack) | Should -BeTrue
                [object]::ReferenceEquals($uplink.SwitchPort.Uplink, $uplink) | Should -BeTrue
                $stack.Ports -contains $uplink.SwitchPort | Should -BeTrue
            }
            $vswitch.Uplinks.SwitchPort.Name | Should -Be @('Gi1/0/1', 'Gi2/0/1')
        }

        It 'ships with the ESX default policy and no port channel' {
            $vswitch.TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
            $stack.PortChannels.Count | Should -Be 0
        }

        It 'has the storage VMkernel port and its two NFS targets' {
            ($vmhost.VMKernelAdapters | Where-Object Name -EQ 'vmk0').IPAddress.ToString() | Should -Be '10.0.0.10'
            ($stack.Endpoints | Where-Object Role -EQ 'Storage').IPAddress.ForEach({ $_.ToString() }) | Should -Be @('10.0.0.20', '10.0.0.21')
        }

        It "turns into the article's link aggregation variant without recabling" {
            $esx01, $cat3750 = New-VNSampleLab
            $channel = $cat3750 | New-VNPortChannel -Name Po1 -Member Gi1/0/1, Gi2/0/1 -Mode On
            $esx01.VirtualSwitches[0] | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
            $channel.Members.Uplink.Name | Should -Be @('vmnic0', 'vmnic1')
            ($esx01.VirtualSwitches[0] | Get-VNTeamingPolicy).LoadBalancingPolicy | Should -Be 'LoadBalanceIP'
        }
    }

    Context 'HaCluster' {
        BeforeAll {
            $lab = New-VNSampleLab HaCluster
            $hosts = $lab | Where-Object { $_ -is [VirtNet.VNHost] }
            $switches = $lab | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] }
        }

        It 'emits the three hosts first, then the two switches' {
            $lab.Count | Should -Be 5
            $lab[0..2].Name | Should -Be @('esx01', 'esx02', 'esx03')
            $lab[3..4].Name | Should -Be @('cat-a', 'cat-b')
            $lab[0..2] | ForEach-Object { $_ | Should -BeOfType ([VirtNet.VNHost]) }
            $lab[3..4] | ForEach-Object { $_ | Should -BeOfType ([VirtNet.VNPhysicalSwitch]) }
        }

        It 'cables every host to ports of the emitted switches, PortFast everywhere but on esx03' {
            foreach ($h in $hosts) {
                foreach ($uplink in $h.Uplinks) {
                    $switches -contains $uplink.PhysicalSwitch | Should -BeTrue
                    $uplink.SwitchPort.IsPortFastEffective | Should -Be ($h.Name -ne 'esx03')
                }
            }
        }

        It 'gives every host an FQDN and a Service Console behind a pingable gateway' {
            $gateway = $switches.Endpoints | Where-Object Role -EQ 'Gateway'
            $gateway.RespondsToPing | Should -BeTrue
            foreach ($h in $hosts) {
                $h.Fqdn | Should -Be "$($h.Name).lab.local"
                ($h.VMKernelAdapters | Where-Object Name -EQ 'vswif0').Gateway | Should -Be $gateway.IPAddress
            }
        }
    }

    It 'builds a lab per piped name' {
        $objects = 'NicTeaming', 'HaCluster' | New-VNSampleLab
        $objects.Name | Should -Be @('esx01', 'cat3750', 'esx01', 'esx02', 'esx03', 'cat-a', 'cat-b')
    }

    It 'builds fresh objects on every call' {
        $first = New-VNSampleLab NicTeaming
        $second = New-VNSampleLab NicTeaming
        [object]::ReferenceEquals($first[0], $second[0]) | Should -BeFalse
    }

    It 'offers the lab names for tab completion' {
        $line = 'New-VNSampleLab -Name '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('HaCluster', 'NicTeaming')
    }

    It 'rejects an unknown lab name and lists the known ones' {
        $err = { New-VNSampleLab -Name NoSuchLab -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'CannotConvertArgumentNoMessage,VirtNet.Commands.NewVNSampleLabCommand'
        $err.Exception.Message | Should -Match 'NicTeaming, HaCluster'
    }
}
