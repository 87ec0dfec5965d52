BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    function New-HyperVHost([string] $Name = 'hv01', [string] $Version = '2019') {
        New-VNHost -Name $Name -Hypervisor HyperV -Version $Version -IPAddress 192.168.1.133
    }
}

Describe 'Add-VNVirtualSwitch on Hyper-V hosts' {
    It 'creates an External switch without teaming by default' {
        $vs = New-HyperVHost | Add-VNVirtualSwitch -Name External -Nic NIC1
        $vs.Type | Should -Be 'HyperV'
        $vs.SwitchType | Should -Be 'External'
        $vs.EmbeddedTeamingEnabled | Should -BeFalse
        $vs.TeamingMode | Should -BeNullOrEmpty
    }

    It 'creates a <SwitchType> switch, which refuses NICs with UnsupportedOnSwitch' -ForEach @(@{ SwitchType = 'Internal' }, @{ SwitchType = 'Private' }) {
        $h = New-HyperVHost
        $vs = $h | Add-VNVirtualSwitch -Name Lab -SwitchType $SwitchType
        $vs.SwitchType | Should -Be $SwitchType
        { $vs | Add-VNUplink -Name NIC1 -ErrorAction Stop } | Should -Throw -ErrorId 'UnsupportedOnSwitch,VirtNet.Commands.AddVNUplinkCommand'
        { $h | Add-VNVirtualSwitch -Name Other -SwitchType $SwitchType -Nic NIC2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnSwitch,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'teams the NICs with SET: switch independent, <Algorithm>, inbound on the sending NIC' -ForEach @(@{ Algorithm = 'HyperVPort' }, @{ Algorithm = 'Dynamic' }) {
        $vs = New-HyperVHost | Add-VNVirtualSwitch -Name SETswitch -EnableEmbeddedTeaming $true -LoadBalancingAlgorithm $Algorithm -Nic NIC1, NIC2
        $vs.EmbeddedTeamingEnabled | Should -BeTrue
        $vs.TeamingMode | Should -Be 'SwitchIndependent'
        $vs.LoadBalancingAlgorithm | Should -Be $Algorithm
        $vs.RequiredPortChannel | Should -Be 'None'
        $vs.InboundDistribution | Should -Be 'SendingMember'
    }

    It 'defaults SET to Dynamic' {
        (New-HyperVHost | Add-VNVirtualSwitch -Name SETswitch -EnableEmbeddedTeaming $true).LoadBalancingAlgorithm | Should -Be 'Dynamic'
    }

    It 'refuses the address hash <Algorithm> for SET before anything is created' -ForEach @(@{ Algorithm = 'TransportPorts' }, @{ Algorithm = 'IPAddresses' }) {
        $h = New-HyperVHost
        { $h | Add-VNVirtualSwitch -Name SETswitch -EnableEmbeddedTeaming $true -LoadBalancingAlgorithm $Algorithm -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $h.VirtualSwitches | Should -BeNullOrEmpty
    }

    It 'refuses SET on Windows Server 2012 R2 with UnsupportedOnHost' {
        { New-HyperVHost -Version 2012R2 | Add-VNVirtualSwitch -Name SETswitch -EnableEmbeddedTeaming $true -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnHost,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'refuses an algorithm without SET, and Hyper-V settings on an ESX host, with UnsupportedOnSwitch' {
        { New-HyperVHost | Add-VNVirtualSwitch -Name External -LoadBalancingAlgorithm HyperVPort -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnSwitch,VirtNet.Commands.AddVNVirtualSwitchCommand'
        { New-VNHost -Name esx01 | Add-VNVirtualSwitch -Name vSwitch0 -SwitchType External -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnSwitch,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'completes -LoadBalancingAlgorithm with the two SET algorithms only' {
        $line = 'Add-VNVirtualSwitch -LoadBalancingAlgorithm '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Dynamic', 'HyperVPort')
    }

    It 'takes switch definitions from VMSwitch-shaped objects, one failure not stopping the rest' {
        $h = New-HyperVHost
        $switches = @(
            [pscustomobject]@{ Name = 'Converged'; EmbeddedTeamingEnabled = $true; LoadBalancingAlgorithm = 'HyperVPort'; Nic = @('NIC1', 'NIC2') }
            [pscustomobject]@{ Name = 'Broken'; SwitchType = 'Private'; Nic = @('NIC3') }
            [pscustomobject]@{ Name = 'Lab'; SwitchType = 'Internal' }
        )
        $created = $switches | Add-VNVirtualSwitch -Host $h -ErrorVariable err -ErrorAction SilentlyContinue
        $created.Name | Should -Be @('Converged', 'Lab')
        $created[0].LoadBalancingAlgorithm | Should -Be 'HyperVPort'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedOnSwitch,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }
}

Describe 'Set-VNTeamingPolicy on Hyper-V and Linux switches' {
    It 'refuses the vSphere policy on a <Type> switch with UnsupportedOnSwitch and goes on with the next input' -ForEach @(
        @{ Type = 'HyperV'; Hypervisor = 'HyperV' }
        @{ Type = 'LinuxBond'; Hypervisor = 'Linux' }
    ) {
        $vs = New-VNHost -Name h1 -Hypervisor $Hypervisor | Add-VNVirtualSwitch -Name sw -Nic nic0, nic1
        $esx = New-VNHost -Name esx01 | Add-VNVirtualSwitch -Name vSwitch0 -Nic vmnic0, vmnic1
        $vs, $esx | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UnsupportedOnSwitch,VirtNet.Commands.SetVNTeamingPolicyCommand'
        $esx.TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceIP'
    }
}

Describe 'Add-VNVirtualSwitch on Linux hosts' {
    It 'takes -BondMode <BondMode> and stores mode <Expected>' -ForEach @(
        @{ BondMode = '802.3ad'; Expected = 'Ieee8023ad' }
        @{ BondMode = '4'; Expected = 'Ieee8023ad' }
        @{ BondMode = 'balance-xor'; Expected = 'BalanceXor' }
        @{ BondMode = '1'; Expected = 'ActiveBackup' }
        @{ BondMode = 'BalanceAlb'; Expected = 'BalanceAlb' }
    ) {
        $bond = New-VNHost -Name lx01 -Hypervisor Linux | Add-VNVirtualSwitch -Name bond0 -BondMode $BondMode
        $bond.BondMode | Should -Be $Expected
    }

    It 'takes a number for -BondMode' {
        (New-VNHost -Name lx01 -Hypervisor Linux | Add-VNVirtualSwitch -Name bond0 -BondMode 6).BondMode | Should -Be 'BalanceAlb'
    }

    It 'defaults to balance-rr with layer2, as the kernel does' {
        $bond = New-VNHost -Name lx01 -Hypervisor Linux | Add-VNVirtualSwitch -Name bond0
        $bond.BondMode | Should -Be 'BalanceRR'
        $bond.XmitHashPolicy | Should -Be 'Layer2'
        $bond.RequiredPortChannel | Should -Be 'Static'
    }

    It 'needs an LACP channel for 802.3ad and none for active-backup' {
        $lx = New-VNHost -Name lx01 -Hypervisor Linux
        ($lx | Add-VNVirtualSwitch -Name bond0 -BondMode 802.3ad -XmitHashPolicy layer3+4).RequiredPortChannel | Should -Be 'Lacp'
        $ab = $lx | Add-VNVirtualSwitch -Name bond1 -BondMode active-backup
        $ab.RequiredPortChannel | Should -Be 'None'
        $ab.InboundDistribution | Should -Be 'PrimaryMember'
    }

    It 'refuses -BondMode <BondMode> with InvalidBondMode and creates nothing' -ForEach @(@{ BondMode = '7' }, @{ BondMode = 'lacp' }) {
        $lx = New-VNHost -Name lx01 -Hypervisor Linux
        { $lx | Add-VNVirtualSwitch -Name bond0 -BondMode $BondMode -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidBondMode,VirtNet.Commands.AddVNVirtualSwitchCommand'
        $lx.VirtualSwitches | Should -BeNullOrEmpty
    }

    It 'refuses an unknown -XmitHashPolicy with InvalidXmitHashPolicy' {
        { New-VNHost -Name lx01 -Hypervisor Linux | Add-VNVirtualSwitch -Name bond0 -XmitHashPolicy layer4 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidXmitHashPolicy,VirtNet.Commands.AddVNVirtualSwitchCommand'
    }

    It 'completes -BondMode with the kernel names in mode order and -XmitHashPolicy by prefix' {
        $line = 'Add-VNVirtualSwitch -BondMode '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb')
        $line = 'Add-VNVirtualSwitch -XmitHashPolicy layer2'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('layer2', 'layer2+3')
    }

    It 'shows the kernel names in the switch table' {
        $bond = New-VNHost -Name lx01 -Hypervisor Linux | Add-VNVirtualSwitch -Name bond0 -BondMode 4 -XmitHashPolicy layer2+3
        ($bond | Format-Table -AutoSize | Out-String -Width 200) | Should -Match '802\.3ad layer2\+3'
    }
}

Describe 'New-VNTeam' {
    BeforeEach {
        $h = New-HyperVHost
        $vs = $h | Add-VNVirtualSwitch -Name External -Nic NIC1, NIC2
    }

    It 'teams every NIC of the switch and binds the switch to the team' {
        $team = $h | New-VNTeam -Name Team0 -TeamMembers NIC2, NIC1 -TeamingMode Lacp -LoadBalancingAlgorithm HyperVPort
        $team.Name | Should -Be 'Team0'
        $team.TeamMembers | Should -Be @('NIC2', 'NIC1')
        $team.RequiredPortChannel | Should -Be 'Lacp'
        $team.InboundDistribution | Should -Be 'PortChannel'
        $vs.Team | Should -Be $team
        $vs.TeamingMode | Should -Be 'Lacp'
    }

    It 'defaults to switch independent Dynamic and takes uplink objects as members' {
        $team = New-VNTeam -Host $h -Name Team0 -TeamMembers $vs.Uplinks
        $team.TeamingMode | Should -Be 'SwitchIndependent'
        $team.LoadBalancingAlgorithm | Should -Be 'Dynamic'
        $team.InboundDistribution | Should -Be 'SendingMember'
    }

    It 'receives everything on the primary member with a switch independent address hash and a standby' {
        $team = $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2 -LoadBalancingAlgorithm IPAddresses -StandbyMember NIC2
        $team.StandbyMember | Should -Be 'NIC2'
        $team.ActiveMembers.Name | Should -Be @('NIC1')
        $team.InboundDistribution | Should -Be 'PrimaryMember'
    }

    It 'refuses a team that leaves a NIC of the switch out with InvalidTeam' {
        { $h | New-VNTeam -Name Team0 -TeamMembers NIC1 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTeam,VirtNet.Commands.NewVNTeamCommand'
        $vs.Team | Should -BeNullOrEmpty
    }

    It 'refuses LBFO under a switch on Windows Server 2022 with UnsupportedOnHost' {
        $h22 = New-HyperVHost -Name hv22 -Version 2022
        $null = $h22 | Add-VNVirtualSwitch -Name External -Nic NIC1
        { $h22 | New-VNTeam -Name Team0 -TeamMembers NIC1 -ErrorAction Stop } | Should -Throw -ErrorId 'UnsupportedOnHost,VirtNet.Commands.NewVNTeamCommand'
    }

    It 'takes teams from Get-NetLbfoTeam-shaped objects, one failure not stopping the rest' {
        $null = $h | Add-VNVirtualSwitch -Name Storage -Nic NIC3, NIC4
        $teams = @(
            [pscustomobject]@{ Name = 'Team0'; Members = @('NIC1', 'NIC2'); TeamingMode = 'Static'; LoadBalancingAlgorithm = 'TransportPorts' }
            [pscustomobject]@{ Name = 'Broken'; Members = @('NIC9'); TeamingMode = 'Lacp' }
            [pscustomobject]@{ Name = 'Team1'; Members = @('NIC3', 'NIC4'); TeamingMode = 'Lacp'; LoadBalancingAlgorithm = 'Dynamic' }
        )
        $created = $teams | New-VNTeam -Host $h -ErrorVariable err -ErrorAction SilentlyContinue
        $created.Name | Should -Be @('Team0', 'Team1')
        $created.TeamingMode | Should -Be @('Static', 'Lacp')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UplinkNotFound,VirtNet.Commands.NewVNTeamCommand'
    }

    It 'creates nothing with -WhatIf' {
        $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2 -WhatIf | Should -BeNullOrEmpty
        $vs.Team | Should -BeNullOrEmpty
    }

    It 'refuses a name taken from the piped host' {
        { $h | New-VNTeam -TeamMembers NIC1, NIC2 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName,VirtNet.Commands.NewVNTeamCommand'
    }

    It 'shows the team in its table view' {
        $team = $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2 -StandbyMember NIC2
        ($team | Format-Table | Out-String) | Should -Match 'Team0\s+External\s+NIC1, NIC2\s+NIC2\s+SwitchIndependent\s+Dynamic'
        ($vs | Format-Table -AutoSize | Out-String -Width 200) | Should -Match 'External Team0 SwitchIndependent Dynamic'
    }
}

Describe 'Test-VNConfiguration on Hyper-V and Linux hosts' {
    BeforeEach {
        $core = New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750' -Stack 2
    }

    It 'reports an LACP team whose switch ports are in no channel, and nothing once the channel is there' {
        $h = New-HyperVHost
        $vs = $h | Add-VNVirtualSwitch -Name External
        $null = $vs | Add-VNUplink -Name NIC1, NIC2 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi2/0/1
        $null = $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2 -TeamingMode Lacp
        $finding = $h | Test-VNConfiguration -RuleId VNW*
        $finding.RuleId | Should -Be 'VNW004'
        $finding.Target | Should -Be 'hv01/External'
        $null = $core | New-VNPortChannel -Name Po1 -Member Gi1/0/1, Gi2/0/1 -Mode Active
        $h | Test-VNConfiguration -RuleId VNW* | Should -BeNullOrEmpty
    }

    It 'reports a SET switch towards a port channel' {
        $h = New-HyperVHost
        $vs = $h | Add-VNVirtualSwitch -Name Converged -EnableEmbeddedTeaming $true
        $null = $vs | Add-VNUplink -Name NIC1, NIC2 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi2/0/1
        $null = $core | New-VNPortChannel -Name Po1 -Member Gi1/0/1, Gi2/0/1 -Mode On
        ($h | Test-VNConfiguration -RuleId VNW*).RuleId | Should -Be 'VNW005'
    }

    It 'reports an 802.3ad bond on plain ports and an active-backup bond in a channel' {
        $lx = New-VNHost -Name lx01 -Hypervisor Linux
        $b0 = $lx | Add-VNVirtualSwitch -Name bond0 -BondMode 802.3ad
        $null = $b0 | Add-VNUplink -Name eth0, eth1 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi2/0/1
        $b1 = $lx | Add-VNVirtualSwitch -Name bond1 -BondMode active-backup
        $null = $b1 | Add-VNUplink -Name eth2, eth3 -PhysicalSwitch $core -SwitchPort Gi1/0/2, Gi2/0/2
        $null = $core | New-VNPortChannel -Name Po2 -Member Gi1/0/2, Gi2/0/2 -Mode On
        $findings = $lx | Test-VNConfiguration -RuleId VNL*
        $findings | ForEach-Object { "$($_.RuleId) $($_.Target)" } | Should -Be @('VNL001 lx01/bond0', 'VNL002 lx01/bond1')
    }

    It 'reports Hyper-V hosts whose pools are the same' {
        $hv01 = New-VNHost -Name hv01 -Hypervisor HyperV -IPAddress 192.168.1.133
        $hv02 = New-VNHost -Name hv02 -Hypervisor HyperV -IPAddress 10.0.1.133
        $finding = $hv01, $hv02 | Test-VNConfiguration -RuleId VNA*
        $finding.RuleId | Should -Be 'VNA001'
        $finding.Target | Should -Be 'hv02'
        $finding.Severity | Should -Be 'Warning'
    }
}

Describe 'Invoke-VNTrafficSimulation and Compare-VNTeamingPolicy on Hyper-V switches and Linux bonds' {
    BeforeEach {
        $core = New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750'
        $h = New-HyperVHost
        $vs = $h | Add-VNVirtualSwitch -Name External
        $null = $vs | Add-VNUplink -Name NIC1, NIC2 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi1/0/2
        $null = $vs | Add-VNPortGroup -Name LAN
        $vm = $h | Add-VNVirtualMachine -Name app01 -PortGroup LAN -IPAddress 10.0.0.10
        $flows = New-VNFlow -Source $vm -Destination 10.0.0.20, 10.0.0.21
    }

    It 'simulates a switch independent TransportPorts team: out by hash, in on the primary member' {
        $null = $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2 -LoadBalancingAlgorithm TransportPorts
        $result = $vs | Invoke-VNTrafficSimulation -Flow $flows
        $result.Flows.Uplink.Name | Should -Be @('NIC1', 'NIC2')
        $result.Flows.InboundUplink.Name | Should -Be @('NIC1', 'NIC1')
        $result.Flows.Teaming | ForEach-Object ToString | Should -Be @('SwitchIndependent TransportPorts', 'SwitchIndependent TransportPorts')
        $result.AggregateThroughputMbps | Should -Be 2000
    }

    It 'reports an LACP team without its channel with VNW004 and loses the flapping flows' {
        $null = $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2 -TeamingMode Lacp -LoadBalancingAlgorithm IPAddresses
        $result = $h | Invoke-VNTrafficSimulation -Flow $flows
        $result.Flows.Status | Should -Be @('MacFlap', 'MacFlap')
        $result.Findings.RuleId | Should -Contain 'VNW004'
        $result.LostFlowCount | Should -Be 2
    }

    It 'compares every teaming mode with every algorithm, and narrows them with -TeamingMode and -LoadBalancingAlgorithm' {
        $null = $h | New-VNTeam -Name Team0 -TeamMembers NIC1, NIC2
        $rows = $vs | Compare-VNTeamingPolicy -Flow $flows
        $rows.Count | Should -Be 15
        $rows[0].Teaming.ToString() | Should -Be 'SwitchIndependent TransportPorts'
        $rows[0].LoadBalancingPolicy | Should -BeNullOrEmpty
        ($rows | Where-Object { "$($_.Teaming)" -eq 'Lacp Dynamic' }).Valid | Should -BeFalse
        $some = $vs | Compare-VNTeamingPolicy -Flow $flows -TeamingMode Lacp -LoadBalancingAlgorithm HyperVPort, Dynamic -AssumeMatchingPhysicalSwitch
        $some | ForEach-Object { "$($_.Teaming) $($_.Valid) $($_.AggregateThroughputMbps)" } | Should -Be @('Lacp HyperVPort True 1000', 'Lacp Dynamic True 2000')
        ($some | Format-Table | Out-String) | Should -Match 'Lacp Dynamic'
    }

    It 'refuses an ESX policy for a Hyper-V switch with UnsupportedOnSwitch' {
        { $vs | Compare-VNTeamingPolicy -Flow $flows -LoadBalancingPolicy LoadBalanceIP -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnSwitch,VirtNet.Commands.CompareVNTeamingPolicyCommand'
    }

    It 'compares the modes of a bond by the kernel names, and stops on an unknown one' {
        $lx = New-VNHost -Name lx01 -Hypervisor Linux
        $bond = $lx | Add-VNVirtualSwitch -Name bond0 -Nic eth0, eth1
        $null = $bond | Add-VNPortGroup -Name br0
        $guest = $lx | Add-VNVirtualMachine -Name guest01 -PortGroup br0 -IPAddress 10.0.0.1
        $bondFlows = New-VNFlow -Source $guest -Destination 10.0.0.2, 10.0.0.4 -DestinationPort 80
        $rows = $bond | Compare-VNTeamingPolicy -Flow $bondFlows -BondMode 4, active-backup -XmitHashPolicy layer3+4
        $rows | ForEach-Object { "$($_.Teaming) $($_.AggregateThroughputMbps)" } | Should -Be @('802.3ad layer3+4 2000', 'active-backup 1000')
        { $bond | Compare-VNTeamingPolicy -Flow $bondFlows -BondMode 9 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidBondMode,VirtNet.Commands.CompareVNTeamingPolicyCommand'
    }
}
