# The seed scenarios (Scott Lowe's NIC utilization articles) and the traffic cmdlets' contract, through the cmdlets.
BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # One ESX host, vSwitch1 with two 1 Gb uplinks cabled to core1 Gi1/0/1 and Gi1/0/2, a storage VMkernel port.
    function New-StorageLab {
        param([switch] $StaticChannel, [string] $Policy = 'LoadBalanceSrcId')
        $core = New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750' -LoadBalance SrcDstIp
        $vs = New-VNHost -Name esx01 -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi1/0/2 | Out-Null
        if ($StaticChannel) { New-VNPortChannel -PhysicalSwitch $core -Name Po1 -Member Gi1/0/1, Gi1/0/2 -Mode On | Out-Null }
        $vs | Set-VNTeamingPolicy -LoadBalancingPolicy $Policy
        $vmk = $vs | Add-VNPortGroup -Name Storage | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10 -PrefixLength 24
        [pscustomobject]@{ Switch = $vs; Vmk = $vmk; Core = $core }
    }
}

Describe 'Seed scenarios' {
    It 'port id keeps one VMkernel port to two iSCSI targets on one uplink' {
        $lab = New-StorageLab
        $flows = New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20, 10.0.0.21 -DestinationPort 3260
        $result = $lab.Switch | Invoke-VNTrafficSimulation -Flow $flows
        @($result.Flows.Uplink.Name | Select-Object -Unique).Count | Should -Be 1
        @($result.Uplinks | Where-Object TxMbps -gt 0).Count | Should -Be 1
        $result.AggregateThroughputMbps | Should -Be 1000
    }

    It 'IP hash with a static channel spreads NFS targets .20 and .21 over both uplinks' {
        $lab = New-StorageLab -StaticChannel -Policy LoadBalanceIP
        $result = $lab.Switch | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20, 10.0.0.21)
        ($result.Flows.Uplink.Name | Sort-Object) | Should -Be @('vmnic0', 'vmnic1')
        $result.Flows.Status | Should -Be @('Ok', 'Ok')
        $result.AggregateThroughputMbps | Should -Be 2000
    }

    It 'IP hash with a static channel keeps NFS targets .20 and .22 on one uplink' {
        $lab = New-StorageLab -StaticChannel -Policy LoadBalanceIP
        $result = $lab.Switch | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20, 10.0.0.22)
        $result.Flows.Uplink.Name | Should -Be @('vmnic0', 'vmnic0')
        $result.AggregateThroughputMbps | Should -Be 1000
    }

    It 'one source to one target never exceeds one uplink, whatever its demand and policy' -ForEach @(
        @{ Policy = 'LoadBalanceSrcId' }, @{ Policy = 'LoadBalanceIP' }
    ) {
        $lab = New-StorageLab -StaticChannel -Policy $Policy
        $flows = New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20 -SourcePort (49152..49215) -DemandMbps 10000
        $result = Invoke-VNTrafficSimulation -Flow $flows -AssumeMatchingPhysicalSwitch
        ($result.Flows | Measure-Object ThroughputMbps -Sum).Sum | Should -Be 1000
        @($result.Flows.Uplink.Name | Select-Object -Unique).Count | Should -Be 1
    }

    It 'failover under port id moves only the flows of the failed uplink' {
        $lab = New-StorageLab
        $vms = foreach ($i in 1..4) { $lab.Switch.Host | Add-VNVirtualMachine -Name "vm0$i" -PortGroup Storage -IPAddress "10.0.0.1$i" }
        $flows = New-VNFlow -Source $vms -Destination 10.0.1.1, 10.0.1.2 -DemandMbps 100
        $healthy = Invoke-VNTrafficSimulation -Flow $flows
        $failed = Invoke-VNTrafficSimulation -Flow $flows -FailedUplink vmnic0
        $wasOnVmnic0 = @($healthy.Flows | ForEach-Object { $_.Uplink.Name -eq 'vmnic0' })
        @($failed.Flows.Moved) | Should -Be $wasOnVmnic0
        $failed.MovedFlowCount | Should -Be @($wasOnVmnic0 | Where-Object { $_ }).Count
        $failed.Flows.Uplink.Name | Should -Not -Contain 'vmnic0'
    }
}

