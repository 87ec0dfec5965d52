BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    # A two-member Catalyst 3750 stack.
    function New-TestStack { New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750' -Stack 2 }
}

Describe 'Add-VNUplink' {
    It 'adds 1000 Mbps uplinks that join the active list in the order given' {
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch1
        $uplinks = $vs | Add-VNUplink -Name vmnic0, vmnic1
        $uplinks.Name | Should -Be @('vmnic0', 'vmnic1')
        $uplinks.SpeedMbps | Should -Be @(1000, 1000)
        $uplinks[0].VirtualSwitch | Should -Be $vs
        $uplinks[0].PhysicalSwitch | Should -BeNullOrEmpty
        $vs.Nic | Should -Be @('vmnic0', 'vmnic1')
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $vs.NumPortsAvailable | Should -Be 54
    }

    It 'refuses a ninth uplink on an 8-port switch with VirtualSwitchFull' {
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch1 -NumPorts 8
        $null = $vs | Add-VNUplink -Name (0..7 | ForEach-Object { "vmnic$_" })
        $vs.NumPortsAvailable | Should -Be 0
        { $vs | Add-VNUplink -Name vmnic8 -ErrorAction Stop } |
            Should -Throw -ErrorId 'VirtualSwitchFull,VirtNet.Commands.AddVNUplinkCommand'
        $vs.Nic.Count | Should -Be 8
    }

    It 'refuses an uplink that is on another vSwitch of the host with UplinkInUse' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $null = $h | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0
        $vs1 = $h | Add-VNVirtualSwitch -Name vSwitch1
        $vs1 | Add-VNUplink -Name VMNIC0 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'UplinkInUse,VirtNet.Commands.AddVNUplinkCommand'
        $err[0].Exception.Message | Should -Match 'esx01/vSwitch0'
        $vs1.Nic.Count | Should -Be 0
    }

    It 'refuses the same uplink twice on one switch, ignoring case, with DuplicateName' {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0
        { $vs | Add-VNUplink -Name VmNic0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateName,VirtNet.Commands.AddVNUplinkCommand'
    }

    It 'adds the other names when one of several is bad' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $null = $h | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic1
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $added = $vs | Add-VNUplink -Name vmnic0, vmnic1, ' bad', vmnic2 -ErrorVariable err -ErrorAction SilentlyContinue
        $added.Name | Should -Be @('vmnic0', 'vmnic2')
        $vs.Nic | Should -Be @('vmnic0', 'vmnic2')
        $err.FullyQualifiedErrorId | Should -Be @('UplinkInUse,VirtNet.Commands.AddVNUplinkCommand', 'InvalidName,VirtNet.Commands.AddVNUplinkCommand')
    }

    It 'cables an uplink to a physical switch port and shows PhysicalSwitch and SwitchPort' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $uplinks = $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort GigabitEthernet1/0/1, Gi2/0/1
        $uplinks.PhysicalSwitch.Name | Should -Be @('core1', 'core1')
        $uplinks.SwitchPort.Name | Should -Be @('Gi1/0/1', 'Gi2/0/1')
        $uplinks[0].SwitchPort.LongName | Should -Be 'GigabitEthernet1/0/1'
        $core.GetPort('Gi2/0/1').Uplink | Should -Be $uplinks[1]
    }

    It 'treats GigabitEthernet1/0/1 and Gi1/0/1 as one port: a second uplink on it fails with SwitchPortInUse and is not added' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $first = $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $core -SwitchPort GigabitEthernet1/0/1
        $vs | Add-VNUplink -Name vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1 -ErrorVariable err -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'SwitchPortInUse,VirtNet.Commands.AddVNUplinkCommand'
        $vs.Nic | Should -Be @('vmnic0')
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic0')
        $vs.NumPortsAvailable | Should -Be 127
        $core.GetPort('Gi1/0/1').Uplink | Should -Be $first
    }

    It 'refuses a port on a stack member the switch does not have with InvalidSwitchPortName' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        { $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $core -SwitchPort Gi3/0/1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSwitchPortName,VirtNet.Commands.AddVNUplinkCommand'
        $vs.Nic.Count | Should -Be 0
        $core.Ports.Count | Should -Be 0
    }

    It 'refuses a -SwitchPort count that differs from -Name with ParameterCountMismatch and adds nothing' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ParameterCountMismatch,VirtNet.Commands.AddVNUplinkCommand'
        $err[0].Exception.Message | Should -Match 'vmnic0, vmnic1'
        $vs.Nic.Count | Should -Be 0
    }

    It 'needs -PhysicalSwitch with -SwitchPort' {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        { $vs | Add-VNUplink -Name vmnic0 -SwitchPort Gi1/0/1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'MissingMandatoryParameter,VirtNet.Commands.AddVNUplinkCommand'
        $vs.Nic.Count | Should -Be 0
    }

    It 'stores a MAC address in canonical form whatever the vendor notation' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0
        $uplinks = $vs | Add-VNUplink -Name vmnic0, vmnic1 -SpeedMbps 10000 -MacAddress 00-1B-21-3A-4C-5E, 001b.213a.4c5f
        $uplinks.MacAddress.ForEach({ $_.ToString() }) | Should -Be @('00:1b:21:3a:4c:5e', '00:1b:21:3a:4c:5f')
        $uplinks.SpeedMbps | Should -Be @(10000, 10000)
    }

    It 'refuses a malformed MAC address with InvalidMacAddress' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0
        $vs | Add-VNUplink -Name vmnic0 -MacAddress 00:1b:21:3a:4c -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidMacAddress,VirtNet.Commands.AddVNUplinkCommand'
        $err[0].Exception.Message | Should -Match '00:50:56:aa:bb:cc'
        $vs.Nic.Count | Should -Be 0
    }

    It 'refuses a speed of <Speed> Mbps with InvalidSpeed' -ForEach @(@{ Speed = 0 }, @{ Speed = 400001 }) {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0
        { $vs | Add-VNUplink -Name vmnic0 -SpeedMbps $Speed -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSpeed,VirtNet.Commands.AddVNUplinkCommand'
        $vs.Nic.Count | Should -Be 0
    }

    It 'adds and cables nothing with -WhatIf' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $core -SwitchPort Gi1/0/1 -WhatIf | Should -BeNullOrEmpty
        $vs.Nic.Count | Should -Be 0
        $core.Ports.Count | Should -Be 0
    }

    It 'takes Name, Mac and SwitchPort by property name from PowerCLI-shaped NICs and cabling rows' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $nics = @(
            [pscustomobject]@{ Name = 'vmnic0'; Mac = '00:1b:21:3a:4c:5e'; SpeedMbps = 10000; SwitchPort = 'Te1/0/1' }
            [pscustomobject]@{ Name = 'vmnic1'; SwitchPort = 'Gi2/0/1' }
        )
        $uplinks = $nics | Add-VNUplink -VirtualSwitch $vs -PhysicalSwitch $core
        $uplinks.Name | Should -Be @('vmnic0', 'vmnic1')
        $uplinks[0].MacAddress.ToString() | Should -Be '00:1b:21:3a:4c:5e'
        $uplinks.SpeedMbps | Should -Be @(10000, 1000)
        $uplinks.SwitchPort.Name | Should -Be @('Te1/0/1', 'Gi2/0/1')
    }
}

