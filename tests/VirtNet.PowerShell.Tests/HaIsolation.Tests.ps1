BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # Hosts esx01..esxNN with their management port on vSwitch0: vmnic0 to cat-a Gi1/0/n (and with -Standby,
    # vmnic1 to cat-b Gi1/0/n as standby). Gateway 192.168.1.1 on cat-a answers ping. Before 5.0 the
    # management port is the Service Console vswif0, from 5.0 the VMkernel port vmk0.
    function New-HaLab {
        param(
            [string] $Version = '3.5',
            [string] $PortFast = 'Disabled',
            [int] $Count = 3,
            [switch] $Standby,
            [ValidateSet('None', 'SameSubnet', 'OtherSubnet')] [string] $SecondServiceConsole = 'None'
        )
        $a = New-VNPhysicalSwitch -Name cat-a
        $b = New-VNPhysicalSwitch -Name cat-b
        $a | Add-VNEndpoint -Name gateway -IPAddress 192.168.1.1 -Role Gateway | Out-Null
        $classic = [double]($Version -split ' ')[0] -lt 5.0
        $hosts = foreach ($n in 1..$Count) {
            $esx = New-VNHost -Name "esx0$n" -Version $Version
            $vs = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $a -SwitchPort "Gi1/0/$n" | Out-Null
            if ($Standby) {
                $vs | Add-VNUplink -Name vmnic1 -PhysicalSwitch $b -SwitchPort "Gi1/0/$n" | Out-Null
                $vs | Set-VNTeamingPolicy -MakeNicActive vmnic0 -MakeNicStandby vmnic1
            }
            if ($classic) {
                $vs | Add-VNPortGroup -Name 'Service Console' |
                    Add-VNVMKernelAdapter -Name vswif0 -IPAddress "192.168.1.1$n/24" -Gateway 192.168.1.1 | Out-Null
            }
            else {
                $vs | Add-VNPortGroup -Name 'Management Network' |
                    Add-VNVMKernelAdapter -Name vmk0 -IPAddress "192.168.1.1$n/24" -Gateway 192.168.1.1 -Purpose Management | Out-Null
            }
            if ($SecondServiceConsole -ne 'None') {
                # The seed article's second Service Console: its own vSwitch, NIC and switch.
                $vs1 = $esx | Add-VNVirtualSwitch -Name vSwitch1
                $vs1 | Add-VNUplink -Name vmnic2 -PhysicalSwitch $b -SwitchPort "Gi1/0/1$n" | Out-Null
                $ip = if ($SecondServiceConsole -eq 'SameSubnet') { "192.168.1.2$n/24" } else { "192.168.2.1$n/24" }
                $vs1 | Add-VNPortGroup -Name 'Service Console 2' | Add-VNVMKernelAdapter -Name vswif1 -IPAddress $ip | Out-Null
            }
            $esx
        }
        foreach ($switch in $a, $b) {
            if ($switch.Ports) { $switch.Ports | Set-VNSwitchPort -PortFast $PortFast }
        }
        [pscustomobject]@{ Hosts = $hosts; A = $a; B = $b }
    }

    function Get-Result($Results, [string] $HostName) { $Results | Where-Object { $_.Host.Name -eq $HostName } }

    function Get-EventTime($Result, [string] $Event) {
        ($Result.Timeline | Where-Object Event -eq $Event | Select-Object -First 1).Time
    }

    function S([double] $Seconds) { [timespan]::FromSeconds($Seconds) }
}

