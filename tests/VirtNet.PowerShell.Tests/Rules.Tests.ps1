# Test-VNConfiguration and Get-VNRule against the staged module. Each test states exactly what it breaks in one
# place.
BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # esx01 (ESX 4.1): vSwitch1 teams vmnic0 and vmnic1 by port ID over PortFast trunks on two members of the
    # stack core1, with the management port vmk0 in VLAN 10. It satisfies every rule.
    function New-RuleLab {
        $core = New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750' -Stack 2
        $esx = New-VNHost -Name esx01 -Version 4.1
        $vs = $esx | Add-VNVirtualSwitch -Name vSwitch1
        foreach ($n in 0, 1) {
            $null = $vs | Add-VNUplink -Name "vmnic$n" -PhysicalSwitch $core -SwitchPort "Gi$($n + 1)/0/1"
            $port = $core.GetPort("Gi$($n + 1)/0/1")
            $port.Mode = 'Trunk'
            $port.PortFast = 'Trunk'
        }
        $management = $vs | Add-VNPortGroup -Name 'Management Network' -VLanId 10
        $null = $management | Add-VNVMKernelAdapter -Name vmk0 -IPAddress 192.168.10.11/24 -Purpose Management
        [pscustomobject]@{ Host = $esx; Switch = $core; VSwitch = $vs; Management = $management }
    }

    # The lab with four problems: IP hash without a port channel (VNT001, Error), no PortFast on Gi1/0/1
    # (VNS001 and VNS003, Warning), and a jumbo storage port on a 1500 vSwitch (VNM001, Error) whose one NFS
    # target keeps it on one uplink (VNT010, Information).
    function New-BrokenLab {
        $lab = New-RuleLab
        $lab.VSwitch | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
        $lab.Switch.GetPort('Gi1/0/1').PortFast = 'Disabled'
        $nfs = $lab.VSwitch | Add-VNPortGroup -Name NFS -VLanId 20
        $null = $nfs | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10/24 -Mtu 9000 -Purpose Storage
        $null = $lab.Switch.AddEndpoint('NFS1', [VirtNet.Net.IPv4Address]::Parse('10.0.0.20'), 20, $true, 'Storage')
        $lab
    }

    function Format-Finding { process { "$($_.RuleId) $($_.Target)" } }
}

Describe 'Get-VNRule' {
    It 'lists the whole catalogue by area, then id' {
        $rules = Get-VNRule
        $rules.Count | Should -Be 52
        $rules[0].RuleId | Should -Be 'VNT001'
        $rules[-1].RuleId | Should -Be 'VNF008'
        ($rules.RuleId | Select-Object -Unique).Count | Should -Be 52
        $rules | ForEach-Object { $_ | Should -BeOfType ([VirtNet.VNRule]) }
    }

    It 'describes each rule: <RuleId> is <Severity> from <Source>' -ForEach @(
        @{ RuleId = 'VNT001'; Severity = 'Error'; Area = 'Teaming'; Source = 'VMware KB 1004048*' }
        @{ RuleId = 'VNS001'; Severity = 'Warning'; Area = 'SpanningTree'; Source = 'VMware KB 1003804*' }
        @{ RuleId = 'VNT010'; Severity = 'Information'; Area = 'Teaming'; Source = 'Scott Lowe, Understanding NIC Utilization*' }
        @{ RuleId = 'VNF001'; Severity = 'Error'; Area = 'Simulation'; Source = 'vSphere Networking guide*' }
    ) {
        $rule = Get-VNRule -RuleId $RuleId
        $rule.Severity | Should -Be $Severity
        $rule.Area | Should -Be $Area
        $rule.Source | Should -BeLike $Source
        $rule.Title | Should -Not -BeNullOrEmpty
        $rule.Description | Should -Not -BeNullOrEmpty
        $rule.Recommendation | Should -Not -BeNullOrEmpty
    }

    It 'takes wildcards, case-insensitively, and writes each rule once' {
        (Get-VNRule -RuleId vns*).RuleId | Should -Be @('VNS001', 'VNS002', 'VNS003')
        (Get-VNRule VNT001, 'VNT00[1-3]').RuleId | Should -Be @('VNT001', 'VNT002', 'VNT003')
        (Get-VNRule -RuleId 'VNX*') | Should -BeNullOrEmpty
    }

    It 'takes ids from the pipeline' {
        ('VNM001', 'VNR002' | Get-VNRule).RuleId | Should -Be @('VNM001', 'VNR002')
    }

    It 'gives the rules behind piped findings, each once' {
        ((New-BrokenLab).Host | Test-VNConfiguration | Get-VNRule).RuleId | Should -Be @('VNS001', 'VNM001', 'VNT010', 'VNT001', 'VNS003')
    }

    It 'reports an unknown id as RuleNotFound listing the valid ids, and goes on with the others' {
        $rules = Get-VNRule -RuleId VNT001, VNT999, VNS001 -ErrorVariable err -ErrorAction SilentlyContinue
        $rules.RuleId | Should -Be @('VNT001', 'VNS001')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'RuleNotFound,VirtNet.Commands.GetVNRuleCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -BeLike "There is no rule 'VNT999'. Valid rule ids: VNT001, VNT002, *, VNF008."
    }

    It 'shows RuleId, Severity, Area and Title in its default table' {
        $table = Get-VNRule -RuleId VNT001 | Out-String -Width 200
        $table | Should -Match 'RuleId\s+Severity\s+Area\s+Title'
        $table | Should -Match 'VNT001\s+Error\s+Teaming\s+IP hash without a static port channel'
    }

    It 'completes rule ids on the command line' {
        $line = 'Get-VNRule -RuleId VNS00'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('VNS001', 'VNS002', 'VNS003')
    }
}

