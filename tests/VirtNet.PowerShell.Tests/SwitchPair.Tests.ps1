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

Describe 'Invoke-VNTrafficSimulation -FailedPeerLink' {
    BeforeAll {
        # esx05: vmnic0, vmnic2 to nx-a Eth1/1-2 and vmnic1, vmnic3 to nx-b Eth1/1-2, 10000 Mbps, Po10 mode on on
        # both peers of vpc-1 (one channel), IP hash; vmk1 10.0.0.10 sends to 10.0.0.20-23.
        $nxa, $nxb = New-VNPhysicalSwitch -Name nx-a, nx-b -Model 'Nexus 93180YC-EX'
        $vs = New-VNHost -Name esx05 -Version 7.0 | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Add-VNUplink -Name vmnic0, vmnic2 -PhysicalSwitch $nxa -SwitchPort Eth1/1, Eth1/2 -SpeedMbps 10000 | Out-Null
        $vs | Add-VNUplink -Name vmnic1, vmnic3 -PhysicalSwitch $nxb -SwitchPort Eth1/1, Eth1/2 -SpeedMbps 10000 | Out-Null
        $nxa, $nxb | ForEach-Object { New-VNPortChannel -PhysicalSwitch $_ -Name Po10 -Member Eth1/1, Eth1/2 -Mode On } | Out-Null
        New-VNSwitchPair -Name vpc-1 -PhysicalSwitch $nxa, $nxb -Kind Vpc -PeerLink Eth1/49, Eth1/50 | Out-Null
        $vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
        $vmk = $vs | Add-VNPortGroup -Name NFS | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10 -PrefixLength 24
        $flows = New-VNFlow -Source $vmk -Destination 10.0.0.20-10.0.0.23
    }

    It 'moves the flows to the primary''s members when the secondary suspends its vPC ports' {
        # Healthy: IP hash over [vmnic0, vmnic2, vmnic1, vmnic3], (10 XOR d) mod 4: .20 30 -> 2 vmnic1, .21 31 -> 3
        # vmnic3, .22 28 -> 0 vmnic0, .23 29 -> 1 vmnic2; one flow per 10000 Mbps uplink: 40000 Mbps.
        $healthy = $vs | Invoke-VNTrafficSimulation -Flow $flows
        $healthy.Flows.Uplink.Name | Should -Be 'vmnic1', 'vmnic3', 'vmnic0', 'vmnic2'
        $healthy.AggregateThroughputMbps | Should -Be 40000
        # Peer link down, both peers up: nx-b suspends Eth1/1-2; IP hash over [vmnic0, vmnic2], (10 XOR d) mod 2:
        # 30 -> 0 vmnic0, 31 -> 1 vmnic2, 28 -> 0 vmnic0, 29 -> 1 vmnic2; two flows per uplink: 20000 Mbps.
        $result = $vs | Invoke-VNTrafficSimulation -Flow $flows -FailedPeerLink vpc-1 -Verbose 4>&1
        $verbose = $result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $result = $result | Where-Object { $_ -is [VirtNet.VNTrafficResult] }
        $verbose.Message | Should -Contain 'Peer link of vpc-1 down while both peers run: nx-b (secondary) suspends its vPC member ports.'
        $result.FailedUplink.Name | Should -Be 'vmnic1', 'vmnic3'
        $result.Flows.Uplink.Name | Should -Be 'vmnic0', 'vmnic2', 'vmnic0', 'vmnic2'
        $result.Flows.Uplink.PhysicalSwitch.Name | Select-Object -Unique | Should -Be 'nx-a'
        $result.AggregateThroughputMbps | Should -Be 20000
        # .20 (vmnic1 -> vmnic0), .21 (vmnic3 -> vmnic2) and .23 (vmnic2, its inbound now from nx-a's own members) at least moved.
        $result.MovedFlowCount | Should -BeGreaterOrEqual 2
    }

    It 'keeps the secondary''s ports when the primary is down too' {
        # nx-a down with the peer link: nx-b keeps forwarding. IP hash over [vmnic1, vmnic3]: 30 -> vmnic1, 31 -> vmnic3, 28 -> vmnic1, 29 -> vmnic3.
        $result = $vs | Invoke-VNTrafficSimulation -Flow $flows -FailedPeerLink vpc-1 -FailedSwitch nx-a
        $result.FailedUplink.Name | Should -Be 'vmnic0', 'vmnic2'
        $result.Flows.Uplink.Name | Should -Be 'vmnic1', 'vmnic3', 'vmnic1', 'vmnic3'
    }

    It 'refuses a pair it does not know, naming the valid ones, and completes the pairs of the session' {
        $err = { $vs | Invoke-VNTrafficSimulation -Flow $flows -FailedPeerLink vpc-9 -ErrorAction Stop } |
            Should -Throw -ErrorId 'SwitchPairNotFound,VirtNet.Commands.InvokeVNTrafficSimulationCommand' -PassThru
        $err.Exception.Message | Should -Be "No switch pair named 'vpc-9' on the switches cabled to esx05/vSwitch1 (existing: vpc-1)."
        $line = 'Invoke-VNTrafficSimulation -FailedPeerLink vpc-'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'vpc-1'
    }
}

