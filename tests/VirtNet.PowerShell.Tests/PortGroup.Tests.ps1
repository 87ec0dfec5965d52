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

Describe 'Add-VNPortGroup' {
    It 'adds a port group without a VLAN by default' {
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch0
        $pg = $vs | Add-VNPortGroup -Name 'VM Network'
        $pg.Name | Should -Be 'VM Network'
        $pg.VLanId | Should -Be 0
        $pg.VirtualSwitch | Should -Be $vs
        $vs.PortGroups.Name | Should -Be @('VM Network')
    }

    It 'accepts VLAN id <VLanId>' -ForEach @(@{ VLanId = 0 }, @{ VLanId = 1 }, @{ VLanId = 4094 }, @{ VLanId = 4095 }) {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        ($vs | Add-VNPortGroup -Name pg -VLanId $VLanId).VLanId | Should -Be $VLanId
    }

    It 'refuses VLAN id <VLanId> with InvalidVLanId and names the valid ones' -ForEach @(@{ VLanId = -1 }, @{ VLanId = 4096 }) {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $vs | Add-VNPortGroup -Name pg -VLanId $VLanId -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidVLanId,VirtNet.Commands.AddVNPortGroupCommand'
        $err[0].Exception.Message | Should -Match '4095'
        $vs.PortGroups.Count | Should -Be 0
    }

    It 'refuses a port group name used on another standard switch of the host, ignoring case, with DuplicateName' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $null = $h | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNPortGroup -Name vMotion
        $vs1 = $h | Add-VNVirtualSwitch -Name vSwitch1
        { $vs1 | Add-VNPortGroup -Name VMOTION -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateName,VirtNet.Commands.AddVNPortGroupCommand'
        $vs1.PortGroups.Count | Should -Be 0
    }

    It 'adds a distributed port group whose name a standard port group of the host has' {
        $h = New-VNHost -Name esx01 -Version 8.0
        $null = $h | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNPortGroup -Name Migration -VLanId 30
        $pg = $h | Add-VNVirtualSwitch -Name dvs01 -Type Distributed | Add-VNPortGroup -Name Migration -VLanId 30
        $pg.Path | Should -Be 'esx01/dvs01/Migration'
        ($h | Get-VNPortGroup).Path | Should -Be @('esx01/vSwitch0/Migration', 'esx01/dvs01/Migration')
    }

    It 'takes no switch port itself' {
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch0
        $null = $vs | Add-VNPortGroup -Name 'VM Network'
        $vs.NumPortsAvailable | Should -Be 56
    }

    It 'takes Name and VLanId by property name, one bad object not stopping the rest' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0
        $portGroups = @(
            [pscustomobject]@{ Name = 'Management Network'; VLanId = 10 }
            [pscustomobject]@{ Name = 'Bad'; VLanId = 4096 }
            [pscustomobject]@{ Name = 'Trunk'; VLanId = 4095 }
            [pscustomobject]@{ Name = 'Untagged' }
        )
        $added = $portGroups | Add-VNPortGroup -VirtualSwitch $vs -ErrorVariable err -ErrorAction SilentlyContinue
        $added.Name | Should -Be @('Management Network', 'Trunk', 'Untagged')
        $added.VLanId | Should -Be @(10, 4095, 0)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidVLanId,VirtNet.Commands.AddVNPortGroupCommand'
    }

    It 'adds nothing and emits nothing with -WhatIf' {
        $vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch0
        $vs | Add-VNPortGroup -Name vMotion -WhatIf | Should -BeNullOrEmpty
        $vs.PortGroups.Count | Should -Be 0
    }
}

