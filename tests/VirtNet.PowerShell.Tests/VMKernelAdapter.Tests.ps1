BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    function New-TestSwitch([string] $Version = '4.0', $NumPorts = $null, [string] $Hypervisor = 'Esx', [string] $Type = 'Standard') {
        $h = New-VNHost -Name esx01 -Hypervisor $Hypervisor -Version $Version
        $switchParams = @{ Name = 'vSwitch0'; Type = $Type }
        if ($null -ne $NumPorts) { $switchParams.NumPorts = $NumPorts }
        $h | Add-VNVirtualSwitch @switchParams
    }
    function New-TestPortGroup([string] $Version = '4.0', $NumPorts = $null) {
        New-TestSwitch $Version $NumPorts | Add-VNPortGroup -Name 'Management Network'
    }
}

Describe 'Add-VNVMKernelAdapter' {
    It 'makes vswif0 on ESX 4.0 a Service Console port on virtual port 0' {
        $pg = New-TestPortGroup '4.0'
        $a = $pg | Add-VNVMKernelAdapter -Name vswif0 -IPAddress 192.168.1.11 -SubnetMask 255.255.255.0 -Gateway 192.168.1.1
        $a.Name | Should -Be 'vswif0'
        $a.Purpose | Should -Be @('ServiceConsole')
        $a.IsServiceConsole | Should -BeTrue
        $a.PortGroup.Name | Should -Be 'Management Network'
        $a.PortId | Should -Be 0
        $a.Gateway.ToString() | Should -Be '192.168.1.1'
        $a.Host.VMKernelAdapters.Name | Should -Be @('vswif0')
    }

    It 'refuses vswif0 on ESXi 5.0 with UnsupportedOnHost and takes no port' {
        $pg = New-TestPortGroup '5.0'
        $null = $pg | Add-VNVMKernelAdapter -Name vswif0 -IPAddress 10.0.0.5/24 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedOnHost,VirtNet.Commands.AddVNVMKernelAdapterCommand'
        $err[0].Exception.Message | Should -Match 'no Service Console'
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 128
        $pg.Host.VMKernelAdapters | Should -BeNullOrEmpty
    }

    It 'makes vmk0 the management port and gives vmk1 no purpose by default' {
        $pg = New-TestPortGroup '5.0'
        ($pg | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 10.0.0.5/24).Purpose | Should -Be @('Management')
        ($pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.6/24).Purpose | Should -BeNullOrEmpty
    }

    It 'takes several purposes' {
        $pg = New-TestPortGroup '4.1'
        $a = $pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.1.5/24 -Purpose VMotion, FaultTolerance
        $a.Purpose | Should -Be @('VMotion', 'FaultTolerance')
    }

    It 'turns -SubnetMask 255.255.255.0 into prefix length 24' {
        $a = New-TestPortGroup | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5 -SubnetMask 255.255.255.0
        $a.PrefixLength | Should -Be 24
        $a.SubnetMask.ToString() | Should -Be '255.255.255.0'
    }

    It 'turns -PrefixLength 22 into subnet mask 255.255.252.0' {
        $a = New-TestPortGroup | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5 -PrefixLength 22
        $a.SubnetMask.ToString() | Should -Be '255.255.252.0'
    }

    It 'reads the CIDR form 10.0.0.5/24 as address and prefix length' {
        $a = New-TestPortGroup | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24
        $a.IPAddress.ToString() | Should -Be '10.0.0.5'
        $a.PrefixLength | Should -Be 24
    }

    It 'accepts the subnet twice when both forms agree' {
        (New-TestPortGroup | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/16 -SubnetMask 255.255.0.0).PrefixLength | Should -Be 16
    }

    It 'refuses <Case> with InvalidSubnet' -ForEach @(
        @{ Case = 'no subnet at all'; Arguments = @{ IPAddress = '10.0.0.5' }; Message = '-SubnetMask.*-PrefixLength.*CIDR' }
        @{ Case = 'a non-contiguous mask'; Arguments = @{ IPAddress = '10.0.0.5'; SubnetMask = '255.0.255.0' }; Message = 'not contiguous' }
        @{ Case = 'a malformed mask'; Arguments = @{ IPAddress = '10.0.0.5'; SubnetMask = '255.255.255.300' }; Message = 'not a valid subnet mask' }
        @{ Case = 'prefix length 33'; Arguments = @{ IPAddress = '10.0.0.5'; PrefixLength = 33 }; Message = '0 to 32' }
        @{ Case = 'a CIDR prefix of 33'; Arguments = @{ IPAddress = '10.0.0.5/33' }; Message = '0 to 32' }
        @{ Case = 'CIDR and mask that disagree'; Arguments = @{ IPAddress = '10.0.0.5/24'; SubnetMask = '255.255.0.0' }; Message = 'disagrees' }
    ) {
        $pg = New-TestPortGroup
        $pg | Add-VNVMKernelAdapter -Name vmk1 @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidSubnet,VirtNet.Commands.AddVNVMKernelAdapterCommand'
        $err[0].Exception.Message | Should -Match $Message
        $pg.Host.VMKernelAdapters | Should -BeNullOrEmpty
    }

    It 'refuses <Case> with InvalidIPAddress' -ForEach @(
        @{ Case = 'a malformed address'; Arguments = @{ IPAddress = '10.0.0.256/24' } }
        @{ Case = 'a malformed gateway'; Arguments = @{ IPAddress = '10.0.0.5/24'; Gateway = '10.0.0' } }
        @{ Case = 'a gateway outside the subnet'; Arguments = @{ IPAddress = '10.0.0.5/24'; Gateway = '10.0.1.1' } }
    ) {
        $pg = New-TestPortGroup
        $pg | Add-VNVMKernelAdapter -Name vmk1 @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidIPAddress,VirtNet.Commands.AddVNVMKernelAdapterCommand'
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 56
    }

    It 'keeps a given MAC address in canonical form and refuses a malformed one' {
        $pg = New-TestPortGroup
        ($pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24 -MacAddress 00-50-56-7A-BB-CC).MacAddress.ToString() |
            Should -Be '00:50:56:7a:bb:cc'
        { $pg | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.0.6/24 -MacAddress 00:50:56:7a:bb -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidMacAddress,VirtNet.Commands.AddVNVMKernelAdapterCommand'
    }

    It 'defaults the MTU to 1500, takes 9000 and refuses 9001' {
        $pg = New-TestPortGroup
        ($pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24).Mtu | Should -Be 1500
        ($pg | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.0.6/24 -Mtu 9000).Mtu | Should -Be 9000
        { $pg | Add-VNVMKernelAdapter -Name vmk3 -IPAddress 10.0.0.7/24 -Mtu 9001 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidMtu,VirtNet.Commands.AddVNVMKernelAdapterCommand'
    }

    It 'refuses a name ESX would not give, such as <Name>' -ForEach @(@{ Name = 'mgmt0' }, @{ Name = 'vmk' }) {
        { New-TestPortGroup | Add-VNVMKernelAdapter -Name $Name -IPAddress 10.0.0.5/24 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidName,VirtNet.Commands.AddVNVMKernelAdapterCommand'
    }

    It 'refuses the piped port group''s own name when -Name is left out' {
        $pg = New-TestPortGroup
        $null = $pg | Add-VNVMKernelAdapter -IPAddress 10.0.0.5/24 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidName,VirtNet.Commands.AddVNVMKernelAdapterCommand'
        $err[0].Exception.Message | Should -Match 'with -Name'
    }

    It 'refuses <Name> -Purpose <Purpose>: the Service Console lives on vswif interfaces only (InvalidAdapterPurpose)' -ForEach @(
        @{ Name = 'vswif0'; Purpose = 'VMotion' }
        @{ Name = 'vmk1'; Purpose = 'ServiceConsole' }
    ) {
        { New-TestPortGroup '4.0' | Add-VNVMKernelAdapter -Name $Name -IPAddress 10.0.0.5/24 -Purpose $Purpose -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAdapterPurpose,VirtNet.Commands.AddVNVMKernelAdapterCommand'
    }

    It 'refuses a VMkernel adapter on a Hyper-V host with UnsupportedOnHost' {
        $pg = New-TestSwitch -Hypervisor HyperV -Version 2019 -Type HyperV | Add-VNPortGroup -Name Management
        { $pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24 -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnHost,VirtNet.Commands.AddVNVMKernelAdapterCommand'
    }

    It 'refuses a second adapter of the same name on the host, case-insensitively (DuplicateName)' {
        $vs = New-TestSwitch
        $vs | Add-VNPortGroup -Name 'VMotion' | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24 | Out-Null
        $null = $vs | Add-VNPortGroup -Name 'IP Storage' | Add-VNVMKernelAdapter -Name VMK1 -IPAddress 10.0.1.5/24 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'DuplicateName,VirtNet.Commands.AddVNVMKernelAdapterCommand'
        $vs.NumPortsAvailable | Should -Be 55
    }

    It 'takes one port per adapter, numbered in connection order across port groups' {
        $vs = New-TestSwitch '3.5'
        $vs.NumPortsAvailable | Should -Be 56
        $a = $vs | Add-VNPortGroup -Name 'Service Console' | Add-VNVMKernelAdapter -Name vswif0 -IPAddress 10.0.0.5/24
        $b = $vs | Add-VNPortGroup -Name 'VMotion' | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 10.0.1.5/24 -Purpose VMotion
        $c = $vs.PortGroups[0] | Add-VNVMKernelAdapter -Name vswif1 -IPAddress 10.0.0.6/24
        @($a.PortId, $b.PortId, $c.PortId) | Should -Be @(0, 1, 2)
        $vs.NumPortsAvailable | Should -Be 53
    }

    It 'refuses an adapter on a full vSwitch with VirtualSwitchFull' {
        $pg = New-TestPortGroup '3.5' 8
        foreach ($i in 1..8) { $pg | Add-VNVMKernelAdapter -Name "vmk$i" -IPAddress "10.0.0.$i/24" | Out-Null }
        $null = $pg | Add-VNVMKernelAdapter -Name vmk9 -IPAddress 10.0.0.9/24 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'VirtualSwitchFull,VirtNet.Commands.AddVNVMKernelAdapterCommand'
        $pg.Host.VMKernelAdapters.Count | Should -Be 8
    }

    It 'adds one adapter per piped object and goes on after a bad one' {
        $pg = New-TestPortGroup
        $rows = @(
            [pscustomobject]@{ Name = 'vmk1'; IP = '10.0.0.5'; SubnetMask = '255.255.255.0'; Mtu = 9000 }
            [pscustomobject]@{ Name = 'vmk2'; IP = '10.0.0.300'; SubnetMask = '255.255.255.0'; Mtu = 9000 }
            [pscustomobject]@{ Name = 'vmk3'; IP = '10.0.0.7'; SubnetMask = '255.255.255.0'; Mtu = 1500 }
        )
        $added = $rows | Add-VNVMKernelAdapter -PortGroup $pg -ErrorVariable err -ErrorAction SilentlyContinue
        $added.Name | Should -Be @('vmk1', 'vmk3')
        $added.Mtu | Should -Be @(9000, 1500)
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidIPAddress,VirtNet.Commands.AddVNVMKernelAdapterCommand'
    }

    It 'takes the subnet of each piped object from that object alone' {
        $rows = @(
            [pscustomobject]@{ Name = 'vmk1'; IPAddress = '10.0.0.5'; PrefixLength = 24 }
            [pscustomobject]@{ Name = 'vmk2'; IPAddress = '10.0.0.6/16' }
        )
        ($rows | Add-VNVMKernelAdapter -PortGroup (New-TestPortGroup)).PrefixLength | Should -Be @(24, 16)
    }

    It 'changes nothing and emits nothing with -WhatIf' {
        $pg = New-TestPortGroup
        $out = $pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24 -WhatIf
        $out | Should -BeNullOrEmpty
        $pg.Host.VMKernelAdapters | Should -BeNullOrEmpty
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 56
    }
}

Describe 'Get-VNVMKernelAdapter' {
    BeforeAll {
        $vs = New-TestSwitch '4.0'
        $pg = $vs | Add-VNPortGroup -Name 'Management Network'
        $pg | Add-VNVMKernelAdapter -Name vswif0 -IPAddress 10.0.0.10/24 | Out-Null
        $pg | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 10.0.0.20/24 | Out-Null
        $pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.21/24 | Out-Null
        $h = $vs.Host
    }

    It 'returns every adapter of the piped host in creation order' {
        ($h | Get-VNVMKernelAdapter).Name | Should -Be @('vswif0', 'vmk0', 'vmk1')
    }

    It 'matches wildcards case-insensitively' {
        (Get-VNVMKernelAdapter -Host $h -Name 'VMK*').Name | Should -Be @('vmk0', 'vmk1')
    }

    It 'returns each adapter once when several names match it' {
        (Get-VNVMKernelAdapter -Host $h -Name vmk1, 'vmk*').Name | Should -Be @('vmk0', 'vmk1')
    }

    It 'says nothing when a wildcard matches nothing' {
        $out = Get-VNVMKernelAdapter -Host $h -Name 'vmk9*' -ErrorVariable err
        $out | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'reports a name that does not exist with VMKernelAdapterNotFound, naming the adapters that do' {
        $out = Get-VNVMKernelAdapter -Host $h -Name vmk1, vmk7 -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be 'vmk1'
        $err[0].FullyQualifiedErrorId | Should -Be 'VMKernelAdapterNotFound,VirtNet.Commands.GetVNVMKernelAdapterCommand'
        $err[0].Exception.Message | Should -Match "'vmk7'.*vswif0, vmk0, vmk1"
    }

    It 'reads several hosts from the pipeline' {
        $other = (New-TestPortGroup '5.0') | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 10.1.0.5/24
        $found = @($h, $other.Host) | Get-VNVMKernelAdapter -Name vmk0
        $found.Host | Should -Be @($h, $other.Host)
        $found.IPAddress | ForEach-Object ToString | Should -Be @('10.0.0.20', '10.1.0.5')
    }
}

Describe 'Remove-VNVMKernelAdapter' {
    It 'frees the port, and port ids are not reused' {
        $pg = New-TestPortGroup '3.5'
        $a = $pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24
        $b = $pg | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.0.6/24
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 54
        $b | Remove-VNVMKernelAdapter
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 55
        $b.Connected | Should -BeFalse
        $pg.Host.VMKernelAdapters.Name | Should -Be @('vmk1')
        ($pg | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.0.6/24).PortId | Should -Be 2
        $a.PortId | Should -Be 0
    }

    It 'removes everything Get-VNVMKernelAdapter returns' {
        $pg = New-TestPortGroup
        foreach ($i in 1..3) { $pg | Add-VNVMKernelAdapter -Name "vmk$i" -IPAddress "10.0.0.$i/24" | Out-Null }
        $pg.Host | Get-VNVMKernelAdapter | Remove-VNVMKernelAdapter
        $pg.Host.VMKernelAdapters | Should -BeNullOrEmpty
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 56
    }

    It 'changes nothing with -WhatIf' {
        $pg = New-TestPortGroup
        $a = $pg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.5/24
        Remove-VNVMKernelAdapter -InputObject $a -WhatIf
        $a.Connected | Should -BeTrue
        $pg.Host.VMKernelAdapters.Name | Should -Be @('vmk1')
        $pg.VirtualSwitch.NumPortsAvailable | Should -Be 55
    }
}
