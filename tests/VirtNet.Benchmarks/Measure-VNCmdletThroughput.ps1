<#
.SYNOPSIS
    Times the traffic cmdlets end to end against a plain PowerShell loop, per flow.
.DESCRIPTION
    Module: New-VNFlow makes 1,000,000 flows from one address range, and Invoke-VNTrafficSimulation runs them
    through an 8-uplink IP hash vSwitch in a static channel (placement, physical switch side, max-min fair
    share, result). Loop: a plain PowerShell foreach doing only the IP-hash placement of 100,000 flows
    ((source XOR destination) mod 8, counted per uplink). Each is timed three times after a warm-up run and
    the best time counts. The module must be at least 50 times faster per flow; the script exits 1 if not.
    build.ps1 -Task Bench runs it in a fresh pwsh against the staged module.
.PARAMETER ModulePath
    The folder of the staged module, such as out/VirtNet.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Resolve-Path $ModulePath).Path -Force

$core = New-VNPhysicalSwitch -Name core1 -Model 'Catalyst 3750-X' -Stack 2 -LoadBalance SrcDstIp
$vs = New-VNHost -Name esx01 -Version 6.7 | Add-VNVirtualSwitch -Name vSwitch1
$nics = 0..7 | ForEach-Object { "vmnic$_" }
$ports = 0..7 | ForEach-Object { "Gi$(1 + $_ % 2)/0/$($_ + 1)" }
$vs | Add-VNUplink -Name $nics -SpeedMbps 10000 -PhysicalSwitch $core -SwitchPort $ports | Out-Null
New-VNPortChannel -PhysicalSwitch $core -Name Po1 -Member $ports -Mode On | Out-Null
$vs | Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP
$vmk = $vs | Add-VNPortGroup -Name NFS | Add-VNVMKernelAdapter -Name vmk1 -IPAddress 10.0.0.10 -PrefixLength 8

function Measure-Best([scriptblock] $Work) {
    & $Work | Out-Null
    (1..3 | ForEach-Object { (Measure-Command { & $Work | Out-Null }).TotalMilliseconds } | Measure-Object -Minimum).Minimum
}

# 10.1.0.0-10.16.66.63 is exactly 1,000,000 addresses.
$moduleFlows = 1000000
$moduleMs = Measure-Best {
    $flows = New-VNFlow -Source $vmk -Destination 10.1.0.0-10.16.66.63 -DemandMbps 10
    $vs | Invoke-VNTrafficSimulation -Flow $flows
}

$loopFlows = 100000
$source = [uint32]0x0A00000A
$destinations = [uint32[]]::new($loopFlows)
for ($i = 0; $i -lt $loopFlows; $i++) { $destinations[$i] = [uint32](0x0A010000 + $i) }
$loopMs = Measure-Best {
    $perUplink = [int[]]::new(8)
    foreach ($destination in $destinations) { $perUplink[($source -bxor $destination) % 8]++ }
    $perUplink
}

$moduleNs = $moduleMs * 1e6 / $moduleFlows
$loopNs = $loopMs * 1e6 / $loopFlows
$ratio = $loopNs / $moduleNs
'Module, New-VNFlow + Invoke-VNTrafficSimulation, {0:N0} flows: {1:N1} ms, {2:N1} ns per flow' -f $moduleFlows, $moduleMs, $moduleNs
'PowerShell loop, IP-hash placement only, {0:N0} flows: {1:N1} ms, {2:N1} ns per flow' -f $loopFlows, $loopMs, $loopNs
'The module is {0:N1} times faster per flow (target: 50).' -f $ratio
if ($ratio -lt 50) { exit 1 }
