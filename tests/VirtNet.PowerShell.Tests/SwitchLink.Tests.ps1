BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # dist-1 (priority 4096) and dist-2 (8192) joined by Te1/1/1 (10 Gb/s, cost 2); acc-1 uplinked by 1 Gb/s trunks
    # (cost 4) to dist-1 (acc-1 Gi1/0/49) and dist-2 (acc-1 Gi1/0/50); the gateway 192.168.1.1 on dist-1.
    # FDM hosts (6.7): esx01, the master, on -MasterOn; esx02 and esx03 on -SlavesOn.
    function New-Triangle([string] $MasterOn = 'dist-2', [string] $SlavesOn = 'acc-1', [string] $Mode = 'Pvst') {
        # A fresh session inventory, so that names resolve to this lab's objects.
        Get-VNCluster | Remove-VNCluster -Confirm:$false
        Get-VNHost | Remove-VNHost -Confirm:$false
        Get-VNPhysicalSwitch | Remove-VNPhysicalSwitch -Confirm:$false
        $d1 = New-VNPhysicalSwitch -Name dist-1 -BridgePriority 4096 -SpanningTree $Mode
        $d2 = New-VNPhysicalSwitch -Name dist-2 -BridgePriority 8192 -SpanningTree $Mode
        $acc = New-VNPhysicalSwitch -Name acc-1 -SpanningTree $Mode
        $links = @(
            New-VNSwitchLink -PhysicalSwitch $d1 -Port Te1/1/1 -PeerSwitch $d2 -PeerPort Te1/1/1
            New-VNSwitchLink -PhysicalSwitch $acc -Port Gi1/0/49 -PeerSwitch $d1 -PeerPort Gi1/0/49
            New-VNSwitchLink -PhysicalSwitch $acc -Port Gi1/0/50 -PeerSwitch $d2 -PeerPort Gi1/0/49)
        $links | ForEach-Object { $_.Ports + $_.PeerPorts } | Set-VNSwitchPort -Mode Trunk
        $d1 | Add-VNEndpoint -Name gateway -IPAddress 192.168.1.1 -Role Gateway | Out-Null
        $switches = @{ 'dist-1' = $d1; 'dist-2' = $d2; 'acc-1' = $acc }
        $hosts = foreach ($n in 1..3) {
            $esx = New-VNHost -Name "esx0$n" -Version 6.7
            $vs = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $vs | Add-VNUplink -Name vmnic0 -PhysicalSwitch $switches[$(if ($n -eq 1) { $MasterOn } else { $SlavesOn })] -SwitchPort "Gi1/0/$n" | Out-Null
            $vs | Add-VNPortGroup -Name 'Management Network' |
                Add-VNVMKernelAdapter -Name vmk0 -IPAddress "192.168.1.1$n/24" -Gateway 192.168.1.1 -Purpose Management | Out-Null
            $esx
        }
        [pscustomobject]@{ Dist1 = $d1; Dist2 = $d2; Acc = $acc; Links = $links; Cluster = New-VNCluster -Name c -Host $hosts }
    }
}

