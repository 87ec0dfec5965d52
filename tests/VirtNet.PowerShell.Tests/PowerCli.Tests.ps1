BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $fixtures = Join-Path $PSScriptRoot '../VirtNet.Core.Tests/Fixtures/PowerCli'
    $json = Join-Path $fixtures 'esx04-network.json'
}

Describe 'ConvertFrom-VNPowerCLI' {
    It 'converts the objects ConvertFrom-Json reads back into one host' {
        $esx = Get-Content -Path $json -Raw | ConvertFrom-Json | ConvertFrom-VNPowerCLI -Version 7.0

        $esx | Should -BeOfType ([VirtNet.VNHost])
        $esx.Name | Should -Be 'esx04'
        $esx.Fqdn | Should -Be 'esx04.lab.local'
        $esx.VirtualSwitches[0].Nic | Should -Be @('vmnic0', 'vmnic1')
        $esx.VirtualSwitches[0].TeamingPolicy.ActiveNic | Should -Be @('vmnic1', 'vmnic0')
        $esx.VirtualSwitches[0].TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceIP'
        $storage = $esx.GetPortGroup('Storage')
        $storage.VLanId | Should -Be 30
        $storage.TeamingPolicy.StandbyNic | Should -Be @('vmnic1')
        $storage.TeamingPolicy.IsFailbackInherited | Should -BeFalse
        $esx.GetVMKernelAdapter('vmk1').Purpose | Should -Be @('Storage')
    }

    It 'converts the same objects saved with Export-Clixml and read back with Import-Clixml' {
        $path = Join-Path $TestDrive 'esx04.clixml'
        Get-Content -Path $json -Raw | ConvertFrom-Json | Export-Clixml -Path $path -Depth 4

        $esx = Import-Clixml -Path $path | ConvertFrom-VNPowerCLI -Version 7.0

        $esx.Name | Should -Be 'esx04'
        $esx.GetPortGroup('Management Network').VLanId | Should -Be 10
        "$($esx.GetVMKernelAdapter('vmk0').IPAddress)" | Should -Be '10.0.10.14'
        $esx.VirtualSwitches[0].Uplinks[1].SpeedMbps | Should -Be 10000
    }

    It 'warns that Export-Csv flattened lists to System.String[], and reads *Join columns' {
        $rows = @(Import-Csv -Path (Join-Path $fixtures 'esx05-vswitches.csv')) + @(Import-Csv -Path (Join-Path $fixtures 'esx05-teaming.csv'))

        $esx = $rows | ConvertFrom-VNPowerCLI -WarningVariable warnings -WarningAction SilentlyContinue

        $esx.Name | Should -Be 'esx05'
        $esx.VirtualSwitches[0].TeamingPolicy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $esx.VirtualSwitches[1].TeamingPolicy.NetworkFailoverDetectionPolicy | Should -Be 'BeaconProbing'
        $warnings.Count | Should -Be 5
        "$($warnings[0])" | Should -BeLike 'input object 3: StandbyNic is ''System.String`[`]'': Export-Csv wrote the type of the list*'
    }

    It 'names a host with -HostName when the objects do not' {
        $vSwitch = [pscustomobject]@{ Name = 'vSwitch0'; Nic = @('vmnic0'); NumPorts = 128; Mtu = 1500 }

        $esx = $vSwitch | ConvertFrom-VNPowerCLI -HostName esx08

        $esx.Name | Should -Be 'esx08'
        $esx.VirtualSwitches[0].Nic | Should -Be @('vmnic0')
    }
}
