# The planner's worked examples through the cmdlets, with the arithmetic behind each expected answer.
BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    . (Join-Path $PSScriptRoot 'Clear-VNTestSession.ps1')

    # The NicTeaming sample lab (vmk0 10.0.0.10 on vSwitch0, vmnic0 to Gi1/0/1 and vmnic1 to Gi2/0/1 of a 3750
    # stack, NFS1 10.0.0.20 and NFS2 10.0.0.21), optionally with IP hash over a static channel across the stack.
    function New-StorageHost {
        param([switch] $IpHash)
        $lab = New-VNSampleLab -Name NicTeaming
        $esx = $lab | Where-Object { $_ -is [VirtNet.VNHost] }
        $stack = $lab | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] }
        if ($IpHash) {
            New-VNPortChannel -PhysicalSwitch $stack -Name Po1 -Member Gi1/0/1, Gi2/0/1 -Mode On | Out-Null
            $esx | Get-VNVirtualSwitch | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
        }
        [pscustomobject]@{ Host = $esx; Stack = $stack; Vmk = Get-VNVMKernelAdapter -Host $esx -Name vmk0 }
    }
}

Describe 'Find-VNBalancedAddress' {
    It 'proposes two NFS targets that IP hash puts on different uplinks and members (KB 2006129)' {
        $lab = New-StorageHost -IpHash
        # .20 is NFS1 and .21 NFS2: never proposed. 10 XOR 22 = 01010 ^ 10110 = 11100 = 28, even: vmnic0;
        # 10 XOR 23 = 11101 = 29, odd: vmnic1. Return frames: the 3750's src-mac hash of the target (its address
        # stands for its MAC): 22 AND 7 = 6, member 6 mod 2 = 0 (Gi1/0/1); 23 AND 7 = 7, member 1 (Gi2/0/1).
        $p = Find-VNBalancedAddress -Source $lab.Vmk -Count 2 -AddressRange 10.0.0.20-10.0.0.30
        @($p.IPAddress | ForEach-Object ToString) | Should -Be @('10.0.0.22', '10.0.0.23')
        $p.Uplink.Name | Should -Be @('vmnic0', 'vmnic1')
        $p.Member.Path | Should -Be @('cat3750/Gi1/0/1', 'cat3750/Gi2/0/1')
        $p.Status | Should -Be @('Ok', 'Ok')
        $p[0].UplinksUsed | Should -Be 2
        $p[0].MembersUsed | Should -Be 2
        $p[0].BalanceIndex | Should -Be 1
        $p[0].Reason | Should -BeNullOrEmpty
    }

    It 'proposals verified by simulation: Invoke-VNTrafficSimulation puts them where the proposal says' {
        $lab = New-StorageHost -IpHash
        $p = Find-VNBalancedAddress -Source $lab.Vmk -Count 2 -AddressRange 10.0.0.20-10.0.0.30
        $result = $lab.Host | Get-VNVirtualSwitch | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination @($p.IPAddress | ForEach-Object ToString))
        $result.Flows.Uplink.Name | Should -Be $p.Uplink.Name
        $result.AggregateThroughputMbps | Should -Be 2000
    }

    It 'says why port ID cannot balance: vmk0 stays on one uplink whatever the targets' {
        $lab = New-StorageHost
        # vmk0 has port id 1 (vswif0 took 0): active[1 mod 2] = vmnic1. Counts per uplink 0 and 2: Jain 2^2 / (2 * 4) = 0.5.
        $p = Find-VNBalancedAddress -Source $lab.Vmk -Count 2 -AddressRange 10.0.0.20-10.0.0.30
        $p.Uplink.Name | Should -Be @('vmnic1', 'vmnic1')
        $p[0].BalanceIndex | Should -Be 0.5
        $p[0].Reason | Should -Match 'LoadBalanceSrcId keeps esx01/vmk0 on one uplink \(vmnic1\) whatever the target'
    }

    It 'follows the 4-uplink IP hash vector and says which uplinks no address of the range reaches' {
        $core = New-VNPhysicalSwitch -Name core1 -LoadBalance SrcDstIp
        $vs = New-VNHost -Name esx01 -Version 5.5 | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Add-VNUplink -Name vmnic0, vmnic1, vmnic2, vmnic3 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi1/0/2, Gi1/0/3, Gi1/0/4 | Out-Null
        New-VNPortChannel -PhysicalSwitch $core -Name Po1 -Member Gi1/0/1, Gi1/0/2, Gi1/0/3, Gi1/0/4 -Mode On | Out-Null
        $vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
        $vmk = $vs | Add-VNPortGroup -Name NFS | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 192.168.100.101/24
        # KB 2006129's vector: 101 -> .120 / .130 / .140 / .150 give 1 / 3 / 1 / 3 of 4 uplinks.
        $p = Find-VNBalancedAddress -Source $vmk -Count 2 -AddressRange 192.168.100.120, 192.168.100.130, 192.168.100.140, 192.168.100.150
        @($p.IPAddress | ForEach-Object ToString) | Should -Be @('192.168.100.120', '192.168.100.130')
        $p.Uplink.Name | Should -Be @('vmnic1', 'vmnic3')
        $p[0].Reason | Should -Match '2 flow\(s\) can use at most 2 of the 4'
        $three = Find-VNBalancedAddress -Source $vmk -Count 3 -AddressRange 192.168.100.120, 192.168.100.130, 192.168.100.140, 192.168.100.150
        $three[0].Reason | Should -Match 'No free target in the range sends on vmnic0, vmnic2'
        # .120-.123: 101 XOR 120..123 = 29, 28, 31, 30: uplinks 1, 0, 3, 2, each once.
        $four = Find-VNBalancedAddress -Source $vmk -Count 4 -AddressRange 192.168.100.120-192.168.100.127
        $four.Uplink.Name | Should -Be @('vmnic1', 'vmnic0', 'vmnic3', 'vmnic2')
        $four[0].BalanceIndex | Should -Be 1
    }

    It 'never proposes an address in use, and says when the range is too small' {
        $lab = New-StorageHost -IpHash
        $p = Find-VNBalancedAddress -Source $lab.Vmk -Count 2 -AddressRange 10.0.0.9-10.0.0.23
        # .10 is vmk0 itself, .20 and .21 the NFS targets: .9 and .11 are the first free ones on each uplink
        # (10 XOR 9 = 3, odd: vmnic1; 10 XOR 11 = 1, odd too; 10 XOR 12 = 6, even: vmnic0).
        @($p.IPAddress | ForEach-Object ToString) | Should -Be @('10.0.0.9', '10.0.0.12')
        { Find-VNBalancedAddress -Source $lab.Vmk -Count 3 -AddressRange 10.0.0.20-10.0.0.23 -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotEnoughFreeAddresses,VirtNet.Commands.FindVNBalancedAddressCommand'
    }

    It 'proposes source addresses and says the src-mac switch keeps the return traffic on one member' {
        $lab = New-StorageHost -IpHash
        $p = Find-VNBalancedAddress -Host $lab.Host -Source vmk0 -Count 2 -AddressRange 10.0.0.11-10.0.0.19 -Role Source -Destination 10.0.0.20
        # 11 XOR 20 = 01011 ^ 10100 = 11111 = 31, odd: vmnic1; 12 XOR 20 = 01100 ^ 10100 = 11000 = 24, even: vmnic0.
        @($p.SourceIPAddress | ForEach-Object ToString) | Should -Be @('10.0.0.11', '10.0.0.12')
        $p.Uplink.Name | Should -Be @('vmnic1', 'vmnic0')
        # Return frames come from 10.0.0.20 alone: src-mac bucket 20 AND 7 = 4, member 4 mod 2 = 0 (Gi1/0/1) for both.
        $p.Member.Name | Should -Be @('Gi1/0/1', 'Gi1/0/1')
        $p[0].Reason | Should -Match 'hashes return frames by SrcMac'
    }

    It 'an error about one source does not stop the next' {
        $lab = New-StorageHost -IpHash
        $p = Find-VNBalancedAddress -Host $lab.Host -Source nosuch, vmk0 -Count 1 -AddressRange 10.0.0.22 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -Be 'FlowSourceNotFound,VirtNet.Commands.FindVNBalancedAddressCommand'
        @($p.IPAddress | ForEach-Object ToString) | Should -Be '10.0.0.22'
    }
}

