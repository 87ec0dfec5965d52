BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # An ESX 3.5 host: standard vSwitches default to 56 usable ports.
    function New-TestHost([string] $Name = 'esx01') {
        $h = New-VNHost -Name $Name -Version 3.5 -IPAddress 192.168.1.11
        $vs0 = $h | Add-VNVirtualSwitch -Name vSwitch0
        $null = $vs0 | Add-VNPortGroup -Name 'VM Network'
        $null = $vs0 | Add-VNPortGroup -Name 'Service Console'
        $vs1 = $h | Add-VNVirtualSwitch -Name vSwitch1
        $null = $vs1 | Add-VNPortGroup -Name Production -VLanId 10
        $h
    }
    function Get-Switch($VNHost, [string] $Name) { $VNHost.VirtualSwitches | Where-Object Name -eq $Name }
}

Describe 'Add-VNVirtualMachine' {
    It 'connects one adapter per port group, in the order given' {
        $h = New-TestHost
        $vm = $h | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network', 'Production'
        $vm.Name | Should -Be 'web01'
        $vm.Host | Should -Be $h
        $vm.NetworkAdapters.Name | Should -Be @('Network adapter 1', 'Network adapter 2')
        $vm.NetworkAdapters.PortGroup.Name | Should -Be @('VM Network', 'Production')
        $vm.NetworkAdapters.VirtualSwitch.Name | Should -Be @('vSwitch0', 'vSwitch1')
        $h.VirtualMachines.Name | Should -Be @('web01')
    }

    It 'resolves port group names case-insensitively and takes port group objects too' {
        $h = New-TestHost
        $production = $h.PortGroups | Where-Object Name -eq 'Production'
        $vm = Add-VNVirtualMachine -Host $h -Name web01 -PortGroup 'vm network', $production
        $vm.NetworkAdapters.PortGroup.Name | Should -Be @('VM Network', 'Production')
    }

    It 'creates a VM without network adapters when no port group is given' {
        $vm = New-TestHost | Add-VNVirtualMachine -Name offline
        $vm.NetworkAdapters | Should -BeNullOrEmpty
    }

    It 'numbers virtual ports 0, 1, 2 in connection order across VMs and VMkernel ports, separately per vSwitch' {
        $h = New-TestHost
        $a = $h | Add-VNVirtualMachine -Name vm1 -PortGroup 'VM Network', 'Production'
        $vswif = ($h.PortGroups | Where-Object Name -eq 'Service Console') | Add-VNVMKernelAdapter -Name vswif0 -IPAddress 192.168.1.11/24
        $b = $h | Add-VNVirtualMachine -Name vm2 -PortGroup 'VM Network', 'Production'
        @($a.NetworkAdapters[0].PortId, $vswif.PortId, $b.NetworkAdapters[0].PortId) | Should -Be @(0, 1, 2)
        @($a.NetworkAdapters[1].PortId, $b.NetworkAdapters[1].PortId) | Should -Be @(0, 1)
    }

    It 'takes one port per adapter: NumPortsAvailable drops from 56 by one each' {
        $h = New-TestHost
        $vs0 = Get-Switch $h vSwitch0
        $vs0.NumPortsAvailable | Should -Be 56
        $h | Add-VNVirtualMachine -Name vm1 -PortGroup 'VM Network' | Out-Null
        $vs0.NumPortsAvailable | Should -Be 55
        $h | Add-VNVirtualMachine -Name vm2 -PortGroup 'VM Network', 'VM Network' | Out-Null
        $vs0.NumPortsAvailable | Should -Be 53
    }

    It 'fills an 8-port vSwitch, then refuses the next VM with VirtualSwitchFull and does not create it' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch0 -NumPorts 8
        $null = $vs | Add-VNPortGroup -Name 'VM Network'
        foreach ($i in 1..8) { $h | Add-VNVirtualMachine -Name "vm$i" -PortGroup 'VM Network' | Out-Null }
        $vs.NumPortsAvailable | Should -Be 0
        $h | Add-VNVirtualMachine -Name vm9 -PortGroup 'VM Network' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'VirtualSwitchFull,VirtNet.Commands.AddVNVirtualMachineCommand'
        $h.VirtualMachines.Count | Should -Be 8
        $h.VirtualMachines.Name | Should -Not -Contain 'vm9'
    }

    It 'creates no part of a VM whose second adapter does not fit' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch0 -NumPorts 8
        $null = $vs | Add-VNPortGroup -Name 'VM Network'
        foreach ($i in 1..7) { $h | Add-VNVirtualMachine -Name "vm$i" -PortGroup 'VM Network' | Out-Null }
        { $h | Add-VNVirtualMachine -Name big -PortGroup 'VM Network', 'VM Network' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VirtualSwitchFull,VirtNet.Commands.AddVNVirtualMachineCommand'
        $vs.NumPortsAvailable | Should -Be 1
        $h.VirtualMachines.Name | Should -Not -Contain 'big'
        ($h | Add-VNVirtualMachine -Name vm8 -PortGroup 'VM Network').NetworkAdapters[0].PortId | Should -Be 7
    }

    It 'keeps a given MAC address and generates the missing ones' {
        $vm = New-TestHost | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network', 'Production' -MacAddress '', '00-50-56-AA-BB-CC'
        $vm.NetworkAdapters[1].MacAddress.ToString() | Should -Be '00:50:56:aa:bb:cc'
        $vm.NetworkAdapters[0].MacAddress.ToString() | Should -Match '^00:0c:29:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$'
    }

    It 'generates 00:0c:29 MACs that are unique within the host' {
        $h = New-TestHost
        foreach ($i in 1..20) { $h | Add-VNVirtualMachine -Name "vm$i" -PortGroup 'VM Network', 'Production' | Out-Null }
        $macs = @($h.VirtualMachines.NetworkAdapters.MacAddress | ForEach-Object ToString)
        $macs.Count | Should -Be 40
        @($macs | Where-Object { $_ -like '00:0c:29:*' }).Count | Should -Be 40
        @($macs | Sort-Object -Unique).Count | Should -Be 40
    }

    It 'generates the same MAC for the same VM in the same model' {
        $first = New-TestHost | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network'
        $again = New-TestHost | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network'
        $other = New-TestHost | Add-VNVirtualMachine -Name web02 -PortGroup 'VM Network'
        $again.NetworkAdapters[0].MacAddress | Should -Be $first.NetworkAdapters[0].MacAddress
        $other.NetworkAdapters[0].MacAddress | Should -Not -Be $first.NetworkAdapters[0].MacAddress
    }

    It 'gives the n-th IP address to the n-th adapter' {
        $vm = New-TestHost | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network', 'Production' -IPAddress 192.168.1.50, 10.10.0.50
        $vm.NetworkAdapters.IPAddress | ForEach-Object ToString | Should -Be @('192.168.1.50', '10.10.0.50')
    }

    It 'does not give a piped host''s own IP address to the VM' {
        $vm = New-TestHost | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network'
        $vm.NetworkAdapters[0].IPAddress | Should -BeNullOrEmpty
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'a malformed MAC address'; ErrorId = 'InvalidMacAddress'; Arguments = @{ PortGroup = 'VM Network'; MacAddress = '00:50:56:aa:bb' } }
        @{ Case = 'a malformed IP address'; ErrorId = 'InvalidIPAddress'; Arguments = @{ PortGroup = 'VM Network'; IPAddress = '192.168.1.256' } }
        @{ Case = 'more MAC addresses than port groups'; ErrorId = 'ParameterCountMismatch'; Arguments = @{ PortGroup = 'VM Network'; MacAddress = '00:50:56:00:00:01', '00:50:56:00:00:02' } }
        @{ Case = 'more IP addresses than port groups'; ErrorId = 'ParameterCountMismatch'; Arguments = @{ PortGroup = 'VM Network'; IPAddress = '10.0.0.1', '10.0.0.2' } }
        @{ Case = 'MAC addresses without port groups'; ErrorId = 'ParameterCountMismatch'; Arguments = @{ MacAddress = '00:50:56:00:00:01' } }
    ) {
        $h = New-TestHost
        { $h | Add-VNVirtualMachine -Name web01 @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,VirtNet.Commands.AddVNVirtualMachineCommand"
        $h.VirtualMachines | Should -BeNullOrEmpty
        (Get-Switch $h vSwitch0).NumPortsAvailable | Should -Be 56
    }

    It 'refuses an unknown port group with PortGroupNotFound, listing the host''s port groups' {
        $h = New-TestHost
        $h | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network', 'DMZ' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PortGroupNotFound,VirtNet.Commands.AddVNVirtualMachineCommand'
        $err[0].Exception.Message | Should -Be "No port group named 'DMZ' on esx01 (existing: VM Network, Service Console, Production)."
        $h.VirtualMachines | Should -BeNullOrEmpty
        (Get-Switch $h vSwitch0).NumPortsAvailable | Should -Be 56
    }

    It 'refuses a port group object of another host with PortGroupNotFound' {
        $h = New-TestHost
        $foreign = (New-TestHost esx02).PortGroups | Where-Object Name -eq 'VM Network'
        $h | Add-VNVirtualMachine -Name web01 -PortGroup $foreign -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PortGroupNotFound,VirtNet.Commands.AddVNVirtualMachineCommand'
        $err[0].Exception.Message | Should -Match "'esx02/vSwitch0/VM Network' is on host 'esx02'"
        $h.VirtualMachines | Should -BeNullOrEmpty
        $foreign.VirtualSwitch.NumPortsAvailable | Should -Be 56
    }

    It 'refuses a second VM of the same name, case-insensitively (DuplicateName)' {
        $h = New-TestHost
        $h | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network' | Out-Null
        { $h | Add-VNVirtualMachine -Name WEB01 -PortGroup 'VM Network' -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateName,VirtNet.Commands.AddVNVirtualMachineCommand'
        (Get-Switch $h vSwitch0).NumPortsAvailable | Should -Be 55
    }

    It 'refuses to name the VM after a piped host when -Name is left out' {
        $h = New-TestHost
        { $h | Add-VNVirtualMachine -PortGroup 'VM Network' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidName,VirtNet.Commands.AddVNVirtualMachineCommand'
        $h.VirtualMachines | Should -BeNullOrEmpty
    }

    It 'adds one VM per piped object and goes on after a bad one' {
        $h = New-TestHost
        $rows = @(
            [pscustomobject]@{ Name = 'web01'; PortGroup = 'VM Network'; MacAddress = '00:50:56:00:00:01' }
            [pscustomobject]@{ Name = 'web02'; PortGroup = 'No Such Network'; MacAddress = '00:50:56:00:00:02' }
            [pscustomobject]@{ Name = 'web03'; PortGroup = 'Production'; MacAddress = '00:50:56:00:00:03' }
        )
        $added = $rows | Add-VNVirtualMachine -Host $h -ErrorVariable err -ErrorAction SilentlyContinue
        $added.Name | Should -Be @('web01', 'web03')
        $added.NetworkAdapters.MacAddress | ForEach-Object ToString | Should -Be @('00:50:56:00:00:01', '00:50:56:00:00:03')
        $err[0].FullyQualifiedErrorId | Should -Be 'PortGroupNotFound,VirtNet.Commands.AddVNVirtualMachineCommand'
    }

    It 'changes nothing and emits nothing with -WhatIf' {
        $h = New-TestHost
        $h | Add-VNVirtualMachine -Name web01 -PortGroup 'VM Network' -WhatIf | Should -BeNullOrEmpty
        $h.VirtualMachines | Should -BeNullOrEmpty
        (Get-Switch $h vSwitch0).NumPortsAvailable | Should -Be 56
        (Get-Switch $h vSwitch0).NextPortId | Should -Be 0
    }
}

Describe 'Get-VNVirtualMachine' {
    BeforeAll {
        $h = New-TestHost
        foreach ($name in 'web01', 'web02', 'db01') { $h | Add-VNVirtualMachine -Name $name -PortGroup 'VM Network' | Out-Null }
    }

    It 'returns every VM of the piped host in creation order' {
        ($h | Get-VNVirtualMachine).Name | Should -Be @('web01', 'web02', 'db01')
    }

    It 'matches wildcards case-insensitively' {
        (Get-VNVirtualMachine -Host $h -Name 'WEB*').Name | Should -Be @('web01', 'web02')
    }

    It 'says nothing when a wildcard matches nothing' {
        $out = Get-VNVirtualMachine -Host $h -Name 'app*' -ErrorVariable err
        $out | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'reports a name that does not exist with VirtualMachineNotFound, naming the VMs that do' {
        $out = Get-VNVirtualMachine -Host $h -Name db01, app01 -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be 'db01'
        $err[0].FullyQualifiedErrorId | Should -Be 'VirtualMachineNotFound,VirtNet.Commands.GetVNVirtualMachineCommand'
        $err[0].Exception.Message | Should -Match "'app01'.*web01, web02, db01"
    }

    It 'reads several hosts from the pipeline' {
        $other = New-TestHost esx02
        $other | Add-VNVirtualMachine -Name web01 | Out-Null
        (@($h, $other) | Get-VNVirtualMachine -Name web01).Path | Should -Be @('esx01/web01', 'esx02/web01')
    }
}

Describe 'Remove-VNVirtualMachine' {
    It 'frees its ports, and port ids are not reused' {
        $h = New-TestHost
        $vs0 = Get-Switch $h vSwitch0
        $vm1 = $h | Add-VNVirtualMachine -Name vm1 -PortGroup 'VM Network', 'VM Network'
        $vm2 = $h | Add-VNVirtualMachine -Name vm2 -PortGroup 'VM Network'
        $vs0.NumPortsAvailable | Should -Be 53
        $vm1 | Remove-VNVirtualMachine
        $vs0.NumPortsAvailable | Should -Be 55
        $h.VirtualMachines.Name | Should -Be @('vm2')
        $vm1.Host | Should -BeNullOrEmpty
        ($h | Add-VNVirtualMachine -Name vm3 -PortGroup 'VM Network').NetworkAdapters[0].PortId | Should -Be 3
        $vm2.NetworkAdapters[0].PortId | Should -Be 2
    }

    It 'frees the name for a new VM' {
        $h = New-TestHost
        $h | Add-VNVirtualMachine -Name vm1 | Remove-VNVirtualMachine
        ($h | Add-VNVirtualMachine -Name vm1).Name | Should -Be 'vm1'
    }

    It 'removes everything Get-VNVirtualMachine returns' {
        $h = New-TestHost
        foreach ($i in 1..3) { $h | Add-VNVirtualMachine -Name "vm$i" -PortGroup 'VM Network' | Out-Null }
        $h | Get-VNVirtualMachine | Remove-VNVirtualMachine
        $h.VirtualMachines | Should -BeNullOrEmpty
        (Get-Switch $h vSwitch0).NumPortsAvailable | Should -Be 56
    }

    It 'changes nothing with -WhatIf' {
        $h = New-TestHost
        $vm = $h | Add-VNVirtualMachine -Name vm1 -PortGroup 'VM Network'
        Remove-VNVirtualMachine -InputObject $vm -WhatIf
        $h.VirtualMachines.Name | Should -Be @('vm1')
        $vm.NetworkAdapters[0].Connected | Should -BeTrue
        (Get-Switch $h vSwitch0).NumPortsAvailable | Should -Be 55
    }
}
