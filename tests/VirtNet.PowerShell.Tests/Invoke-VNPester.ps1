<#
.SYNOPSIS
    Runs every *.Tests.ps1 beside this script against the staged module, in this (fresh) process.
    Writes a small JSON summary for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
$env:VIRTNET_MODULE = (Resolve-Path $ModulePath).Path

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config

@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } |
    ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8
if ($result.Result -ne 'Passed') { exit 1 }
