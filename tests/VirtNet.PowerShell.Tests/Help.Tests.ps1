# Every cmdlet ships with full help (from en-US/<Cmdlet>.md), an output type, a format view,
# -WhatIf/-Confirm where it changes anything, and examples that run.
BeforeDiscovery {
    Import-Module $env:VIRTNET_MODULE -Force
    $markdownRoot = Join-Path $PSScriptRoot '../../en-US'
    $cmdlets = foreach ($command in Get-Command -Module VirtNet -CommandType Cmdlet | Sort-Object Name) {
        $page = Join-Path $markdownRoot "$($command.Name).md"
        $examples = @()
        if (Test-Path $page) {
            # Each "### Example" subsection's fenced powershell blocks, joined, make one runnable example.
            $inExamples = $false; $current = $null; $inFence = $false
            foreach ($line in Get-Content $page) {
                if (-not $inFence -and $line -match '^## ') { $inExamples = $line -eq '## EXAMPLES' }
                if (-not $inExamples) { continue }
                if (-not $inFence -and $line -match '^### (.+)$') {
                    if ($current) { $examples += $current }
                    $current = @{ Title = $Matches[1]; Code = '' }
                    continue
                }
                if ($line -match '^```') { $inFence = -not $inFence; continue }
                if ($inFence -and $current) { $current.Code += "$line`n" }
            }
            if ($current) { $examples += $current }
        }
        @{ Name = $command.Name; Page = $page; Examples = $examples }
    }
    $examples = foreach ($c in $cmdlets) { foreach ($e in $c.Examples) { @{ Name = $c.Name; Title = $e.Title; Code = $e.Code } } }
}

BeforeAll {
    Import-Module $env:VIRTNET_MODULE -Force
    $common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @('UseTransaction')
    function Get-MarkdownParameters([string] $Page) {
        $inParameters = $false
        foreach ($line in Get-Content $Page) {
            if ($line -match '^## ') { $inParameters = $line -eq '## PARAMETERS' }
            elseif ($inParameters -and $line -match '^### -(\w+)\s*$') { $Matches[1] }
        }
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    It 'has a help page in en-US' {
        $Page | Should -Exist
    }

    It 'shows its synopsis in Get-Help -Full' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without MAML, PowerShell makes the synopsis up from the syntax.
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + ' \[')
        $help.description | Should -Not -BeNullOrEmpty
    }

    It "describes every parameter in Get-Help -Full" {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $entry = $help.parameters.parameter | Where-Object name -eq $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs help"
            ($entry.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'lists the same parameters in markdown and in code' {
        $inCode = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object
        $inMarkdown = Get-MarkdownParameters $Page | Sort-Object
        $inMarkdown | Should -Be $inCode
    }

    It 'has at least two examples' {
        @((Get-Help $Name -Full).examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'declares its output type, and every output type has a default view' {
        $command = Get-Command $Name
        if ($command.Verb -notin 'Remove', 'Export') {
            $command.OutputType | Should -Not -BeNullOrEmpty
        }
        # VirtNet's own types need a view; .NET types such as Boolean (-Quiet answers) have PowerShell's, and
        # lists (VNFlowList) are shown as their items.
        foreach ($type in $command.OutputType.Type | Where-Object { $_.Namespace -like 'VirtNet*' -and -not [System.Collections.IEnumerable].IsAssignableFrom($_) }) {
            Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view"
        }
    }

    It 'supports -WhatIf and -Confirm when it changes anything' {
        $command = Get-Command $Name
        if ($command.Verb -in 'Add', 'Set', 'Remove', 'Export') {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'Example "<Title>" of <Name>' -ForEach $examples {
    It 'runs without error in a fresh session' {
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule($env:VIRTNET_MODULE)
        $shell = [powershell]::Create($state)
        try {
            $null = $shell.AddScript($Code).Invoke()
            $errors = @($shell.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
            $errors | Should -BeNullOrEmpty
            $shell.HadErrors | Should -BeFalse
        }
        finally { $shell.Dispose() }
    }
}

Describe 'about_VirtNet' {
    It 'is found by Get-Help' {
        (Get-Help about_VirtNet | Out-String) | Should -Match 'QUICK START'
    }
}
