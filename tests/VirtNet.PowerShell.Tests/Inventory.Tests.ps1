BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # Every test starts from an empty session.
    . (Join-Path $PSScriptRoot 'Clear-VNTestSession.ps1')

    # esx01 (ESX 3.5): vSwitch1 with vmnic0/vmnic1 cabled to core1 Gi1/0/1 and Gi2/0/1, port group NFS with vmk1.
    function New-NfsHost([string] $Name = 'esx01') {
        $core = Get-VNPhysicalSwitch -Name core1 -ErrorAction SilentlyContinue
        if (-not $core) { $core = New-VNPhysicalSwitch -Name core1 -Stack 2 }
        $vs = New-VNHost -Name $Name -Version 3.5 | Add-VNVirtualSwitch -Name vSwitch1
        $vs | Add-VNUplink -Name vmnic0, vmnic1 -PhysicalSwitch $core -SwitchPort Gi1/0/1, Gi2/0/1 | Out-Null
        $vs | Add-VNPortGroup -Name NFS -VLanId 20 | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10/24 -Purpose Storage | Out-Null
        $vs.Host
    }

    # Three ESX 3.5 hosts with a Service Console each, cabled to cat-a, whose gateway answers ping.
    function New-HaHosts([int] $Count = 3) {
        $a = New-VNPhysicalSwitch -Name cat-a
        $a | Add-VNEndpoint -Name gateway -IPAddress 192.168.1.1 -Role Gateway | Out-Null
        foreach ($n in 1..$Count) {
            $esx = New-VNHost -Name "esx0$n" -Version 3.5
            $vs = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $a -SwitchPort "Gi1/0/$n" | Out-Null
            $vs | Add-VNPortGroup -Name 'Service Console' |
                Add-VNVMKernelAdapter -Name vswif0 -IPAddress "192.168.1.1$n/24" -Gateway 192.168.1.1 | Out-Null
            $esx
        }
    }

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}


Describe 'The session inventory' {
    BeforeEach { Clear-VNTestSession }

    It 'keeps what New-VNHost, New-VNPhysicalSwitch and New-VNCluster return, in creation order' {
        $hosts = New-HaHosts -Count 2
        New-VNCluster -Name ha -Host $hosts | Out-Null
        (Get-VNHost).Name | Should -Be @('esx01', 'esx02')
        (Get-VNPhysicalSwitch).Name | Should -Be @('cat-a')
        (Get-VNCluster).Name | Should -Be @('ha')
        # The objects themselves, not copies: a change through one is seen through the other.
        (Get-VNHost -Name esx01) | Should -Be $hosts[0]
    }

    It 'keeps the hosts and switches of New-VNSampleLab and Import-VNConfig' {
        $lab = New-VNSampleLab -Name HaCluster
        $hostCount = @($lab | Where-Object { $_ -is [VirtNet.VNHost] }).Count
        @(Get-VNHost).Count | Should -Be $hostCount
        $path = Join-Path $TestDrive 'lab.json'
        Export-VNConfig -Path $path
        Import-VNConfig -Path $path | Out-Null
        # 3 + 3: the lab and its import coexist, as two snapshots of one estate may.
        @(Get-VNHost).Count | Should -Be (2 * $hostCount)
    }

    It 'takes wildcards, and a plain name that matches nothing is HostNotFound listing the hosts' {
        New-VNHost -Name esx01 | Out-Null
        New-VNHost -Name esx02 | Out-Null
        New-VNHost -Name hv01 -Hypervisor HyperV | Out-Null
        (Get-VNHost -Name esx*).Name | Should -Be @('esx01', 'esx02')
        Get-VNHost -Name nothing* | Should -BeNullOrEmpty
        $err = { Get-VNHost -Name esx09 -ErrorAction Stop } | Should -Throw -ErrorId 'HostNotFound,VirtNet.Commands.GetVNHostCommand' -PassThru
        $err.Exception.Message | Should -BeLike "*'esx09'*existing: esx01, esx02, hv01*"
    }

    It 'is per runspace' {
        New-VNHost -Name esx01 | Out-Null
        $other = [powershell]::Create()
        try {
            $count = $other.AddScript("Import-Module '$env:VIRTNET_MODULE'; @(Get-VNHost).Count").Invoke()
            $count | Should -Be 0
        }
        finally { $other.Dispose() }
        @(Get-VNHost).Count | Should -Be 1
    }
}

