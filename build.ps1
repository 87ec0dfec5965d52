<#
.SYNOPSIS
    Builds, tests and demonstrates the VirtNet module.
.DESCRIPTION
    Tasks:
      Build  (default) compiles the solution and stages the module in out/VirtNet, with its MAML help.
      Help   regenerates out/VirtNet/en-US from the markdown in en-US/ and the compiled cmdlets, and
             about_VirtNet_Rules from its template in en-US/ and the compiled rule catalogue.
      Test   builds, then runs the xunit suite and the Pester suite (in a fresh pwsh, against out/VirtNet). On Linux
             it first installs Debian's chromium when it is missing, for the report tests.
      Demo   builds, then runs the module's main job on the built-in sample labs and writes out/demo-report.html.
      Bench  builds, runs the BenchmarkDotNet benchmarks in tests/VirtNet.Benchmarks, then times the traffic
             cmdlets against a plain PowerShell loop (Measure-VNCmdletThroughput.ps1).
      Clean  removes out/ and every bin/ and obj/ folder.
    Run it with `dotnet pwsh ./build.ps1 -Task <Task>` after `dotnet tool restore`.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Help', 'Test', 'Demo', 'Bench', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root 'out/VirtNet'
$pesterVersion = '5.7.1'
# Help lookup on Linux depends on the culture: pin it for every child pwsh.
$env:LANG = 'en_US.UTF-8'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

# A fresh pwsh: a loaded binary module locks its dll and cannot be unloaded, so tests and help
# generation never run in the build's own session.
function Invoke-ChildPwsh {
    param([string] $Script, [string[]] $Arguments = @())
    & dotnet pwsh -NoProfile -NonInteractive -File $Script @Arguments | Out-Host
    return $LASTEXITCODE
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'VirtNet.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet')
    if (Test-Path $out) { Remove-Item $out -Recurse -Force }
    New-Item -ItemType Directory -Path $out | Out-Null
    $bin = Join-Path $root "src/VirtNet.PowerShell/bin/$Configuration/netstandard2.0"
    foreach ($file in 'VirtNet.PowerShell.dll', 'VirtNet.Core.dll', 'Newtonsoft.Json.dll', 'VirtNet.format.ps1xml') {
        Copy-Item (Join-Path $bin $file) $out
    }
    Copy-Item (Join-Path $root 'VirtNet.psd1'), (Join-Path $root 'LICENSE') $out
    Invoke-Help
}

function Invoke-Help {
    $helpOut = Join-Path $out 'en-US'
    New-Item -ItemType Directory -Path $helpOut -Force | Out-Null
    Copy-Item (Join-Path $root 'en-US/about_*.help.txt') $helpOut
    $builder = Join-Path $root 'src/VirtNet.HelpBuilder/Build-VNHelp.ps1'
    $code = Invoke-ChildPwsh $builder @('-ModulePath', $out, '-MarkdownPath', (Join-Path $root 'en-US'), '-OutputPath', $helpOut)
    if ($code -ne 0) { throw "Help generation failed (exit code $code)." }
}

function Install-Pester {
    $project = Join-Path $root 'tests/VirtNet.PowerShell.Tests/PesterRestore.csproj'
    Invoke-Native dotnet @('restore', $project, '--nologo', '-v', 'quiet')
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $pesterVersion was restored but $manifest is missing." }
    return $manifest
}

# The report tests open reports in a real browser, Debian's chromium. CI is a fresh Debian machine running as root,
# so on Linux the package is installed when it is missing (with its recommended fonts, which the pictures use).
function Install-Chromium {
    if (-not $IsLinux -or (Test-Path '/usr/bin/chromium')) { return }
    $sudo = if ((& id -u) -eq '0') { @() } else { @('-n') }
    $env:DEBIAN_FRONTEND = 'noninteractive'
    foreach ($arguments in @(@('apt-get', 'update', '-qq'), @('apt-get', 'install', '-y', '-qq', 'chromium'))) {
        if ($sudo.Count -eq 0) { Invoke-Native $arguments[0] @($arguments | Select-Object -Skip 1) }
        else { Invoke-Native 'sudo' ($sudo + $arguments) }
    }
}

function Invoke-Test {
    Invoke-Build
    Install-Chromium
    $xunitResults = Join-Path $root 'out/xunit'
    & dotnet test (Join-Path $root 'tests/VirtNet.Core.Tests') -c $Configuration --nologo -v quiet `
        --logger "trx;LogFileName=core.trx" --results-directory $xunitResults
    $xunitExit = $LASTEXITCODE
    $trx = [xml](Get-Content (Join-Path $xunitResults 'core.trx') -Raw)
    $counters = $trx.TestRun.ResultSummary.Counters
    $xunitPassed = [int]$counters.passed
    $xunitFailed = [int]$counters.failed + $(if ($xunitExit -ne 0 -and [int]$counters.failed -eq 0) { 1 } else { 0 })

    $pester = Install-Pester
    $runner = Join-Path $root 'tests/VirtNet.PowerShell.Tests/Invoke-VNPester.ps1'
    $pesterResults = Join-Path $root 'out/pester.json'
    $pesterExit = Invoke-ChildPwsh $runner @('-PesterManifest', $pester, '-ModulePath', $out, '-ResultPath', $pesterResults)
    $summary = Get-Content $pesterResults -Raw | ConvertFrom-Json
    $pesterFailed = [int]$summary.Failed + $(if ($pesterExit -ne 0 -and [int]$summary.Failed -eq 0) { 1 } else { 0 })

    Write-Host ''
    Write-Host "xunit: $xunitPassed passed, $xunitFailed failed"
    Write-Host "Pester: $($summary.Passed) passed, $pesterFailed failed"
    Write-Host "Total: $($xunitPassed + [int]$summary.Passed) passed, $($xunitFailed + $pesterFailed) failed"
    if ($xunitFailed + $pesterFailed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $code = Invoke-ChildPwsh (Join-Path $root 'src/VirtNet.PowerShell/Demo.ps1') @('-ModulePath', $out, '-ReportPath', (Join-Path $root 'out/demo-report.html'))
    if ($code -ne 0) { exit $code }
}

function Invoke-Bench {
    Invoke-Build
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'tests/VirtNet.Benchmarks'), '-c', 'Release')
    $code = Invoke-ChildPwsh (Join-Path $root 'tests/VirtNet.Benchmarks/Measure-VNCmdletThroughput.ps1') @('-ModulePath', $out)
    if ($code -ne 0) { exit $code }
}

function Invoke-Clean {
    if (Test-Path (Join-Path $root 'out')) { Remove-Item (Join-Path $root 'out') -Recurse -Force }
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Help'  { Invoke-Help }
        'Test'  { Invoke-Test }
        'Demo'  { Invoke-Demo }
        'Bench' { Invoke-Bench }
        'Clean' { Invoke-Clean }
    }
}
finally {
    Pop-Location
}
