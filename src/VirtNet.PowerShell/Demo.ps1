<#
.SYNOPSIS
    Shows the NicTeaming sample lab as an admin would inspect it in a terminal, then the traffic question it asks,
    then tests HA isolation on the HaCluster sample lab.
.DESCRIPTION
    Builds the lab of "Understanding NIC Utilization in VMware ESX" and prints, section by section, its host,
    vSwitch, uplinks and the switch ports they are cabled to, port groups, VMkernel and Service Console ports,
    VMs, the physical switch, the teaming policy of the vSwitch and of each port group, and the findings of
    Test-VNConfiguration. Then it simulates the VMkernel port's NFS traffic and compares the teaming policies for
    it, with the switch as it is and as it would be configured to match each policy, and after a stack member fails.
    Then builds the lab of "VMware HA Configuration Notes", forms its hosts into an HA cluster, runs the
    standard failure catalogue through Test-VNHaIsolation and prints every verdict with its explanation, and
    the timeline of the host that is isolated. Last it writes both labs, the cluster and the NFS flows to one
    HTML report (Export-VNReport).
    build.ps1 -Task Demo runs it in a fresh pwsh against the staged module.
.PARAMETER ModulePath
    The folder of the staged module, such as out/VirtNet.
.PARAMETER ReportPath
    Where to write the HTML report, such as out/demo-report.html.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ReportPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Resolve-Path $ModulePath).Path -Force

function Write-Section {
    param([string] $Title, [string[]] $Note = @())
    Write-Host ''
    Write-Host "== $Title ==" -ForegroundColor Cyan
    foreach ($line in $Note) { Write-Host $line }
}

# Formats everything piped in as one table and writes it at once, so tables and headings stay in order.
function Write-Table {
    param(
        [Parameter(ValueFromPipeline)] $InputObject,
        [object[]] $Property
    )
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end {
        $columns = if ($Property) { @{ Property = $Property } } else { @{} }
        Write-Host ''
        Write-Host (($items | Format-Table @columns -AutoSize | Out-String -Width 200).Trim("`r", "`n"))
    }
}

$lab = New-VNSampleLab -Name NicTeaming
$vmhosts = $lab | Where-Object { $_ -is [VirtNet.VNHost] }
$physicalSwitches = $lab | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] }

Write-Section 'Sample lab NicTeaming' @(
    "From 'Understanding NIC Utilization in VMware ESX': an ESX 3.5 host with IP storage, as the article starts,"
    'teaming two uplinks by originating port ID (the ESX default) without link aggregation on the switch.'
)

Write-Section 'Hosts'
$vmhosts | Write-Table

Write-Section 'Virtual switches' 'ESX 3.5 standard vSwitch: 56 usable ports; each uplink and connected port takes one.'
$vmhosts | Get-VNVirtualSwitch | Write-Table

Write-Section 'Uplinks and the switch ports they are cabled to' 'One uplink on each member of the Catalyst 3750 stack.'
$vmhosts | Get-VNUplink | Write-Table

Write-Section 'Port groups'
$vmhosts | Get-VNPortGroup | Write-Table

Write-Section 'VMkernel and Service Console ports' 'Every VM and VMkernel port gets its own virtual port id, in connection order.'
$vmhosts | Get-VNVMKernelAdapter | Write-Table -Property @(
    @{ Name = 'Host'; Expression = { $_.Host.Name } }
    'Name'
    @{ Name = 'PortGroup'; Expression = { $_.PortGroup.Name } }
    'PortId', 'IPAddress', 'PrefixLength', 'Gateway'
    @{ Name = 'Purpose'; Expression = { $_.Purpose -join ', ' } }
)

Write-Section 'Virtual machines'
$vmhosts | Get-VNVirtualMachine | Write-Table
$vmhosts | Get-VNVirtualMachine | ForEach-Object NetworkAdapters | Write-Table

Write-Section 'Topology' 'Show-VNTopology: each uplink with its role in each port group and the switch port it is cabled to.'
$lab | Show-VNTopology -Width 120 | Write-Host

Write-Section 'Physical switch'
$physicalSwitches | Write-Table
$physicalSwitches.Ports | Write-Table
$physicalSwitches.Endpoints | Write-Table

Write-Section 'Teaming policies' @(
    'Route based on originating port ID: each VM and each VMkernel port uses one uplink, so vmk0 reaches both'
    'NFS targets over the same uplink. IP hash could spread them, but only with a static EtherChannel (mode on)'
    'across Gi1/0/1 and Gi2/0/1, and the stack has no port channel.'
)
$vmhosts | Get-VNVirtualSwitch | Get-VNTeamingPolicy | Write-Table
$vmhosts | Get-VNPortGroup | Get-VNTeamingPolicy | Write-Table