Describe 'Test-VNHaIsolation: worked timelines' {
    It 'V1: legacy HA, F = 15 s, no PortFast: a 1 s bounce forwards at 31 s and the host is isolated at 14 s' {
        $lab = New-HaLab
        $cluster = New-VNCluster -Name c -Host $lab.Hosts
        $scenario = New-VNFailureScenario -Name bounce -LinkDown esx01/vmnic0 -At 0 -Until 1
        $r = Get-Result (Test-VNHaIsolation -Cluster $cluster -Scenario $scenario) esx01
        $r.Verdict | Should -Be 'Isolated'
        Get-EventTime $r IsolationSuspected | Should -Be (S 12)
        Get-EventTime $r IsolationAddressPinged | Should -Be (S 13)
        $r.IsolationDeclaredAt | Should -Be (S 14)
        $r.ResponseAt | Should -Be (S 14)
        $r.Response | Should -Be 'PowerOff'
        Get-EventTime $r HostDeclaredFailed | Should -Be (S 15)
        Get-EventTime $r PortForwarding | Should -Be (S 31)
        $r.Explanation | Should -Match ([regex]::Escape('switch port Gi1/0/1 (cat-a) had no PortFast: forwarding at 31 s, after the 14 s isolation response'))
    }

    It 'V1: the other hosts are not isolated' {
        $lab = New-HaLab
        $results = New-VNCluster -Name c -Host $lab.Hosts |
            Test-VNHaIsolation -Scenario (New-VNFailureScenario -Name bounce -LinkDown esx01/vmnic0 -Until 1)
        (Get-Result $results esx02).Verdict | Should -Be 'NotIsolated'
        (Get-Result $results esx03).ResponseAt | Should -BeNullOrEmpty
    }

    It 'V2: with PortFast the port forwards at 1 s, the team uses it after 100 ms, and the host is not isolated' {
        $lab = New-HaLab -PortFast Enabled
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario bounce -LinkDown esx01/vmnic0 -Until 1)) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        $r.IsolationDeclaredAt | Should -BeNullOrEmpty
        $r.ResponseAt | Should -BeNullOrEmpty
        # Used again at 1.1 s (Net.TeamPolicyUpDelay 100 ms): the first heartbeat through it is the 2 s one.
        Get-EventTime $r HeartbeatsResumed | Should -Be (S 2)
    }

    It 'V3: F = 60 s outlasts forwarding at 31 s' {
        $lab = New-HaLab
        $cluster = New-VNCluster -Name c -Host $lab.Hosts -FailureDetectionTime 60
        $r = Get-Result (Test-VNHaIsolation $cluster (New-VNFailureScenario bounce -LinkDown esx01/vmnic0 -Until 1)) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        Get-EventTime $r HeartbeatsResumed | Should -Be (S 31)
        $r.ResponseAt | Should -BeNullOrEmpty
    }

    It 'V5: F = 20 s is not enough without PortFast: response at 19 s' {
        $lab = New-HaLab
        $cluster = New-VNCluster -Name c -Host $lab.Hosts -AdvancedSetting @{ 'das.failuredetectiontime' = 20000 }
        $r = Get-Result (Test-VNHaIsolation $cluster (New-VNFailureScenario bounce -LinkDown esx01/vmnic0 -Until 1)) esx01
        $r.Verdict | Should -Be 'Isolated'
        $r.IsolationDeclaredAt | Should -Be (S 19)
        $r.ResponseAt | Should -Be (S 19)
    }

    It 'V6: failback at 100.1 s (default 100 ms up delay) onto a port forwarding at 130 s isolates the host at 115 s' {
        $lab = New-HaLab -Standby
        $scenario = New-VNFailureScenario -Name 'vmnic0 down 100 s' -LinkDown esx01/vmnic0 -At 0 -Until 100
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) $scenario) esx01
        $r.Verdict | Should -Be 'Isolated'
        Get-EventTime $r Failover | Should -Be (S 0)
        Get-EventTime $r Failback | Should -Be (S 100.1)
        # The 100 s heartbeat still left on vmnic1: last heard at 100 s, response at 100 + 15 = 115 s.
        $r.IsolationDeclaredAt | Should -Be (S 115)
        $r.ResponseAt | Should -Be (S 115)
        Get-EventTime $r HeartbeatsResumed | Should -Be (S 130)
        $r.Explanation | Should -Match 'failback moved vswif0 \(Service Console\) back to vmnic0 at 100.1 s'
    }

    It 'V6 with Net.TeamPolicyUpDelay 30000: failback waits until the port forwards, no isolation' {
        $lab = New-HaLab -Standby
        $lab.Hosts | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = 30000 }
        $scenario = New-VNFailureScenario -Name 'vmnic0 down 100 s' -LinkDown esx01/vmnic0 -At 0 -Until 100
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) $scenario) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        Get-EventTime $r Failback | Should -Be (S 130)
    }

    It 'V6 with Net.TeamPolicyUpDelay 20000: failback at 120 s cuts the Service Console off for 10 s, not enough to isolate' {
        $lab = New-HaLab -Standby
        $lab.Hosts | Set-VNHost -AdvancedSetting @{ 'Net.TeamPolicyUpDelay' = 20000 }
        $scenario = New-VNFailureScenario -Name 'vmnic0 down 100 s' -LinkDown esx01/vmnic0 -At 0 -Until 100
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) $scenario) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        Get-EventTime $r Failback | Should -Be (S 120)
        Get-EventTime $r HeartbeatsResumed | Should -Be (S 130)
    }

    It 'V6: without failback the host is not isolated' {
        $lab = New-HaLab -Standby
        $lab.Hosts | Get-VNVirtualSwitch | Set-VNTeamingPolicy -FailbackEnabled $false
        $scenario = New-VNFailureScenario -Name 'vmnic0 down 100 s' -LinkDown esx01/vmnic0 -Until 100
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) $scenario) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        $r.ResponseAt | Should -BeNullOrEmpty
    }

    It 'V6: with PortFast the failback is harmless' {
        $lab = New-HaLab -Standby -PortFast Enabled
        $scenario = New-VNFailureScenario -Name 'vmnic0 down 100 s' -LinkDown esx01/vmnic0 -Until 100
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) $scenario) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        Get-EventTime $r Failback | Should -Be (S 100.1)
    }

    It 'V7: a second Service Console on another vSwitch, NIC, switch and subnet keeps the heartbeats' {
        $lab = New-HaLab -SecondServiceConsole OtherSubnet
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario bounce -LinkDown esx01/vmnic0 -Until 1)) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        $r.Timeline.Event | Should -Not -Contain 'HeartbeatsLost'
    }

    It 'V8: an FDM 5.0 slave cut off for good is isolated at 30 s and responds at 30 s' {
        $lab = New-HaLab -Version 5.0
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario cut -LinkDown esx02/vmnic0)) esx02
        $r.Verdict | Should -Be 'Isolated'
        Get-EventTime $r ElectionStarted | Should -Be (S 10)
        Get-EventTime $r MasterElected | Should -Be (S 25)
        $r.IsolationDeclaredAt | Should -Be (S 30)
        $r.ResponseAt | Should -Be (S 30)
        $r.Response | Should -Be 'LeaveOn'
    }

    It 'V8: an FDM 5.1 slave cut off for good is isolated at 30 s and responds at 60 s' {
        $lab = New-HaLab -Version 5.1
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario cut -LinkDown esx02/vmnic0)) esx02
        $r.Verdict | Should -Be 'Isolated'
        $r.IsolationDeclaredAt | Should -Be (S 30)
        $r.ResponseAt | Should -Be (S 60)
    }

    It 'V9: an FDM 5.1 slave whose port forwards at 31 s is isolated at 30 s, cancelled at 31 s, with no response' {
        $lab = New-HaLab -Version 5.1
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario bounce -LinkDown esx02/vmnic0 -Until 1)) esx02
        $r.Verdict | Should -Be 'Isolated'
        $r.IsolationDeclaredAt | Should -Be (S 30)
        Get-EventTime $r IsolationCancelled | Should -Be (S 31)
        $r.ResponseAt | Should -BeNullOrEmpty
        $r.Response | Should -BeNullOrEmpty
    }

    It 'V10: an FDM 5.1 master back at <Back> s is isolated at 5 s with response at <Response>' -ForEach @(
        @{ Until = 1; Back = 31; Response = 'none' }
        @{ Until = 20; Back = 50; Response = '35 s' }
    ) {
        $lab = New-HaLab -Version 5.1
        $scenario = New-VNFailureScenario -Name bounce -LinkDown esx01/vmnic0 -Until $Until
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) $scenario) esx01
        $r.Verdict | Should -Be 'Isolated'
        $r.IsolationDeclaredAt | Should -Be (S 5)
        Get-EventTime $r HeartbeatsResumed | Should -Be (S $Back)
        if ($Response -eq 'none') { $r.ResponseAt | Should -BeNullOrEmpty } else { $r.ResponseAt | Should -Be (S 35) }
    }
}