Describe 'New-VNSwitchLink, Get-VNSwitchLink and Remove-VNSwitchLink' {
    It 'links ports by name, lists each link once and removes it' {
        $lab = New-Triangle
        $lab.Links[0] | Should -BeOfType ([VirtNet.VNSwitchLink])
        $lab.Links[0].Name | Should -Be 'dist-1/Te1/1/1-dist-2/Te1/1/1'
        (Get-VNSwitchLink).Name | Should -Be @('dist-1/Te1/1/1-dist-2/Te1/1/1', 'acc-1/Gi1/0/49-dist-1/Gi1/0/49', 'acc-1/Gi1/0/50-dist-2/Gi1/0/49')
        (Get-VNSwitchLink -PhysicalSwitch acc-1).Count | Should -Be 2
        Get-VNSwitchLink acc-1 | Where-Object { $_.PeerSwitch.Name -eq 'dist-2' } | Remove-VNSwitchLink -Confirm:$false
        (Get-VNSwitchLink).Count | Should -Be 2
        $lab.Acc.SwitchLinks.Port | Should -Be 'Gi1/0/49'
    }

    It 'refuses a port already cabled or linked with an ErrorRecord, and goes on with the next input' {
        $lab = New-Triangle
        $err = $null
        New-VNSwitchLink -PhysicalSwitch acc-1 -Port Gi1/0/2 -PeerSwitch dist-1 -PeerPort Gi1/0/20 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'SwitchPortInUse,VirtNet.Commands.NewVNSwitchLinkCommand'
        $err[0].Exception.Message | Should -Match 'cabled to host uplink esx02/vSwitch0/vmnic0'
        $err = $null
        New-VNSwitchLink -PhysicalSwitch acc-1 -Port Gi1/0/2 -PeerSwitch acc-1 -PeerPort Gi1/0/3 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidSwitchLink,VirtNet.Commands.NewVNSwitchLinkCommand'
        $lab.Dist1, $lab.Dist2 | New-VNSwitchLink -Port Gi1/0/48 -PeerSwitch acc-1 -PeerPort Gi1/0/48 -ErrorVariable err -ErrorAction SilentlyContinue |
            Select-Object -ExpandProperty Name | Should -Be 'dist-1/Gi1/0/48-acc-1/Gi1/0/48'
        $err[-1].FullyQualifiedErrorId | Should -Be 'SwitchPortInUse,VirtNet.Commands.NewVNSwitchLinkCommand'
    }

    It 'removes a link given by its name, which completes' {
        $lab = New-Triangle
        $line = 'Remove-VNSwitchLink acc-1/Gi1/0/5'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('acc-1/Gi1/0/50-dist-2/Gi1/0/49')
        Remove-VNSwitchLink acc-1/Gi1/0/50-dist-2/Gi1/0/49 -Confirm:$false
        (Get-VNSwitchLink).Count | Should -Be 2
        { Remove-VNSwitchLink nowhere -ErrorAction Stop } | Should -Throw -ExpectedMessage "*No switch link named 'nowhere'*"
    }

    It 'changes nothing with -WhatIf and says what it did with -Verbose' {
        $lab = New-Triangle
        New-VNSwitchLink -PhysicalSwitch dist-1 -Port Te1/1/2 -PeerSwitch dist-2 -PeerPort Te1/1/2 -WhatIf
        (Get-VNSwitchLink).Count | Should -Be 3
        $verbose = New-VNSwitchLink -PhysicalSwitch dist-1 -Port Te1/1/2 -PeerSwitch dist-2 -PeerPort Te1/1/2 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain 'Linked dist-1/Te1/1/2-dist-2/Te1/1/2: 1 cable(s), 10000 Mb/s, spanning-tree cost 2 on dist-1 and 2 on dist-2.'
    }

    It 'completes the ports and channels of the switch at each end' {
        $lab = New-Triangle
        New-VNPortChannel -PhysicalSwitch dist-2 -Name Po7 -Member Gi1/0/47 | Out-Null
        $line = 'New-VNSwitchLink -PhysicalSwitch acc-1 -Port Gi1/0/4 -PeerSwitch dist-2 -PeerPort P'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Po7')
        $line = 'New-VNSwitchLink -PhysicalSwitch acc-1 -Port Gi1/0/4'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Gi1/0/49')
    }
}