Describe 'Names and paths wherever an object is expected' {
    BeforeEach { Clear-VNTestSession }

    It 'resolves a host name, a vSwitch path and a port group path' {
        New-NfsHost | Out-Null
        (Get-VNVirtualSwitch -Host esx01).Name | Should -Be 'vSwitch1'
        (Get-VNUplink -VirtualSwitch esx01/vSwitch1).Name | Should -Be @('vmnic0', 'vmnic1')
        $vmk = Add-VNVMKernelAdapter -PortGroup esx01/vSwitch1/NFS -Name vmk2 -IPAddress 10.0.0.11/24
        $vmk.PortGroup.Path | Should -Be 'esx01/vSwitch1/NFS'
        (Add-VNEndpoint -PhysicalSwitch core1 -Name filer -IPAddress 10.0.0.20).PhysicalSwitch.Name | Should -Be 'core1'
    }

    It 'takes -VMHost as PowerCLI does, and names from the pipeline' {
        New-NfsHost | Out-Null
        (Get-VNVMKernelAdapter -VMHost esx01).Name | Should -Be 'vmk1'
        ('esx01' | Get-VNVirtualSwitch).Path | Should -Be 'esx01/vSwitch1'
        # A path is no host name, so piped to a cmdlet that takes either it binds to -VirtualSwitch.
        ('esx01/vSwitch1' | Get-VNUplink).Path | Should -Be @('esx01/vSwitch1/vmnic0', 'esx01/vSwitch1/vmnic1')
        ('esx01' | Get-VNUplink).Count | Should -Be 2
    }

    It 'takes a name that only one object has without its path' {
        New-NfsHost | Out-Null
        (Get-VNUplink -VirtualSwitch vSwitch1).Count | Should -Be 2
    }

    It 'refuses a name that two objects share, listing them and asking for the object' {
        New-NfsHost | Out-Null
        New-VNHost -Name esx01 -Version 6.7 | Out-Null
        $err = { Get-VNVirtualSwitch -Host esx01 -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike "*2 hosts in the session answer to 'esx01': esx01, esx01 (objects with the same name*). Pass the object itself*"
        $err.Exception.GetBaseException().ErrorId | Should -Be 'AmbiguousName'
        # The object itself still works.
        ((Get-VNHost esx01)[0] | Get-VNVirtualSwitch).Name | Should -Be 'vSwitch1'
    }

    It 'refuses an unknown path, listing what exists' {
        New-NfsHost | Out-Null
        $err = { Get-VNUplink -VirtualSwitch esx01/vSwitch9 -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.GetBaseException().ErrorId | Should -Be 'VirtualSwitchNotFound'
        $err.Exception.Message | Should -BeLike '*existing: esx01/vSwitch1*'
    }

    It 'takes the path of a flow source, and a host name as the destination of a move' {
        $esx = New-NfsHost
        (New-VNFlow -Source esx01/vmk1 -Destination 10.0.0.20, 10.0.0.21).Count | Should -Be 2
        $hv01 = New-VNHost -Name hv01 -Hypervisor HyperV -IPAddress 192.168.1.133
        $hv02 = New-VNHost -Name hv02 -Hypervisor HyperV -IPAddress 10.0.1.133
        $hv01 | Add-VNVirtualSwitch -Name External | Add-VNPortGroup -Name VMs | Out-Null
        $hv02 | Add-VNVirtualSwitch -Name External | Add-VNPortGroup -Name VMs | Out-Null
        $hv01 | Add-VNVirtualMachine -Name web01 -PortGroup VMs | Out-Null
        (Move-VNVirtualMachine -VirtualMachine hv01/web01 -Destination hv02).Host | Should -Be $hv02
    }

    It 'takes vSwitch and port group paths in the teaming cmdlets' {
        New-NfsHost | Out-Null
        Set-VNTeamingPolicy -InputObject esx01/vSwitch1/NFS -MakeNicActive vmnic1 -MakeNicStandby vmnic0
        $policy = Get-VNTeamingPolicy -InputObject esx01/vSwitch1/NFS
        $policy.ActiveNic | Should -Be @('vmnic1')
        (Get-VNTeamingPolicy -InputObject esx01/vSwitch1).ActiveNic | Should -Be @('vmnic0', 'vmnic1')
    }
}

Describe 'Remove-VNHost, Remove-VNPhysicalSwitch, Remove-VNCluster' {
    BeforeEach { Clear-VNTestSession }

    It 'removes a host by name; -WhatIf removes nothing' {
        New-VNHost -Name esx01 | Out-Null
        New-VNHost -Name esx02 | Out-Null
        Remove-VNHost -InputObject esx01 -WhatIf
        @(Get-VNHost).Count | Should -Be 2
        Remove-VNHost -InputObject esx01
        (Get-VNHost).Name | Should -Be 'esx02'
    }

    It 'refuses a host that a cluster of the session holds, naming the cluster, and goes on with the rest' {
        $hosts = New-HaHosts -Count 3
        New-VNCluster -Name ha -Host $hosts[0], $hosts[1] | Out-Null
        $hosts | Remove-VNHost -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -Be 'HostInUse,VirtNet.Commands.RemoveVNHostCommand'
        $err[0].Exception.Message | Should -BeLike "Host 'esx01' is a member of cluster(s) 'ha'.*Set-VNCluster -RemoveHost*"
        (Get-VNHost).Name | Should -Be @('esx01', 'esx02')
        Remove-VNCluster -InputObject ha
        $hosts | Remove-VNHost
        Get-VNHost | Should -BeNullOrEmpty
    }

    It 'refuses a physical switch that uplinks are cabled to, naming them' {
        New-NfsHost | Out-Null
        $err = { Remove-VNPhysicalSwitch -InputObject core1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PhysicalSwitchInUse,VirtNet.Commands.RemoveVNPhysicalSwitchCommand' -PassThru
        $err.Exception.Message | Should -BeLike "*'esx01/vSwitch1/vmnic0', 'esx01/vSwitch1/vmnic1' are cabled to it*"
        Remove-VNHost esx01
        Remove-VNPhysicalSwitch core1
        Get-VNPhysicalSwitch | Should -BeNullOrEmpty
    }

    It 'removes a cluster and keeps its hosts; the removed name no longer resolves' {
        New-VNCluster -Name ha -Host (New-HaHosts -Count 2) | Out-Null
        Remove-VNCluster ha
        @(Get-VNHost).Count | Should -Be 2
        { Test-VNHaIsolation -Cluster ha -ErrorAction Stop } | Should -Throw '*No cluster named*'
    }
}

Describe 'Set-VNCluster' {
    BeforeEach { Clear-VNTestSession }

    It 'changes a das.* option in place, keeping the others' {
        $cluster = New-VNCluster -Name ha -Host (New-HaHosts) -AdvancedSetting @{ 'das.isolationShutdownTimeout' = 120 }
        Set-VNCluster -Cluster ha -AdvancedSetting @{ 'das.failuredetectiontime' = 30000 }
        $cluster.FailureDetectionTime | Should -Be ([timespan]::FromSeconds(30))
        $cluster.IsolationShutdownTimeout | Should -Be ([timespan]::FromSeconds(120))
        $cluster.AdvancedSetting['das.failuredetectiontime'] | Should -Be '30000'
    }

    It '-FailureDetectionTime replaces das.failuredetectiontime rather than contradicting it' {
        $cluster = New-VNCluster -Name ha -Host (New-HaHosts) -AdvancedSetting @{ 'das.failuredetectiontime' = 20000 }
        $cluster | Set-VNCluster -FailureDetectionTime 60
        $cluster.FailureDetectionTime | Should -Be ([timespan]::FromSeconds(60))
        $cluster.AdvancedSetting.Keys | Should -Not -Contain 'das.failuredetectiontime'
    }

    It '-IsolationAddress replaces every isolation address, das.isolationaddress options included' {
        $cluster = New-VNCluster -Name ha -Host (New-HaHosts) -AdvancedSetting @{ 'das.isolationaddress0' = '192.168.1.2' }
        "$($cluster.IsolationAddress)" | Should -Be '192.168.1.2'
        $cluster | Set-VNCluster -IsolationAddress 192.168.1.3, 192.168.1.4
        ($cluster.IsolationAddress | ForEach-Object ToString) | Should -Be @('192.168.1.3', '192.168.1.4')
        $cluster.AdvancedSetting.Keys | Should -Not -Contain 'das.isolationaddress0'
        $cluster | Set-VNCluster -IsolationAddress @()
        $cluster.IsolationAddress | Should -BeNullOrEmpty
    }

    It 'removes a das.* option given as $null' {
        $cluster = New-VNCluster -Name ha -Host (New-HaHosts) -AdvancedSetting @{ 'das.isolationaddress0' = '192.168.1.2' }
        $cluster | Set-VNCluster -AdvancedSetting @{ 'das.isolationaddress0' = $null }
        $cluster.IsolationAddress | Should -BeNullOrEmpty
    }

    It 'sets the response, adds and removes hosts, and -PassThru emits the cluster' {
        $hosts = New-HaHosts -Count 3
        $cluster = New-VNCluster -Name ha -Host $hosts[0], $hosts[1]
        $result = Set-VNCluster ha -IsolationResponse LeaveOn -AddHost esx03 -RemoveHost esx01 -PassThru
        $result | Should -Be $cluster
        $cluster.IsolationResponse | Should -Be 'LeaveOn'
        $cluster.Hosts.Name | Should -Be @('esx02', 'esx03')
    }

    It 'leaves the cluster unchanged when the change is refused' {
        $cluster = New-VNCluster -Name ha -Host (New-HaHosts -Count 2)
        { $cluster | Set-VNCluster -IsolationResponse ShutDown -RemoveHost esx01, esx02 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCluster,VirtNet.Commands.SetVNClusterCommand'
        $cluster.Hosts.Count | Should -Be 2
        $cluster.IsolationResponse | Should -Be 'PowerOff'
    }

    It '-WhatIf changes nothing; -Verbose says what was set' {
        $cluster = New-VNCluster -Name ha -Host (New-HaHosts -Count 2)
        $cluster | Set-VNCluster -IsolationResponse LeaveOn -WhatIf
        $cluster.IsolationResponse | Should -Be 'PowerOff'
        $verbose = $cluster | Set-VNCluster -IsolationResponse LeaveOn -Verbose 4>&1
        "$($verbose[-1])" | Should -Be "Set IsolationResponse of cluster 'ha': 2 host(s), isolation response LeaveOn, isolation address(es) none, heartbeat datastores chosen by vCenter."
    }
}

Describe 'Verdicts to trust' {
    BeforeEach { Clear-VNTestSession }

    It 'accepts a one-host cluster, as vSphere does, with a finding that nobody can restart its VMs' {
        $esx = New-HaHosts -Count 1
        $cluster = New-VNCluster -Name solo -Host $esx
        $cluster.Hosts.Count | Should -Be 1
        $finding = $cluster | Test-VNConfiguration -RuleId VNH010
        $finding.Target | Should -Be 'solo'
        $finding.Message | Should -Be 'Cluster solo has one host (esx01): no other host can restart its VMs when it fails or is isolated.'
    }

    It 'takes an isolation address with nothing modelled at it as silent, in the check and in the simulation' {
        $hosts = New-HaHosts -Count 2
        # The gateway 192.168.1.1 is modelled and answers; 10.9.9.9 is nowhere in the model.
        $cluster = New-VNCluster -Name ha -Host $hosts -IsolationAddress 10.9.9.9 -UseDefaultIsolationAddress $false
        $findings = $cluster | Test-VNConfiguration -RuleId VNH003, VNH011
        ($findings | ForEach-Object { "$($_.RuleId) $($_.Target)" }) | Should -Be @('VNH003 esx01', 'VNH003 esx02', 'VNH011 ha')
        $findings[0].Message | Should -BeLike '*pings only 10.9.9.9 (nothing modelled there)*'
        # esx01 drops off the network: esx02 hears no heartbeat and pings 10.9.9.9, which the simulation takes as silent,
        # so esx02 declares itself isolated although its own network works.
        $scenario = New-VNFailureScenario -Name 'esx01 cut off' -LinkDown esx01/vmnic0 -At 0
        $result = Test-VNHaIsolation -Cluster ha -Scenario $scenario | Where-Object { $_.Host.Name -eq 'esx02' }
        $result.Verdict | Should -Be 'Isolated'
        $result.Explanation | Should -BeLike '*nothing is modelled at isolation address 10.9.9.9, so it is taken as not answering*'
        # With the gateway as isolation address instead, the same scenario leaves esx02 running.
        $cluster | Set-VNCluster -IsolationAddress @() -UseDefaultIsolationAddress $true
        (Test-VNHaIsolation -Cluster ha -Scenario $scenario | Where-Object { $_.Host.Name -eq 'esx02' }).Verdict | Should -Be 'NotIsolated'
    }

    It 'stops with RuleNotFound when a -RuleId or -ExcludeRuleId pattern matches no rule, with or without -Quiet' -ForEach @(
        @{ Arguments = @{ RuleId = 'VTN*' } }
        @{ Arguments = @{ RuleId = 'VTN*'; Quiet = $true } }
        @{ Arguments = @{ ExcludeRuleId = 'VTN*'; Quiet = $true } }
    ) {
        $esx = New-VNHost -Name esx01
        $err = { $esx | Test-VNConfiguration @Arguments } |
            Should -Throw -ErrorId 'RuleNotFound,VirtNet.Commands.TestVNConfigurationCommand' -PassThru
        $err.Exception.Message | Should -BeLike "The pattern 'VTN*' matches no rule*Valid rule ids: *VNT001*"
    }
}

Describe 'Export-VNConfig conventions' {
    BeforeEach { Clear-VNTestSession }

    It 'saves the whole session without -InputObject' {
        New-NfsHost -Name nfs01 | Out-Null
        New-VNCluster -Name ha -Host (New-HaHosts -Count 2) | Out-Null
        $path = Join-Path $TestDrive 'all.json'
        Export-VNConfig -Path $path
        Clear-VNTestSession
        $objects = Import-VNConfig -Path $path
        ($objects | ForEach-Object Name) | Should -Be @('nfs01', 'esx01', 'esx02', 'core1', 'cat-a', 'ha')
    }

    It 'replaces an existing file as Export-Csv does, and -NoClobber refuses' {
        $path = Join-Path $TestDrive 'lab.json'
        Set-Content -Path $path -Value 'old'
        New-VNHost -Name esx01 | Export-VNConfig -Path $path
        (Get-Content -Raw $path) | Should -BeLike '*"schemaVersion": 1*'
        { New-VNHost -Name esx02 | Export-VNConfig -Path $path -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigFileExists,VirtNet.Commands.ExportVNConfigCommand'
        (Import-VNConfig -Path $path).Name | Should -Be 'esx01'
    }

    It 'exports nothing from an empty pipeline rather than the whole session' {
        New-VNHost -Name esx01 | Out-Null
        $path = Join-Path $TestDrive 'none.json'
        { @() | Export-VNConfig -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'NothingToExport,VirtNet.Commands.ExportVNConfigCommand'
        $path | Should -Not -Exist
    }
}

Describe 'Tab completion of names' {
    BeforeEach { Clear-VNTestSession }

    It 'completes -MakeNicActive with the uplinks of the <Case>' -ForEach @(
        @{ Case = 'port group given'; Line = 'Set-VNTeamingPolicy -InputObject $pg -MakeNicActive ' }
        @{ Case = 'port group piped'; Line = '$pg | Set-VNTeamingPolicy -MakeNicActive ' }
        @{ Case = 'path given'; Line = 'Set-VNTeamingPolicy -InputObject esx01/vSwitch1/NFS -MakeNicStandby vm' }
    ) {
        New-NfsHost | Out-Null
        # Another host's uplinks must not be offered.
        New-VNHost -Name esx02 | Add-VNVirtualSwitch -Name vSwitch0 | Add-VNUplink -Name vmnic7 | Out-Null
        $global:pg = Get-VNPortGroup -Host esx01 -Name NFS
        try { Complete $Line | Should -Be @('vmnic0', 'vmnic1') }
        finally { Remove-Variable -Name pg -Scope Global }
    }

    It 'completes host names, vSwitch paths, switch ports, host versions and rule ids' {
        New-NfsHost | Out-Null
        New-VNHost -Name hv01 -Hypervisor HyperV | Out-Null
        Complete 'Get-VNVirtualSwitch -Host es' | Should -Be @('esx01')
        Complete 'Get-VNUplink -VirtualSwitch esx01/' | Should -Be @('esx01/vSwitch1')
        Complete 'Add-VNVMKernelAdapter -PortGroup esx01/vSwitch1/' | Should -Be @('esx01/vSwitch1/NFS')
        Complete 'Set-VNSwitchPort -PhysicalSwitch core1 -Name Gi2' | Should -Be @('Gi2/0/1')
        Complete 'New-VNHost -Name h -Hypervisor HyperV -Version 2019' | Should -Be @('2019')
        Complete 'New-VNHost -Name h -Version 6.' | Should -Be @('6.0', '6.5', '6.7')
        Complete 'Test-VNConfiguration -RuleId VNH01' | Should -Be @('VNH010', 'VNH011')
    }

    It 'quotes names with blanks' {
        $hosts = New-HaHosts -Count 1
        Complete "Remove-VNPortGroup -InputObject esx01/vSwitch0/Serv" | Should -Be @("'esx01/vSwitch0/Service Console'")
    }
}

Describe 'Views at 80 columns' {
    BeforeEach { Clear-VNTestSession }

    It 'Get-VNTeamingPolicy shows the active and standby NICs first' {
        New-NfsHost | Out-Null
        Set-VNTeamingPolicy -InputObject esx01/vSwitch1/NFS -MakeNicActive vmnic1 -MakeNicStandby vmnic0
        $text = Get-VNTeamingPolicy -InputObject esx01/vSwitch1/NFS | Out-String -Width 80
        $text | Should -Match 'Target\s+LoadBalancingPolicy\s+ActiveNic\s+StandbyNic'
        $text | Should -Match 'esx01/vSwitch1/NFS\s+LoadBalanceSrcId\s+vmnic1\s+vmnic0'
    }

    It 'the HA result shows Verdict, Response and ResponseAt before the scenario and the explanation' {
        $hosts = New-HaHosts -Count 2
        New-VNCluster -Name ha -Host $hosts | Out-Null
        $scenario = New-VNFailureScenario -Name 'cat-a down' -SwitchDown cat-a -At 0
        $lines = (Test-VNHaIsolation ha -Scenario $scenario | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ }
        $lines[0] | Should -Match '^Host\s+Verdict\s+Response\s+ResponseAt\s+Scenario'
        # Both hosts lose every peer and the gateway, so both declare isolation and power off at 14 s (F - 1 s, F = 15 s).
        $lines[2] | Should -Match '^esx01\s+Isolated\s+PowerOff\s+14 s\s+cat-a down'
    }

    It 'prints MAC addresses in one format in every view' {
        $hv = New-VNHost -Name hv01 -Hypervisor HyperV -IPAddress 192.168.1.133
        $vs = $hv | Add-VNVirtualSwitch -Name External
        $vs | Add-VNUplink -Name NIC1 -MacAddress 00-15-5D-0A-0B-0C | Out-Null
        ($hv | Get-VNMacAddressPool | Out-String) | Should -Match '00:15:5d:01:85:00\s+00:15:5d:01:85:ff'
        ($vs | Get-VNUplink | Out-String) | Should -Match '00:15:5d:0a:0b:0c'
    }
}

Describe '-Verbose says what each cmdlet did' {
    BeforeEach { Clear-VNTestSession }

    It '<Command> says "<Expected>"' -ForEach @(
        @{ Command = 'New-VNHost'; Expected = 'Created host esx09 (Esx 6.7).'; Script = { New-VNHost -Name esx09 -Version 6.7 } }
        @{ Command = 'New-VNPhysicalSwitch'; Expected = 'Created physical switch sw9, a stack of 2.'; Script = { New-VNPhysicalSwitch -Name sw9 -Stack 2 } }
        @{ Command = 'Get-VNHost'; Expected = '1 match(es) of esx*: esx01.'; Script = { Get-VNHost -Name esx* } }
        @{ Command = 'Get-VNVirtualSwitch'; Expected = '1 match(es): vSwitch1.'; Script = { Get-VNVirtualSwitch -Host esx01 } }
        @{ Command = 'Add-VNPortGroup'; Expected = 'Added port group esx01/vSwitch1/VM (VLAN 30).'; Script = { Add-VNPortGroup -VirtualSwitch esx01/vSwitch1 -Name VM -VLanId 30 } }
        @{ Command = 'Add-VNUplink'; Expected = 'Added uplink esx01/vSwitch1/vmnic2.'; Script = { Add-VNUplink -VirtualSwitch esx01/vSwitch1 -Name vmnic2 } }
        @{ Command = 'Remove-VNUplink'; Expected = 'Removed uplink esx01/vSwitch1/vmnic1.'; Script = { Remove-VNUplink -InputObject esx01/vSwitch1/vmnic1 } }
        @{ Command = 'Remove-VNPortGroup'; Expected = 'Removed port group esx01/vSwitch1/NFS.'; Script = { Remove-VNPortGroup -InputObject esx01/vSwitch1/NFS -Force } }
        @{ Command = 'Set-VNTeamingPolicy'; Expected = 'Set the teaming policy of esx01/vSwitch1/NFS.'; Script = { Set-VNTeamingPolicy esx01/vSwitch1/NFS -NotifySwitches $false } }
        @{ Command = 'Test-VNConfiguration'; Expected = 'Ran 1 rule(s): 0 finding(s) at or above Information.'; Script = { Get-VNHost | Test-VNConfiguration -RuleId VNT001 } }
        @{ Command = 'New-VNFlow'; Expected = 'Created 2 flow(s) from 1 source(s) to 2 destination(s).'; Script = { New-VNFlow -Source esx01/vmk1 -Destination 10.0.0.20, 10.0.0.21 } }
        @{ Command = 'Remove-VNHost'; Expected = "Removed host 'esx01' (1 virtual switch(es), 0 VM(s)) from the session."; Script = { Remove-VNHost esx01 } }
    ) {
        New-NfsHost | Out-Null
        $records = & { $VerbosePreference = 'Continue'; & $Script } 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $records.Message | Should -Contain $Expected
    }
}

Describe 'The module manifest' {
    BeforeAll { $manifest = Import-PowerShellDataFile -Path (Join-Path $env:VIRTNET_MODULE 'VirtNet.psd1') }

    It 'asks Windows PowerShell 5.1 for .NET Framework 4.7.2, which netstandard2.0 assemblies need' {
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'has a project address and release notes for the gallery' {
        $manifest.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'exports every cmdlet the assembly has, the inventory cmdlets among them' {
        $compiled = (Get-Command -Module VirtNet -CommandType Cmdlet).Name | Sort-Object
        $manifest.CmdletsToExport | Sort-Object | Should -Be $compiled
        $manifest.CmdletsToExport | Should -Contain 'Set-VNCluster'
    }
}