Describe 'Optimize-VNHaIsolation' {
    BeforeAll {
        function New-HaClusterLab {
            $hosts = New-VNSampleLab -Name HaCluster | Where-Object { $_ -is [VirtNet.VNHost] }
            New-VNCluster -Name lab -Host $hosts
        }
    }

    It 'fixes the HaCluster lab''s isolated host by the smallest change: PortFast trunk on its two ports' {
        $cluster = New-HaClusterLab
        # esx03's vmnic0 flaps for 2 s: failback at 2 s onto a port that forwards at 2 + 2 x 15 = 32 s, after the
        # isolation response at F - 1 = 14 s (F = 15000 ms). PortFast makes the port forward at once.
        $changes = @(Optimize-VNHaIsolation -Cluster $cluster)
        $changes.Count | Should -Be 1
        $changes[0].Kind | Should -Be 'PortFast'
        $changes[0].Target | Should -Be 'cat-a/Gi0/3, cat-b/Gi0/3'
        $changes[0].From | Should -Be 'Disabled'
        $changes[0].To | Should -Be 'Trunk'
        $changes[0].Fixes | Should -Be @('esx03: esx03/vSwitch0/vmnic0 flaps 2 s')
        $changes[0].Applied | Should -BeFalse
        # Planning leaves the model as it was.
        @(Test-VNHaIsolation -Cluster $cluster | Where-Object Verdict -ne NotIsolated).Count | Should -Be 1
    }

    It 'a scenario given with -Scenario is the one planned for; failback off alone fixes it too' {
        $cluster = New-HaClusterLab
        $esx03 = $cluster.Hosts | Where-Object Name -eq esx03
        $flap = New-VNFailureScenario -Name flap -LinkDown ($esx03 | Get-VNUplink -Name vmnic0) -At 0 -Until 2
        $changes = @(Optimize-VNHaIsolation -Cluster $cluster -Scenario $flap)
        $changes[0].Fixes | Should -Be @('esx03: flap')
        # Simulated alone, failback off fixes it as well: the Service Console stays on vmnic1, whose port forwards.
        $esx03 | Get-VNPortGroup -Name 'Service Console' | Set-VNTeamingPolicy -FailbackEnabled $false
        @(Test-VNHaIsolation -Cluster $cluster -Scenario $flap | Where-Object Verdict -ne NotIsolated).Count | Should -Be 0
    }

    It '-Apply makes the change, and the simulation then shows no isolation' {
        $cluster = New-HaClusterLab
        $changes = Optimize-VNHaIsolation -Cluster $cluster -Apply -Confirm:$false
        $changes.Applied | Should -Be @($true)
        $esx03 = $cluster.Hosts | Where-Object Name -eq esx03
        ($esx03 | Get-VNUplink).SwitchPort.PortFast | Should -Be @('Trunk', 'Trunk')
        @(Test-VNHaIsolation -Cluster $cluster | Where-Object Verdict -ne NotIsolated).Count | Should -Be 0
        @(Optimize-VNHaIsolation -Cluster $cluster).Count | Should -Be 0
    }

    It '-WhatIf applies nothing' {
        $cluster = New-HaClusterLab
        $changes = Optimize-VNHaIsolation -Cluster $cluster -Apply -WhatIf
        $changes.Applied | Should -Be @($false)
        @(Test-VNHaIsolation -Cluster $cluster | Where-Object Verdict -ne NotIsolated).Count | Should -Be 1
    }

    It 'suggests a second management network where one uplink carries management, and fixes the flap' {
        $core = New-VNPhysicalSwitch -Name core1
        $core | Add-VNEndpoint -Name gateway -IPAddress 192.168.1.1 -Role Gateway | Out-Null
        $hosts = foreach ($n in 1..2) {
            $esx = New-VNHost -Name "esx0$n" -Version 3.5
            $vs = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $core -SwitchPort "Gi1/0/$n" | Out-Null
            $vs | Add-VNPortGroup -Name 'Service Console' |
                Add-VNVMKernelAdapter -Name vswif0 -IPAddress "192.168.1.1$n/24" -Gateway 192.168.1.1 | Out-Null
            $esx
        }
        $cluster = New-VNCluster -Name single -Host $hosts
        $changes = @(Optimize-VNHaIsolation -Cluster $cluster)
        # KB 1003804: after a 2 s flap the access port without PortFast forwards again at 2 + 2 x 15 = 32 s. With F = 30 s the
        # response comes at 29 s, too early; with F = 45 s it would come at 44 s, after heartbeats resume at 32 s. One
        # cluster setting fixes both hosts' flaps, where PortFast would take a change per host.
        $fix = @($changes | Where-Object CanApply)
        $fix.Count | Should -Be 1
        $fix[0].Kind | Should -Be 'FailureDetectionTime'
        $fix[0].From | Should -Be '15000 ms'
        $fix[0].To | Should -Be '45000 ms'
        $fix[0].Fixes | Should -Be @('esx01: esx01/vSwitch0/vmnic0 flaps 2 s', 'esx02: esx02/vSwitch0/vmnic0 flaps 2 s')
        # A link down for good, or the one switch down, isolates a host whatever the settings.
        $left = $changes | Where-Object Kind -eq SecondManagementNetwork
        $left.Target | Should -Be @('esx01', 'esx02')
        $left[0].CanApply | Should -BeFalse
        $left[0].Reason | Should -Match 'esx01: esx01/vSwitch0/vmnic0 down'
        $left[0].Reason | Should -Match 'core1 down'
        # -Apply changes the cluster object itself.
        Optimize-VNHaIsolation -Cluster $cluster -Apply -Confirm:$false | Out-Null
        $cluster.FailureDetectionTime.TotalMilliseconds | Should -Be 45000
    }
}

