BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # A host cabled to a two-member stack, with a VMkernel port and a VM.
    function New-TestLab {
        $core = New-VNPhysicalSwitch -Name core1 -Model WS-C3750X-48T -Stack 2
        $esx = New-VNHost -Name esx01 -Version 6.7 -IPAddress 10.0.10.11
        $vSwitch = $esx | Add-VNVirtualSwitch -Name vSwitch0
        $null = $vSwitch | Add-VNUplink -Name vmnic0 -SpeedMbps 10000 -PhysicalSwitch $core -SwitchPort Gi1/0/1
        $null = $vSwitch | Add-VNUplink -Name vmnic1 -SpeedMbps 10000 -PhysicalSwitch $core -SwitchPort Gi2/0/1
        $management = $vSwitch | Add-VNPortGroup -Name 'Management Network' -VLanId 10
        $vmNetwork = $vSwitch | Add-VNPortGroup -Name 'VM Network' -VLanId 20
        $null = $management | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 10.0.10.11/24
        $null = $esx | Add-VNVirtualMachine -Name web01 -PortGroup $vmNetwork
        $esx, $core
    }
}

Describe 'Export-VNConfig and Import-VNConfig' {
    BeforeEach {
        $esx, $core = New-TestLab
    }

    It 'export, import and export again give byte-identical files' {
        $first = Join-Path $TestDrive 'first.json'
        $second = Join-Path $TestDrive 'second.json'
        $esx | Export-VNConfig -Path $first

        Import-VNConfig -Path $first | Export-VNConfig -Path $second

        (Get-FileHash $second).Hash | Should -Be (Get-FileHash $first).Hash
        Get-Content $first -Raw | Should -Match '"physicalSwitch": "core1"'
    }

    It 'emits the hosts, then the physical switches they are cabled to, fully linked' {
        $path = Join-Path $TestDrive 'lab.json'
        $esx | Export-VNConfig -Path $path

        $imported = @(Import-VNConfig -Path $path)

        $imported.Count | Should -Be 2
        $imported[0] | Should -BeOfType ([VirtNet.VNHost])
        $imported[0].Name | Should -Be 'esx01'
        $imported[1] | Should -BeOfType ([VirtNet.VNPhysicalSwitch])
        $imported[1].Name | Should -Be 'core1'
        $vmnic1 = $imported[0].VirtualSwitches[0].Uplinks[1]
        [object]::ReferenceEquals($vmnic1.PhysicalSwitch, $imported[1]) | Should -BeTrue
        $vmnic1.SwitchPort.Name | Should -Be 'Gi2/0/1'
        $imported[0].VirtualMachines[0].NetworkAdapters[0].PortId | Should -Be 1
    }

    It 'writes relative paths under the current PowerShell location' {
        Push-Location $TestDrive
        try { $esx | Export-VNConfig -Path 'relative.json' }
        finally { Pop-Location }

        Join-Path $TestDrive 'relative.json' | Should -Exist
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'

        $esx | Export-VNConfig -Path $path -WhatIf

        $path | Should -Not -Exist
    }

    It 'leaves an existing file alone with -NoClobber, with ConfigFileExists' {
        $path = Join-Path $TestDrive 'existing.json'
        Set-Content -Path $path -Value 'keep me'

        { $esx | Export-VNConfig -Path $path -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigFileExists,VirtNet.Commands.ExportVNConfigCommand'
        Get-Content $path | Should -Be 'keep me'
    }

    It 'replaces an existing file, as Export-Csv does, and leaves no temporary file' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'force')
        $path = Join-Path $folder 'replaced.json'
        Set-Content -Path $path -Value 'old'

        $esx | Export-VNConfig -Path $path

        (Import-VNConfig -Path $path)[0].Name | Should -Be 'esx01'
        @(Get-ChildItem -Path $folder -Force).Name | Should -Be @('replaced.json')
    }

    It 'reports an object that is not part of a model and exports the others' {
        $path = Join-Path $TestDrive 'mixed.json'

        $esx, 'not a host', $core | Export-VNConfig -Path $path -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedExportObject,VirtNet.Commands.ExportVNConfigCommand'
        $err[0].Exception.Message | Should -Match "'not a host' \(a System\.String\)"
        (Import-VNConfig -Path $path).Name | Should -Be @('esx01', 'core1')
    }

    It 'stops with NothingToExport when no input is a model object' {
        $path = Join-Path $TestDrive 'nothing.json'

        { 'not a host' | Export-VNConfig -Path $path -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'NothingToExport,VirtNet.Commands.ExportVNConfigCommand'
        $path | Should -Not -Exist
    }
}

Describe 'Import-VNConfig errors' {
    It 'reports malformed JSON with ConfigFileMalformed and the line' {
        $path = Join-Path $TestDrive 'malformed.json'
        # The comma after 1 is missing; the reader stops at the quote opening "hosts" on line 3.
        Set-Content -Path $path -Value "{`n  `"schemaVersion`": 1`n  `"hosts`": []`n}"

        $result = Import-VNConfig -Path $path -ErrorVariable err -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigFileMalformed,VirtNet.Commands.ImportVNConfigCommand'
        $err[0].Exception.Message | Should -Match 'malformed\.json'
        $err[0].Exception.Message | Should -Match 'line 3, position 2'
    }

    It 'reports an unknown schema version with the one found and the one supported' {
        $path = Join-Path $TestDrive 'future.json'
        Set-Content -Path $path -Value '{ "schemaVersion": 7, "hosts": [] }'

        { Import-VNConfig -Path $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedSchemaVersion,VirtNet.Commands.ImportVNConfigCommand' -ExpectedMessage '*schemaVersion 7*reads schema version 1 only*'
    }

    It 'yields nothing from a file with an invalid value, and names the JSON path' {
        $esx, $null = New-TestLab
        $path = Join-Path $TestDrive 'vlan.json'
        $esx | Export-VNConfig -Path $path
        (Get-Content $path -Raw).Replace('"vlanId": 20', '"vlanId": 5000') | Set-Content -Path $path -NoNewline

        $result = Import-VNConfig -Path $path -ErrorVariable err -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidConfigValue,VirtNet.Commands.ImportVNConfigCommand'
        $err[0].Exception.Message | Should -Match 'hosts\[0\]\.virtualSwitches\[0\]\.portGroups\[1\]\.vlanId \(line \d+'
        $err[0].Exception.Message | Should -Match 'VLAN id 5000 is not valid'
    }

    It 'reports a missing file with ConfigFileNotFound and goes on with the other files' {
        $good = Join-Path $TestDrive 'good.json'
        New-VNHost -Name esx02 | Export-VNConfig -Path $good

        $result = Import-VNConfig -Path (Join-Path $TestDrive 'missing.json'), $good -ErrorVariable err -ErrorAction SilentlyContinue

        $result.Name | Should -Be 'esx02'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigFileNotFound,VirtNet.Commands.ImportVNConfigCommand'
    }

    It 'reads the files Get-ChildItem pipes in by their FullName' {
        $folder = Join-Path $TestDrive 'labs'
        $null = New-Item -ItemType Directory -Path $folder
        New-VNHost -Name esx01 | Export-VNConfig -Path (Join-Path $folder 'a.json')
        New-VNHost -Name esx02 | Export-VNConfig -Path (Join-Path $folder 'b.json')

        $hosts = Get-ChildItem -Path $folder -Filter *.json | Sort-Object Name | Import-VNConfig

        $hosts.Name | Should -Be @('esx01', 'esx02')
    }
}
