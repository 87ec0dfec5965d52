# The nightly check the importers exist for: real exports in, Test-VNConfiguration, a verdict out.
BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $fixtures = Join-Path $PSScriptRoot '../VirtNet.Core.Tests/Fixtures'
}

Describe 'Imported exports checked by Test-VNConfiguration' {
    It 'finds the EtherChannel facing a port-ID team and the plain PortFast on a trunk' {
        $hosts = Get-ChildItem -Path (Join-Path $fixtures 'Esx') -Directory | Import-VNEsxConfig -WarningAction SilentlyContinue
        $core1 = Import-VNSwitchConfig -Path (Join-Path $fixtures 'Cisco/core1-running-config.txt') -Host $hosts -WarningAction SilentlyContinue

        $findings = @($hosts) + $core1 | Test-VNConfiguration -MinimumSeverity Warning

        # esx01's vmnic0 and vmnic1 are cabled by description to Gi1/0/1 and Gi2/0/1, members of Po1 (mode on),
        # while its vSwitch0 routes by originating port ID.
        $channel = @($findings | Where-Object { $_.RuleId -eq 'VNT003' -and $_.Target -eq 'esx01/vSwitch0' })
        $channel.Count | Should -Be 1
        "$($channel[0].Severity)" | Should -Be 'Error'
        @($findings | Where-Object { $_.RuleId -eq 'VNS002' }).Target | Should -Be @('core1/Te1/0/11')
        (@($hosts) + $core1 | Test-VNConfiguration -MinimumSeverity Warning -Quiet) | Should -BeFalse
    }
}