Describe 'New-VNFlow' {
    It 'expands address ranges into one flow list without a PowerShell loop' {
        $lab = New-StorageLab
        $flows = New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20-10.0.0.120 -DemandMbps 5
        $flows.Count | Should -Be 101
        $flows | Should -BeOfType ([VirtNet.VNFlow])
        $flows[100].Destination.ToString() | Should -Be '10.0.0.120'
    }

    It 'writes one list for all piped sources' {
        $lab = New-StorageLab
        $vmk2 = Get-VNPortGroup -Host $lab.Switch.Host -Name Storage | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.0.11 -PrefixLength 24
        $output = @($lab.Vmk, $vmk2 | New-VNFlow -Destination 10.0.0.20)
        $output.Count | Should -Be 1
        $output[0].Count | Should -Be 2
    }

    It 'resolves source names on -Host and reports the ones it cannot find, keeping the rest' {
        $lab = New-StorageLab
        $flows = New-VNFlow -Host $lab.Switch.Host -Source vmk1, nope -Destination 10.0.0.20 -ErrorVariable problems -ErrorAction SilentlyContinue
        $flows.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'FlowSourceNotFound,VirtNet.Commands.NewVNFlowCommand'
    }

    It 'refuses a malformed range as a terminating error' {
        $lab = New-StorageLab
        { New-VNFlow -Source $lab.Vmk -Destination 10.0.0.120-10.0.0.20 } |
            Should -Throw -ErrorId 'InvalidAddressRange,VirtNet.Commands.NewVNFlowCommand'
    }
}

Describe 'Invoke-VNTrafficSimulation' {
    It 'emits one result whose default view is the uplink table' {
        $lab = New-StorageLab
        $result = @($lab.Switch | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20))
        $result.Count | Should -Be 1
        $text = $result[0] | Out-String -Width 200
        # The answer first: each uplink's state, flows and load; the speed and the vSwitch (named above) last.
        $text | Should -Match 'Uplink\s+State\s+FlowCount\s+TxMbps\s+RxMbps\s+UtilizationPercent\s+SpeedMbps'
        $text | Should -Match 'vmnic0\s+Up\s+1\s+1000\s+0\s+100\s+1000'
    }

    It 'reports IP hash without a channel as MAC flap with a finding, not as working' {
        $lab = New-StorageLab -Policy LoadBalanceIP
        $result = Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20, 10.0.0.21)
        $result.Flows.Status | Should -Be @('MacFlap', 'MacFlap')
        $result.AggregateThroughputMbps | Should -Be 0
        $result.Findings.RuleId | Should -Contain 'VNT001'
    }

    It 'reports a channel under port id and LACP towards a standard vSwitch' {
        $lab = New-StorageLab
        New-VNPortChannel -PhysicalSwitch $lab.Core -Name Po1 -Member Gi1/0/1, Gi1/0/2 -Mode Active | Out-Null
        $result = Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20)
        $result.Flows[0].Status | Should -Be 'ChannelNotFormed'
        ($result.Findings | Where-Object RuleId -eq 'VNT003').Target | Should -Be 'core1/Po1'
    }

    It 'takes down every uplink cabled to a failed switch' {
        $lab = New-StorageLab
        $result = Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20) -FailedSwitch core1
        $result.Flows[0].Status | Should -Be 'NoUplink'
        $result.Uplinks.State | Should -Be @('Failed', 'Failed')
    }

    It 'blackholes the flows behind an upstream failure that link status does not see' {
        $lab = New-StorageLab
        $result = Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20) -FailedUpstream core1
        $result.Flows[0].Status | Should -Be 'Blackholed'
        $result.Uplinks.State | Should -Be @('UpstreamFailed', 'UpstreamFailed')
        $result.Findings.RuleId | Should -Contain 'VNF002'
    }

    It 'stops with UplinkNotFound for an unknown uplink' {
        $lab = New-StorageLab
        { Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20) -FailedUplink vmnic9 } |
            Should -Throw -ErrorId 'UplinkNotFound,VirtNet.Commands.InvokeVNTrafficSimulationCommand'
    }

    It 'leaves out flows from other switches with an error, and simulates the rest' {
        $lab = New-StorageLab
        $other = $lab.Switch.Host | Add-VNVirtualSwitch -Name vSwitch2
        $vmk2 = $other | Add-VNPortGroup -Name Other | Add-VNVMKernelAdapter -Name vmk2 -IPAddress 10.0.1.10 -PrefixLength 24
        $flows = New-VNFlow -Source $lab.Vmk, $vmk2 -Destination 10.0.0.20
        $result = $lab.Switch | Invoke-VNTrafficSimulation -Flow $flows -ErrorVariable problems -ErrorAction SilentlyContinue
        $result.FlowCount | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'FlowNotInScope,*'
    }
}

