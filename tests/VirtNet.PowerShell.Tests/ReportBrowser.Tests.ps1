# Opens reports in a real browser: Debian's chromium, headless. build.ps1 -Task Test installs it on Linux; elsewhere
# set VIRTNET_CHROMIUM to a Chromium or Chrome executable, or these tests are skipped.
BeforeDiscovery {
    $script:chromium = if ($env:VIRTNET_CHROMIUM) { $env:VIRTNET_CHROMIUM } elseif (Test-Path '/usr/bin/chromium') { '/usr/bin/chromium' }
    $script:skipBrowser = -not $script:chromium -and -not $IsLinux
}

BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    . (Join-Path $PSScriptRoot 'New-VNTestEstate.ps1')
    $chromium = if ($env:VIRTNET_CHROMIUM) { $env:VIRTNET_CHROMIUM } else { '/usr/bin/chromium' }
    $screenshots = Join-Path $PSScriptRoot '../../out/screenshots'
    $null = New-Item -ItemType Directory -Path $screenshots -Force

    # Runs chromium headless on a fresh profile, without the background services that hang or spam on a closed
    # network, and returns its output and console messages.
    function Invoke-Chromium {
        param([string[]] $Arguments)
        $profile = Join-Path ([System.IO.Path]::GetTempPath()) ('virtnet-chromium-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $profile
        try {
            $start = [System.Diagnostics.ProcessStartInfo]::new($chromium)
            foreach ($a in @('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                    '--disable-component-update', '--disable-sync', "--user-data-dir=$profile", '--enable-logging=stderr', '--v=0') + $Arguments) {
                $start.ArgumentList.Add($a)
            }
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $start.UseShellExecute = $false
            $process = [System.Diagnostics.Process]::Start($start)
            $out = $process.StandardOutput.ReadToEndAsync()
            $err = $process.StandardError.ReadToEndAsync()
            if (-not $process.WaitForExit(120000)) { $process.Kill(); throw "chromium did not finish in 120 s: $Arguments" }
            [pscustomobject]@{
                ExitCode = $process.ExitCode
                Dom      = $out.Result
                Console  = @($err.Result -split "`n" | Where-Object { $_ -match ':CONSOLE[:(]' })
            }
        }
        finally { Remove-Item -Path $profile -Recurse -Force -ErrorAction SilentlyContinue }
    }

    function Get-KindCount {
        param([string] $Dom, [string] $Kind)
        ([regex]::Matches($Dom, "data-kind=""$Kind""")).Count
    }

    # The boxes and labels the module wrote, per SVG: a box crosses no other box unless one holds the other, labels
    # never meet, and a label lies on no box other than its owner's and the boxes that hold it. Items are sorted by
    # their top, so each is compared only with those that start above its bottom.
    function Find-Overlap {
        param([string] $Path)
        $xml = [xml]((Get-Content -Path $Path -Raw) -replace '^<!DOCTYPE html>', '')
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('s', 'http://www.w3.org/2000/svg')
        $problems = [System.Collections.Generic.List[string]]::new()
        foreach ($svg in $xml.SelectNodes('//s:svg', $ns)) {
            $items = [System.Collections.Generic.List[object]]::new()
            foreach ($g in $svg.SelectNodes('s:g', $ns)) {
                $r = $g.SelectSingleNode('s:rect', $ns)
                $owner = [pscustomobject]@{ Name = "$($g.GetAttribute('data-kind')) $($g.GetAttribute('data-path'))"; X = [double]$r.x; Y = [double]$r.y; R = [double]$r.x + [double]$r.width; B = [double]$r.y + [double]$r.height; Label = $false; Owner = $null }
                $items.Add($owner)
                $t = $g.SelectSingleNode('s:text', $ns)
                if ($t) {
                    $v = [double[]]($t.GetAttribute('data-box') -split ',')
                    $items.Add([pscustomobject]@{ Name = "label '$($t.InnerText)'"; X = $v[0]; Y = $v[1]; R = $v[0] + $v[2]; B = $v[1] + $v[3]; Label = $true; Owner = $owner })
                }
            }
            $sorted = @($items | Sort-Object Y)
            for ($i = 0; $i -lt $sorted.Count; $i++) {
                $a = $sorted[$i]
                for ($j = $i + 1; $j -lt $sorted.Count -and $sorted[$j].Y -lt $a.B; $j++) {
                    $b = $sorted[$j]
                    if (-not ($a.X -lt $b.R -and $b.X -lt $a.R)) { continue }
                    if ($a.Label -and $b.Label) { $problems.Add("$($a.Name) meets $($b.Name)"); continue }
                    if (-not $a.Label -and -not $b.Label) {
                        $aHoldsB = $a.X -le $b.X -and $a.Y -le $b.Y -and $b.R -le $a.R -and $b.B -le $a.B
                        $bHoldsA = $b.X -le $a.X -and $b.Y -le $a.Y -and $a.R -le $b.R -and $a.B -le $b.B
                        if (-not $aHoldsB -and -not $bHoldsA) { $problems.Add("$($a.Name) crosses $($b.Name)") }
                        continue
                    }
                    $label = if ($a.Label) { $a } else { $b }
                    $box = if ($a.Label) { $b } else { $a }
                    $o = $label.Owner
                    $holdsOwner = $box.X -le $o.X -and $box.Y -le $o.Y -and $o.R -le $box.R -and $o.B -le $box.B
                    if (-not $holdsOwner) { $problems.Add("$($label.Name) of $($o.Name) lies on $($box.Name)") }
                }
            }
        }
        , $problems
    }

    $labs = @(New-VNSampleLab -Name NicTeaming) + @(New-VNSampleLab -Name HaCluster)
    $labHosts = @($labs | Where-Object { $_ -is [VirtNet.VNHost] })
    $labSwitches = @($labs | Where-Object { $_ -is [VirtNet.VNPhysicalSwitch] })
    $cluster = New-VNCluster -Name HaCluster -Host ($labHosts | Where-Object { $_.Name -in 'esx01', 'esx02', 'esx03' } | Select-Object -Last 3)
    $storage = New-VNFlow -Host $labHosts[0] -Source vmk0 -Destination ($labSwitches[0].Endpoints | Where-Object Role -eq Storage)
    $labReport = Join-Path $TestDrive 'sample-labs.html'
    @($labs) + $cluster | Export-VNReport -Path $labReport -Flow $storage -Title 'VirtNet sample labs: NicTeaming and HaCluster'
    $labFindings = @(@($labs) + $cluster | Test-VNConfiguration)

    # The planners' proposals on the NicTeaming host and the HaCluster lab, for the Proposed changes section.
    $teamingProposals = Optimize-VNTeaming -VirtualSwitch $labHosts[0].VirtualSwitches[0] -Flow $storage
    $haChanges = Optimize-VNHaIsolation -Cluster $cluster
    $addresses = Find-VNBalancedAddress -Host $labHosts[0] -Source vmk0 -Count 2 -AddressRange 10.0.0.22-10.0.0.30
    $proposalReport = Join-Path $TestDrive 'proposals.html'
    @($labs) + $cluster | Export-VNReport -Path $proposalReport -Proposal (@($teamingProposals) + $haChanges + $addresses) -Title 'Proposed changes on the sample labs'
    $estate = New-VNTestEstate -HostCount 64
    $estateReport = Join-Path $TestDrive 'estate-64.html'
    $estate.Clusters | Export-VNReport -Path $estateReport -Title 'Generated estate: 64 hosts, 4 uplinks each'
    $estateFindings = @($estate.Clusters | Test-VNConfiguration)
}

Describe 'The overlap check' {
    It 'finds boxes that cross and labels that meet or lie on a box (so that the checks below can fail)' {
        $page = Join-Path $TestDrive 'overlap.html'
        Set-Content -Path $page -Value ('<html><body><svg xmlns="http://www.w3.org/2000/svg">' +
            '<g data-kind="host" data-path="a"><rect x="0" y="0" width="100" height="50"/><text data-box="4,4,30,10">a</text></g>' +
            '<g data-kind="host" data-path="b"><rect x="90" y="40" width="100" height="50"/><text data-box="94,44,30,10">b</text></g>' +
            '<g data-kind="uplink" data-path="a/c"><rect x="2" y="2" width="20" height="20"/></g>' +
            '</svg></body></html>')
        $problems = Find-Overlap -Path $page
        $problems | Should -Contain 'host a crosses host b'
        $problems | Should -Contain "label 'a' of host a lies on uplink a/c"
        $problems | Should -Contain "label 'b' of host b lies on host a"
        $problems.Count | Should -Be 3
    }
}

Describe 'The report in Chromium' -Skip:$skipBrowser {
    It 'finds a console error when a page has one (so that the check below can fail)' {
        $page = Join-Path $TestDrive 'console-error.html'
        Set-Content -Path $page -Value "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>"
        $run = Invoke-Chromium @('--dump-dom', $page)
        $run.Console.Count | Should -Be 1
    }

    Context '<Name>' -ForEach @(
        @{ Name = 'sample-labs'; Report = 'lab'; Height = 2400 }
        @{ Name = 'estate-64'; Report = 'estate'; Height = 2400 }
        # Tall enough to reach the Proposed changes section at the end.
        @{ Name = 'proposals'; Report = 'proposals'; Height = 6000 }
    ) {
        BeforeAll {
            $path = @{ lab = $labReport; estate = $estateReport; proposals = $proposalReport }[$Report]
            $model = if ($Report -ne 'estate') {
                @{ Hosts = $labHosts; Switches = $labSwitches; Findings = $labFindings }
            }
            else {
                @{ Hosts = $estate.Hosts; Switches = $estate.PhysicalSwitches; Findings = $estateFindings }
            }
            $run = Invoke-Chromium @('--dump-dom', $path)
        }

        It 'loads without console errors' {
            $run.ExitCode | Should -Be 0
            $run.Console | Should -BeNullOrEmpty
            $run.Dom | Should -Match '<h1>'
        }

        It 'holds one element per host, uplink, switch port and finding of the model' {
            Get-KindCount $run.Dom 'host' | Should -Be $model.Hosts.Count
            Get-KindCount $run.Dom 'uplink' | Should -Be ($model.Hosts | ForEach-Object { @($_.Uplinks).Count } | Measure-Object -Sum).Sum
            Get-KindCount $run.Dom 'port' | Should -Be ($model.Switches | ForEach-Object { $_.Ports.Count } | Measure-Object -Sum).Sum
            Get-KindCount $run.Dom 'finding' | Should -Be $model.Findings.Count
        }

        It 'has the Proposed changes section exactly when proposals are given' {
            $run.Dom -match '<section id="changes">' | Should -Be ($Report -eq 'proposals')
        }

        It 'draws no two boxes or labels over each other' {
            Find-Overlap -Path $path | Should -BeNullOrEmpty
        }

        It 'renders at <_> px wide' -ForEach 1280, 1920 {
            $png = Join-Path $screenshots "$Name-$_.png"
            Remove-Item -Path $png -ErrorAction SilentlyContinue
            $shot = Invoke-Chromium @("--screenshot=$png", "--window-size=$_,$Height", '--hide-scrollbars', $path)
            $shot.ExitCode | Should -Be 0
            $shot.Console | Should -BeNullOrEmpty
            (Get-Item -Path $png).Length | Should -BeGreaterThan 20000
        }
    }
}
