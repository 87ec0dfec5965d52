BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    # A /24 VMkernel port, and a VM with one adapter, on the given port group.
    function New-TestVmk($PortGroup, [string] $Name, [string] $IPAddress) {
        $PortGroup | Add-VNVMKernelAdapter -Name $Name -IPAddress "$IPAddress/24"
    }
    function New-TestVM($VMHost, [string] $Name, $PortGroup) {
        $VMHost | Add-VNVirtualMachine -Name $Name -PortGroup $PortGroup
    }
}

Describe 'Add-VNVirtualSwitch' {
    It 'gives an ESX 3.5 standard vSwitch 56 usable ports by default, all available' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $vs.Name | Should -Be 'vSwitch1'
        $vs.Type | Should -Be 'Standard'
        $vs.NumPorts | Should -Be 56
        $vs.NumPortsAvailable | Should -Be 56
        $vs.Mtu | Should -Be 1500
        $vs.Host | Should -Be $h
        $h.VirtualSwitches.Name | Should -Be @('vSwitch1')
    }

    It 'counts every uplink and connected adapter against the usable ports on ESX 3.5' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0, vmnic1
        $pg = $vs | Add-VNPortGroup -Name 'Service Console'
        $null = New-TestVmk $pg vswif0 10.0.0.5
        $null = New-TestVM $h vm1 $pg
        $vs.NumPortsAvailable | Should -Be (56 - 4)
    }

    It 'refuses <NumPorts> ports on ESX 3.5 with InvalidNumPorts and names the usable counts' -ForEach @(
        @{ NumPorts = 64 }, @{ NumPorts = 128 }, @{ NumPorts = 4 }
    ) {
        $h = New-VNHost -Name esx01 -Version 3.5
        $h | Add-VNVirtualSwitch -Name vSwitch1 -NumPorts $NumPorts -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidNumPorts,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $err[0].Exception.Message | Should -Match '8, 24, 56, 120, 248, 504, 1016'
        $h.VirtualSwitches.Count | Should -Be 0
    }

    It 'accepts the 2^k - 8 count <NumPorts> on ESX 3.5' -ForEach @(@{ NumPorts = 8 }, @{ NumPorts = 120 }, @{ NumPorts = 1016 }) {
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch1 -NumPorts $NumPorts
        $vs.NumPorts | Should -Be $NumPorts
        $vs.NumPortsAvailable | Should -Be $NumPorts
    }

    It 'defaults to 128 ports on ESX 4.1 and counts the used ones' {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch1 -Nic vmnic0
        $vs.NumPorts | Should -Be 128
        $vs.NumPortsAvailable | Should -Be 127
    }

    It 'makes ESXi 6.7 standard vSwitches elastic: 4096 ports minus the used ones, whatever NumPorts says' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1 -NumPorts 8 -Nic vmnic0, vmnic1
        $pg = $vs | Add-VNPortGroup -Name vMotion
        $null = New-TestVmk $pg vmk1 10.0.0.5
        $vs.IsElastic | Should -BeTrue
        $vs.NumPorts | Should -Be 8
        $vs.NumPortsAvailable | Should -Be (4096 - 3)
    }

    It 'defaults the switch type on <Hypervisor> hosts to <Type>' -ForEach @(
        @{ Hypervisor = 'Esx'; Type = 'Standard' }
        @{ Hypervisor = 'HyperV'; Type = 'HyperV' }
        @{ Hypervisor = 'Linux'; Type = 'LinuxBond' }
    ) {
        (New-VNHost -Name h -Hypervisor $Hypervisor | Add-VNVirtualSwitch -Name sw).Type | Should -Be $Type
    }

    It 'refuses a distributed switch on ESX 3.5 with UnsupportedOnHost and accepts one on 4.0' {
        { New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name dvSwitch0 -Type Distributed -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnHost,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $dvs = New-VNHost -Name esx02 -Version 4.0 | Add-VNVirtualSwitch -Name dvSwitch0 -Type Distributed
        $dvs.Type | Should -Be 'Distributed'
        $dvs.NumPortsAvailable | Should -Be 4096
    }

    It 'refuses a Hyper-V switch on an ESX host with UnsupportedOnHost' {
        { New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name sw -Type HyperV -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnHost,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'refuses a second switch of the same name, ignoring case, with DuplicateName' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $null = $h | Add-VNVirtualSwitch -Name vSwitch1
        { $h | Add-VNVirtualSwitch -Name VSWITCH1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateName,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $h.VirtualSwitches.Count | Should -Be 1
    }

    It 'accepts MTU 9000 and refuses 9001 with InvalidMtu' {
        $h = New-VNHost -Name esx01 -Version 4.1
        ($h | Add-VNVirtualSwitch -Name jumbo -Mtu 9000).Mtu | Should -Be 9000
        { $h | Add-VNVirtualSwitch -Name toobig -Mtu 9001 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidMtu,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'adds the -Nic uplinks at 1000 Mbps as active NICs in the order given' {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic1, vmnic0
        $vs.Nic | Should -Be @('vmnic1', 'vmnic0')
        $vs.Uplinks.SpeedMbps | Should -Be @(1000, 1000)
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic1', 'vmnic0')
    }

    It 'does not create a switch whose -Nic uplinks do not fit (VirtualSwitchFull)' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $nics = 0..8 | ForEach-Object { "vmnic$_" }
        { $h | Add-VNVirtualSwitch -Name vSwitch1 -NumPorts 8 -Nic $nics -ErrorAction Stop } |
            Should -Throw -ErrorId 'VirtualSwitchFull,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $h.VirtualSwitches.Count | Should -Be 0
        @($h.Uplinks).Count | Should -Be 0
    }

    It 'does not create a switch with a -Nic uplink of another switch (UplinkInUse)' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $null = $h | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0
        { $h | Add-VNVirtualSwitch -Name vSwitch1 -Nic vmnic1, vmnic0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'UplinkInUse,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $h.VirtualSwitches.Name | Should -Be @('vSwitch0')
        $h.Uplinks.Name | Should -Be @('vmnic0')
    }

    It 'creates nothing and emits nothing with -WhatIf' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $h | Add-VNVirtualSwitch -Name vSwitch1 -Nic vmnic0 -WhatIf | Should -BeNullOrEmpty
        $h.VirtualSwitches.Count | Should -Be 0
    }

    It 'takes Name, NumPorts, Mtu and Nic by property name from PowerCLI-shaped objects, one bad one not stopping the rest' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $switches = @(
            [pscustomobject]@{ Name = 'vSwitch0'; NumPorts = 24; Mtu = 1500; Nic = @('vmnic0', 'vmnic1') }
            [pscustomobject]@{ Name = 'vSwitch1'; NumPorts = 64; Mtu = 1500; Nic = @() }
            [pscustomobject]@{ Name = 'vSwitch2'; Mtu = 9000 }
        )
        $created = $switches | Add-VNVirtualSwitch -Host $h -ErrorVariable err -ErrorAction SilentlyContinue
        $created.Name | Should -Be @('vSwitch0', 'vSwitch2')
        $created[0].NumPorts | Should -Be 24
        $created[0].NumPortsAvailable | Should -Be 22
        $created[1].NumPorts | Should -Be 56
        $created[1].Mtu | Should -Be 9000
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidNumPorts,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'refuses a null host with a parameter binding error' {
        { Add-VNVirtualSwitch -Host $null -Name vSwitch1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationErrorNullNotAllowed,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }
}

Describe 'Get-VNVirtualSwitch' {
    BeforeAll {
        $h = New-VNHost -Name esx01 -Version 4.1
        'vSwitch0', 'vSwitch1', 'dvSwitch0' | ForEach-Object { $null = Add-VNVirtualSwitch -Host $h -Name $_ }
    }

    It 'gets every switch of the host in the order they were added' {
        ($h | Get-VNVirtualSwitch).Name | Should -Be @('vSwitch0', 'vSwitch1', 'dvSwitch0')
    }

    It 'matches names and wildcards without regard to case, each switch once' {
        ($h | Get-VNVirtualSwitch -Name VSWITCH*).Name | Should -Be @('vSwitch0', 'vSwitch1')
        ($h | Get-VNVirtualSwitch -Name vswitch1, *Switch1).Name | Should -Be @('vSwitch1')
    }

    It 'reports a name that matches nothing as VirtualSwitchNotFound, naming the switches that exist' {
        $found = $h | Get-VNVirtualSwitch -Name vSwitch0, vSwitch9 -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be @('vSwitch0')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VirtualSwitchNotFound,VirtNet.Commands.GetVNVirtualSwitchCommand'
        $err[0].Exception.Message | Should -Match "vSwitch9"
        $err[0].Exception.Message | Should -Match 'vSwitch0, vSwitch1, dvSwitch0'
    }

    It 'is silent when a wildcard matches nothing' {
        $h | Get-VNVirtualSwitch -Name 'vMotion*' -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
    }

    It 'gets the switches of every host piped in' {
        $hosts = 'esx01', 'esx02' | New-VNHost -Version 5.5
        $hosts | ForEach-Object { $null = $_ | Add-VNVirtualSwitch -Name vMotion }
        ($hosts | Get-VNVirtualSwitch -Name vMotion).Path | Should -Be @('esx01/vMotion', 'esx02/vMotion')
    }
}

Describe 'Remove-VNVirtualSwitch' {
    It 'removes the switch and frees its uplinks and their switch ports' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $core = New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750' -Stack 2
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $null = $vs | Add-VNUplink -Name vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1
        $vs | Remove-VNVirtualSwitch
        $h.VirtualSwitches.Count | Should -Be 0
        $vs.Host | Should -BeNullOrEmpty
        $core.GetPort('Gi1/0/1').Uplink | Should -BeNullOrEmpty
        ($h | Add-VNVirtualSwitch -Name vSwitch2 -Nic vmnic1).Nic | Should -Be @('vmnic1')
    }

    It 'refuses a switch with ports in use with VirtualSwitchInUse and lists them' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $pg = $vs | Add-VNPortGroup -Name vMotion
        $null = New-TestVmk $pg vmk1 10.0.0.5
        $vs | Remove-VNVirtualSwitch -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'VirtualSwitchInUse,VirtNet.Commands.RemoveVNVirtualSwitchCommand'
        $err[0].Exception.Message | Should -Match 'esx01/vmk1'
        $h.VirtualSwitches.Name | Should -Be @('vSwitch1')
        $h.VMKernelAdapters.Name | Should -Be @('vmk1')
    }

    It 'removes a switch in use with -Force: VMkernel ports go, VM adapters are disconnected' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $pg = $vs | Add-VNPortGroup -Name 'VM Network'
        $null = New-TestVmk $pg vmk1 10.0.0.5
        $vm = New-TestVM $h vm1 $pg
        $vs | Remove-VNVirtualSwitch -Force
        $h.VirtualSwitches.Count | Should -Be 0
        $h.VMKernelAdapters.Count | Should -Be 0
        $h.VirtualMachines.Name | Should -Be @('vm1')
        $vm.NetworkAdapters[0].Connected | Should -BeFalse
    }

    It 'removes the free switches from the pipeline even when one is in use' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $busy = $h | Add-VNVirtualSwitch -Name vSwitch0
        $null = New-TestVmk ($busy | Add-VNPortGroup -Name Management) vmk0 10.0.0.10
        $null = $h | Add-VNVirtualSwitch -Name vSwitch1
        $null = $h | Add-VNVirtualSwitch -Name vSwitch2
        $h | Get-VNVirtualSwitch | Remove-VNVirtualSwitch -ErrorVariable err -ErrorAction SilentlyContinue
        $h.VirtualSwitches.Name | Should -Be @('vSwitch0')
        $err.Count | Should -Be 1
    }

    It 'changes nothing with -WhatIf' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1 -Nic vmnic0
        $vs | Remove-VNVirtualSwitch -WhatIf
        $h.VirtualSwitches.Name | Should -Be @('vSwitch1')
        $vs.Nic | Should -Be @('vmnic0')
    }

    It 'does not prompt by default (ConfirmImpact Medium) but supports -Confirm' {
        $attribute = (Get-Command Remove-VNVirtualSwitch).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'Medium'
        (Get-Command Remove-VNVirtualSwitch).Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'does nothing for a switch that was already removed' {
        $h = New-VNHost -Name esx01 -Version 6.7
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Remove-VNVirtualSwitch
        { $vs | Remove-VNVirtualSwitch -ErrorAction Stop } | Should -Not -Throw
    }
}
