BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # esx01 with vmnic0 to nx-a Eth1/1 and vmnic1 to nx-b Eth1/1, IP hash, Po10 mode on over Eth1/1 on each switch.
    function New-PairLab([switch] $Unpaired) {
        $a = New-VNPhysicalSwitch -Name nx-a -Model 'Nexus 93180YC-EX'
        $b = New-VNPhysicalSwitch -Name nx-b -Model 'Nexus 93180YC-EX'
        $esx = New-VNHost -Name esx01 -Version 7.0
        $vs = $esx | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $a -SwitchPort Eth1/1 | Out-Null
        $vs | Add-VNUplink -Name vmnic1 -PhysicalSwitch $b -SwitchPort Eth1/1 | Out-Null
        $vs | Add-VNPortGroup -Name 'VM Network' | Out-Null
        $vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
        foreach ($sw in $a, $b) { New-VNPortChannel -PhysicalSwitch $sw -Name Po10 -Member Eth1/1 | Out-Null }
        $pair = if (-not $Unpaired) { New-VNSwitchPair -Name vpc-10 -PhysicalSwitch $a, $b -PeerLink Eth1/49, Eth1/50 }
        [pscustomobject]@{ A = $a; B = $b; Host = $esx; Pair = $pair }
    }
}

Describe 'New-VNSwitchPair' {
    It 'pairs two switches, the first primary, and joins their same-numbered channels' {
        $lab = New-PairLab
        $lab.Pair | Should -BeOfType ([VirtNet.VNSwitchPair])
        $lab.Pair.Kind | Should -Be 'Vpc'
        $lab.Pair.Primary.Name | Should -Be 'nx-a'
        $lab.Pair.Secondary.Name | Should -Be 'nx-b'
        $lab.Pair.PeerLink.Path | Should -Be @('nx-a/Eth1/49', 'nx-a/Eth1/50', 'nx-b/Eth1/49', 'nx-b/Eth1/50')
        $lab.Pair.PortChannels.Name | Should -Be 'Po10'
        $lab.A.Pair | Should -Be $lab.Pair
        ($lab.A.PortChannels | Where-Object Name -eq Po10).AllMembers.Path | Should -Be @('nx-a/Eth1/1', 'nx-b/Eth1/1')
    }

    It 'makes IP hash across the pair valid, while across unpaired switches VNT006 reports it' {
        (New-PairLab).Host | Test-VNConfiguration -RuleId VNT006, VNT005, VNT001 | Should -BeNullOrEmpty
        $finding = (New-PairLab -Unpaired).Host | Test-VNConfiguration -RuleId VNT006
        $finding.RuleId | Should -Be 'VNT006'
        $finding.Message | Should -Match 'nx-a, nx-b: separate switches'
    }

    It 'takes -Primary and -Kind Mlag, and says what it did with -Verbose' {
        $x = New-VNPhysicalSwitch -Name sw-x
        $y = New-VNPhysicalSwitch -Name sw-y
        $v = New-VNSwitchPair -Name mlag-1 -PhysicalSwitch sw-x, sw-y -Kind Mlag -Primary sw-y -Verbose 4>&1
        $pair = $v | Where-Object { $_ -is [VirtNet.VNSwitchPair] }
        $pair.Primary.Name | Should -Be 'sw-y'
        $pair.Kind | Should -Be 'Mlag'
        "$($v | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Select-Object -Last 1)" |
            Should -Be "Paired sw-y (primary) and sw-x (secondary) as Mlag 'mlag-1'; peer link not modelled; 0 multi-chassis port channel(s) so far."
    }

    It 'changes nothing with -WhatIf' {
        $x = New-VNPhysicalSwitch -Name sw-x
        $y = New-VNPhysicalSwitch -Name sw-y
        New-VNSwitchPair -Name p -PhysicalSwitch $x, $y -WhatIf | Should -BeNullOrEmpty
        $x.Pair | Should -BeNullOrEmpty
    }

    It 'refuses bad pairs with an error that says what is valid' {
        $x = New-VNPhysicalSwitch -Name sw-x
        $y = New-VNPhysicalSwitch -Name sw-y
        $stack = New-VNPhysicalSwitch -Name cat -Stack 2
        { New-VNSwitchPair -Name p -PhysicalSwitch $x -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSwitchPair,VirtNet.Commands.NewVNSwitchPairCommand'
        { New-VNSwitchPair -Name p -PhysicalSwitch $x, $stack -ErrorAction Stop } | Should -Throw '*stack of 2*'
        { New-VNSwitchPair -Name p -PhysicalSwitch $x, $y -PeerLink Eth1/49, sw-y/Eth1/50 -ErrorAction Stop } | Should -Throw '*1 port(s) on sw-x and 2 on sw-y*'
        { New-VNSwitchPair -Name p -PhysicalSwitch $x, $y -PeerLink 'Eth1/x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSwitchPortName,*'
        $x.Pair | Should -BeNullOrEmpty
    }

    It 'keeps the pair in the JSON file: export, import, export is byte-identical' {
        $lab = New-PairLab
        $first = Join-Path $TestDrive 'pair1.json'
        $second = Join-Path $TestDrive 'pair2.json'
        # Exporting the host brings both peers, as the pair needs them.
        $lab.Host | Export-VNConfig -Path $first
        $imported = @(Import-VNConfig -Path $first)
        $imported | Export-VNConfig -Path $second
        [System.IO.File]::ReadAllBytes($second) | Should -Be ([System.IO.File]::ReadAllBytes($first))
        $switches = $imported | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] }
        $switches.Name | Should -Be @('nx-a', 'nx-b')
        $switches[0].Pair.Name | Should -Be 'vpc-10'
        $switches[0].Pair.Secondary | Should -Be $switches[1]
        $switches[0].Pair.PeerLink.Path | Should -Be @('nx-a/Eth1/49', 'nx-a/Eth1/50', 'nx-b/Eth1/49', 'nx-b/Eth1/50')
        (Get-Content $first -Raw) | Should -Match '"switchPairs"'
    }
}