Describe 'Optimize-VNTeaming' {
    BeforeAll {
        # esx01/vSwitch0 with four 1 Gb uplinks to core1 and, by default, all four active with port ID.
        # Port ids in connection order: vmk0 0, vmk1 1, vmk2 2, vm01 3, vm02 4.
        function New-FourUplinkHost {
            $core = New-VNPhysicalSwitch -Name core1
            $esx = New-VNHost -Name esx01 -Version 6.7
            $vs = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $vs | Add-VNUplink -Name vmnic0, vmnic1, vmnic2, vmnic3 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi1/0/2, Gi1/0/3, Gi1/0/4 | Out-Null
            $vs | Add-VNPortGroup -Name Management | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 192.168.10.11/24 -Purpose Management | Out-Null
            $vmotion = $vs | Add-VNPortGroup -Name vMotion | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 192.168.20.11/24 -Purpose VMotion
            $nfs = $vs | Add-VNPortGroup -Name NFS | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.0.10/24 -Purpose Storage
            $vs | Add-VNPortGroup -Name 'VM Network' | Out-Null
            $vms = foreach ($i in 1..2) { $esx | Add-VNVirtualMachine -Name "vm0$i" -PortGroup 'VM Network' -IPAddress "192.168.40.1$i" }
            $flows = @(
                New-VNFlow -Source $vmotion -Destination 192.168.20.12
                New-VNFlow -Source $nfs -Destination 10.0.0.20, 10.0.0.21
                New-VNFlow -Source $vms -Destination 192.168.40.1
            )
            [pscustomobject]@{ Switch = $vs; Flows = $flows }
        }

        function New-NfsSwitch {
            param([switch] $StaticChannel)
            $core = New-VNPhysicalSwitch -Name core1 -LoadBalance SrcDstIp
            $vs = New-VNHost -Name esx01 -Version 5.5 | Add-VNVirtualSwitch -Name vSwitch1
            $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi1/0/2 | Out-Null
            if ($StaticChannel) { New-VNPortChannel -PhysicalSwitch $core -Name Po1 -Member Gi1/0/1, Gi1/0/2 -Mode On | Out-Null }
            $vmk = $vs | Add-VNPortGroup -Name NFS | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10/24 -Purpose Storage
            [pscustomobject]@{ Switch = $vs; Flows = New-VNFlow -Source $vmk -Destination 10.0.0.20, 10.0.0.21 }
        }
    }

    It 'gives management and vMotion opposite active/standby orders on a 4-uplink vSwitch' {
        $lab = New-FourUplinkHost
        $rows = Optimize-VNTeaming -VirtualSwitch $lab.Switch -Flow $lab.Flows
        $rows.PortGroup.Name | Should -Be @('Management', 'vMotion', 'NFS', 'VM Network')
        $mgmt = $rows[0]; $vmotion = $rows[1]
        $mgmt.ActiveNic | Should -Be @('vmnic0')
        $vmotion.ActiveNic | Should -Be @('vmnic1')
        $mgmt.StandbyNic[0] | Should -Be 'vmnic1'
        $vmotion.StandbyNic[0] | Should -Be 'vmnic0'
        # No port group loses redundancy: every uplink stays active or standby.
        foreach ($row in $rows) { ($row.ActiveNic + $row.StandbyNic | Sort-Object) | Should -Be @('vmnic0', 'vmnic1', 'vmnic2', 'vmnic3') }
        # Before: port ids 1 (vMotion) -> vmnic1, 2 (NFS, both targets) -> vmnic2, 3 and 4 (VMs) -> vmnic3 and vmnic0:
        # every uplink carries 1000 Mbps, 4000 in all, and so it stays.
        ($rows | Measure-Object ThroughputMbpsBefore -Sum).Sum | Should -Be 4000
        ($rows | Measure-Object ThroughputMbps -Sum).Sum | Should -Be 4000
        $rows[2].Changed | Should -BeFalse
        $rows[3].Changed | Should -BeFalse
        $mgmt.Reason | Should -Match 'Management gets its own active uplink \(vmnic0\)'
    }

    It 'proposes IP hash only where the switch has its static channel, or may get one' {
        # Port id: vmk1 on one uplink, 1000 Mbps. IP hash: 10 XOR 20 = 30 (even) vmnic0, 10 XOR 21 = 31 (odd) vmnic1: 2000 Mbps.
        $plain = New-NfsSwitch
        $row = Optimize-VNTeaming -VirtualSwitch $plain.Switch -Flow $plain.Flows
        $row.LoadBalancingPolicy | Should -Not -Be 'LoadBalanceIP'
        $row.ThroughputMbps | Should -Be 1000

        $channel = New-NfsSwitch -StaticChannel
        $row = Optimize-VNTeaming -VirtualSwitch $channel.Switch -Flow $channel.Flows
        $row.LoadBalancingPolicy | Should -Be 'LoadBalanceIP'
        # Port ID towards a static channel: the switch hashes return frames onto either member while the vSwitch
        # keeps vmk1 on one uplink, a channel mismatch that delivers nothing.
        $row.ThroughputMbpsBefore | Should -Be 0
        $row.ThroughputMbps | Should -Be 2000
        # Either uplink failing leaves the other: 1000 Mbps.
        $row.WorstSingleFailureThroughputMbps | Should -Be 1000

        $assumed = New-NfsSwitch
        $row = Optimize-VNTeaming -VirtualSwitch $assumed.Switch -Flow $assumed.Flows -AssumeSwitchChange
        $row.LoadBalancingPolicy | Should -Be 'LoadBalanceIP'
        $row.ThroughputMbps | Should -Be 2000
    }

    It '-Apply sets the proposal and the simulation then delivers what it said; -WhatIf sets nothing' {
        $lab = New-NfsSwitch -StaticChannel
        Optimize-VNTeaming -VirtualSwitch $lab.Switch -Flow $lab.Flows -Apply -WhatIf | Out-Null
        ($lab.Switch | Get-VNPortGroup -Name NFS | Get-VNTeamingPolicy).LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        $row = Optimize-VNTeaming -VirtualSwitch $lab.Switch -Flow $lab.Flows -Apply -Confirm:$false
        $row.Applied | Should -BeTrue
        ($lab.Switch | Get-VNPortGroup -Name NFS | Get-VNTeamingPolicy).LoadBalancingPolicy | Should -Be 'LoadBalanceIP'
        ($lab.Switch | Invoke-VNTrafficSimulation -Flow $lab.Flows).AggregateThroughputMbps | Should -Be 2000
    }

    It 'refuses a Hyper-V switch with UnsupportedOnSwitch and goes on with the next' {
        $hv = New-VNHost -Name hv01 -Hypervisor HyperV -Version 2019 -IPAddress 192.168.1.133
        $hvSwitch = $hv | Add-VNVirtualSwitch -Name External
        $lab = New-FourUplinkHost
        $rows = Optimize-VNTeaming -VirtualSwitch $hvSwitch, $lab.Switch -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -Be 'UnsupportedOnSwitch,VirtNet.Commands.OptimizeVNTeamingCommand'
        @($rows).Count | Should -Be 4
        # Without flows only the constraints decide.
        $rows[0].ActiveNic | Should -Be @('vmnic0')
    }
}

