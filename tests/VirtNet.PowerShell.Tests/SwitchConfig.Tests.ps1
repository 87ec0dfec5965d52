BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $fixtures = Join-Path $PSScriptRoot '../VirtNet.Core.Tests/Fixtures/Cisco'
    $runningConfig = Join-Path $fixtures 'core1-running-config.txt'
    $summary = Join-Path $fixtures 'core1-etherchannel-summary.txt'
    $trunk = Join-Path $fixtures 'core1-interfaces-trunk.txt'

    function New-TestHost([string] $Name, [string[]] $Uplinks) {
        $esx = New-VNHost -Name $Name -Version 6.7
        $null = $esx | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNUplink -Name $Uplinks -SpeedMbps 10000
        $esx
    }
}

Describe 'Import-VNSwitchConfig' {
    It 'merges a running-config and show command output into one switch' {
        $switches = @(Import-VNSwitchConfig -Path $runningConfig, $summary, $trunk -WarningAction SilentlyContinue)

        $switches.Count | Should -Be 1
        $core1 = $switches[0]
        $core1 | Should -BeOfType ([VirtNet.VNPhysicalSwitch])
        $core1.Name | Should -Be 'core1'
        $core1.Stack | Should -Be 2
        $core1.LoadBalance | Should -Be 'SrcDstIp'
        $core1.SpanningTree | Should -Be 'RapidPvst'
        $core1.PortChannels.Name | Should -Be @('Po1', 'Po2', 'Po3')
        $core1.PortChannels.Mode | Should -Be @('On', 'Active', 'Active')
        $core1.PortChannels[1].Members.MemberState | Should -Be @('StandAlone', 'StandAlone')
        ($core1.PortChannels | Format-Table | Out-String -Width 200) | Should -Match 'Po2\s+Active\s+Gi1/0/7 \(StandAlone\), Gi1/0/8 \(StandAlone\)'
        $gi = $core1.GetPort('GigabitEthernet2/0/1')
        $gi.Mode | Should -Be 'Trunk'
        $gi.NativeVLan | Should -Be 99
        $gi.AllowedVLan | Should -Be '10,20,30-32'
        $gi.PortFast | Should -Be 'Trunk'
        $gi.Mtu | Should -Be 9000
    }

    It 'writes a damaged line as a warning with the file and line, and imports the rest' {
        $core1 = Import-VNSwitchConfig -Path $runningConfig -WarningVariable warnings -WarningAction SilentlyContinue

        $core1.Ports.Count | Should -Be 6
        $warnings.Count | Should -Be 1
        $line = (Select-String -Path $runningConfig -Pattern '<==' -SimpleMatch).LineNumber
        "$($warnings[0])" | Should -BeLike "*core1-running-config.txt, line ${line}: *native vlan 10 <== check with the network team*"
    }

    It 'cables uplinks by interface description and by -Cabling' {
        $esx01 = New-TestHost esx01 vmnic0, vmnic1
        $esx02 = New-TestHost esx02 vmnic2, vmnic3

        $core1 = Import-VNSwitchConfig -Path $runningConfig, $summary -Host $esx01, $esx02 -Cabling @{ 'esx02/vmnic3' = 'TenGigabitEthernet2/0/2' } -WarningAction SilentlyContinue

        ($esx01.Uplinks | ForEach-Object { $_.SwitchPort.Name }) | Should -Be @('Gi1/0/1', 'Gi2/0/1')
        ($esx02.Uplinks | ForEach-Object { $_.SwitchPort.Name }) | Should -Be @('Te1/0/11', 'Te2/0/2')
        [object]::ReferenceEquals(@($esx02.Uplinks)[1].PhysicalSwitch, $core1) | Should -BeTrue
    }

    It 'names the switch after -Name' {
        (Import-VNSwitchConfig -Path $trunk -Name dc1-core).Name | Should -Be 'dc1-core'
    }

    It 'reads the files Get-ChildItem pipes in, and passes over files of other kinds in a folder' {
        $switches = @(Get-Item -Path $fixtures | Import-VNSwitchConfig -WarningAction SilentlyContinue -ErrorVariable err)

        $err | Should -BeNullOrEmpty
        $switches.Name | Should -Be 'core1'
        $switches[0].Ports.Count | Should -Be 10
    }

    It 'reports a file in no known format with UnknownImportFormat and goes on with the others' {
        $unknown = Join-Path $fixtures 'core1-ip-interface-brief.txt'

        $result = Import-VNSwitchConfig -Path $unknown, $trunk -ErrorVariable err -ErrorAction SilentlyContinue

        $result.Name | Should -Be 'core1'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UnknownImportFormat,VirtNet.Commands.ImportVNSwitchConfigCommand'
        $err[0].Exception.Message | Should -BeLike '*core1-ip-interface-brief.txt*Formats tried: IOS or NX-OS show running-config*'
    }

    It 'reports a missing file with ImportFileNotFound' {
        { Import-VNSwitchConfig -Path (Join-Path $TestDrive 'missing.txt') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImportFileNotFound,VirtNet.Commands.ImportVNSwitchConfigCommand'
    }
}

Describe 'Import-VNSwitchConfig with NX-OS exports' {
    It 'reads both Nexus running-configs and show vpc brief into a vPC pair and cables the hosts by description' {
        $nxos = Join-Path $fixtures 'nxos'
        $esx1 = New-TestHost esx01 vmnic0, vmnic1
        $esx2 = New-TestHost esx02 vmnic0, vmnic1
        $switches = Import-VNSwitchConfig -Path (Join-Path $nxos 'nx-a-running-config.txt'), (Join-Path $nxos 'nx-b-running-config.txt'), (Join-Path $nxos 'nx-b-show-vpc-brief.txt') `
            -Host $esx1, $esx2 -WarningVariable w -WarningAction SilentlyContinue
        $switches.Name | Should -Be @('nx-a', 'nx-b')
        $pair = $switches[0].Pair
        $pair.Name | Should -Be 'vpc-10'
        $pair.Primary.Name | Should -Be 'nx-a'
        $pair.PortChannels.Name | Should -Be @('Po11', 'Po12')
        # Descriptions "esx01 vmnic0" (nx-a Eth1/1) and "esx01 vmnic1" (nx-b Eth1/1) cable esx01 to both peers.
        (Get-VNUplink -Host $esx1).SwitchPort.Path | Should -Be @('nx-a/Eth1/1', 'nx-b/Eth1/1')
        # One warning: Eth1/3's mtu 9000 is neither 1500 nor the system jumbomtu 9216.
        @($w).Count | Should -Be 1
        "$w" | Should -Match 'nx-a/Eth1/3 has mtu 9000'
    }
}
