BeforeAll { Import-Module $env:VIRTNET_MODULE -Force }

Describe 'New-VNPhysicalSwitch' {
    It 'creates a standalone switch with the Catalyst and 802.1D defaults' {
        $sw = New-VNPhysicalSwitch -Name sw1
        $sw.Name | Should -Be 'sw1'
        $sw.Stack | Should -Be 1
        $sw.IsStack | Should -BeFalse
        $sw.LoadBalance | Should -Be 'SrcMac'
        $sw.SpanningTree | Should -Be 'Pvst'
        $sw.ForwardDelay | Should -Be ([timespan]::FromSeconds(15))
        $sw.MaxAge | Should -Be ([timespan]::FromSeconds(20))
    }

    It 'creates a stack with the given model, load-balance method and spanning-tree mode' {
        $sw = New-VNPhysicalSwitch -Name core -Model 'Catalyst 3750' -Stack 3 -LoadBalance SrcDstIp -SpanningTree RapidPvst
        $sw.Model | Should -Be 'Catalyst 3750'
        $sw.Stack | Should -Be 3
        $sw.IsStack | Should -BeTrue
        $sw.LoadBalance | Should -Be 'SrcDstIp'
        $sw.SpanningTree | Should -Be 'RapidPvst'
    }

    It 'takes -ForwardDelay <Text> as <Seconds> s' -ForEach @(
        @{ Text = '15 (seconds)'; Value = 15; Seconds = 15 }
        @{ Text = 'New-TimeSpan -Seconds 15'; Value = (New-TimeSpan -Seconds 15); Seconds = 15 }
        @{ Text = '10 (seconds)'; Value = 10; Seconds = 10 }
        @{ Text = "'12' (seconds as text)"; Value = '12'; Seconds = 12 }
        @{ Text = "'00:00:25' (TimeSpan text)"; Value = '00:00:25'; Seconds = 25 }
        @{ Text = '30.0 (seconds)'; Value = 30.0; Seconds = 30 }
    ) {
        (New-VNPhysicalSwitch -Name sw1 -ForwardDelay $Value).ForwardDelay | Should -Be ([timespan]::FromSeconds($Seconds))
    }

    It 'takes -MaxAge in seconds or as a TimeSpan' {
        (New-VNPhysicalSwitch -Name sw1 -MaxAge 6).MaxAge | Should -Be ([timespan]::FromSeconds(6))
        (New-VNPhysicalSwitch -Name sw1 -MaxAge (New-TimeSpan -Seconds 40)).MaxAge | Should -Be ([timespan]::FromSeconds(40))
    }

    It 'refuses <Parameter> <Value> with InvalidTimer' -ForEach @(
        @{ Parameter = 'ForwardDelay'; Value = 2 }
        @{ Parameter = 'ForwardDelay'; Value = 31 }
        @{ Parameter = 'ForwardDelay'; Value = 15.5 }
        @{ Parameter = 'ForwardDelay'; Value = -15 }
        @{ Parameter = 'MaxAge'; Value = 5 }
        @{ Parameter = 'MaxAge'; Value = (New-TimeSpan -Seconds 41) }
    ) {
        $arguments = @{ Name = 'sw1'; $Parameter = $Value }
        $err = $null
        $sw = New-VNPhysicalSwitch @arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $sw | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidTimer,VirtNet.Commands.NewVNPhysicalSwitchCommand'
        $err[0].Exception.Message | Should -Match "^$Parameter .* Use whole seconds from \d+ to \d+\.$"
    }

    It 'refuses a value that is neither seconds nor a TimeSpan and says what is accepted' {
        $thrown = { New-VNPhysicalSwitch -Name sw1 -ForwardDelay 'soon' } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,VirtNet.Commands.NewVNPhysicalSwitchCommand'
        $thrown.Exception.Message | Should -Match "'soon' is not a duration\. Use seconds"
    }

    It 'refuses a stack of <Stack> members with InvalidStack' -ForEach @(@{ Stack = 0 }, @{ Stack = 10 }) {
        { New-VNPhysicalSwitch -Name sw1 -Stack $Stack -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidStack,VirtNet.Commands.NewVNPhysicalSwitchCommand'
    }

    It 'takes each piped object''s own timers, and the defaults where it has none' {
        $switches = [pscustomobject]@{ Name = 'sw1'; ForwardDelay = 10 }, [pscustomobject]@{ Name = 'sw2' } | New-VNPhysicalSwitch
        $switches.ForwardDelay | Should -Be @([timespan]::FromSeconds(10), [timespan]::FromSeconds(15))
    }

    It 'creates one switch per name and goes on after a bad one' {
        $switches = New-VNPhysicalSwitch -Name 'sw1', 'bad/name', 'sw3' -ErrorVariable err -ErrorAction SilentlyContinue
        $switches.Name | Should -Be @('sw1', 'sw3')
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidName,VirtNet.Commands.NewVNPhysicalSwitchCommand'
    }
}

Describe 'Set-VNSwitchPort' {
    BeforeEach { $sw = New-VNPhysicalSwitch -Name sw1 -Model 'Catalyst 3750' -Stack 2 }

    It 'creates a new port with the IOS defaults and emits nothing without -PassThru' {
        $out = Set-VNSwitchPort -PhysicalSwitch $sw -Name Gi1/0/1
        $out | Should -BeNullOrEmpty
        $port = $sw.Ports[0]
        $port.Name | Should -Be 'Gi1/0/1'
        $port.Mode | Should -Be 'Access'
        $port.AccessVLan | Should -Be 1
        $port.NativeVLan | Should -Be 1
        $port.AllowedVLan | Should -Be 'all'
        $port.PortFast | Should -Be 'Disabled'
        $port.Mtu | Should -Be 1500
    }

    It 'treats GigabitEthernet1/0/1 and Gi1/0/1 as the same port' {
        Set-VNSwitchPort -PhysicalSwitch $sw -Name GigabitEthernet1/0/1 -Mode Trunk
        $port = Set-VNSwitchPort -PhysicalSwitch $sw -Name gi1/0/1 -NativeVLan 10 -PassThru
        $sw.Ports.Count | Should -Be 1
        $port.Name | Should -Be 'Gi1/0/1'
        $port.LongName | Should -Be 'GigabitEthernet1/0/1'
        $port.Mode | Should -Be 'Trunk'
        $port.NativeVLan | Should -Be 10
    }

    It 'changes only the settings given' {
        Set-VNSwitchPort $sw Gi1/0/1 -Mode Trunk -AccessVLan 10 -NativeVLan 20 -AllowedVLan 20, 30 -Mtu 9000
        $port = Set-VNSwitchPort $sw Gi1/0/1 -PortFast Trunk -PassThru
        $port.PortFast | Should -Be 'Trunk'
        $port.Mode | Should -Be 'Trunk'
        $port.AccessVLan | Should -Be 10
        $port.NativeVLan | Should -Be 20
        $port.AllowedVLan | Should -Be '20,30'
        $port.Mtu | Should -Be 9000
    }

    It 'keeps the allowed VLAN list <Given> as <Text>' -ForEach @(
        @{ Given = @('10,20,30-32'); Text = '10,20,30-32' }
        @{ Given = @(10, 20, '30-32'); Text = '10,20,30-32' }
        @{ Given = @('30-32', '10'); Text = '10,30-32' }
        @{ Given = @('1-4094'); Text = '1-4094' }
        @{ Given = @('none'); Text = 'none' }
        @{ Given = @('ALL'); Text = 'all' }
    ) {
        (Set-VNSwitchPort $sw Gi1/0/1 -Mode Trunk -AllowedVLan $Given -PassThru).AllowedVLan | Should -Be $Text
    }

    It 'makes PortFast <PortFast> effective on an <Mode> port: <Effective>' -ForEach @(
        @{ Mode = 'Access'; PortFast = 'Enabled'; Effective = $true }
        @{ Mode = 'Access'; PortFast = 'Trunk'; Effective = $true }
        @{ Mode = 'Trunk'; PortFast = 'Enabled'; Effective = $false }
        @{ Mode = 'Trunk'; PortFast = 'Trunk'; Effective = $true }
        @{ Mode = 'Trunk'; PortFast = 'Disabled'; Effective = $false }
    ) {
        (Set-VNSwitchPort $sw Gi1/0/1 -Mode $Mode -PortFast $PortFast -PassThru).IsPortFastEffective | Should -Be $Effective
    }

    It 'accepts a port on the second stack member' {
        (Set-VNSwitchPort $sw Gi2/0/24 -PassThru).StackMember | Should -Be 2
    }

    It 'refuses a port on a stack member the switch does not have, and creates nothing' {
        $err = $null
        Set-VNSwitchPort $sw Gi3/0/1 -Mode Trunk -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidSwitchPortName,VirtNet.Commands.SetVNSwitchPortCommand'
        $err[0].Exception.Message | Should -Match 'stack member 3.*has 2 member'
        $sw.Ports.Count | Should -Be 0
    }

    It 'refuses the port name <Name> with InvalidSwitchPortName' -ForEach @(
        @{ Name = 'Vlan10' }
        @{ Name = 'Gi' }
        @{ Name = 'Po1' }
        @{ Name = 'Port-channel1' }
    ) {
        { Set-VNSwitchPort $sw $Name -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSwitchPortName,VirtNet.Commands.SetVNSwitchPortCommand'
        $sw.Ports.Count | Should -Be 0
    }

    It 'refuses <Parameter> <Value> with <ErrorId> before changing or creating anything' -ForEach @(
        @{ Parameter = 'AccessVLan'; Value = 4095; ErrorId = 'InvalidVLanId' }
        @{ Parameter = 'NativeVLan'; Value = 0; ErrorId = 'InvalidVLanId' }
        @{ Parameter = 'AllowedVLan'; Value = '10,5000'; ErrorId = 'InvalidVLanId' }
        @{ Parameter = 'AllowedVLan'; Value = '10-x'; ErrorId = 'InvalidVLanId' }
        @{ Parameter = 'AllowedVLan'; Value = '20-10'; ErrorId = 'InvalidVLanId' }
        @{ Parameter = 'Mtu'; Value = 9217; ErrorId = 'InvalidMtu' }
        @{ Parameter = 'Mtu'; Value = 1499; ErrorId = 'InvalidMtu' }
    ) {
        Set-VNSwitchPort $sw Gi1/0/1
        $arguments = @{ PhysicalSwitch = $sw; Name = 'Gi1/0/1', 'Gi1/0/2'; Mode = 'Trunk'; $Parameter = $Value }
        { Set-VNSwitchPort @arguments -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,VirtNet.Commands.SetVNSwitchPortCommand"
        $sw.Ports.Name | Should -Be @('Gi1/0/1')
        $sw.Ports[0].Mode | Should -Be 'Access'
    }

    It 'accepts the largest switch MTU, 9216' {
        (Set-VNSwitchPort $sw Gi1/0/1 -Mtu 9216 -PassThru).Mtu | Should -Be 9216
    }

    It 'sets every port piped in' {
        Set-VNSwitchPort $sw Gi1/0/1, Gi2/0/1 -Mode Trunk
        $ports = $sw.Ports | Set-VNSwitchPort -PortFast Trunk -PassThru
        $ports.Name | Should -Be @('Gi1/0/1', 'Gi2/0/1')
        $sw.Ports.PortFast | Should -Be @('Trunk', 'Trunk')
    }

    It 'takes the switch from the pipeline and the port names by property' {
        $sw | Set-VNSwitchPort -Name Gi1/0/3 -Mode Trunk
        [pscustomobject]@{ Name = 'Gi1/0/4' } | Set-VNSwitchPort -PhysicalSwitch $sw -AccessVLan 20
        $sw.Ports.Name | Should -Be @('Gi1/0/3', 'Gi1/0/4')
        $sw.Ports[1].AccessVLan | Should -Be 20
    }

    It 'goes on with the other ports after a bad name' {
        $ports = Set-VNSwitchPort $sw Gi1/0/1, Gi9/0/1, Gi1/0/2 -Mode Trunk -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $ports.Name | Should -Be @('Gi1/0/1', 'Gi1/0/2')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidSwitchPortName,VirtNet.Commands.SetVNSwitchPortCommand'
    }

    It 'changes and creates nothing with -WhatIf' {
        Set-VNSwitchPort $sw Gi1/0/1
        Set-VNSwitchPort $sw Gi1/0/1, Gi1/0/2 -Mode Trunk -PortFast Trunk -WhatIf
        $sw.Ports.Count | Should -Be 1
        $sw.Ports[0].Mode | Should -Be 'Access'
        $sw.Ports | Set-VNSwitchPort -Mtu 9000 -WhatIf
        $sw.Ports[0].Mtu | Should -Be 1500
    }
}

Describe 'New-VNPortChannel' {
    BeforeEach { $sw = New-VNPhysicalSwitch -Name sw1 -Model 'Catalyst 3750' -Stack 2 }

    It 'creates a static cross-stack channel Po1 with two members' {
        $po = New-VNPortChannel -PhysicalSwitch $sw -Name Po1 -Member GigabitEthernet1/0/1, Gi2/0/1
        $po.Name | Should -Be 'Po1'
        $po.Mode | Should -Be 'On'
        $po.IsStatic | Should -BeTrue
        $po.Members.Name | Should -Be @('Gi1/0/1', 'Gi2/0/1')
        $sw.Ports.PortChannel.Name | Should -Be @('Po1', 'Po1')
        $sw.PortChannels.Name | Should -Be @('Po1')
    }

    It 'takes the long name Port-channel2 and an LACP mode' {
        $po = $sw | New-VNPortChannel -Name Port-channel2 -Member Gi1/0/3, Gi1/0/4 -Mode Active
        $po.Name | Should -Be 'Po2'
        $po.IsLacp | Should -BeTrue
    }

    It 'refuses a member that is already in a channel, and changes nothing' {
        New-VNPortChannel $sw Po1 Gi1/0/1, Gi2/0/1
        $err = $null
        New-VNPortChannel $sw Po2 Gi1/0/5, Gi1/0/1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'SwitchPortInUse,VirtNet.Commands.NewVNPortChannelCommand'
        $err[0].Exception.Message | Should -Match "Gi1/0/1' is already a member of Po1"
        $sw.PortChannels.Name | Should -Be @('Po1')
        $sw.Ports.Name | Should -Be @('Gi1/0/1', 'Gi2/0/1')
    }

    It 'refuses a second channel with the same number, in either form' {
        New-VNPortChannel $sw Po1 Gi1/0/1
        { New-VNPortChannel $sw Port-channel1 Gi1/0/2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateName,VirtNet.Commands.NewVNPortChannelCommand'
    }

    It 'refuses the channel name <Name> with InvalidSwitchPortName' -ForEach @(@{ Name = 'Gi1/0/9' }, @{ Name = 'Channel1' }) {
        { New-VNPortChannel $sw $Name Gi1/0/1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSwitchPortName,VirtNet.Commands.NewVNPortChannelCommand'
        $sw.Ports.Count | Should -Be 0
    }

    It 'refuses a member on a stack member the switch does not have' {
        { New-VNPortChannel $sw Po1 Gi1/0/1, Gi3/0/1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSwitchPortName,VirtNet.Commands.NewVNPortChannelCommand'
        $sw.Ports.Count | Should -Be 0
    }

    It 'refuses more than eight members with InvalidPortChannel' {
        $members = 1..9 | ForEach-Object { "Gi1/0/$_" }
        { New-VNPortChannel $sw Po1 $members -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidPortChannel,VirtNet.Commands.NewVNPortChannelCommand'
        $sw.Ports.Count | Should -Be 0
    }

    It 'creates nothing with -WhatIf' {
        New-VNPortChannel $sw Po1 Gi1/0/1, Gi2/0/1 -WhatIf
        $sw.PortChannels.Count | Should -Be 0
        $sw.Ports.Count | Should -Be 0
    }
}

Describe 'Add-VNEndpoint' {
    BeforeEach { $sw = New-VNPhysicalSwitch -Name sw1 }

    It 'adds an endpoint on the native VLAN that answers ping, by default' {
        $gw = $sw | Add-VNEndpoint -Name gw -IPAddress 192.168.1.1 -Role Gateway
        $gw.Name | Should -Be 'gw'
        $gw.IPAddress.ToString() | Should -Be '192.168.1.1'
        $gw.VLanId | Should -BeNullOrEmpty
        $gw.RespondsToPing | Should -BeTrue
        $gw.Role | Should -Be 'Gateway'
        $gw.PhysicalSwitch | Should -Be $sw
        $sw.Endpoints.Name | Should -Be @('gw')
    }

    It 'adds an endpoint on a VLAN that does not answer ping, with role Other by default' {
        $nas = Add-VNEndpoint -PhysicalSwitch $sw -Name nas -IPAddress 10.0.20.5 -VLanId 20 -RespondsToPing $false
        $nas.VLanId | Should -Be 20
        $nas.RespondsToPing | Should -BeFalse
        $nas.Role | Should -Be 'Other'
    }

    It 'takes each piped object''s own VLAN, and none where it has none' {
        $endpoints = [pscustomobject]@{ Name = 'nas'; IPAddress = '10.0.20.5'; VLanId = 20 },
            [pscustomobject]@{ Name = 'gw'; IPAddress = '192.168.1.1'; Role = 'Gateway' } | Add-VNEndpoint -PhysicalSwitch $sw
        $endpoints.Name | Should -Be @('nas', 'gw')
        $endpoints[0].VLanId | Should -Be 20
        $endpoints[1].VLanId | Should -BeNullOrEmpty
        $endpoints.Role | Should -Be @('Other', 'Gateway')
    }

    It 'refuses a malformed address with InvalidIPAddress' {
        { $sw | Add-VNEndpoint -Name gw -IPAddress 192.168.1.300 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidIPAddress,VirtNet.Commands.AddVNEndpointCommand'
        $sw.Endpoints.Count | Should -Be 0
    }

    It 'refuses VLAN <VLanId> on a physical switch with InvalidVLanId' -ForEach @(@{ VLanId = 4095 }, @{ VLanId = 0 }) {
        { $sw | Add-VNEndpoint -Name gw -IPAddress 192.168.1.1 -VLanId $VLanId -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVLanId,VirtNet.Commands.AddVNEndpointCommand'
        $sw.Endpoints.Count | Should -Be 0
    }

    It 'refuses a second endpoint with the same name, whatever the case' {
        $sw | Add-VNEndpoint -Name gw -IPAddress 192.168.1.1
        { $sw | Add-VNEndpoint -Name GW -IPAddress 192.168.1.2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'DuplicateName,VirtNet.Commands.AddVNEndpointCommand'
    }

    It 'adds nothing with -WhatIf' {
        $sw | Add-VNEndpoint -Name gw -IPAddress 192.168.1.1 -WhatIf
        $sw.Endpoints.Count | Should -Be 0
    }
}
