BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force

    # An ESX 3.5 standard vSwitch with the given uplinks (in that order) and one port group, NFS.
    function New-TestSwitch([string[]] $Uplink = @('vmnic0', 'vmnic1')) {
        $h = New-VNHost -Name esx01 -Version 3.5
        $vs = $h | Add-VNVirtualSwitch -Name vSwitch1
        $null = $vs | Add-VNUplink -Name $Uplink
        $null = $vs | Add-VNPortGroup -Name NFS
        $vs
    }
}

Describe 'Get-VNTeamingPolicy' {
    BeforeEach {
        $vs = New-TestSwitch
        $pg = $vs.PortGroups[0]
    }

    It 'shows the ESX defaults on a new vSwitch, every uplink active in the order added' {
        $policy = $vs | Get-VNTeamingPolicy
        $policy.VirtualSwitch | Should -Be $vs
        $policy.PortGroup | Should -BeNullOrEmpty
        $policy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        $policy.NetworkFailoverDetectionPolicy | Should -Be 'LinkStatus'
        $policy.CheckBeacon | Should -BeFalse
        $policy.NotifySwitches | Should -BeTrue
        $policy.FailbackEnabled | Should -BeTrue
        $policy.IpHashVariant | Should -Be 'FullAddress'
        $policy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $policy.StandbyNic | Should -HaveCount 0
        $policy.UnusedNic | Should -HaveCount 0
    }

    It 'shows a new port group inheriting every field from its vSwitch' {
        $policy = Get-VNTeamingPolicy -InputObject $pg
        $policy.PortGroup | Should -Be $pg
        $policy.Target | Should -Be 'esx01/vSwitch1/NFS'
        $policy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        $policy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $policy.IsLoadBalancingInherited | Should -BeTrue
        $policy.IsNetworkFailoverDetectionInherited | Should -BeTrue
        $policy.IsNotifySwitchesInherited | Should -BeTrue
        $policy.IsFailbackInherited | Should -BeTrue
        $policy.IsIpHashVariantInherited | Should -BeTrue
        $policy.IsFailoverOrderInherited | Should -BeTrue
    }

    It 'never marks a vSwitch''s own fields as inherited' {
        $policy = Get-VNTeamingPolicy $vs
        @($policy.IsLoadBalancingInherited, $policy.IsNetworkFailoverDetectionInherited, $policy.IsNotifySwitchesInherited,
            $policy.IsFailbackInherited, $policy.IsIpHashVariantInherited, $policy.IsFailoverOrderInherited) |
            Should -Be @($false, $false, $false, $false, $false, $false)
    }

    It 'emits one policy per input, in order' {
        (Get-VNTeamingPolicy $vs, $pg).Target | Should -Be @('esx01/vSwitch1', 'esx01/vSwitch1/NFS')
    }

    It 'reports an input that has no teaming policy with InvalidTeamingTarget and goes on' {
        $policies = 'no-such-switch', $vs.Host, $pg | Get-VNTeamingPolicy -ErrorVariable err -ErrorAction SilentlyContinue
        $policies.Target | Should -Be @('esx01/vSwitch1/NFS')
        $err.Count | Should -Be 2
        $err.FullyQualifiedErrorId | Should -Be @('PortGroupNotFound,VirtNet.Commands.GetVNTeamingPolicyCommand', 'InvalidTeamingTarget,VirtNet.Commands.GetVNTeamingPolicyCommand')
        $err[0].Exception.Message | Should -BeLike "No port group or virtual switch in the session answers to 'no-such-switch'*"
        $err[1].Exception.Message | Should -Match "'esx01' \(VirtNet\.VNHost\) has no teaming policy\. Pass a virtual switch"
    }
}

