BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('virtnet-isolation-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder

    # Nine inputs of each kind; the fifth is an empty file, which reads as nothing (as /dev/zero or a pipe would).
    function New-Inputs([string] $Kind, [scriptblock] $Text) {
        foreach ($i in 1..9) {
            $path = Join-Path $folder "$Kind-$i.txt"
            if ($i -eq 5) { Set-Content -Path $path -Value $null -NoNewline } else { Set-Content -Path $path -Value (& $Text $i) }
            $path
        }
    }
}

AfterAll {
    Remove-Item -Path $folder -Recurse -Force
}

Describe 'One input''s failure stays that input''s' {
    It 'Import-VNEsxConfig builds the 8 good hosts of 9 inputs, with one error for the bad 5th' {
        $paths = New-Inputs 'esx' { param($i) "[root@esx0${i}:~] esxcfg-vswitch -l`nSwitch Name  Num Ports  Used Ports  Configured Ports  MTU  Uplinks`nvSwitch0     2560       3           128               1500 vmnic0" }

        $hosts = @(Get-Item -Path $paths | Import-VNEsxConfig -ErrorVariable err -ErrorAction SilentlyContinue)

        $hosts.Name | Should -Be @('esx01', 'esx02', 'esx03', 'esx04', 'esx06', 'esx07', 'esx08', 'esx09')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FileEmptyOrNotRegular,VirtNet.Commands.ImportVNEsxConfigCommand'
        $err[0].TargetObject | Should -BeLike '*esx-5.txt'
    }

    It 'Import-VNSwitchConfig builds the 8 good switches of 9 inputs' {
        $paths = New-Inputs 'sw' { param($i) "hostname sw$i`n!`ninterface GigabitEthernet1/0/1`n switchport mode trunk`n!" }

        $switches = @(Import-VNSwitchConfig -Path $paths -ErrorVariable err -ErrorAction SilentlyContinue)

        $switches.Name | Should -Be @('sw1', 'sw2', 'sw3', 'sw4', 'sw6', 'sw7', 'sw8', 'sw9')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FileEmptyOrNotRegular,VirtNet.Commands.ImportVNSwitchConfigCommand'
    }

    It 'Import-VNRVToolsExport builds the 8 good hosts of 9 inputs' {
        $paths = New-Inputs 'rvtools' { param($i) "Host,Switch,# Ports,MTU`nesx1$i.lab.local,vSwitch0,128,1500" }

        $hosts = @(Import-VNRVToolsExport -Path $paths -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $hosts.Name | Should -Be @('esx11', 'esx12', 'esx13', 'esx14', 'esx16', 'esx17', 'esx18', 'esx19')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FileEmptyOrNotRegular,VirtNet.Commands.ImportVNRVToolsExportCommand'
    }

    It 'Import-VNConfig imports the 8 good files of 9' {
        $paths = foreach ($i in 1..9) {
            $path = Join-Path $folder "config-$i.json"
            if ($i -eq 5) { Set-Content -Path $path -Value $null -NoNewline }
            else { New-VNHost -Name "esx2$i" -Version 8.0 | Export-VNConfig -Path $path -Force }
            $path
        }

        $hosts = @(Import-VNConfig -Path $paths -ErrorVariable err -ErrorAction SilentlyContinue)

        $hosts.Name | Should -Be @('esx21', 'esx22', 'esx23', 'esx24', 'esx26', 'esx27', 'esx28', 'esx29')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FileEmptyOrNotRegular,VirtNet.Commands.ImportVNConfigCommand'
    }

    It 'ConvertFrom-VNPowerCLI converts the 8 good objects of 9 and names the odd one' {
        $objects = foreach ($i in 1..9) {
            if ($i -eq 5) { [pscustomobject]@{ VMHost = 'esx35'; Color = 'blue' } }
            else { [pscustomobject]@{ VMHost = "esx3$i"; Name = 'vSwitch0'; Nic = @('vmnic0'); NumPorts = 128; Mtu = 1500 } }
        }

        $hosts = @($objects | ConvertFrom-VNPowerCLI -Version 8.0 -WarningVariable warnings -WarningAction SilentlyContinue)

        $hosts.Name | Should -Be @('esx31', 'esx32', 'esx33', 'esx34', 'esx35', 'esx36', 'esx37', 'esx38', 'esx39')
        ($hosts | Where-Object Name -EQ 'esx35').VirtualSwitches.Count | Should -Be 0
        "$($warnings[0])" | Should -BeLike 'input object 5: it is none of VirtualSwitch*'
    }

    It 'a file that is not a regular file is refused, not read forever' -Skip:(-not (Test-Path '/dev/zero')) {
        $hosts = @(Import-VNEsxConfig -Path '/dev/zero', (Join-Path $folder 'esx-1.txt') -ErrorVariable err -ErrorAction SilentlyContinue)

        $hosts.Name | Should -Be @('esx01')
        $err[0].FullyQualifiedErrorId | Should -Be 'FileEmptyOrNotRegular,VirtNet.Commands.ImportVNEsxConfigCommand'
    }
}
