# Linux bonds through the cmdlets: the kernel's slave for every vector of BondXmitVectors.csv (made by
# bond_xmit_vectors.c from bond_main.c of each era, beside it), and the modes that do not simply hash, with the
# numbers worked out in the comments. Slaves are 1000 Mbps unless said.
BeforeDiscovery {
    $csv = Join-Path $PSScriptRoot '../VirtNet.Core.Tests/Fixtures/Linux/BondXmitVectors.csv'
    $groups = Import-Csv $csv | Group-Object kernel, policy | ForEach-Object {
        @{ Kernel = $_.Group[0].kernel; Policy = $_.Group[0].policy; Rows = @($_.Group) }
    }
}

BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # A bond of $Speed.Count slaves cabled to one switch, with port group br0.
    function New-Bond([string] $Version = '6.1', [hashtable] $Settings, [int[]] $Speed = @(1000, 1000), [switch] $Channel) {
        $script:n++
        $lx = New-VNHost -Name "lx$script:n" -Hypervisor Linux -Version $Version
        $bond = $lx | Add-VNVirtualSwitch -Name bond0 @Settings
        $sw = New-VNPhysicalSwitch -Name "sw$script:n"
        for ($i = 0; $i -lt $Speed.Count; $i++) {
            $bond | Add-VNUplink -Name "eth$i" -SpeedMbps $Speed[$i] -PhysicalSwitch $sw -SwitchPort "Gi1/0/$($i + 1)" | Out-Null
        }
        if ($Channel) { New-VNPortChannel -PhysicalSwitch $sw -Name Po1 -Member (1..$Speed.Count | ForEach-Object { "Gi1/0/$_" }) -Mode On | Out-Null }
        $bond | Add-VNPortGroup -Name br0 | Out-Null
        $bond
    }

    function New-Guest($Bond, [string] $Ip = '10.0.0.1', [string] $Mac = '52:54:00:00:00:01') {
        $Bond.Host | Add-VNVirtualMachine -Name "vm$($Bond.Host.VirtualMachines.Count)" -PortGroup $Bond.PortGroups[0] -IPAddress $Ip -MacAddress $Mac
    }

    function Get-Tx($Result, [string] $Slave) { ($Result.Uplinks | Where-Object { $_.Uplink.Name -eq $Slave }).TxMbps }
}