Write-Section 'Configuration check' @(
    'Test-VNConfiguration finds the configuration consistent: port ID teaming needs no switch configuration, the'
    'host ports have PortFast trunk and the uplinks go to two stack members. What remains is the article''s own'
    'measurement, as information: vmk0 reaches both NFS targets over one uplink (Get-Help about_VirtNet_Rules).'
)
$lab | Test-VNConfiguration | Write-Table

# The article's question: does teaming spread one VMkernel port's IP storage over both uplinks?
$vswitch = $vmhosts | Get-VNVirtualSwitch
$storage = New-VNFlow -Host $vmhosts -Source vmk0 -Destination ($physicalSwitches.Endpoints | Where-Object Role -eq Storage)

Write-Section 'Traffic: vmk0 to NFS1 and NFS2, as configured' @(
    'Port ID pins vmk0 (port 1) to vmnic1: both targets share one 1 Gb uplink, and vmnic0 carries nothing.'
)
Write-Host (($vswitch | Invoke-VNTrafficSimulation -Flow $storage | Out-String -Width 200).TrimEnd())

Write-Section 'Teaming policies compared, the physical switch configured to match each' @(
    'The article''s answer: port ID keeps the storage VMkernel port on one uplink; IP hash with a static EtherChannel'
    'across the stack sends 10.0.0.20 and 10.0.0.21 over different uplinks (2000 Mbps). Load-based teaming would need'
    'a distributed switch.'
)
$vswitch | Compare-VNTeamingPolicy -Flow $storage -AssumeMatchingPhysicalSwitch | Write-Table

Write-Section 'The same policies with the switch as it is' @(
    'Without the port channel, IP hash would make vmk0''s MAC flap between Gi1/0/1 and Gi2/0/1.'
)
$vswitch | Compare-VNTeamingPolicy -Flow $storage -LoadBalancingPolicy LoadBalanceSrcId, LoadBalanceIP | Write-Table

Write-Section 'IP hash with the static channel, after stack member 2 fails' 'The flow on vmnic1 moves to vmnic0, cabled to member 1; both now share one uplink.'
Write-Host (($vswitch | Invoke-VNTrafficSimulation -Flow $storage -LoadBalancingPolicy LoadBalanceIP -AssumeMatchingPhysicalSwitch -FailedSwitch cat3750/2 |
    Out-String -Width 200).TrimEnd())

$haLab = New-VNSampleLab -Name HaCluster
$haHosts = $haLab | Where-Object { $_ -is [VirtNet.VNHost] }

Write-Section 'Sample lab HaCluster: will a short network event make HA isolate a host?' @(
    "From 'VMware HA Configuration Notes': three ESX 3.5 hosts whose Service Console uses vmnic0 (to cat-a) with vmnic1"
    '(to cat-b) as standby. PortFast is on for the switch ports of esx01 and esx02 and forgotten on those of esx03.'
)
$cluster = New-VNCluster -Name HaCluster -Host $haHosts
$cluster | Write-Table

Write-Section 'HA isolation under the standard failure catalogue' @(
    'Each uplink down, each uplink flapping for 2 s, each switch down, the gateway down: one verdict per host and scenario.'
)
$results = $cluster | Test-VNHaIsolation
$results | Write-Table -Property @(
    @{ Name = 'Scenario'; Expression = { $_.Scenario.Name } }
    @{ Name = 'Host'; Expression = { $_.Host.Name } }
    'Verdict'
    @{ Name = 'ResponseAt'; Expression = { if ($null -ne $_.ResponseAt) { '{0:0.###} s' -f $_.ResponseAt.TotalSeconds } } }
    'Explanation'
)

$isolated = @($results | Where-Object Verdict -eq Isolated)
foreach ($result in $isolated) {
    Write-Section "Timeline: $($result.Host.Name) in '$($result.Scenario.Name)'" $result.Explanation
    $result.Timeline | Write-Table
}

Write-Section 'What should I change? Optimize-VNHaIsolation' @(
    'The smallest set of changes after which no host is isolated in any scenario, each verified by simulating it again.'
    'Nothing is changed until -Apply.'
)
$changes = Optimize-VNHaIsolation -Cluster $cluster
$changes | Write-Table

Write-Section 'HTML report of both labs' @(
    'Export-VNReport: the topology of both labs, the teaming comparison for the NFS flows, the findings, the HA matrix,'
    'the timeline of esx03 and the proposed change before and after, in one self-contained file.'
)
@($lab) + $haLab + $cluster | Export-VNReport -Path $ReportPath -Flow $storage -Proposal $changes -Title 'VirtNet sample labs: NicTeaming and HaCluster'
Write-Host "Wrote $((Resolve-Path $ReportPath).Path)"
