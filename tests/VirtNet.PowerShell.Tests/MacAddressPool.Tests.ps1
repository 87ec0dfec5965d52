BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    # A Hyper-V host with an External switch and a LAN port group, as every scenario below needs one.
    function New-HyperVHost([string] $Name, [string] $IPAddress) {
        $h = New-VNHost -Name $Name -Hypervisor HyperV -Version 2019 -IPAddress $IPAddress
        $h | Add-VNVirtualSwitch -Name External -Nic NIC1 | Add-VNPortGroup -Name LAN | Out-Null
        $h
    }
    function Get-Mac($VM) { $VM.NetworkAdapters[0].MacAddress.ToHyphenString() }
}

Describe 'Get-VNMacAddressPool' {
    It 'derives <Minimum> to <Maximum> from <IPAddress> (KB 2804678)' -ForEach @(
        @{ IPAddress = '192.168.1.133'; Minimum = '00-15-5D-01-85-00'; Maximum = '00-15-5D-01-85-FF' }
        @{ IPAddress = '192.168.20.1'; Minimum = '00-15-5D-14-01-00'; Maximum = '00-15-5D-14-01-FF' }
    ) {
        $pool = New-VNHost -Name hv01 -Hypervisor HyperV -IPAddress $IPAddress | Get-VNMacAddressPool
        $pool.MacAddressMinimum.ToHyphenString() | Should -Be $Minimum
        $pool.MacAddressMaximum.ToHyphenString() | Should -Be $Maximum
        $pool.Source | Should -Be 'Derived'
        $pool.Size | Should -Be 256
        $pool.Free | Should -Be 256
    }

    It 'hands the pool out upward to VMs without a MAC address' {
        $h = New-HyperVHost hv01 192.168.20.1
        $vms = 1..3 | ForEach-Object { $h | Add-VNVirtualMachine -Name "vm$_" -PortGroup LAN }
        $vms | ForEach-Object { Get-Mac $_ } | Should -Be @('00-15-5D-14-01-00', '00-15-5D-14-01-01', '00-15-5D-14-01-02')
        $pool = $h | Get-VNMacAddressPool
        $pool.InUse | Should -Be 3
        $pool.NextMacAddress.ToHyphenString() | Should -Be '00-15-5D-14-01-03'
        ($pool | Format-Table | Out-String) | Should -Match 'hv01\s+00-15-5D-14-01-00\s+00-15-5D-14-01-FF\s+Derived\s+3\s+253\s+00-15-5D-14-01-03'
    }

    It 'refuses the VM that finds the pool exhausted with MacAddressPoolExhausted, and the rest go on' {
        $h = New-HyperVHost hv01 192.168.1.133
        $h | Set-VNHost -MacAddressMinimum 00155D018500 -MacAddressMaximum 00155D018501
        $created = 'vm1', 'vm2', 'vm3' | ForEach-Object { $h | Add-VNVirtualMachine -Name $_ -PortGroup LAN -ErrorVariable +err -ErrorAction SilentlyContinue }
        $created.Name | Should -Be @('vm1', 'vm2')
        $err[0].FullyQualifiedErrorId | Should -Be 'MacAddressPoolExhausted,VirtNet.Commands.AddVNVirtualMachineCommand'
        $err[0].Exception.Message | Should -Match 'Attempt to access invalid address'
        $h.VirtualMachines.Name | Should -Be @('vm1', 'vm2')
        ($h | Add-VNVirtualMachine -Name static -PortGroup LAN -MacAddress 00-15-5D-AA-00-01).Name | Should -Be 'static'
    }

    It 'reports each host on its own: an ESX host fails with UnsupportedOnHost, a Hyper-V host without an address with MacAddressPoolUndefined' {
        $hosts = @(
            (New-VNHost -Name esx01)
            (New-VNHost -Name hv00 -Hypervisor HyperV)
            (New-VNHost -Name hv01 -Hypervisor HyperV -IPAddress 192.168.1.133)
        )
        $pools = $hosts | Get-VNMacAddressPool -ErrorVariable err -ErrorAction SilentlyContinue
        @($pools).Count | Should -Be 1
        $pools.Host.Name | Should -Be 'hv01'
        $err.FullyQualifiedErrorId | Should -Be @('UnsupportedOnHost,VirtNet.Commands.GetVNMacAddressPoolCommand', 'MacAddressPoolUndefined,VirtNet.Commands.GetVNMacAddressPoolCommand')
    }
}