Describe 'Set-VNTeamingPolicy' {
    BeforeEach {
        $vs = New-TestSwitch
        $pg = $vs.PortGroups[0]
    }

    It 'sets the vSwitch''s fields and emits nothing without -PassThru' {
        $out = $vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceSrcMac -NetworkFailoverDetectionPolicy BeaconProbing `
            -NotifySwitches $false -FailbackEnabled $false -IpHashVariant LastOctet
        $out | Should -BeNullOrEmpty
        $policy = $vs.TeamingPolicy
        $policy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcMac'
        $policy.NetworkFailoverDetectionPolicy | Should -Be 'BeaconProbing'
        $policy.CheckBeacon | Should -BeTrue
        $policy.NotifySwitches | Should -BeFalse
        $policy.FailbackEnabled | Should -BeFalse
        $policy.IpHashVariant | Should -Be 'LastOctet'
    }

    It 'overrides one field on a port group and leaves the others inherited' {
        $policy = $pg | Set-VNTeamingPolicy -NotifySwitches $false -PassThru
        $policy.NotifySwitches | Should -BeFalse
        $policy.IsNotifySwitchesInherited | Should -BeFalse
        $policy.IsLoadBalancingInherited | Should -BeTrue
        $policy.IsNetworkFailoverDetectionInherited | Should -BeTrue
        $policy.IsFailbackInherited | Should -BeTrue
        $policy.IsIpHashVariantInherited | Should -BeTrue
        $policy.IsFailoverOrderInherited | Should -BeTrue
        $vs.TeamingPolicy.NotifySwitches | Should -BeTrue
    }

    It 'lets a port group follow later vSwitch changes to the fields it does not override' {
        $pg | Set-VNTeamingPolicy -NotifySwitches $false
        $vs | Set-VNTeamingPolicy -LoadBalancingPolicy ExplicitFailover -NotifySwitches $true
        $policy = $pg.TeamingPolicy
        $policy.LoadBalancingPolicy | Should -Be 'ExplicitFailover'
        $policy.IsLoadBalancingInherited | Should -BeTrue
        $policy.NotifySwitches | Should -BeFalse
    }

    It 'reverts every override of a port group with -Inherit' {
        $pg | Set-VNTeamingPolicy -LoadBalancingPolicy ExplicitFailover -NetworkFailoverDetectionPolicy BeaconProbing `
            -NotifySwitches $false -FailbackEnabled $false -IpHashVariant LastOctet -MakeNicStandby vmnic0
        $policy = $pg | Set-VNTeamingPolicy -Inherit -PassThru
        $policy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        $policy.NetworkFailoverDetectionPolicy | Should -Be 'LinkStatus'
        $policy.NotifySwitches | Should -BeTrue
        $policy.FailbackEnabled | Should -BeTrue
        $policy.IpHashVariant | Should -Be 'FullAddress'
        $policy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $policy.StandbyNic | Should -HaveCount 0
        @($policy.IsLoadBalancingInherited, $policy.IsNetworkFailoverDetectionInherited, $policy.IsNotifySwitchesInherited,
            $policy.IsFailbackInherited, $policy.IsIpHashVariantInherited, $policy.IsFailoverOrderInherited) |
            Should -Be @($true, $true, $true, $true, $true, $true)
    }

    It 'refuses -Inherit on a vSwitch with InheritOnVirtualSwitch' {
        { $vs | Set-VNTeamingPolicy -Inherit -ErrorAction Stop } |
            Should -Throw -ErrorId 'InheritOnVirtualSwitch,VirtNet.Commands.SetVNTeamingPolicyCommand'
    }

    It 'gives a port group that inherited its order a copy of the vSwitch''s order, then moves the uplink' {
        $policy = $pg | Set-VNTeamingPolicy -MakeNicStandby vmnic0 -PassThru
        $policy.ActiveNic | Should -Be @('vmnic1')
        $policy.StandbyNic | Should -Be @('vmnic0')
        $policy.UnusedNic | Should -HaveCount 0
        $policy.IsFailoverOrderInherited | Should -BeFalse
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $vs.TeamingPolicy.StandbyNic | Should -HaveCount 0
    }

    It 'sets the failover order vmnic1, vmnic0 with -MakeNicActive vmnic1, vmnic0' {
        ($vs | Set-VNTeamingPolicy -MakeNicActive vmnic1, vmnic0 -PassThru).ActiveNic | Should -Be @('vmnic1', 'vmnic0')
    }

    It 'sets a full order in one call: -MakeNicActive appends to the active list, -MakeNicStandby moves to standby' {
        $vs = New-TestSwitch -Uplink vmnic0, vmnic1, vmnic2
        $policy = $vs.PortGroups[0] | Set-VNTeamingPolicy -MakeNicActive vmnic2 -MakeNicStandby vmnic0 -PassThru
        $policy.ActiveNic | Should -Be @('vmnic1', 'vmnic2')
        $policy.StandbyNic | Should -Be @('vmnic0')
        $policy = $vs.PortGroups[0] | Set-VNTeamingPolicy -MakeNicUnused vmnic1 -PassThru
        $policy.ActiveNic | Should -Be @('vmnic2')
        $policy.StandbyNic | Should -Be @('vmnic0')
        $policy.UnusedNic | Should -Be @('vmnic1')
    }

    It 'takes uplink objects and names in any case, and stores the uplink''s own name' {
        $policy = $vs | Set-VNTeamingPolicy -MakeNicStandby $vs.Uplinks[0] -MakeNicUnused VMNIC1 -PassThru
        $policy.StandbyNic | Should -Be @('vmnic0')
        $policy.UnusedNic | Should -Be @('vmnic1')
        $policy.ActiveNic | Should -HaveCount 0
    }

    It 'refuses an uplink the switch does not have with UplinkNotFound, lists the uplinks, and changes nothing' {
        $err = $null
        $vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceSrcMac -MakeNicActive vmnic9 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'UplinkNotFound,VirtNet.Commands.SetVNTeamingPolicyCommand'
        $err[0].Exception.Message | Should -Match "No uplink named 'vmnic9' .*existing: vmnic0, vmnic1"
        $vs.TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
    }

    It 'refuses an uplink named twice with ConflictingFailoverOrder, and changes nothing' {
        { $pg | Set-VNTeamingPolicy -MakeNicActive vmnic0 -MakeNicStandby vmnic1, VMNIC0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConflictingFailoverOrder,VirtNet.Commands.SetVNTeamingPolicyCommand'
        $pg.TeamingPolicy.IsFailoverOrderInherited | Should -BeTrue
    }

    It 'refuses LoadBalanceLoadBased on a standard vSwitch with UnsupportedOnSwitch' {
        { $vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceLoadBased -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnsupportedOnSwitch,VirtNet.Commands.SetVNTeamingPolicyCommand'
        $vs.TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
    }

    It 'allows LoadBalanceLoadBased on a distributed switch from ESX <Version>: <Allowed>' -ForEach @(
        @{ Version = '4.0'; Allowed = $false }
        @{ Version = '4.1'; Allowed = $true }
    ) {
        $dvs = New-VNHost -Name esx02 -Version $Version | Add-VNVirtualSwitch -Name dvSwitch -Type Distributed
        $dvs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceLoadBased -ErrorVariable err -ErrorAction SilentlyContinue
        ($dvs.TeamingPolicy.LoadBalancingPolicy -eq 'LoadBalanceLoadBased') | Should -Be $Allowed
        ($err.Count -eq 0) | Should -Be $Allowed
    }

    It 'sets what Get-VNTeamingPolicy piped in: the port group''s policy for a port group, the vSwitch''s for a vSwitch' {
        Get-VNTeamingPolicy $pg | Set-VNTeamingPolicy -LoadBalancingPolicy ExplicitFailover
        $pg.TeamingPolicy.LoadBalancingPolicy | Should -Be 'ExplicitFailover'
        $pg.TeamingPolicy.IsLoadBalancingInherited | Should -BeFalse
        $vs.TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        Get-VNTeamingPolicy $vs | Set-VNTeamingPolicy -FailbackEnabled $false
        $vs.TeamingPolicy.FailbackEnabled | Should -BeFalse
    }

    It 'reports an input that has no teaming policy with InvalidTeamingTarget and sets the others' {
        $policies = Set-VNTeamingPolicy -InputObject 42, $pg -NotifySwitches $false -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $policies.Target | Should -Be @('esx01/vSwitch1/NFS')
        $pg.TeamingPolicy.NotifySwitches | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidTeamingTarget,VirtNet.Commands.SetVNTeamingPolicyCommand'
        $err[0].Exception.Message | Should -Match "'42' \(System\.Int32\) has no teaming policy"
    }

    It 'refuses a port group that was removed from its vSwitch with InvalidTeamingTarget' {
        $vs.RemovePortGroup($pg, $false)
        { $pg | Set-VNTeamingPolicy -NotifySwitches $false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTeamingTarget,VirtNet.Commands.SetVNTeamingPolicyCommand'
    }

    It 'changes nothing with -WhatIf' {
        $vs, $pg | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP -MakeNicStandby vmnic0 -WhatIf
        $vs.TeamingPolicy.LoadBalancingPolicy | Should -Be 'LoadBalanceSrcId'
        $vs.TeamingPolicy.ActiveNic | Should -Be @('vmnic0', 'vmnic1')
        $pg.TeamingPolicy.IsLoadBalancingInherited | Should -BeTrue
        $pg.TeamingPolicy.IsFailoverOrderInherited | Should -BeTrue
    }
}