Describe 'The planners take names from the session inventory' {
    BeforeEach { Clear-VNTestSession }

    It 'Optimize-VNHaIsolation -Cluster lab plans the same change as the cluster object' {
        $hosts = New-VNSampleLab -Name HaCluster | Where-Object { $_ -is [VirtNet.VNHost] }
        New-VNCluster -Name lab -Host $hosts | Out-Null
        $changes = @(Optimize-VNHaIsolation -Cluster lab)
        $changes.Kind | Should -Be 'PortFast'
        $changes.Target | Should -Be 'cat-a/Gi0/3, cat-b/Gi0/3'
    }

    It 'Optimize-VNTeaming takes host/switch paths and Find-VNBalancedAddress takes -Host by name' {
        New-VNSampleLab -Name NicTeaming | Out-Null
        @(Optimize-VNTeaming -VirtualSwitch esx01/vSwitch0).Count | Should -BeGreaterThan 0
        # vmk0 10.0.0.10 on port ID keeps one uplink whatever the target (see the port ID case above).
        $p = Find-VNBalancedAddress -Source vmk0 -Host esx01 -Count 1 -AddressRange 10.0.0.22-10.0.0.30
        $p.Uplink.Name | Should -Be 'vmnic1'
    }

    It 'a name not in the session is refused with the names that are' {
        { Optimize-VNHaIsolation -Cluster nosuch -ErrorAction Stop } | Should -Throw -ExpectedMessage '*nosuch*'
    }
}