Describe 'Set-VNHost' {
    It 'sets an explicit range as Set-VMHost does, blanks around the values ignored' {
        $h = New-HyperVHost hv01 192.168.1.133
        $out = $h | Set-VNHost -MacAddressMinimum '00155D017000' -MacAddressMaximum '00155D017099 '
        $out | Should -BeNullOrEmpty
        $pool = $h | Get-VNMacAddressPool
        $pool.Source | Should -Be 'Explicit'
        $pool.Size | Should -Be 154
        Get-Mac ($h | Add-VNVirtualMachine -Name vm1 -PortGroup LAN) | Should -Be '00-15-5D-01-70-00'
    }

    It 'changes the address and FQDN but keeps the pool of the first address, and emits the host with -PassThru' {
        $h = New-HyperVHost hv01 192.168.1.133
        $out = $h | Set-VNHost -IPAddress 192.168.1.140 -Fqdn hv01.lab.local -PassThru
        $out | Should -Be $h
        $h.IPAddress.ToString() | Should -Be '192.168.1.140'
        $h.Fqdn | Should -Be 'hv01.lab.local'
        $h.MacAddressMinimum.ToHyphenString() | Should -Be '00-15-5D-01-85-00'
    }

    It 'stops before any host changes when a MAC address is malformed' {
        $h = New-HyperVHost hv01 192.168.1.133
        { $h | Set-VNHost -MacAddressMinimum 00155D01700 -Fqdn x -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidMacAddress,VirtNet.Commands.SetVNHostCommand'
        $h.Fqdn | Should -BeNullOrEmpty
        ($h | Get-VNMacAddressPool).Source | Should -Be 'Derived'
    }

    It 'leaves a host it cannot change as it was and goes on with the others' {
        $esx = New-VNHost -Name esx01
        $hv = New-HyperVHost hv01 192.168.1.133
        $esx, $hv | Set-VNHost -MacAddressMinimum 00155D017000 -MacAddressMaximum 00155D0170FF -Fqdn lab.local -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedOnHost,VirtNet.Commands.SetVNHostCommand'
        $esx.Fqdn | Should -BeNullOrEmpty
        $hv.Fqdn | Should -Be 'lab.local'
        ($hv | Get-VNMacAddressPool).Source | Should -Be 'Explicit'
    }

    It 'refuses an upside-down range with InvalidMacAddressPool' {
        { New-HyperVHost hv01 192.168.1.133 | Set-VNHost -MacAddressMinimum 00155D0170FF -MacAddressMaximum 00155D017000 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidMacAddressPool,VirtNet.Commands.SetVNHostCommand'
    }

    It 'sets the FQDN of an ESX host' {
        (New-VNHost -Name esx01 | Set-VNHost -Fqdn esx01.lab.local -PassThru).Fqdn | Should -Be 'esx01.lab.local'
    }

    It 'changes nothing with -WhatIf' {
        $h = New-HyperVHost hv01 192.168.1.133
        $h | Set-VNHost -MacAddressMinimum 00155D017000 -MacAddressMaximum 00155D0170FF -Fqdn x -WhatIf
        $h.Fqdn | Should -BeNullOrEmpty
        ($h | Get-VNMacAddressPool).Source | Should -Be 'Derived'
    }
}

Describe 'Move-VNVirtualMachine and Restart-VNVirtualMachine' {
    BeforeEach {
        $hv01 = New-HyperVHost hv01 192.168.1.133
        $hv02 = New-HyperVHost hv02 192.168.20.1
        $app01 = $hv01 | Add-VNVirtualMachine -Name app01 -PortGroup LAN
    }

    It 'moves the VM with its MAC address, and a restart gives it one of the new host''s pool' {
        $moved = $app01 | Move-VNVirtualMachine -Destination $hv02
        $moved | Should -Be $app01
        $app01.Host | Should -Be $hv02
        Get-Mac $app01 | Should -Be '00-15-5D-01-85-00'
        $app01.NetworkAdapters[0].PortGroup.Host | Should -Be $hv02
        (($app01 | Restart-VNVirtualMachine -Verbose 4>&1) -join "`n") | Should -Match 'new dynamic MAC address 00:15:5d:14:01:00 \(was 00:15:5d:01:85:00'
        Get-Mac $app01 | Should -Be '00-15-5D-14-01-00'
    }

    It 'emits the VM after a restart only with -PassThru' {
        $app01 | Restart-VNVirtualMachine | Should -BeNullOrEmpty
        $app01 | Restart-VNVirtualMachine -PassThru | Should -Be $app01
    }

    It 'refuses a move <Case> with <ErrorId> and the next VM still moves' -ForEach @(
        @{ Case = 'to the same host'; ErrorId = 'InvalidMove'; Destination = 'hv01' }
        @{ Case = 'to an ESX host'; ErrorId = 'UnsupportedOnHost'; Destination = 'esx' }
    ) {
        $targets = @{ hv01 = $hv01; esx = (New-VNHost -Name esx01) }
        $app02 = $hv01 | Add-VNVirtualMachine -Name app02 -PortGroup LAN
        $app01 | Move-VNVirtualMachine -Destination $targets[$Destination] -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,VirtNet.Commands.MoveVNVirtualMachineCommand"
        $app01, $app02 | Move-VNVirtualMachine -Destination $hv02 -ErrorAction SilentlyContinue | Out-Null
        $hv02.VirtualMachines.Name | Should -Be @('app01', 'app02')
    }

    It 'leaves the VM where it is when the destination lacks a port group' {
        $hv01.VirtualSwitches[0] | Add-VNPortGroup -Name Storage | Out-Null
        $vm = $hv01 | Add-VNVirtualMachine -Name db01 -PortGroup LAN, Storage
        { $vm | Move-VNVirtualMachine -Destination $hv02 -ErrorAction Stop } | Should -Throw -ErrorId 'PortGroupNotFound,VirtNet.Commands.MoveVNVirtualMachineCommand'
        $vm.Host | Should -Be $hv01
        $hv02.VirtualMachines | Should -BeNullOrEmpty
    }

    It 'moves nothing with -WhatIf' {
        $app01 | Move-VNVirtualMachine -Destination $hv02 -WhatIf | Should -BeNullOrEmpty
        $app01.Host | Should -Be $hv01
    }
}

Describe 'Test-VNMacAddressConflict: the seed collision scenarios' {
    It 'reports hosts whose addresses share the last two octets, and the address both hand out first' {
        $hv01 = New-HyperVHost hv01 192.168.1.133
        $hv02 = New-HyperVHost hv02 10.0.1.133
        $a = $hv01 | Add-VNVirtualMachine -Name app01 -PortGroup LAN
        $b = $hv02 | Add-VNVirtualMachine -Name db01 -PortGroup LAN
        $conflicts = Test-VNMacAddressConflict -Host $hv01, $hv02
        $conflicts.Kind | Should -Be @('SameIPOctets', 'DuplicateMacAddress')
        $conflicts[0].MacAddress | Should -Be '00-15-5D-01-85-00 to 00-15-5D-01-85-FF'
        $conflicts[0].Hosts.Name | Should -Be @('hv01', 'hv02')
        $conflicts[1].MacAddress | Should -Be '00-15-5D-01-85-00'
        $conflicts[1].VirtualMachines | Should -Be @($a, $b)
        $conflicts[1].Recommendation | Should -Not -BeNullOrEmpty
    }

    It 'reports hosts cloned from one image as one ClonedPool conflict' {
        $hosts = 'hv11', 'hv12', 'hv13' | New-VNHost -Hypervisor HyperV -Version 2019 -IPAddress 192.168.1.133
        $hosts[1] | Set-VNHost -IPAddress 192.168.1.141
        $hosts[2] | Set-VNHost -IPAddress 192.168.1.142
        $conflict = $hosts | Test-VNMacAddressConflict
        @($conflict).Count | Should -Be 1
        $conflict.Kind | Should -Be 'ClonedPool'
        $conflict.Hosts.Name | Should -Be @('hv11', 'hv12', 'hv13')
        ($conflict | Out-String) | Should -Match 'Sysprep'
    }

    It 'follows a migrated VM from a latent conflict to a duplicate and back to none after a restart' {
        $hv01 = New-HyperVHost hv01 192.168.1.133
        $hv02 = New-HyperVHost hv02 192.168.20.1
        $hv01 | Set-VNHost -MacAddressMinimum 00155D018500 -MacAddressMaximum 00155D018501
        $app01 = $hv01 | Add-VNVirtualMachine -Name app01 -PortGroup LAN
        $hv01 | Add-VNVirtualMachine -Name app02 -PortGroup LAN | Out-Null
        $app01 | Move-VNVirtualMachine -Destination $hv02 | Out-Null

        $latent = Test-VNMacAddressConflict -Host $hv01, $hv02
        $latent.Kind | Should -Be 'ForeignDynamicMacAddress'
        $latent.VirtualMachines | Should -Be $app01

        $app03 = $hv01 | Add-VNVirtualMachine -Name app03 -PortGroup LAN
        Get-Mac $app03 | Should -Be (Get-Mac $app01)
        $duplicate = $hv01, $hv02 | Test-VNMacAddressConflict
        $duplicate.Kind | Should -Be 'DuplicateMacAddress'
        $duplicate.VirtualMachines.Name | Should -Be @('app03', 'app01')
        $duplicate.Recommendation | Should -Match 'Restart-VNVirtualMachine'

        $app01 | Restart-VNVirtualMachine
        Test-VNMacAddressConflict -Host $hv01, $hv02 | Should -BeNullOrEmpty
    }

    It 'finds a static MAC address given twice on ESX hosts' {
        $esx = 'esx01', 'esx02' | New-VNHost -Version 6.7
        foreach ($h in $esx) { $h | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNPortGroup -Name 'VM Network' | Out-Null }
        $esx[0] | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network' -MacAddress 00:50:56:00:00:01 | Out-Null
        $esx[1] | Add-VNVirtualMachine -Name web02 -PortGroup 'VM Network' -MacAddress 00:50:56:00:00:01 | Out-Null
        $conflict = $esx | Test-VNMacAddressConflict
        $conflict.Kind | Should -Be 'DuplicateMacAddress'
        $conflict.Hosts.Name | Should -Be @('esx01', 'esx02')
    }
}

Describe 'Export-VNConfig and Import-VNConfig with Hyper-V and Linux hosts' {
    It 'bring back the pool, the team, the bond and the addresses, so the next VM gets the same address' {
        $hv = New-VNHost -Name hv01 -Hypervisor HyperV -Version 2019 -IPAddress 192.168.1.133
        $vs = $hv | Add-VNVirtualSwitch -Name External -Nic NIC1, NIC2
        $null = $vs | Add-VNPortGroup -Name LAN
        $null = $hv | New-VNTeam -Name Team0 -TeamMembers NIC2, NIC1 -TeamingMode Static -LoadBalancingAlgorithm IPAddresses
        $null = 'vm1', 'vm2' | ForEach-Object { $hv | Add-VNVirtualMachine -Name $_ -PortGroup LAN }
        $hv | Get-VNVirtualMachine -Name vm1 | Remove-VNVirtualMachine
        $lx = New-VNHost -Name lx01 -Hypervisor Linux
        $null = $lx | Add-VNVirtualSwitch -Name bond0 -BondMode balance-xor -XmitHashPolicy layer2+3 -Nic eth0, eth1
        $path = Join-Path $TestDrive 'platforms.json'

        Export-VNConfig -InputObject $hv, $lx -Path $path
        $hv2, $lx2 = Import-VNConfig -Path $path

        $hv2.Teams[0].TeamMembers | Should -Be @('NIC2', 'NIC1')
        $hv2.Teams[0].TeamingMode | Should -Be 'Static'
        ($lx2 | Get-VNVirtualSwitch).BondMode | Should -Be 'BalanceXor'
        ($hv2 | Get-VNMacAddressPool).NextMacAddress.ToHyphenString() | Should -Be '00-15-5D-01-85-02'
        $next = $hv2 | Add-VNVirtualMachine -Name vm3 -PortGroup LAN
        Get-Mac $next | Should -Be (Get-Mac ($hv | Add-VNVirtualMachine -Name vm3 -PortGroup LAN))
    }
}