Describe 'Get-VNUplink' {
    BeforeAll {
        $h = New-VNHost -Name esx01 -Version 4.1
        $vs0 = $h | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0, vmnic1
        $vs1 = $h | Add-VNVirtualSwitch -Name vSwitch1 -Nic vmnic2
    }

    It 'gets the uplinks of every switch of a host' {
        ($h | Get-VNUplink).Path | Should -Be @('esx01/vSwitch0/vmnic0', 'esx01/vSwitch0/vmnic1', 'esx01/vSwitch1/vmnic2')
    }

    It 'gets the uplinks of the switches piped in' {
        ($vs1 | Get-VNUplink).Name | Should -Be @('vmnic2')
        (Get-VNUplink -VirtualSwitch $vs0, $vs1 -Name *1).Name | Should -Be @('vmnic1')
    }

    It 'matches names and wildcards without regard to case' {
        ($h | Get-VNUplink -Name VMNIC2).Name | Should -Be @('vmnic2')
        ($h | Get-VNUplink -Name 'VMnic[01]').Name | Should -Be @('vmnic0', 'vmnic1')
    }

    It 'reports a name that matches nothing as UplinkNotFound, naming the uplinks that exist' {
        $vs1 | Get-VNUplink -Name vmnic0 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'UplinkNotFound,VirtNet.Commands.GetVNUplinkCommand'
        $err[0].Exception.Message | Should -Match 'existing: vmnic2\)'
        $h | Get-VNUplink -Name vmnic7 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match 'existing: vmnic0, vmnic1, vmnic2\)'
    }

    It 'is silent when a wildcard matches nothing' {
        $h | Get-VNUplink -Name 'vmnic9*' -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
    }
}

Describe 'Remove-VNUplink' {
    It 'takes the uplink out of the failover order, frees its vSwitch port and unplugs its switch port' {
        $core = New-TestStack
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch0
        $uplinks = $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi2/0/1
        $uplinks[0] | Remove-VNUplink
        $vs.Nic | Should -Be @('vmnic1')
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic1')
        $vs.NumPortsAvailable | Should -Be 55
        $core.GetPort('Gi1/0/1').Uplink | Should -BeNullOrEmpty
        $uplinks[0].VirtualSwitch | Should -BeNullOrEmpty
    }

    It 'frees the NIC for another switch of the host' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $null = $h | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0
        $vs1 = $h | Add-VNVirtualSwitch -Name vSwitch1
        $h | Get-VNUplink -Name vmnic0 | Remove-VNUplink
        ($vs1 | Add-VNUplink -Name vmnic0).Path | Should -Be 'esx01/vSwitch1/vmnic0'
    }

    It 'removes every uplink piped from Get-VNUplink' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0, vmnic1, vmnic2
        $vs | Get-VNUplink | Remove-VNUplink
        $vs.Nic.Count | Should -Be 0
        $vs.TeamingPolicy.ActiveNic.Count | Should -Be 0
    }

    It 'removes the named uplinks piped from Get-VNUplink and reports a missing name with the uplinks that were there' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0, vmnic1, vmnic2
        $vs | Get-VNUplink -Name vmnic2, vmnic7, vmnic0 -ErrorVariable err -ErrorAction SilentlyContinue | Remove-VNUplink
        $vs.Nic | Should -Be @('vmnic1')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UplinkNotFound,VirtNet.Commands.GetVNUplinkCommand'
        $err[0].Exception.Message | Should -Match 'existing: vmnic0, vmnic1, vmnic2\)'
    }

    It 'changes nothing with -WhatIf' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0
        $vs | Get-VNUplink | Remove-VNUplink -WhatIf
        $vs.Nic | Should -Be @('vmnic0')
    }
}