Describe 'Export-VNReport -Proposal: the planners'' proposals before and after' {
    BeforeAll {
        $folder = Join-Path $TestDrive 'proposals'
        $null = New-Item -ItemType Directory -Path $folder
        function Read-Report([string] $Path) { [xml]((Get-Content -Path $Path -Raw) -replace '^<!DOCTYPE html>', '') }
    }

    It 'shows the HA change and the scenarios run again with it: esx03''s flap goes from Isolated 17 s to ok' {
        $hosts = New-VNSampleLab -Name HaCluster | Where-Object { $_ -is [VirtNet.VNHost] }
        $cluster = New-VNCluster -Name lab -Host $hosts
        $changes = Optimize-VNHaIsolation -Cluster $cluster
        $path = Join-Path $folder 'ha.html'
        $cluster | Export-VNReport -Path $path -Proposal $changes
        $xml = Read-Report $path
        $section = $xml.SelectSingleNode('//section[@id="changes"]')
        $section.SelectSingleNode('.//table[@class="changes"]/tbody/tr/td[1]').InnerText | Should -Be 'PortFast'
        $section.SelectSingleNode('.//table[@class="changes"]/tbody/tr/td[2]').InnerText | Should -Be 'cat-a/Gi0/3, cat-b/Gi0/3'
        # Before: failback at 2.1 s onto Gi0/3, forwarding only at 2 + 30 = 32 s, response at 2 + 15 = 17 s.
        # After: PortFast trunk forwards at once, heartbeats never stop. Only that scenario had an isolation.
        $rows = $section.SelectNodes('.//table[@class="matrix"]/tbody/tr')
        $rows.Count | Should -Be 1
        $rows[0].SelectSingleNode('th').InnerText | Should -Be 'esx03/vSwitch0/vmnic0 flaps 2 s'
        $rows[0].SelectNodes('td')[2].InnerText | Should -Be "Isolated 17 s $([char]0x2192) ok"
        $rows[0].SelectNodes('td')[2].class | Should -Be 'v-notisolated turned'
        # The report's own HA section and the model are as before: the change was simulated, then undone.
        $xml.SelectSingleNode('//section[@id="ha"]//td[@class="v-isolated"]').InnerText | Should -Be 'Isolated 17 s'
        @(Test-VNHaIsolation -Cluster $cluster | Where-Object Verdict -ne NotIsolated).Count | Should -Be 1
    }

    It 'shows a teaming proposal''s numbers before and after: port ID 0 -> IP hash 2000 Mbps' {
        $core = New-VNPhysicalSwitch -Name core1 -LoadBalance SrcDstIp
        $vs = New-VNHost -Name esx01 -Version 5.5 | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi1/0/2 | Out-Null
        New-VNPortChannel -PhysicalSwitch $core -Name Po1 -Member Gi1/0/1, Gi1/0/2 -Mode On | Out-Null
        $vmk = $vs | Add-VNPortGroup -Name NFS | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10/24 -Purpose Storage
        $flows = New-VNFlow -Source $vmk -Destination 10.0.0.20, 10.0.0.21
        $proposal = Optimize-VNTeaming -VirtualSwitch $vs -Flow $flows
        $path = Join-Path $folder 'teaming.html'
        $vs.Host | Export-VNReport -Path $path -Proposal $proposal
        $row = (Read-Report $path).SelectSingleNode('//section[@id="changes"]//table[@class="changes"]/tbody/tr')
        $cells = $row.SelectNodes('td')
        $row.SelectSingleNode('th').InnerText | Should -Be 'esx01/vSwitch1/NFS'
        $cells[0].InnerText | Should -Be 'LoadBalanceSrcId; active vmnic0, vmnic1'
        $cells[1].InnerText | Should -Be 'LoadBalanceIP; active vmnic0, vmnic1'
        # Port ID towards the static channel: a channel mismatch, 0 Mbps. IP hash: 10 XOR 20 = 30 -> vmnic0, 10 XOR 21 = 31 -> vmnic1,
        # 1000 Mbps each; after either uplink fails the other carries both: 1000 Mbps.
        $arrow = [char]0x2192
        $cells[2].InnerText | Should -Be "0 $arrow 2000"
        $cells[2].class | Should -Be 'num better'
        $cells[3].InnerText | Should -Be "0 $arrow 1000"
        $cells[5].InnerText | Should -Match '^proposed'
    }

    It 'lists proposed addresses with their uplink and channel member' {
        $lab = New-StorageHost -IpHash
        $p = Find-VNBalancedAddress -Source $lab.Vmk -Count 2 -AddressRange 10.0.0.20-10.0.0.30
        $path = Join-Path $folder 'addresses.html'
        $lab.Host | Export-VNReport -Path $path -Proposal $p
        $rows = (Read-Report $path).SelectNodes('//section[@id="changes"]//table[@class="changes"]/tbody/tr')
        # The worked case above: .22 -> vmnic0 / Gi1/0/1, .23 -> vmnic1 / Gi2/0/1.
        @($rows | ForEach-Object { ($_.SelectNodes('td') | ForEach-Object InnerText) -join ' ' }) |
            Should -Be @('10.0.0.22 vmnic0 vmnic0 cat3750/Gi1/0/1 Ok', '10.0.0.23 vmnic1 vmnic1 cat3750/Gi2/0/1 Ok')
    }

    It 'refuses what is not a proposal with UnsupportedProposal, and warns about a proposal for a host outside the report' {
        $lab = New-StorageHost -IpHash
        $other = New-StorageHost -IpHash
        $p = Find-VNBalancedAddress -Source $other.Vmk -Count 1 -AddressRange 10.0.0.22-10.0.0.30
        $path = Join-Path $folder 'mixed.html'
        $lab.Host | Export-VNReport -Path $path -Proposal 'not a proposal', $p -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedProposal,VirtNet.Commands.ExportVNReportCommand'
        "$($warn[0])" | Should -Match 'address proposals for host esx01 are left out: the host is not in the report'
        (Read-Report $path).SelectSingleNode('//section[@id="changes"]') | Should -BeNullOrEmpty
    }
}
