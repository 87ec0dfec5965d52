# Names bind by property name so PowerCLI-shaped objects can be piped in; a piped parent's own Name must
# never become the name of the object created under it.
BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
}

Describe 'A piped parent without -Name' {
    BeforeEach {
        $h = New-VNHost -Name esx01 -Version 4.1
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $pg = $vs | Add-VNPortGroup -Name Management
        $sw = New-VNPhysicalSwitch -Name core1
    }

    It '<Cmdlet> refuses to name the new object after its parent and creates nothing' -ForEach @(
        @{ Cmdlet = 'Add-VNVirtualSwitch'; Class = 'AddVNVirtualSwitchCommand'; Run = { $h | Add-VNVirtualSwitch -ErrorAction Stop }; Count = { $h.VirtualSwitches.Count }; Expected = 1 }
        @{ Cmdlet = 'Add-VNUplink'; Class = 'AddVNUplinkCommand'; Run = { $vs | Add-VNUplink -ErrorAction Stop }; Count = { $vs.Uplinks.Count }; Expected = 0 }
        @{ Cmdlet = 'Add-VNPortGroup'; Class = 'AddVNPortGroupCommand'; Run = { $vs | Add-VNPortGroup -ErrorAction Stop }; Count = { $vs.PortGroups.Count }; Expected = 1 }
        @{ Cmdlet = 'Add-VNVMKernelAdapter'; Class = 'AddVNVMKernelAdapterCommand'; Run = { $pg | Add-VNVMKernelAdapter -IPAddress 10.0.0.5/24 -ErrorAction Stop }; Count = { $h.VMKernelAdapters.Count }; Expected = 0 }
        @{ Cmdlet = 'Add-VNVirtualMachine'; Class = 'AddVNVirtualMachineCommand'; Run = { $h | Add-VNVirtualMachine -ErrorAction Stop }; Count = { $h.VirtualMachines.Count }; Expected = 0 }
        @{ Cmdlet = 'Add-VNEndpoint'; Class = 'AddVNEndpointCommand'; Run = { $sw | Add-VNEndpoint -IPAddress 10.0.0.1 -ErrorAction Stop }; Count = { $sw.Endpoints.Count }; Expected = 0 }
    ) {
        { & $Run } | Should -Throw -ErrorId "InvalidName,VirtNet.Commands.$Class"
        & $Count | Should -Be $Expected
    }

    It 'still takes names from piped PowerCLI-shaped objects when the parent is given on the command line' {
        $added = [pscustomobject]@{ Name = 'vSwitch2'; NumPorts = 248; Mtu = 9000 } | Add-VNVirtualSwitch -Host $h
        $added.Name | Should -Be 'vSwitch2'
        $added.NumPorts | Should -Be 248
        $added.Mtu | Should -Be 9000
        ([pscustomobject]@{ Name = 'NFS'; VLanId = 20 } | Add-VNPortGroup -VirtualSwitch $vs).VLanId | Should -Be 20
    }

    It 'uses -Name when it is given with the piped parent' {
        ($h | Add-VNVirtualSwitch -Name vSwitch3).Name | Should -Be 'vSwitch3'
    }
}