Describe 'Test-VNHaIsolation: a second Service Console (VMware HA Configuration Notes, 2008)' {
    It 'on the same subnet it does not help: the host is isolated at 14 s when vswif0 loses its uplink' {
        $lab = New-HaLab -SecondServiceConsole SameSubnet
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario cut -LinkDown esx01/vmnic0)) esx01
        $r.Verdict | Should -Be 'Isolated'
        $r.ResponseAt | Should -Be (S 14)
        $r.Explanation | Should -Match 'vswif1 shares a subnet with vswif0, so the Service Console routes that subnet out of vswif0 and reverse-path filtering drops what arrives on vswif1'
    }

    It 'on another subnet it keeps the heartbeats when vswif0 loses its uplink' {
        $lab = New-HaLab -SecondServiceConsole OtherSubnet
        $r = Get-Result (Test-VNHaIsolation (New-VNCluster c $lab.Hosts) (New-VNFailureScenario cut -LinkDown esx01/vmnic0)) esx01
        $r.Verdict | Should -Be 'NotIsolated'
        $r.ResponseAt | Should -BeNullOrEmpty
    }
}

Describe 'Test-VNHaIsolation' {
    It 'runs the standard catalogue without -Scenario: each uplink down, each uplink flapping 2 s, each switch and each gateway down' {
        $lab = New-HaLab -Standby -PortFast Enabled
        $lab.A | Set-VNSwitchPort -Name Gi1/0/3 -PortFast Disabled
        $results = New-VNCluster -Name c -Host $lab.Hosts | Test-VNHaIsolation
        $results.Count | Should -Be (15 * 3)
        @($results.Scenario.Name | Select-Object -Unique).Count | Should -Be 15
        $isolated = @($results | Where-Object Verdict -eq Isolated)
        $isolated.Count | Should -Be 1
        $isolated[0].Host.Name | Should -Be 'esx03'
        $isolated[0].Scenario.Name | Should -Be 'esx03/vSwitch0/vmnic0 flaps 2 s'
        $isolated[0].ResponseAt | Should -Be (S 17)  # failback at 2.1 s (100 ms up delay): last heartbeat heard at 2 s, 2 + 15 = 17 s
    }

    It 'explains every result' {
        $lab = New-HaLab -Standby
        $results = New-VNCluster -Name c -Host $lab.Hosts | Test-VNHaIsolation
        $results | ForEach-Object { $_.Explanation | Should -Not -BeNullOrEmpty }
    }

    It 'reports a scenario naming something the cluster lacks and still runs the others' {
        $lab = New-HaLab
        $cluster = New-VNCluster -Name c -Host $lab.Hosts
        $bad = New-VNFailureScenario -Name bad -LinkDown esx09/vmnic0
        $good = New-VNFailureScenario -Name good -LinkDown esx01/vmnic0 -Until 1
        $results = Test-VNHaIsolation -Cluster $cluster -Scenario $bad, $good -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'FailureTargetNotFound,VirtNet.Commands.TestVNHaIsolationCommand'
        $err[0].Exception.Message | Should -Match 'esx09'
        $results.Count | Should -Be 3
        $results[0].Scenario.Name | Should -Be 'good'
    }

    It 'reports a cluster whose host lost its management network and goes on with the next cluster' {
        $broken = New-HaLab
        $brokenCluster = New-VNCluster -Name broken -Host $broken.Hosts
        $broken.Hosts[0] | Get-VNVMKernelAdapter | Remove-VNVMKernelAdapter -Confirm:$false
        $good = New-HaLab
        $scenario = New-VNFailureScenario -Name s -LinkDown esx01/vmnic0 -Until 1
        $results = $brokenCluster, (New-VNCluster -Name good -Host $good.Hosts) |
            Test-VNHaIsolation -Scenario $scenario -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'NoManagementNetwork,VirtNet.Commands.TestVNHaIsolationCommand'
        @($results).Count | Should -Be 3
        $results[0].Cluster.Name | Should -Be 'good'
    }

    It 'shows results as a table with times in seconds' {
        $lab = New-HaLab
        $text = New-VNCluster -Name c -Host $lab.Hosts |
            Test-VNHaIsolation -Scenario (New-VNFailureScenario bounce -LinkDown esx01/vmnic0 -Until 1) | Out-String -Width 300
        $text | Should -Match 'esx01\s+bounce\s+Isolated\s+14 s\s+14 s\s+PowerOff'
    }
}