Describe 'Get-VNSpanningTree' {
    It 'shows the root, root ports and the blocked port of each VLAN' {
        $lab = New-Triangle
        $rows = Get-VNSpanningTree -VLanId 1
        # dist-1 (4096) is root; acc-1: directly 4, through dist-2 2 + 4 = 6, so Gi1/0/49 is root port and Gi1/0/50 blocks.
        ($rows | Where-Object { $_.Path -eq 'acc-1/Gi1/0/49' }).Role | Should -Be 'Root'
        ($rows | Where-Object { $_.Path -eq 'acc-1/Gi1/0/50' }).State | Should -Be 'Blocking'
        ($rows | Where-Object { $_.Path -eq 'dist-2/Te1/1/1' }).RootPathCost | Should -Be 2
        ($rows | Where-Object State -eq Blocking).Count | Should -Be 1
        ($rows.RootBridge.Name | Sort-Object -Unique) | Should -Be 'dist-1'
    }

    It 'follows -SpanningTreeCost and -BridgePriority, and refuses values IOS refuses' {
        $lab = New-Triangle
        # Cost 10 on acc-1 Gi1/0/49: through dist-2 (2 + 4 = 6) is cheaper, so Gi1/0/50 becomes the root port.
        Set-VNSwitchPort -PhysicalSwitch acc-1 -Name Gi1/0/49 -SpanningTreeCost 10
        (Get-VNSpanningTree acc-1 1 | Where-Object Role -eq Root).Port | Should -Be 'Gi1/0/50'
        { Set-VNSwitchPort -PhysicalSwitch acc-1 -Name Gi1/0/49 -SpanningTreeCost 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidPathCost,VirtNet.Commands.SetVNSwitchPortCommand'
        $err = $null
        New-VNPhysicalSwitch -Name odd -BridgePriority 1000 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidBridgePriority,VirtNet.Commands.NewVNPhysicalSwitchCommand'
        $err[0].Exception.Message | Should -Match 'steps of 4096'
    }
}

Describe 'HA over switch links' {
    It 'isolates the FDM master behind an indirect failure: response at 35 s, path back at 50 s' {
        $lab = New-Triangle
        # dist-1 - dist-2 fails at 0 s; acc-1's blocked Gi1/0/50 waits for max age + listening + learning,
        # 20 + 15 + 15 = 50 s. The master on dist-2 is isolated at 5 s and responds at 5 + 30 = 35 s.
        $scenario = New-VNFailureScenario -Name core -LinkDown dist-1/Te1/1/1
        $master = $lab.Cluster | Test-VNHaIsolation -Scenario $scenario | Where-Object { $_.Host.Name -eq 'esx01' }
        $master.Verdict | Should -Be 'Isolated'
        $master.IsolationDeclaredAt | Should -Be ([timespan]::FromSeconds(5))
        $master.ResponseAt | Should -Be ([timespan]::FromSeconds(35))
        ($master.Timeline | Where-Object Event -eq SpanningTreeForwarding).Time | Should -Be ([timespan]::FromSeconds(50))
    }

    It 'sees Rapid PVST+ reconverge in about a second' {
        $lab = New-Triangle -Mode RapidPvst
        $scenario = New-VNFailureScenario -Name core -LinkDown dist-1/Te1/1/1
        $results = $lab.Cluster | Test-VNHaIsolation -Scenario $scenario
        $results.Verdict | Sort-Object -Unique | Should -Be 'NotIsolated'
    }

    It 'reports VNS004 and VNS005 for the cluster' {
        $lab = New-Triangle
        (Test-VNConfiguration $lab.Cluster -RuleId VNS005).Target | Should -Be 'acc-1/Gi1/0/50'
        Test-VNConfiguration $lab.Cluster -RuleId VNS004 | Should -BeNullOrEmpty
        Get-VNSwitchLink acc-1 | Where-Object { $_.PeerSwitch.Name -eq 'dist-2' } | Remove-VNSwitchLink -Confirm:$false
        (Test-VNConfiguration $lab.Cluster -RuleId VNS004).Target | Should -Be @('acc-1/Gi1/0/49-dist-1/Gi1/0/49', 'dist-1/Te1/1/1-dist-2/Te1/1/1')
    }
}

Describe 'Configuration file' {
    It 'keeps links, priorities and costs: export, import, export is byte-identical' {
        $lab = New-Triangle
        $lab.Dist2.SetBridgePriority(20, 0)
        Set-VNSwitchPort -PhysicalSwitch acc-1 -Name Gi1/0/50 -SpanningTreeCost 7
        $first = Join-Path $TestDrive 'first.json'
        $second = Join-Path $TestDrive 'second.json'
        Export-VNConfig -InputObject $lab.Cluster -Path $first
        $imported = Import-VNConfig -Path $first
        Export-VNConfig -InputObject $imported -Path $second
        (Get-FileHash $second).Hash | Should -Be (Get-FileHash $first).Hash
        $acc = $imported | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] -and $_.Name -eq 'acc-1' }
        $acc.SwitchLinks.Count | Should -Be 2
        ($imported | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] -and $_.Name -eq 'dist-2' }).BridgePriorityOf(20) | Should -Be 0
        $acc.FindPort('Gi1/0/50').SpanningTreeCost | Should -Be 7
    }
}

Describe 'Export-VNReport with switch links' {
    It 'lists each link with the end spanning tree blocks, and the root bridge' {
        $lab = New-Triangle
        $path = Join-Path $TestDrive 'links.html'
        $lab.Cluster | Export-VNReport -Path $path
        $xml = [xml]((Get-Content -Path $path -Raw) -replace '^<!DOCTYPE html>', '')
        $rows = $xml.SelectNodes('//table[@class="links"]/tbody/tr')
        $rows.Count | Should -Be 3
        # dist-1 is root (4096); acc-1 reaches it directly at cost 4 and through dist-2 at 2 + 4 = 6: Gi1/0/50 blocks.
        $blocked = @($rows | Where-Object { $_.class -eq 'blocked' })
        $blocked.Count | Should -Be 1
        ($blocked[0].SelectNodes('td') | ForEach-Object InnerText) | Should -Be @(
            'acc-1/Gi1/0/50-dist-2/Gi1/0/49', 'acc-1', 'Gi1/0/50', 'dist-2', 'Gi1/0/49', '1000', 'acc-1/Gi1/0/50 in VLAN 1')
        $xml.SelectSingleNode('//section[@id="topology"]/p[starts-with(., "Root bridge")]').InnerText | Should -Be 'Root bridge: dist-1 in VLAN 1.'
    }
}