Describe 'Get-VNPortGroup' {
    BeforeAll {
        $h = New-VNHost -Name esx01 -Version 4.1
        $vs0 = $h | Add-VNVirtualSwitch -Name vSwitch0
        $vs1 = $h | Add-VNVirtualSwitch -Name vSwitch1
        $null = $vs0 | Add-VNPortGroup -Name 'Management Network'
        $null = $vs1 | Add-VNPortGroup -Name 'VM Prod' -VLanId 10
        $null = $vs1 | Add-VNPortGroup -Name 'VM Test' -VLanId 20
    }

    It 'gets the port groups of every switch of a host' {
        ($h | Get-VNPortGroup).Path | Should -Be @('esx01/vSwitch0/Management Network', 'esx01/vSwitch1/VM Prod', 'esx01/vSwitch1/VM Test')
    }

    It 'gets the port groups of the switches piped in' {
        ($vs1 | Get-VNPortGroup).Name | Should -Be @('VM Prod', 'VM Test')
    }

    It 'matches names and wildcards without regard to case' {
        ($h | Get-VNPortGroup -Name 'vm *').VLanId | Should -Be @(10, 20)
        ($h | Get-VNPortGroup -Name 'MANAGEMENT NETWORK').Name | Should -Be 'Management Network'
    }

    It 'reports a name that matches nothing as PortGroupNotFound, naming the port groups that exist' {
        $vs0 | Get-VNPortGroup -Name 'VM Prod' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'PortGroupNotFound,VirtNet.Commands.GetVNPortGroupCommand'
        $err[0].Exception.Message | Should -Match 'existing: Management Network\)'
    }

    It 'is silent when a wildcard matches nothing' {
        $h | Get-VNPortGroup -Name 'vMotion*' -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
    }

    Context 'a name two switches of a host share' {
        BeforeAll {
            $m = New-VNHost -Name esx-shared -Version 8.0
            $null = $m | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNPortGroup -Name Migration -VLanId 30
            $null = $m | Add-VNVirtualSwitch -Name dvs01 -Type Distributed | Add-VNPortGroup -Name Migration -VLanId 31
        }

        It 'gets both port groups by the name' {
            ($m | Get-VNPortGroup -Name migration).Path | Should -Be @('esx-shared/vSwitch0/Migration', 'esx-shared/dvs01/Migration')
        }

        It 'gets one by its switch and name, or by its full path' {
            ($m | Get-VNPortGroup -Name dvs01/Migration).VLanId | Should -Be 31
            ($m | Get-VNPortGroup -Name esx-shared/vSwitch0/Migration).VLanId | Should -Be 30
        }

        It 'reports a path to no port group as PortGroupNotFound' {
            $m | Get-VNPortGroup -Name vSwitch9/Migration -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be 'PortGroupNotFound,VirtNet.Commands.GetVNPortGroupCommand'
        }

        It 'connects a VM by path, and refuses the name alone with AmbiguousName listing both paths' {
            $vm = $m | Add-VNVirtualMachine -Name app01 -PortGroup dvs01/Migration, vSwitch0/Migration
            $vm.NetworkAdapters.PortGroup.Path | Should -Be @('esx-shared/dvs01/Migration', 'esx-shared/vSwitch0/Migration')
            $m | Add-VNVirtualMachine -Name app02 -PortGroup Migration -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be 'AmbiguousName,VirtNet.Commands.AddVNVirtualMachineCommand'
            $err[0].Exception.Message | Should -Match 'esx-shared/vSwitch0/Migration, esx-shared/dvs01/Migration'
        }

        It 'completes a shared name as the switch/name paths' {
            $line = 'Add-VNVirtualMachine -Host esx-shared -Name app03 -PortGroup '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('vSwitch0/Migration', 'dvs01/Migration')
        }
    }
}

Describe 'Remove-VNPortGroup' {
    It 'removes a port group' {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $null = $vs | Add-VNPortGroup -Name 'VM Network'
        $null = $vs | Add-VNPortGroup -Name 'VM Test'
        $vs | Get-VNPortGroup -Name 'VM Test' | Remove-VNPortGroup
        $vs.PortGroups.Name | Should -Be @('VM Network')
    }

    It 'refuses a port group in use with PortGroupInUse and lists the ports' {
        $h = New-VNHost -Name esx01 -Version 4.1
        $pg = $h | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNPortGroup -Name 'VM Network'
        $null = New-TestVM $h web01 $pg
        $pg | Remove-VNPortGroup -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PortGroupInUse,VirtNet.Commands.RemoveVNPortGroupCommand'
        $err[0].Exception.Message | Should -Match 'esx01/web01/Network adapter 1'
        $pg.VirtualSwitch.Name | Should -Be 'vSwitch0'
    }

    It 'removes a port group in use with -Force and frees the ports its adapters took' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch0
        $pg = $vs | Add-VNPortGroup -Name vMotion
        $null = New-TestVmk $pg vmk1 10.0.0.5
        $vm = New-TestVM $h web01 $pg
        $vs.NumPortsAvailable | Should -Be 54
        $pg | Remove-VNPortGroup -Force
        $vs.PortGroups.Count | Should -Be 0
        $h.VMKernelAdapters.Count | Should -Be 0
        $vm.NetworkAdapters[0].Connected | Should -BeFalse
        $vs.NumPortsAvailable | Should -Be 56
    }

    It 'changes nothing with -WhatIf' {
        $vs = New-VNHost -Name esx01 -Version 4.1 | Add-VNVirtualSwitch -Name vSwitch0
        $pg = $vs | Add-VNPortGroup -Name 'VM Network'
        $pg | Remove-VNPortGroup -WhatIf
        $vs.PortGroups.Name | Should -Be @('VM Network')
    }
}