Describe 'Test-VNConfiguration' {
    It 'finds nothing in a consistent configuration, and -Quiet says so' {
        $lab = New-RuleLab
        $lab.Host | Test-VNConfiguration | Should -BeNullOrEmpty
        $lab.Host | Test-VNConfiguration -Quiet | Should -BeExactly $true
    }

    It 'writes the findings ordered by target, then rule id' {
        $lab = New-BrokenLab
        $findings = $lab.Host | Test-VNConfiguration
        $findings | Format-Finding | Should -Be @(
            'VNS001 core1/Gi1/0/1'
            'VNM001 esx01/vmk1'
            'VNT010 esx01/vmk1'
            'VNT001 esx01/vSwitch1'
            'VNS003 esx01/vSwitch1/Management Network'
        )
        $findings | ForEach-Object { $_ | Should -BeOfType ([VirtNet.VNFinding]) }
    }

    It 'gives each finding its rule severity and recommendation, and a message naming what was seen' {
        $finding = (New-BrokenLab).Host | Test-VNConfiguration -RuleId VNT001
        $finding.Severity | Should -Be ([VirtNet.Severity]::Error)
        $finding.Target | Should -Be 'esx01/vSwitch1'
        $finding.Message | Should -BeLike '*vmnic0 (core1/Gi1/0/1), vmnic1 (core1/Gi2/0/1)*no port channel*'
        $finding.Recommendation | Should -Be (Get-VNRule VNT001).Recommendation
    }

    It 'reports a port once when the host and its switch are both given' {
        $lab = New-BrokenLab
        $findings = $lab.Host, $lab.Switch, $lab.VSwitch | Test-VNConfiguration -RuleId VNS001
        $findings | Format-Finding | Should -Be 'VNS001 core1/Gi1/0/1'
    }

    It 'checks a physical switch on the switch side only' {
        $lab = New-BrokenLab
        Test-VNConfiguration -InputObject $lab.Switch | Format-Finding | Should -Be 'VNS001 core1/Gi1/0/1'
    }

    It 'leaves out findings below -MinimumSeverity <MinimumSeverity>' -ForEach @(
        @{ MinimumSeverity = 'Information'; Expected = @('VNS001', 'VNM001', 'VNT010', 'VNT001', 'VNS003') }
        @{ MinimumSeverity = 'Warning'; Expected = @('VNS001', 'VNM001', 'VNT001', 'VNS003') }
        @{ MinimumSeverity = 'Error'; Expected = @('VNM001', 'VNT001') }
    ) {
        ((New-BrokenLab).Host | Test-VNConfiguration -MinimumSeverity $MinimumSeverity).RuleId | Should -Be $Expected
    }

    It 'runs the rules chosen by -RuleId, less -ExcludeRuleId, with wildcards' {
        $esx = (New-BrokenLab).Host
        ($esx | Test-VNConfiguration -RuleId VNS*).RuleId | Should -Be @('VNS001', 'VNS003')
        ($esx | Test-VNConfiguration -RuleId VNS*, VNM001 -ExcludeRuleId VNS00[3-9]).RuleId | Should -Be @('VNS001', 'VNM001')
        ($esx | Test-VNConfiguration -ExcludeRuleId VNT*, VNM*).RuleId | Should -Be @('VNS001', 'VNS003')
    }

    It 'stops with RuleNotFound for an unknown -<Parameter> id, before reading any input' -ForEach @(
        @{ Parameter = 'RuleId' }
        @{ Parameter = 'ExcludeRuleId' }
    ) {
        $arguments = @{ $Parameter = 'VNT01' }
        $err = { (New-BrokenLab).Host | Test-VNConfiguration @arguments } |
            Should -Throw -ErrorId 'RuleNotFound,VirtNet.Commands.TestVNConfigurationCommand' -PassThru
        $err.Exception.Message | Should -BeLike "There is no rule 'VNT01'. Valid rule ids: VNT001, *"
    }

    It '-Quiet returns one Boolean: $false when something at or above the minimum was found' {
        $esx = (New-BrokenLab).Host
        $result = @($esx | Test-VNConfiguration -Quiet)
        $result.Count | Should -Be 1
        $result[0] | Should -BeExactly $false
        $esx | Test-VNConfiguration -RuleId VNT010 -MinimumSeverity Warning -Quiet | Should -BeExactly $true
        $esx | Test-VNConfiguration -RuleId VNT010 -Quiet | Should -BeExactly $false
    }

    It 'reports input it cannot check as UnsupportedCheckInput and checks the rest' {
        $lab = New-BrokenLab
        $findings = 'esx01', $lab.Switch | Test-VNConfiguration -ErrorVariable err -ErrorAction SilentlyContinue
        $findings | Format-Finding | Should -Be 'VNS001 core1/Gi1/0/1'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedCheckInput,VirtNet.Commands.TestVNConfigurationCommand'
        $err[0].TargetObject | Should -Be 'esx01'
    }

    It 'shows Severity, RuleId, Target and Message in its default table' {
        $table = (New-BrokenLab).Host | Test-VNConfiguration -RuleId VNT001 | Out-String -Width 250
        $table | Should -Match 'Severity\s+RuleId\s+Target\s+Message'
        $table | Should -Match 'Error\s+VNT001\s+esx01/vSwitch1\s+vSwitch1 routes based on IP hash'
    }

    It 'checks a configuration read back by Import-VNConfig exactly as the one written' {
        $lab = New-BrokenLab
        $path = Join-Path $TestDrive 'broken.json'
        $lab.Host, $lab.Switch | Export-VNConfig -Path $path
        $expected = $lab.Host, $lab.Switch | Test-VNConfiguration | Format-Finding
        $expected.Count | Should -Be 5
        Import-VNConfig -Path $path | Test-VNConfiguration | Format-Finding | Should -Be $expected
    }

    It 'completes -MinimumSeverity and -ExcludeRuleId values' {
        $line = 'Test-VNConfiguration -MinimumSeverity W'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Warning'
        $line = 'Test-VNConfiguration -ExcludeRuleId VNM'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'VNM001'
    }
}

