BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $fixtures = Join-Path $PSScriptRoot '../VirtNet.Core.Tests/Fixtures/RVTools'
}

Describe 'Import-VNRVToolsExport' {
    It 'imports a workbook and the same export as a folder of CSV files alike, one host per host' {
        $fromWorkbook = @(Import-VNRVToolsExport -Path (Join-Path $fixtures 'RVTools_export_all.xlsx'))
        $fromCsv = @(Import-VNRVToolsExport -Path (Join-Path $fixtures 'csv'))

        foreach ($hosts in $fromWorkbook, $fromCsv) {
            $hosts.Count | Should -Be 2
            $hosts[0] | Should -BeOfType ([VirtNet.VNHost])
            $hosts.Name | Should -Be @('esx11', 'esx12')
            $hosts.Version | Should -Be @('7.0 U3', '6.7')
            $hosts[0].VirtualSwitches.Name | Should -Be @('vSwitch0', 'vSwitch1', 'dvSwitch01')
            $hosts[0].VirtualSwitches[0].Nic | Should -Be @('vmnic0', 'vmnic1')
            $hosts[0].VirtualSwitches[1].TeamingPolicy.FailbackEnabled | Should -BeFalse
            $hosts[0].GetPortGroup('VM Network; Production').TeamingPolicy.LoadBalancingPolicy | Should -Be 'ExplicitFailover'
            $hosts[1].GetPortGroup('dvPG-Trunk').VLanId | Should -Be 4095
            "$($hosts[0].GetVMKernelAdapter('vmk0').Gateway)" | Should -Be '10.0.10.1'
        }
    }

    It 'reads CSV files piped from Get-ChildItem, and -Version wins over vHost' {
        $hosts = Get-ChildItem -Path (Join-Path $fixtures 'csv') -Filter 'RVTools_tabv*.csv' | Where-Object Name -ne 'RVTools_tabvInfo.csv' |
            Import-VNRVToolsExport -Version 7.0 -WarningAction SilentlyContinue

        $hosts.Name | Should -Be @('esx11', 'esx12')
        $hosts.Version | Should -Be @('7.0', '7.0')
    }

    It 'keeps a standard and a distributed port group of one name apart, with VMs on the right one' {
        $siteA = Import-VNRVToolsExport -Path (Join-Path $fixtures 'two-sites') -WarningAction SilentlyContinue |
            Where-Object Name -EQ 'esx11.site-a.local'

        ($siteA | Get-VNPortGroup -Name Migration-PG).Path | Should -Be @('esx11.site-a.local/vSwitch0/Migration-PG', 'esx11.site-a.local/dvs-prod/Migration-PG')
        ($siteA | Get-VNVirtualMachine -Name app01).NetworkAdapters.PortGroup.VirtualSwitch.Name | Should -Be @('vSwitch0', 'dvs-prod')
    }

    It 'writes a row it cannot read as a warning with file and line' {
        $path = Join-Path $TestDrive 'RVTools_tabvSwitch.csv'
        Set-Content -Path $path -Value "Host,Switch,# Ports,MTU`nesx21,vSwitch0,128,1500`n,vSwitch1,128,1500"

        $esx = Import-VNRVToolsExport -Path $path -WarningVariable warnings -WarningAction SilentlyContinue

        $esx.Name | Should -Be 'esx21'
        $warnings.Count | Should -Be 2
        # One tab of seven: the others are named, as the host comes out without what they hold.
        "$($warnings[0])" | Should -BeLike '*: the export has no vPort, vSC_VMK, vNIC, dvSwitch, dvPort tabs; *'
        "$($warnings[1])" | Should -BeLike '*RVTools_tabvSwitch.csv, line 3: the vSwitch row names no Host; it is skipped.'
    }

    It 'reports a CSV of another tab with UnknownImportFormat, and a damaged workbook too' {
        $damaged = Join-Path $TestDrive 'damaged.xlsx'
        Set-Content -Path $damaged -Value 'no zip archive'

        $result = Import-VNRVToolsExport -Path (Join-Path $fixtures 'csv/RVTools_tabvInfo.csv'), $damaged -ErrorVariable err -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be @('UnknownImportFormat,VirtNet.Commands.ImportVNRVToolsExportCommand', 'UnknownImportFormat,VirtNet.Commands.ImportVNRVToolsExportCommand')
        $err[0].Exception.Message | Should -BeLike '*RVTools_tabvInfo.csv*Formats tried: an RVTools .xlsx workbook*'
        $err[1].Exception.Message | Should -BeLike '*damaged.xlsx* is not a readable .xlsx workbook*'
    }
}