Describe 'New-VNCluster' {
    It 'takes the defaults of the HA generation from the newest host: <Version> gives <Profile>' -ForEach @(
        @{ Version = '3.5'; Profile = 'AamUpTo35U2'; Response = 'PowerOff' }
        @{ Version = '3.5 U3'; Profile = 'Aam35U3'; Response = 'LeaveOn' }
        @{ Version = '4.1'; Profile = 'Aam4'; Response = 'ShutDown' }
        @{ Version = '5.0'; Profile = 'Fdm50'; Response = 'LeaveOn' }
        @{ Version = '6.7'; Profile = 'Fdm51'; Response = 'LeaveOn' }
    ) {
        $cluster = (New-HaLab -Version $Version -Count 2).Hosts | New-VNCluster -Name c
        $cluster.HaProfile | Should -Be $Profile
        $cluster.IsolationResponse | Should -Be $Response
        $cluster.Hosts.Name | Should -Be @('esx01', 'esx02')
    }

    It 'takes -FailureDetectionTime in seconds or as a TimeSpan' {
        $hosts = (New-HaLab -Count 2).Hosts
        (New-VNCluster c $hosts -FailureDetectionTime 20).FailureDetectionTime | Should -Be (S 20)
        (New-VNCluster c $hosts -FailureDetectionTime (New-TimeSpan -Seconds 30)).FailureDetectionTime | Should -Be (S 30)
    }

    It 'takes isolation addresses from the parameter and the advanced settings' {
        $cluster = New-VNCluster c (New-HaLab -Count 2).Hosts -IsolationAddress 192.168.1.254 -UseDefaultIsolationAddress $false `
            -AdvancedSetting @{ 'das.isolationaddress0' = '192.168.1.253' }
        ($cluster.IsolationAddress | ForEach-Object { "$_" }) | Should -Be @('192.168.1.253', '192.168.1.254')
        $cluster.UseDefaultIsolationAddress | Should -BeFalse
    }

    It 'clamps an isolation policy delay below 30 s and warns' {
        $cluster = New-VNCluster c (New-HaLab -Version 6.7 -Count 2).Hosts -AdvancedSetting @{ 'das.config.fdm.isolationPolicyDelaySec' = 10 } -WarningVariable w -WarningAction SilentlyContinue
        $cluster.IsolationPolicyDelay | Should -Be (S 30)
        "$w" | Should -Match 'below the minimum; FDM uses 30 s'
    }

    It 'warns about a das.* name it does not simulate' {
        $null = New-VNCluster c (New-HaLab -Count 2).Hosts -AdvancedSetting @{ 'das.bypassNetCompatCheck' = $true } -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match 'das.bypassNetCompatCheck is not an HA advanced option VirtNet simulates'
    }

    It 'refuses <Name> = <Value> with <ErrorId>' -ForEach @(
        @{ Name = 'das.failuredetectiontime'; Value = 'fast'; ErrorId = 'InvalidAdvancedSetting' }
        @{ Name = 'das.heartbeatDsPerHost'; Value = -1; ErrorId = 'InvalidAdvancedSetting' }
        @{ Name = 'fdm.isolationPolicyDelaySec'; Value = 30; ErrorId = 'InvalidAdvancedSetting' }
    ) {
        $settings = @{ $Name = $Value }
        { New-VNCluster c (New-HaLab -Count 2).Hosts -AdvancedSetting $settings -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,VirtNet.Commands.NewVNClusterCommand"
    }

    It 'refuses a parameter that contradicts its advanced setting' {
        { New-VNCluster c (New-HaLab -Count 2).Hosts -FailureDetectionTime 15 -AdvancedSetting @{ 'das.failuredetectiontime' = 20000 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConflictingClusterSetting,VirtNet.Commands.NewVNClusterCommand'
    }

    It 'refuses a cluster of one host' {
        { New-VNCluster c (New-HaLab -Count 1).Hosts -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCluster,VirtNet.Commands.NewVNClusterCommand'
    }

    It 'refuses legacy HA on ESXi 5.0 and later' {
        { New-VNCluster c (New-HaLab -Version 5.0 -Count 2).Hosts -HaAgent Aam -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCluster,VirtNet.Commands.NewVNClusterCommand'
    }

    It 'refuses a malformed isolation address' {
        { New-VNCluster c (New-HaLab -Count 2).Hosts -IsolationAddress 192.168.1.300 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidIPAddress,VirtNet.Commands.NewVNClusterCommand'
    }
}

Describe 'New-VNFailureScenario' {
    It 'makes one event per target with -At and -Until in seconds or as TimeSpans' {
        $s = New-VNFailureScenario -Name s -LinkDown esx01/vmnic0, esx02/vmnic0 -At 5 -Until (New-TimeSpan -Seconds 7)
        $s.Events.Count | Should -Be 2
        $s.Events[1].Kind | Should -Be 'LinkDown'
        $s.Events[1].TargetName | Should -Be 'esx02/vmnic0'
        $s.Events[1].At | Should -Be (S 5)
        $s.Events[1].Until | Should -Be (S 7)
    }

    It 'keeps a failure without -Until for the rest of the scenario' {
        (New-VNFailureScenario -Name s -SwitchDown cat-a).Events[0].Until | Should -BeNullOrEmpty
    }

    It 'adds its events to those of a scenario piped in' {
        $s = New-VNFailureScenario -Name first -EndpointDown cat-a/gateway |
            New-VNFailureScenario -Name both -SwitchDown cat-b -StackMember 2 -At 120
        $s.Name | Should -Be 'both'
        $s.Events.Kind | Should -Be @('EndpointDown', 'SwitchDown')
        $s.Events[1].StackMember | Should -Be 2
        $s.Events[1].At | Should -Be (S 120)
    }

    It 'takes model objects as targets' {
        $lab = New-HaLab -Count 2
        $uplink = $lab.Hosts[0] | Get-VNVirtualSwitch | Get-VNUplink
        $s = New-VNFailureScenario -Name s -LinkDown $uplink -SwitchDown $lab.B
        $s.Events[0].Target | Should -Be $uplink
        $s.Events[1].TargetName | Should -Be 'cat-b'
    }

    It 'refuses <Case> with InvalidFailureScenario' -ForEach @(
        @{ Case = 'a restore time before the failure'; Arguments = @{ LinkDown = 'esx01/vmnic0'; At = 5; Until = 2 } }
        @{ Case = 'no event at all'; Arguments = @{} }
        @{ Case = '-StackMember without -SwitchDown'; Arguments = @{ LinkDown = 'esx01/vmnic0'; StackMember = 2 } }
    ) {
        { New-VNFailureScenario -Name s @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidFailureScenario,VirtNet.Commands.NewVNFailureScenarioCommand'
    }

    It 'refuses a host as the target of -SwitchDown' {
        $esx = New-VNHost -Name esx01 -Version 3.5
        { New-VNFailureScenario -Name s -SwitchDown $esx -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidFailureScenario,VirtNet.Commands.NewVNFailureScenarioCommand'
    }
}

Describe 'Export-VNConfig and Import-VNConfig with an HA cluster' {
    It 'saves a cluster with its hosts and switches and reads back one that simulates the same' {
        $lab = New-HaLab -Version 6.7
        $cluster = New-VNCluster -Name c -Host $lab.Hosts -AdvancedSetting @{ 'das.config.fdm.isolationPolicyDelaySec' = 10 } -WarningAction SilentlyContinue
        $path = Join-Path $TestDrive 'cluster.json'
        $cluster | Export-VNConfig -Path $path

        $imported = @(Import-VNConfig -Path $path -WarningVariable w -WarningAction SilentlyContinue)

        # Three hosts, cat-a (the only switch cabled), the cluster.
        $imported.Count | Should -Be 5
        $imported[4] | Should -BeOfType ([VirtNet.HA.VNCluster])
        $imported[4].Hosts.Name | Should -Be @('esx01', 'esx02', 'esx03')
        "$w" | Should -Match 'isolationPolicyDelaySec 10 is below the minimum'
        $scenario = New-VNFailureScenario -Name bounce -LinkDown esx02/vmnic0 -Until 1
        $r = Get-Result (Test-VNHaIsolation $imported[4] $scenario) esx02
        $r.IsolationDeclaredAt | Should -Be (S 30)
        Get-EventTime $r IsolationCancelled | Should -Be (S 31)
    }
}

Describe "Test-VNHaIsolation on the 'HaCluster' sample lab (VMware HA Configuration Notes, 2008)" {
    BeforeAll {
        $lab = New-VNSampleLab -Name HaCluster
        $cluster = New-VNCluster -Name HaCluster -Host ($lab | Where-Object { $_ -is [VirtNet.VNHost] })
        $results = $cluster | Test-VNHaIsolation
    }

    It 'forms legacy HA with Power off, as ESX 3.5 clusters were created' {
        $cluster.HaProfile | Should -Be 'AamUpTo35U2'
        $cluster.IsolationResponse | Should -Be 'PowerOff'
    }

    It 'isolates only esx03, whose ports lack PortFast, when its active Service Console uplink flaps for 2 s' {
        $isolated = @($results | Where-Object Verdict -ne NotIsolated)
        $isolated.Count | Should -Be 1
        $isolated[0].Host.Name | Should -Be 'esx03'
        $isolated[0].Scenario.Name | Should -Be 'esx03/vSwitch0/vmnic0 flaps 2 s'
        $isolated[0].Verdict | Should -Be 'Isolated'
        $isolated[0].ResponseAt | Should -Be (S 17)
        $isolated[0].Explanation | Should -Match 'Failback moved vswif0 \(Service Console\) back to vmnic0 at 2.1 s, but switch port Gi0/3 \(cat-a\) had no PortFast: forwarding at 32 s, after the 17 s isolation response'
    }

    It 'keeps esx01 and esx02, whose ports have portfast trunk, through the same flap of their own vmnic0' {
        foreach ($name in 'esx01', 'esx02') {
            $r = $results | Where-Object { $_.Host.Name -eq $name -and $_.Scenario.Name -eq "$name/vSwitch0/vmnic0 flaps 2 s" }
            $r.Verdict | Should -Be 'NotIsolated'
        }
    }

    It 'rides through a whole switch going down on the standby uplink' {
        ($results | Where-Object { $_.Scenario.Name -eq 'cat-a down' }).Verdict | Should -Be @('NotIsolated', 'NotIsolated', 'NotIsolated')
    }
}

Describe 'Test-VNConfiguration on an HA cluster' {
    It 'reports the HA rules for the cluster and the other rules for its hosts' {
        $lab = New-HaLab
        $lab.Hosts[1].DnsResolution = 'Fqdn'
        $findings = New-VNCluster -Name c -Host $lab.Hosts | Test-VNConfiguration -RuleId VNH*
        ($findings | Where-Object RuleId -eq VNH001).Target | Should -Be @('esx01', 'esx02', 'esx03')
        ($findings | Where-Object RuleId -eq VNH002).Target | Should -Be 'esx02'
        ($findings | Where-Object RuleId -eq VNH006).Target | Should -Be @('cat-a/Gi1/0/1', 'cat-a/Gi1/0/2', 'cat-a/Gi1/0/3')
    }

    It 'finds nothing to say about HA on a redundant cluster with PortFast' {
        $lab = New-HaLab -Standby -PortFast Enabled
        New-VNCluster -Name c -Host $lab.Hosts | Test-VNConfiguration -RuleId VNH* -Quiet | Should -BeTrue
    }

    It 'reports the clamped isolation policy delay and invalid heartbeat datastores of an FDM cluster' {
        $lab = New-HaLab -Version 6.7 -Standby -PortFast Enabled
        $cluster = New-VNCluster -Name c -Host $lab.Hosts -WarningAction SilentlyContinue -AdvancedSetting @{
            'das.config.fdm.isolationPolicyDelaySec' = 10
            'das.heartbeatDsPerHost' = 6
        }
        ($cluster | Test-VNConfiguration -RuleId VNH*).RuleId | Should -Be @('VNH007', 'VNH008')
    }
}
