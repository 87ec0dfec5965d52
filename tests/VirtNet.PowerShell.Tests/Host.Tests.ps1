BeforeAll { Import-Module $env:VIRTNET_MODULE -Force }

Describe 'New-VNHost' {
    It 'creates an ESX host with the given version and management address' {
        $h = New-VNHost -Name esx01 -Version '3.5 U3' -IPAddress 192.168.1.11 -Fqdn esx01.lab.local
        $h.Name | Should -Be 'esx01'
        $h.Hypervisor | Should -Be 'Esx'
        $h.Version | Should -Be '3.5 U3'
        $h.IPAddress.ToString() | Should -Be '192.168.1.11'
        $h.Fqdn | Should -Be 'esx01.lab.local'
    }

    It 'records that every DNS lookup of the host works unless told otherwise' {
        $h = New-VNHost -Name esx01 -Version 3.5
        $h.DnsResolution | Should -Be 'All'
        $h.ShortNameResolves | Should -BeTrue
        $h.FqdnResolves | Should -BeTrue
    }

    It 'records which DNS lookups work, given as a list of lookups' {
        $h = New-VNHost -Name esx03 -Version 3.5 -DnsResolution ShortNameForward, Fqdn
        $h.DnsResolution | Should -Be ([VirtNet.DnsResolution]'ShortNameForward, FqdnForward, FqdnReverse')
        $h.ShortNameResolves | Should -BeFalse
        $h.FqdnResolves | Should -BeTrue
    }

    It 'refuses an unknown DNS lookup name' {
        { New-VNHost -Name esx01 -DnsResolution Sometimes -ErrorAction Stop } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,VirtNet.Commands.NewVNHostCommand'
    }

    It 'defaults each hypervisor to a current release' -ForEach @(
        @{ Hypervisor = 'Esx'; Version = '8.0' }
        @{ Hypervisor = 'HyperV'; Version = '2022' }
        @{ Hypervisor = 'Linux'; Version = '6.1' }
    ) {
        (New-VNHost -Name h -Hypervisor $Hypervisor).Version | Should -Be $Version
    }

    It 'creates one host per piped name' {
        $hosts = 'esx01', 'esx02', 'esx03' | New-VNHost -Version 4.1
        $hosts.Name | Should -Be @('esx01', 'esx02', 'esx03')
    }

    It 'rejects a malformed IP address with InvalidIPAddress' {
        { New-VNHost -Name esx01 -IPAddress 192.168.1.300 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidIPAddress,VirtNet.Commands.NewVNHostCommand'
    }

    It 'rejects an unknown ESX release and names the valid ones' {
        $err = $null
        New-VNHost -Name esx01 -Version 9.9 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidVersion,VirtNet.Commands.NewVNHostCommand'
        $err[0].Exception.Message | Should -Match '3\.5'
    }

    It 'goes on with the other names after a bad one' {
        $hosts = New-VNHost -Name 'esx01', ' bad', 'esx03' -ErrorAction SilentlyContinue -ErrorVariable err
        $hosts.Name | Should -Be @('esx01', 'esx03')
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidName,VirtNet.Commands.NewVNHostCommand'
    }
}

Describe 'Set-VNHost -AdvancedSetting' {
    It 'sets Net.TeamPolicyUpDelay and shows it on the host' {
        $h = New-VNHost -Name esx01 -Version 7.0
        $h.TeamPolicyUpDelay | Should -Be 100
        $out = $h | Set-VNHost -AdvancedSetting @{ 'net.teampolicyupdelay' = 30000 } -PassThru -Verbose 4>&1
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'Set Net.TeamPolicyUpDelay = 30000 of host esx01.'
        $h.TeamPolicyUpDelay | Should -Be 30000
        ($h | Format-Table | Out-String) | Should -Match 'TeamPolicyUpDelay[\s\S]*30000'
    }

    It 'refuses an unknown setting, naming the ones it knows, before any host changes' {
        $h = New-VNHost -Name esx01 -Version 7.0
        { $h | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = 500; 'Net.NoSuchOption' = 1 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAdvancedSetting,VirtNet.Commands.SetVNHostCommand' -ExpectedMessage '*Known: Net.TeamPolicyUpDelay*'
        $h.TeamPolicyUpDelay | Should -Be 100
    }

    It 'refuses a value outside 0 to 600000 ms' {
        { New-VNHost -Name esx01 | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = '30s' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAdvancedSetting,VirtNet.Commands.SetVNHostCommand' -ExpectedMessage '*from 0 to 600000*'
    }

    It 'reports a Hyper-V host that refuses the setting and goes on with the others' {
        $hv = New-VNHost -Name hv01 -Hypervisor HyperV
        $esx = New-VNHost -Name esx02
        $hv, $esx | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = 0 } -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'UnsupportedOnHost,VirtNet.Commands.SetVNHostCommand'
        $esx.TeamPolicyUpDelay | Should -Be 0
        $hv.TeamPolicyUpDelay | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $h = New-VNHost -Name esx01
        $h | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = 30000 } -WhatIf
        $h.TeamPolicyUpDelay | Should -Be 100
    }
}