Describe 'Linux bond transmit hash by kernel era' {
    It 'sends every vector of kernel <Kernel>, <Policy> on the kernel''s slave (balance-xor and 802.3ad)' -ForEach $groups {
        foreach ($mode in 'balance-xor', '802.3ad') {
            foreach ($shape in $Rows | Group-Object slaves, failed) {
                $first = $shape.Group[0]
                $bond = New-Bond -Version $Kernel -Settings @{ BondMode = $mode; XmitHashPolicy = $Policy } -Speed (@(1000) * [int]$first.slaves)
                $guests = @{}
                $flows = foreach ($v in $shape.Group) {
                    $key = "$($v.srcmac) $($v.srcip)"
                    if (-not $guests[$key]) { $guests[$key] = New-Guest $bond -Ip $v.srcip -Mac $v.srcmac }
                    $ports = if ($v.protocol -eq 'Icmp') { @{ IcmpIdentifier = [int]$v.icmpid } } else { @{ SourcePort = [int]$v.sport; DestinationPort = [int]$v.dport } }
                    New-VNFlow -Source $guests[$key] -Destination $v.dstip -Protocol $v.protocol -DestinationMacAddress $v.dstmac @ports
                }
                $failed = if ($first.failed -ne '') { @{ FailedUplink = "eth$($first.failed)" } } else { @{} }
                $result = $bond | Invoke-VNTrafficSimulation -Flow $flows @failed
                $result.Flows.Uplink.Name | Should -Be @($shape.Group | ForEach-Object { "eth$($_.slave)" }) -Because "$mode, $($shape.Name)"
            }
        }
    }

    It 'refuses encap3+4 before 3.13, where it did not exist' {
        { New-VNHost -Name old -Hypervisor Linux -Version 3.10 | Add-VNVirtualSwitch -Name bond0 -BondMode balance-xor -XmitHashPolicy encap3+4 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidXmitHashPolicy,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'hashes the next hop''s MAC: the peer on the subnet, the gateway beyond it' {
        # layer2 from ..:01, (0x01 ^ MAC[5] ^ 0x0800) mod 2: the NAS ..:10 gives 0x811 (eth1), the gateway ..:21
        # 0x820 (eth0). Kernel 4.9 XORs 0x0008 instead: 0x19 (eth1) and 0x28 (eth0), the same slaves here.
        $bond = New-Bond -Settings @{ BondMode = 'balance-xor' } -Channel
        $sw = $bond.Uplinks[0].PhysicalSwitch
        $sw | Add-VNEndpoint -Name nas -IPAddress 10.0.0.50 -Role Storage -MacAddress 00:1b:21:00:00:10 | Out-Null
        $sw | Add-VNEndpoint -Name gw -IPAddress 10.0.0.254 -Role Gateway -MacAddress 00:1b:21:00:00:21 | Out-Null
        $flows = New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.50, 198.51.100.7 -DemandMbps 10
        $result = $bond | Invoke-VNTrafficSimulation -Flow $flows
        $result.Flows.Uplink.Name | Should -Be 'eth1', 'eth0'
        $result.Findings.RuleId | Should -Not -Contain 'VNF007'
    }

    It 'reports a destination MAC it does not know with VNF007' {
        $bond = New-Bond -Settings @{ BondMode = 'balance-xor'; XmitHashPolicy = 'layer2+3' } -Channel
        $result = $bond | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source (New-Guest $bond) -Destination 198.51.100.7)
        ($result.Findings | Where-Object RuleId -eq VNF007).Message | Should -Match '1 flow\(s\) of .*00:00:00:00:00:00'
    }

    It 'refuses ports on ICMP flows and identifiers on TCP flows' {
        $vm = New-Guest (New-Bond -Settings @{ BondMode = 'balance-xor' })
        { New-VNFlow -Source $vm -Destination 10.0.0.2 -Protocol Icmp -SourcePort 5 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFlow,VirtNet.Commands.NewVNFlowCommand'
        { New-VNFlow -Source $vm -Destination 10.0.0.2 -IcmpIdentifier 5 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFlow,VirtNet.Commands.NewVNFlowCommand'
        (New-VNFlow -Source $vm -Destination 10.0.0.2 -Protocol Icmp -IcmpIdentifier 7, 8).IcmpIdentifier | Should -Be 7, 8
    }
}

Describe 'Linux bond modes' {
    It 'balance-rr sprays one flow over three slaves: 3000 Mbps, and 1500 with the middle slave failed' {
        $bond = New-Bond -Settings @{ BondMode = 'balance-rr' } -Speed 1000, 1000, 1000 -Channel
        $flows = New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.2
        $all = $bond | Invoke-VNTrafficSimulation -Flow $flows
        $all.Flows[0].OutboundMbps | Should -Be 3000
        $all.Uplinks.TxMbps | Should -Be 1000, 1000, 1000
        $all.Findings.RuleId | Should -Contain 'VNF006'

        # Turns 0, 1, 2 go to eth0, eth2 (eth1 cannot), eth2: eth2 sends 2/3 and fills at R = 1500; eth0 sends 500.
        $failed = $bond | Invoke-VNTrafficSimulation -Flow $flows -FailedUplink eth1
        $failed.Flows[0].OutboundMbps | Should -Be 1500
        Get-Tx $failed eth0 | Should -Be 500
        Get-Tx $failed eth2 | Should -Be 1000
    }

    It 'broadcast loads every slave with every frame and counts the best copy once' {
        # eth1 (10000) carries both flows at 5000 each; eth0 (1000) is full of copies that add nothing.
        $bond = New-Bond -Settings @{ BondMode = 'broadcast' } -Speed 1000, 10000 -Channel
        $result = $bond | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.2, 10.0.0.3)
        $result.Flows.OutboundMbps | Should -Be 5000, 5000
        Get-Tx $result eth0 | Should -Be 1000
        Get-Tx $result eth1 | Should -Be 10000
        $result.AggregateThroughputMbps | Should -Be 10000
    }

    It 'active-backup with primary eth1 and primary_reselect <Reselect> uses <Expected> after eth1 comes back (eth1 at <Speed> Mbps)' -ForEach @(
        @{ Reselect = 'Always'; Speed = 1000; Expected = 'eth1' }
        @{ Reselect = 'Better'; Speed = 1000; Expected = 'eth0' }
        @{ Reselect = 'Better'; Speed = 10000; Expected = 'eth1' }
        @{ Reselect = 'Failure'; Speed = 10000; Expected = 'eth0' }
    ) {
        $bond = New-Bond -Settings @{ BondMode = 'active-backup'; Primary = 'eth1'; PrimaryReselect = $Reselect } -Speed 1000, $Speed
        $flows = New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.2
        ($bond | Invoke-VNTrafficSimulation -Flow $flows).Flows.Uplink.Name | Should -Be 'eth1'
        ($bond | Invoke-VNTrafficSimulation -Flow $flows -FailedUplink eth1).Flows.Uplink.Name | Should -Be 'eth0'
        $back = $bond | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink eth1
        $back.Flows.Uplink.Name | Should -Be $Expected
        $back.Flows.InboundUplink.Name | Should -Be $Expected
    }

    It 'active-backup without a primary stays on the slave that took over' {
        $bond = New-Bond -Settings @{ BondMode = 'active-backup' }
        $flows = New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.2
        ($bond | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink eth0).Flows.Uplink.Name | Should -Be 'eth1'
    }

    It 'balance-tlb hands each bucket to the slave with the most spare capacity: 600 and 600 Mbps' {
        # layer2 buckets from ..:01 to ..:10, ..:11, ..:12: 0x11, 0x10, 0x13. 600 to eth0 (equal room: the first),
        # 300 to eth1 (more room), 300 to eth1 (700 left against 400).
        $bond = New-Bond -Settings @{ BondMode = 'balance-tlb' }
        $vm = New-Guest $bond
        $flows = @(
            New-VNFlow -Source $vm -Destination 10.0.0.2 -DemandMbps 600 -DestinationMacAddress 52:54:00:00:00:10
            New-VNFlow -Source $vm -Destination 10.0.0.3 -DemandMbps 300 -DestinationMacAddress 52:54:00:00:00:11
            New-VNFlow -Source $vm -Destination 10.0.0.4 -DemandMbps 300 -DestinationMacAddress 52:54:00:00:00:12
        )
        $result = $bond | Invoke-VNTrafficSimulation -Flow $flows
        $result.Flows.Uplink.Name | Should -Be 'eth0', 'eth1', 'eth1'
        $result.Uplinks.TxMbps | Should -Be 600, 600
        $result.Flows.InboundUplink.Name | Should -Be 'eth0', 'eth0', 'eth0'

        # tlb_dynamic_lb=0: usable[hash mod 2] for 0x811, 0x810, 0x813.
        $hashed = New-Bond -Settings @{ BondMode = 'balance-tlb'; TlbDynamicLb = $false }
        $vm = New-Guest $hashed
        $flows = @(
            New-VNFlow -Source $vm -Destination 10.0.0.2 -DemandMbps 600 -DestinationMacAddress 52:54:00:00:00:10
            New-VNFlow -Source $vm -Destination 10.0.0.3 -DemandMbps 300 -DestinationMacAddress 52:54:00:00:00:11
            New-VNFlow -Source $vm -Destination 10.0.0.4 -DemandMbps 300 -DestinationMacAddress 52:54:00:00:00:12
        )
        ($hashed | Invoke-VNTrafficSimulation -Flow $flows).Flows.Uplink.Name | Should -Be 'eth1', 'eth0', 'eth1'
    }

    It 'balance-alb keeps every flow to one peer on one slave' {
        # The bucket of 10.0.0.2 is 10 ^ 0 ^ 0 ^ 2 = 8 whatever the ports; 10.0.0.3 (bucket 9) goes to the emptier eth1.
        $bond = New-Bond -Settings @{ BondMode = 'balance-alb' }
        $vm = New-Guest $bond
        $onePeer = New-VNFlow -Source $vm -Destination 10.0.0.2 -SourcePort 40000, 40001, 40002, 40003 -DestinationPort 80
        ($bond | Invoke-VNTrafficSimulation -Flow $onePeer).Flows.Uplink.Name | Should -Be 'eth0', 'eth0', 'eth0', 'eth0'
        $twoPeers = $bond | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $vm -Destination 10.0.0.2, 10.0.0.3)
        $twoPeers.Flows.Uplink.Name | Should -Be 'eth0', 'eth1'
        # A bridged VM answers ARP itself, so its traffic comes back on the active slave.
        $twoPeers.Flows.InboundUplink.Name | Should -Be 'eth0', 'eth0'
    }

    It 'completes -Primary from the NICs the command names, and -PrimaryReselect from the kernel''s choices' {
        $line = 'Add-VNVirtualSwitch -Name bond0 -BondMode active-backup -Nic eth0, eth1, em1 -Primary e'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('eth0', 'eth1', 'em1')
        $line = 'Add-VNVirtualSwitch -Name bond0 -BondMode active-backup -PrimaryReselect '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Always', 'Better', 'Failure')
    }

    It 'refuses -Primary in balance-xor and -TlbDynamicLb in active-backup with InvalidBondOption' {
        $lx = New-VNHost -Name lxopt -Hypervisor Linux
        { $lx | Add-VNVirtualSwitch -Name bond0 -BondMode balance-xor -Primary eth0 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidBondOption,VirtNet.Commands.AddVNVirtualSwitchCommand'
        { $lx | Add-VNVirtualSwitch -Name bond1 -BondMode active-backup -TlbDynamicLb $false -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidBondOption,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'keeps the bond options and the endpoint MAC through Export-VNConfig and Import-VNConfig' {
        $bond = New-Bond -Settings @{ BondMode = 'balance-tlb'; Primary = 'eth1'; PrimaryReselect = 'Failure'; TlbDynamicLb = $false }
        $bond.Uplinks[0].PhysicalSwitch | Add-VNEndpoint -Name gw -IPAddress 10.0.0.254 -Role Gateway -MacAddress 00:1b:21:00:00:21 | Out-Null
        $path = Join-Path $TestDrive 'bond.json'
        $bond.Host, $bond.Uplinks[0].PhysicalSwitch | Export-VNConfig -Path $path
        $imported = Import-VNConfig -Path $path
        $copy = ($imported | Where-Object { $_ -is [VirtNet.VNHost] }).VirtualSwitches[0]
        $copy.Primary | Should -Be 'eth1'
        $copy.PrimaryReselect | Should -Be 'Failure'
        $copy.TlbDynamicLb | Should -BeFalse
        ($imported | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] }).Endpoints[0].MacAddress.ToString() | Should -Be '00:1b:21:00:00:21'
    }
}

Describe 'Linux bond link monitoring' {
    It 'keeps sending on a failed slave for miimon + downdelay and waits miimon + updelay for a recovered one' {
        # miimon 100, downdelay 200, updelay 2000: the failure of the primary eth0 is acted on within 300 ms, its return within 2100 ms.
        $bond = New-Bond -Settings @{ BondMode = 'active-backup'; Primary = 'eth0'; MiiMon = 100; DownDelay = 200; UpDelay = 2000 }
        $flows = New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.2
        $unseen = $bond | Invoke-VNTrafficSimulation -Flow $flows -FailedUplink eth0 -Elapsed 0.25
        $unseen.Flows[0].Uplink.Name | Should -Be 'eth0'
        $unseen.Flows[0].Status | Should -Be 'Blackholed'
        $unseen.Findings.RuleId | Should -Contain 'VNF002'
        ($bond | Invoke-VNTrafficSimulation -Flow $flows -FailedUplink eth0 -Elapsed 0.3).Flows[0].Uplink.Name | Should -Be 'eth1'
        ($bond | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink eth0 -Elapsed 1).Flows[0].Uplink.Name | Should -Be 'eth1'
        ($bond | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink eth0 -Elapsed '00:00:02.1').Flows[0].Uplink.Name | Should -Be 'eth0'
    }

    It 'rounds updelay down to a multiple of miimon with a warning, as the kernel does' {
        $bond = New-VNHost -Name lxround -Hypervisor Linux | Add-VNVirtualSwitch -Name bond0 -BondMode active-backup -MiiMon 100 -UpDelay 250 -WarningVariable warned -WarningAction SilentlyContinue
        $bond.UpDelay | Should -Be 200
        $warned | Should -Match 'rounds them down to updelay 200 ms'
    }

    It 'refuses a negative -Elapsed with InvalidTimer' {
        $bond = New-Bond -Settings @{ BondMode = 'active-backup' }
        { $bond | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source (New-Guest $bond) -Destination 10.0.0.2) -Elapsed -1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTimer,VirtNet.Commands.InvokeVNTrafficSimulationCommand'
    }
}