Describe 'Test-VNConfiguration on the sample labs' {
    It 'finds in the NIC teaming lab only what the article measured: vmk0 on one uplink towards both NFS targets' {
        $findings = New-VNSampleLab -Name NicTeaming | Test-VNConfiguration
        $findings | Format-Finding | Should -Be 'VNT010 esx01/vmk0'
        $findings.Severity | Should -Be 'Information'
        $findings.Message | Should -BeLike '*2 storage targets (NFS1 10.0.0.20, NFS2 10.0.0.21)*route based on originating port ID*'
    }

    It 'passes the NIC teaming lab at warning level, and not at information level' {
        New-VNSampleLab -Name NicTeaming | Test-VNConfiguration -MinimumSeverity Warning -Quiet | Should -BeExactly $true
        New-VNSampleLab -Name NicTeaming | Test-VNConfiguration -Quiet | Should -BeExactly $false
    }

    It 'gives the same findings for the NIC teaming lab after Export-VNConfig and Import-VNConfig' {
        $path = Join-Path $TestDrive 'nicteaming.json'
        New-VNSampleLab -Name NicTeaming | Export-VNConfig -Path $path
        Import-VNConfig -Path $path | Test-VNConfiguration | Format-Finding | Should -Be 'VNT010 esx01/vmk0'
    }

    It 'reports the HA lab ports where PortFast was forgotten, and the failback onto them' {
        New-VNSampleLab -Name HaCluster | Test-VNConfiguration -RuleId VNS* | Format-Finding | Should -Be @(
            'VNS001 cat-a/Gi0/3'
            'VNS001 cat-b/Gi0/3'
            'VNS003 esx03/vSwitch0/Service Console'
        )
    }
}

Describe 'about_VirtNet_Rules' {
    It 'is generated into the module with every rule of the catalogue' {
        $topic = Get-Help about_VirtNet_Rules | Out-String
        $topic | Should -Match 'NIGHTLY CHECKS'
        foreach ($rule in Get-VNRule) {
            $topic | Should -Match ([regex]::Escape("$($rule.RuleId) ($($rule.Severity)): ")) -Because "$($rule.RuleId) belongs in the topic"
        }
    }

    It 'keeps every line within 80 columns' {
        $path = Join-Path $env:VIRTNET_MODULE 'en-US/about_VirtNet_Rules.help.txt'
        $path | Should -Exist
        Get-Content $path | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
    }
}