Describe 'LACP aggregators on two unpaired switches' {
    BeforeAll {
        # lx05's bond0 (802.3ad, layer3+4): eth0, eth1 to sw-a Gi0/1-2 and eth2, eth3 to sw-b Gi0/1-2, LACP Po1 on
        # each, 1000 Mbps; app05 (10.0.0.10) sends TCP to 10.0.0.20-23.
        # layer3+4 without ports: hash = fold(native(src) ^ native(dst)) >> 1, and the addresses differ only in the
        # last octet, v = 10 XOR d, folded to v v v v: over two slaves the slave is bit 1 of v.
        # .20: v = 30 = 0b11110 -> 1; .21: 31 -> 1; .22: 28 = 0b11100 -> 0; .23: 29 -> 0.
        function New-SplitBond([string] $AdSelect = 'Stable') {
            $a, $b = New-VNPhysicalSwitch -Name sw-a, sw-b
            $lx = New-VNHost -Name lx05 -Hypervisor Linux
            $bond = $lx | Add-VNVirtualSwitch -Name bond0 -BondMode 802.3ad -XmitHashPolicy layer3+4 -AdSelect $AdSelect
            $bond | Add-VNUplink -Name eth0, eth1 -PhysicalSwitch $a -SwitchPort Gi0/1, Gi0/2 | Out-Null
            $bond | Add-VNUplink -Name eth2, eth3 -PhysicalSwitch $b -SwitchPort Gi0/1, Gi0/2 | Out-Null
            $a, $b | ForEach-Object { New-VNPortChannel -PhysicalSwitch $_ -Name Po1 -Member Gi0/1, Gi0/2 -Mode Active } | Out-Null
            $vm = $lx | Add-VNVirtualMachine -Name app05 -PortGroup ($bond | Add-VNPortGroup -Name br0) -IPAddress 10.0.0.10
            [pscustomobject]@{ Bond = $bond; Flows = (New-VNFlow -Source $vm -Destination 10.0.0.20-10.0.0.23) }
        }
    }

    It 'sends on the first aggregator only and names the idle links in VNF008' {
        $lab = New-SplitBond
        $result = $lab.Bond | Invoke-VNTrafficSimulation -Flow $lab.Flows
        # 2 x 1000 Mbps on each switch: the tie goes to the first slave's aggregator, sw-a.
        $result.Flows.Uplink.Name | Should -Be 'eth1', 'eth1', 'eth0', 'eth0'
        $result.Uplinks.FlowCount | Should -Be 2, 2, 0, 0
        $result.AggregateThroughputMbps | Should -Be 2000
        $finding = $result.Findings | Where-Object RuleId -eq VNF008
        $finding.Target | Should -Be 'lx05/bond0'
        $finding.Message | Should -BeLike '*(sw-a/Po1, ad_select stable): eth2 (sw-b/Gi0/1), eth3 (sw-b/Gi0/2) stay idle, and its 4 flow(s) share 2 of 4 working link(s).'
        (Get-VNRule -RuleId VNF008).Area | Should -Be 'Simulation'
    }

    It 'moves to the other aggregator when the active one loses every link' {
        $lab = New-SplitBond
        # sw-a down: its aggregator has no slave up; sw-b's [eth2, eth3]: .20, .21 -> eth3, .22, .23 -> eth2, 2000 Mbps.
        $result = $lab.Bond | Invoke-VNTrafficSimulation -Flow $lab.Flows -FailedSwitch sw-a
        $result.Flows.Uplink.Name | Should -Be 'eth3', 'eth3', 'eth2', 'eth2'
        $result.Flows.Moved | Should -Be $true, $true, $true, $true
        $result.AggregateThroughputMbps | Should -Be 2000
    }

    It 'follows ad_select on a partial failure: <AdSelect>' -ForEach @(
        # eth0 down: sw-a 1 slave (1000 Mbps), sw-b 2 (2000 Mbps). stable keeps sw-a: all on eth1, 1000 Mbps.
        @{ AdSelect = 'Stable'; Uplinks = @('eth1', 'eth1', 'eth1', 'eth1'); Mbps = 1000 }
        # bandwidth: 2000 > 1000; count: 2 > 1; both move to sw-b: 2000 Mbps.
        @{ AdSelect = 'Bandwidth'; Uplinks = @('eth3', 'eth3', 'eth2', 'eth2'); Mbps = 2000 }
        @{ AdSelect = 'Count'; Uplinks = @('eth3', 'eth3', 'eth2', 'eth2'); Mbps = 2000 }
    ) {
        $lab = New-SplitBond -AdSelect $AdSelect
        $result = $lab.Bond | Invoke-VNTrafficSimulation -Flow $lab.Flows -FailedUplink eth0
        $result.Flows.Uplink.Name | Should -Be $Uplinks
        $result.AggregateThroughputMbps | Should -Be $Mbps
    }

    It 'says ad_select with -Verbose, completes it, and keeps it through Export-VNConfig and Import-VNConfig' {
        $lx = New-VNHost -Name lx06 -Hypervisor Linux
        $verbose = $lx | Add-VNVirtualSwitch -Name bond0 -BondMode 802.3ad -AdSelect Count -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'ad_select count'
        ($lx.VirtualSwitches | Format-Table -AutoSize | Out-String -Width 200) | Should -Match '802\.3ad layer2 ad_select count'
        $line = 'Add-VNVirtualSwitch -Name bond0 -BondMode 802.3ad -AdSelect '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Bandwidth', 'Count', 'Stable')
        $path = Join-Path $TestDrive 'adselect.json'
        $lx | Export-VNConfig -Path $path
        (Get-Content $path -Raw) | Should -Match '"adSelect": "count"'
        (Import-VNConfig -Path $path).VirtualSwitches[0].AdSelect | Should -Be 'Count'
        { $lx | Add-VNVirtualSwitch -Name bond1 -BondMode 802.3ad -AdSelect Fastest -ErrorAction Stop } | Should -Throw
    }
}
