<#
.SYNOPSIS
    Builds a generated ESX estate with the cmdlets, for the report tests: racks of 16 hosts with four 10 Gb uplinks
    each, vSwitch0 (management and vMotion) to the two members of stack tor<rack>a, vSwitch1 (VM traffic, IP hash)
    to a static port channel across the two members of stack tor<rack>b; one HA cluster per rack. The third host
    of each rack has no PortFast on its management ports, as in the HaCluster sample lab.
    Dot-source it, then call New-VNTestEstate -HostCount 64.
#>
function New-VNTestEstate {
    param([int] $HostCount = 64)
    $hosts = [System.Collections.Generic.List[object]]::new()
    $switches = [System.Collections.Generic.List[object]]::new()
    $clusters = [System.Collections.Generic.List[object]]::new()
    for ($rack = 1; ($rack - 1) * 16 -lt $HostCount; $rack++) {
        $r = '{0:00}' -f $rack
        $a = New-VNPhysicalSwitch -Name "tor${r}a" -Model WS-C3850-48XS -Stack 2
        $b = New-VNPhysicalSwitch -Name "tor${r}b" -Model WS-C3850-48XS -Stack 2
        $null = Add-VNEndpoint -PhysicalSwitch $a -Name gateway -IPAddress "10.$rack.0.1" -Role Gateway -RespondsToPing $true
        $null = Add-VNEndpoint -PhysicalSwitch $b -Name nfs -IPAddress "10.$rack.20.10" -VLanId 20 -Role Storage -RespondsToPing $true
        $switches.Add($a); $switches.Add($b)
        $rackHosts = @()
        for ($k = 1; $k -le 16 -and $hosts.Count -lt $HostCount; $k++) {
            $esx = New-VNHost -Name ('esx{0:000}' -f ($hosts.Count + 1)) -Version 6.7 -IPAddress "10.$rack.0.$(9 + $k)"
            $vs0 = $esx | Add-VNVirtualSwitch -Name vSwitch0
            $null = $vs0 | Add-VNUplink -Name vmnic0, vmnic1 -SpeedMbps 10000 -PhysicalSwitch $a -SwitchPort "Te1/0/$k", "Te2/0/$k"
            $mgmt = $vs0 | Add-VNPortGroup -Name Management
            $null = $mgmt | Add-VNVMKernelAdapter -Name vmk0 -IPAddress "10.$rack.0.$(9 + $k)/24" -Gateway "10.$rack.0.1" -Purpose Management
            $mgmt | Set-VNTeamingPolicy -MakeNicActive vmnic0 -MakeNicStandby vmnic1
            $vs0 | Add-VNPortGroup -Name vMotion -VLanId 30 | Set-VNTeamingPolicy -MakeNicActive vmnic1 -MakeNicStandby vmnic0
            $vs1 = $esx | Add-VNVirtualSwitch -Name vSwitch1
            $null = $vs1 | Add-VNUplink -Name vmnic2, vmnic3 -SpeedMbps 10000 -PhysicalSwitch $b -SwitchPort "Te1/0/$k", "Te2/0/$k"
            $vs1 | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
            $null = New-VNPortChannel -PhysicalSwitch $b -Name "Po$k" -Member "Te1/0/$k", "Te2/0/$k" -Mode On
            $null = $vs1 | Add-VNPortGroup -Name 'VM Network' -VLanId 100
            $null = $vs1 | Add-VNPortGroup -Name NFS -VLanId 20
            $portFast = if ($k -eq 3) { 'Disabled' } else { 'Trunk' }
            foreach ($port in "Te1/0/$k", "Te2/0/$k") {
                Set-VNSwitchPort -PhysicalSwitch $a -Name $port -Mode Trunk -PortFast $portFast
                Set-VNSwitchPort -PhysicalSwitch $b -Name $port -Mode Trunk -PortFast Trunk
            }
            $hosts.Add($esx)
            $rackHosts += $esx
        }
        $clusters.Add((New-VNCluster -Name "rack$r" -Host $rackHosts))
    }
    [pscustomobject]@{ Hosts = $hosts.ToArray(); PhysicalSwitches = $switches.ToArray(); Clusters = $clusters.ToArray() }
}
