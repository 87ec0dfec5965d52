BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $fixtures = Join-Path $PSScriptRoot '../VirtNet.Core.Tests/Fixtures/Esx'
    $bundle = Join-Path $fixtures 'esx-esx01.lab.local-2024-05-06--10.42'
}

Describe 'Import-VNEsxConfig' {
    It 'imports a vm-support bundle as one host, with its teaming and adapters' {
        $hosts = @(Import-VNEsxConfig -Path $bundle -WarningAction SilentlyContinue)

        $hosts.Count | Should -Be 1
        $esx = $hosts[0]
        $esx | Should -BeOfType ([VirtNet.VNHost])
        $esx.Name | Should -Be 'esx01'
        $esx.Fqdn | Should -Be 'esx01.lab.local'
        $esx.VirtualSwitches.Name | Should -Be @('vSwitch0', 'vSwitch1', 'vSwitch2', 'dvSwitch-Production')
        $esx.VirtualSwitches[0].TeamingPolicy.StandbyNic | Should -Be @('vmnic1')
        $esx.GetPortGroup('iSCSI-A').TeamingPolicy.UnusedNic | Should -Be @('vmnic3')
        $esx.VMKernelAdapters.Name | Should -Be @('vmk0', 'vmk1', 'vmk2')
        "$($esx.GetVMKernelAdapter('vmk0').Gateway)" | Should -Be '10.0.10.1'
    }

    It 'writes what it cannot import as warnings with file and line' {
        $null = Import-VNEsxConfig -Path $bundle -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Count | Should -Be 2
        $line = (Select-String -Path (Join-Path $bundle 'commands/esxcfg-vmknic_-l.txt') -Pattern '^vmk3 ').LineNumber
        "$($warnings[0])" | Should -BeLike "*esxcfg-vmknic_-l.txt, line ${line}: adapter 'vmk3' is not imported: it is on DVPort 12*"
    }

    It 'puts adapters on DVPorts on the distributed port group esxcli names, and warns of NSX and other TCP/IP stacks' {
        $esx = Import-VNEsxConfig -Path (Join-Path $fixtures 'dvs-vmknic-esx06.txt') -WarningVariable warnings -WarningAction SilentlyContinue

        ($esx | Get-VNVMKernelAdapter).PortGroup.Path | Should -Be @('esx06/vSwitch0/Management Network', 'esx06/dvs-prod/dvportgroup-1011', 'esx06/dvs-prod/dvportgroup-1012')
        $warnings.Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike "*adapter 'vmk1' is on TCP/IP stack vmotion*"
        "$($warnings[1])" | Should -BeLike "*adapter 'vmk10' is not imported: it is on NSX opaque network*"
    }

    It 'keeps the NICs of NIC output given without vSwitch output, and shows them with their link' {
        $esx = Import-VNEsxConfig -Path (Join-Path $fixtures 'nic-list-esx09.txt') -WarningVariable warnings

        $warnings.Count | Should -Be 0
        $esx.UnusedNics.Name | Should -Be @('vmnic0', 'vmnic1', 'vmnic2', 'vmnic3')
        $esx.UnusedNics.LinkStatus | Should -Be @('Up', 'Up', 'Down', 'Up')
        $table = $esx.UnusedNics | Format-Table | Out-String -Width 200
        $table | Should -Match 'esx09\s+vmnic2\s+Down\s+d0:94:66:09:00:02'
    }

    It 'takes -HostName and -Version' {
        $esx = Import-VNEsxConfig -Path (Join-Path $fixtures 'esx41a-console.txt') -HostName esx41b.lab.local -Version 4.0 -WarningAction SilentlyContinue

        $esx.Name | Should -Be 'esx41b'
        $esx.Fqdn | Should -Be 'esx41b.lab.local'
        $esx.Version | Should -Be '4.0'
        $esx.VirtualSwitches[0].NumPorts | Should -Be 56
        $esx.GetVMKernelAdapter('vswif0').IsServiceConsole | Should -BeTrue
    }

    It 'makes one host per host the files name' {
        $hosts = Get-ChildItem -Path $fixtures -Filter 'esx0*.txt' | Import-VNEsxConfig -WarningAction SilentlyContinue

        $hosts.Name | Should -Be @('esx02', 'esx03-portgroup-list-flattened')
    }

    It 'reads Net.TeamPolicyUpDelay from esxcli system settings advanced list and warns of the options it passes over' {
        $esx = Import-VNEsxConfig -Path (Join-Path $fixtures 'advanced-teampolicyupdelay-esx05.txt') -WarningVariable warned -WarningAction SilentlyContinue
        $esx.Name | Should -Be 'esx05'
        $esx.TeamPolicyUpDelay | Should -Be 30000
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*/Net/NetNotifySwitchTimeout is not simulated*'
    }

    It 'stops on an invalid -Version with InvalidVersion' {
        { Import-VNEsxConfig -Path $bundle -Version 9.9 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVersion,VirtNet.Commands.ImportVNEsxConfigCommand'
    }

    It 'reports files in no known format, naming the formats tried, and goes on' {
        $result = Import-VNEsxConfig -Path (Join-Path $fixtures 'not-an-export.txt'), (Join-Path $fixtures 'esxcli-published-example.txt'), (Join-Path $fixtures 'esx02-esxcli.txt') `
            -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $result.Name | Should -Be 'esx02'
        $err.Count | Should -Be 2
        $err.FullyQualifiedErrorId | Should -Be @('UnknownImportFormat,VirtNet.Commands.ImportVNEsxConfigCommand', 'UnknownImportFormat,VirtNet.Commands.ImportVNEsxConfigCommand')
        $err[0].Exception.Message | Should -BeLike '*Formats tried: esxcfg-vswitch -l*'
        $err[1].Exception.Message | Should -BeLike "*'vSwitch Name:' is not a field esxcli prints*"
    }
}