Describe 'Compare-VNTeamingPolicy' {
    It 'gives one row per policy with the article''s answer when the switch is assumed to match' {
        $lab = New-StorageLab
        $rows = $lab.Switch | Compare-VNTeamingPolicy -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20, 10.0.0.21) -AssumeMatchingPhysicalSwitch
        $rows.LoadBalancingPolicy | Should -Be @('LoadBalanceSrcId', 'LoadBalanceSrcMac', 'LoadBalanceIP', 'ExplicitFailover', 'LoadBalanceLoadBased')
        $srcId = $rows | Where-Object LoadBalancingPolicy -eq LoadBalanceSrcId
        $ipHash = $rows | Where-Object LoadBalancingPolicy -eq LoadBalanceIP
        $srcId.UplinksUsed | Should -Be 1
        $ipHash.UplinksUsed | Should -Be 2
        $ipHash.AggregateThroughputMbps | Should -Be 2000
        $ipHash.BalanceIndex | Should -Be 1
        ($rows | Where-Object LoadBalancingPolicy -eq LoadBalanceLoadBased).Reason | Should -Contain 'Load-based teaming on a standard vSwitch'
    }

    It 'says IP hash is not valid on the switch as it is' {
        $lab = New-StorageLab
        $row = $lab.Switch | Compare-VNTeamingPolicy -Flow (New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20, 10.0.0.21) -LoadBalancingPolicy LoadBalanceIP
        $row.Valid | Should -BeFalse
        $row.Reason | Should -Be 'IP hash without a static port channel'
    }
}

Describe 'One teaming engine for traffic and HA' {
    It 'keeps vswif0 on vmnic1 in both simulations when vmnic0 fails (port id over three uplinks: port 1 on vmnic1)' {
        $sw = New-VNPhysicalSwitch -Name cat-a
        $sw | Add-VNEndpoint -Name gateway -IPAddress 192.168.1.1 -Role Gateway | Out-Null
        $hosts = foreach ($n in 1, 2) {
            $esx = New-VNHost -Name "esx0$n" -Version 4.1
            $vs = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $vs | Add-VNUplink -Name vmnic0, vmnic1, vmnic2 -PhysicalSwitch $sw -SwitchPort "Gi1/0/${n}1", "Gi1/0/${n}2", "Gi1/0/${n}3" | Out-Null
            $pg = $vs | Add-VNPortGroup -Name 'Service Console'
            $esx | Add-VNVirtualMachine -Name "vm$n" -PortGroup 'Service Console' -IPAddress "192.168.1.5$n" | Out-Null
            $pg | Add-VNVMKernelAdapter -Name vswif0 -IPAddress "192.168.1.1$n/24" -Gateway 192.168.1.1 | Out-Null
            $esx
        }
        $sw.Ports | Set-VNSwitchPort -PortFast Enabled
        $vswif0 = $hosts[0].GetVMKernelAdapter('vswif0')
        $vswif0.PortId | Should -Be 1

        $traffic = $hosts[0] | Invoke-VNTrafficSimulation -Flow (New-VNFlow -Source $vswif0 -Destination 192.168.1.12) -FailedUplink vmnic0
        $traffic.Flows[0].Uplink.Name | Should -Be 'vmnic1'

        $scenario = New-VNFailureScenario -Name 'vmnic0 down' -LinkDown esx01/vmnic0
        $ha = Test-VNHaIsolation (New-VNCluster -Name c -Host $hosts) $scenario | Where-Object { $_.Host.Name -eq 'esx01' }
        $ha.Verdict | Should -Be 'NotIsolated'
        @($ha.Timeline | Where-Object { $_.Event -in 'Failover', 'Failback' }).Count | Should -Be 0
    }

    It 'leaves a recovered uplink idle while Net.TeamPolicyUpDelay runs (-Elapsed)' {
        $lab = New-StorageLab
        $lab.Switch | Set-VNTeamingPolicy -LoadBalancingPolicy ExplicitFailover -MakeNicStandby vmnic1
        $lab.Switch.Host | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = 30000 }
        $flows = New-VNFlow -Source $lab.Vmk -Destination 10.0.0.20
        $early = $lab.Switch | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink vmnic0 -Elapsed 10
        $early.Flows[0].Uplink.Name | Should -Be 'vmnic1'
        ($early.Uplinks | Where-Object { $_.Uplink.Name -eq 'vmnic0' }).State | Should -Be 'UpDelay'
        $late = $lab.Switch | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink vmnic0 -Elapsed '00:00:30'
        $late.Flows[0].Uplink.Name | Should -Be 'vmnic0'
        { $lab.Switch | Invoke-VNTrafficSimulation -Flow $flows -RecoveredUplink vmnic0 -Elapsed -1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTimer,VirtNet.Commands.InvokeVNTrafficSimulationCommand'
    }
}
