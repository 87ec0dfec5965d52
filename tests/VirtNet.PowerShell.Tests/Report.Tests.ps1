BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    . (Join-Path $PSScriptRoot 'Clear-VNTestSession.ps1')
    . (Join-Path $PSScriptRoot 'New-VNTestEstate.ps1')
}

Describe 'Export-VNReport' {
    BeforeAll {
        $lab = New-VNSampleLab -Name NicTeaming
        $folder = Join-Path $TestDrive 'reports'
        $null = New-Item -ItemType Directory -Path $folder
    }

    It 'writes one self-contained HTML file that is also well-formed XML' {
        $path = Join-Path $folder 'lab.html'
        $lab | Export-VNReport -Path $path -Title 'NIC teaming lab'
        $html = Get-Content -Path $path -Raw
        $html | Should -Match '^<!DOCTYPE html>'
        $html | Should -Not -Match '<script|<link|<img|https?://(?!www\.w3\.org/2000/svg)'
        $xml = [xml]($html -replace '^<!DOCTYPE html>', '')
        $xml.html.head.title | Should -Be 'NIC teaming lab'
    }

    It 'replaces an existing file, and with -NoClobber refuses with ReportFileExists' {
        $path = Join-Path $folder 'twice.html'
        Set-Content -Path $path -Value 'old'
        $lab | Export-VNReport -Path $path
        (Get-Content -Path $path -Raw) | Should -Match '<!DOCTYPE html>'
        Set-Content -Path $path -Value 'old'
        { $lab | Export-VNReport -Path $path -NoClobber } | Should -Throw -ErrorId 'ReportFileExists,VirtNet.Commands.ExportVNReportCommand'
        (Get-Content -Path $path -Raw).Trim() | Should -Be 'old'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $folder 'whatif.html'
        $lab | Export-VNReport -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'reports an input that is not a model object and still writes the rest' {
        $path = Join-Path $folder 'mixed.html'
        @('not a host') + $lab | Export-VNReport -Path $path -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedExportObject,VirtNet.Commands.ExportVNReportCommand'
        (Select-String -Path $path -Pattern 'data-kind="host"' -AllMatches).Matches.Count | Should -Be 1
    }

    It 'refuses a report of nothing with NothingToReport' {
        { 'x' | Export-VNReport -Path (Join-Path $folder 'none.html') -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'NothingToReport,VirtNet.Commands.ExportVNReportCommand'
    }

    It 'refuses a folder that does not exist with ReportWriteFailed' {
        { $lab | Export-VNReport -Path (Join-Path $folder 'missing/r.html') } |
            Should -Throw -ErrorId 'ReportWriteFailed,VirtNet.Commands.ExportVNReportCommand'
    }

    It 'says with -Verbose what it wrote' {
        $path = Join-Path $folder 'verbose.html'
        $verbose = $lab | Export-VNReport -Path $path -Verbose 4>&1
        ($verbose | Select-Object -Last 1).Message | Should -Match '^Wrote .*verbose\.html \(\d+ KB\): 1 diagram\(s\), 1 finding\(s\), 0 HA result\(s\), 0 timeline\(s\)\.$'
    }

    It 'adds the traffic section for -Flow and warns about flows from hosts outside the report' {
        $vmhost = $lab | Where-Object { $_ -is [VirtNet.VNHost] }
        $other = New-VNHost -Name esx09
        $otherPg = $other | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNPortGroup -Name NFS
        $null = $otherPg | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.99/24
        $flows = @(New-VNFlow -Host $vmhost -Source vmk0 -Destination 10.0.0.20, 10.0.0.21) + @(New-VNFlow -Host $other -Source vmk1 -Destination 10.0.0.20)
        $path = Join-Path $folder 'traffic.html'
        $lab | Export-VNReport -Path $path -Flow $flows -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'esx09/vSwitch0'
        $xml = [xml]((Get-Content -Path $path -Raw) -replace '^<!DOCTYPE html>', '')
        $rows = $xml.SelectNodes('//table[@class="traffic"]/tbody/tr[starts-with(@class, "healthy")]')
        # The five ESX policies, each with a healthy row and a worst-failure row.
        $rows.Count | Should -Be 5
    }
}

Describe 'Export-VNReport with HA clusters' {
    BeforeAll {
        $ha = New-VNSampleLab -Name HaCluster
        $cluster = New-VNCluster -Name HaCluster -Host ($ha | Where-Object { $_ -is [VirtNet.VNHost] })
        $elsewhere = New-VNPhysicalSwitch -Name elsewhere
    }

    It 'runs the scenarios given, and leaves out with a warning one that names what the cluster lacks' {
        $vmnic0 = ($ha | Where-Object Name -eq esx03).VirtualSwitches[0].Uplinks[0]
        $flap = New-VNFailureScenario -Name 'esx03 vmnic0 flaps' -LinkDown $vmnic0 -At 0 -Until 2
        $foreign = New-VNFailureScenario -Name 'elsewhere down' -SwitchDown $elsewhere -At 0
        $path = Join-Path $TestDrive 'ha.html'
        $cluster | Export-VNReport -Path $path -Scenario $flap, $foreign -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match "scenario 'elsewhere down'"
        $xml = [xml]((Get-Content -Path $path -Raw) -replace '^<!DOCTYPE html>', '')
        $rows = $xml.SelectNodes('//table[@class="matrix"]/tbody/tr')
        $rows.Count | Should -Be 1
        # esx03's Service Console fails back at 2.1 s (the 100 ms Net.TeamPolicyUpDelay) to a port that forwards at 32 s:
        # the last heartbeat was heard at 2 s, so the response comes at 2 + 15 = 17 s.
        $xml.SelectSingleNode('//td[@class="v-isolated"]').InnerText | Should -Be 'Isolated 17 s'
        $xml.SelectNodes('//figure[@class="timeline"]').Count | Should -Be 1
    }
}

Describe 'Show-VNTopology' {
    It 'draws host, vSwitch and uplinks with their roles and switch ports' {
        $lines = New-VNSampleLab -Name NicTeaming | Show-VNTopology -Width 200
        $lines[0] | Should -Be 'esx01 (Esx 3.5, 192.168.10.11)'
        $lines[2] | Should -Be '    |-- vmnic0 1G up -> cat3750 Gi1/0/1 (member 1, trunk, PortFast) | active in Service Console, IP Storage, VM Network'
    }

    It 'fits the width asked' {
        $lines = New-VNSampleLab -Name HaCluster | Show-VNTopology -Width 50
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 50 }
        ($lines -join ' ') | Should -Match 'standby in'
    }

    It 'refuses a width below 40' {
        { New-VNSampleLab | Show-VNTopology -Width 20 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,VirtNet.Commands.ShowVNTopologyCommand'
    }

    It 'reports an input that is not a model object and shows the rest' {
        $lines = @('x') + (New-VNSampleLab) | Show-VNTopology -Width 120 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedExportObject,VirtNet.Commands.ShowVNTopologyCommand'
        $lines[0] | Should -Match '^esx01 '
    }
}

Describe 'Export-VNReport and Show-VNTopology without input: the session inventory' {
    BeforeEach { Clear-VNTestSession }

    It 'reports every host, switch and cluster the session keeps' {
        # HaCluster: three hosts (esx01-03) on two switches (cat-a, cat-b), then one cluster of them.
        $hosts = New-VNSampleLab -Name HaCluster | Where-Object { $_ -is [VirtNet.VNHost] }
        New-VNCluster -Name lab -Host $hosts | Out-Null
        $path = Join-Path $TestDrive 'session.html'
        $verbose = Export-VNReport -Path $path -Verbose 4>&1
        (Select-String -Path $path -Pattern 'data-kind="host"' -AllMatches).Matches.Count | Should -Be 3
        ($verbose | Select-Object -Last 1).Message | Should -Match '\d+ HA result\(s\)'
        ($verbose | Select-Object -Last 1).Message | Should -Not -Match ' 0 HA result\(s\)'
    }

    It 'an empty session is NothingToReport, and an empty topology prints nothing' {
        { Export-VNReport -Path (Join-Path $TestDrive 'empty.html') } | Should -Throw -ErrorId 'NothingToReport,VirtNet.Commands.ExportVNReportCommand'
        @(Show-VNTopology -Width 80).Count | Should -Be 0
    }

    It 'Show-VNTopology without input shows the session''s hosts' {
        New-VNSampleLab -Name NicTeaming | Out-Null
        (Show-VNTopology -Width 200)[0] | Should -Be 'esx01 (Esx 3.5, 192.168.10.11)'
    }
}
