<#
.SYNOPSIS
    Writes VirtNet.PowerShell.dll-Help.xml (MAML) from the PlatyPS-schema markdown in en-US and the compiled cmdlets,
    and about_VirtNet_Rules.help.txt from its template in en-US and the compiled rule catalogue.
.DESCRIPTION
    Syntax and parameter metadata (type, parameter sets, mandatory, position, pipeline input, aliases, accepted
    enum values) come from the compiled cmdlets, with the engine's own common-parameter list filtered out.
    Prose (synopsis, description, parameter descriptions, defaults, wildcard support, examples, inputs, outputs,
    notes, links) comes from the markdown. The MAML is written through XmlWriter, never by string concatenation.
    The rules topic is the template's prose with the catalogue (Get-VNRule) in place of its {{RULES}} line, so the
    topic lists exactly the rules the built module has.
    Runs in its own pwsh process: importing the module loads its dll for good.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $MarkdownPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# --- markdown -------------------------------------------------------------------------------------------

function Get-Paragraphs([string[]] $Lines) {
    # Blank lines separate paragraphs; lines inside one paragraph are joined with a space.
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        if ($line.Trim() -eq '') {
            if ($current.Count) { $paragraphs.Add(($current -join ' ')); $current.Clear() }
        }
        else { $current.Add($line.Trim()) }
    }
    if ($current.Count) { $paragraphs.Add(($current -join ' ')) }
    return , $paragraphs.ToArray()
}

function Read-HelpMarkdown([string] $Path) {
    $lines = (Get-Content -LiteralPath $Path -Encoding utf8) -replace "`r$", ''
    $sections = [ordered]@{}
    $name = $null
    $inFence = $false
    foreach ($line in $lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^## (.+)$') { $name = $Matches[1].Trim(); $sections[$name] = [System.Collections.Generic.List[string]]::new(); continue }
        if ($name) { $sections[$name].Add($line) }
    }
    $page = @{ Synopsis = ''; Description = @(); Examples = @(); Parameters = @{}; Inputs = @(); Outputs = @(); Notes = @(); Links = @() }
    if ($sections.Contains('SYNOPSIS')) { $page.Synopsis = (Get-Paragraphs $sections['SYNOPSIS']) -join ' ' }
    if ($sections.Contains('DESCRIPTION')) { $page.Description = Get-Paragraphs $sections['DESCRIPTION'] }
    if ($sections.Contains('NOTES')) { $page.Notes = Get-Paragraphs $sections['NOTES'] }
    if ($sections.Contains('EXAMPLES')) { $page.Examples = @(Read-Subsections $sections['EXAMPLES'] | ForEach-Object { ConvertTo-Example $_ }) }
    if ($sections.Contains('PARAMETERS')) {
        foreach ($sub in Read-Subsections $sections['PARAMETERS']) {
            if ($sub.Title -notmatch '^-(\w+)$') { continue }
            $page.Parameters[$Matches[1]] = ConvertTo-ParameterHelp $sub
        }
    }
    foreach ($kind in 'INPUTS', 'OUTPUTS') {
        if (-not $sections.Contains($kind)) { continue }
        $items = @(Read-Subsections $sections[$kind] | ForEach-Object { @{ Type = $_.Title; Description = Get-Paragraphs $_.Lines } })
        if ($kind -eq 'INPUTS') { $page.Inputs = $items } else { $page.Outputs = $items }
    }
    if ($sections.Contains('RELATED LINKS')) {
        $page.Links = @($sections['RELATED LINKS'] | Where-Object { $_ -match '^\[(.+?)\]\((.*?)\)' } |
            ForEach-Object { $null = $_ -match '^\[(.+?)\]\((.*?)\)'; @{ Text = $Matches[1]; Uri = $Matches[2] } })
    }
    return $page
}

function Read-Subsections([System.Collections.Generic.List[string]] $Lines) {
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^### (.+)$') {
            if ($current) { $current }
            $current = @{ Title = $Matches[1].Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        if ($current) { $current.Lines.Add($line) }
    }
    if ($current) { $current }
}

function Split-Fences([System.Collections.Generic.List[string]] $Lines) {
    # Returns the text outside fences and the contents of each fenced block with its info string.
    $text = [System.Collections.Generic.List[string]]::new()
    $blocks = [System.Collections.Generic.List[object]]::new()
    $block = $null
    foreach ($line in $Lines) {
        if ($line -match '^```(.*)$') {
            if ($null -eq $block) { $block = @{ Info = $Matches[1].Trim(); Lines = [System.Collections.Generic.List[string]]::new() } }
            else { $blocks.Add($block); $block = $null }
            continue
        }
        if ($null -ne $block) { $block.Lines.Add($line) } else { $text.Add($line) }
    }
    return @{ Text = $text; Blocks = $blocks }
}

function ConvertTo-Example($Sub) {
    $parts = Split-Fences $Sub.Lines
    $code = ($parts.Blocks | ForEach-Object { $_.Lines -join "`n" }) -join "`n"
    return @{ Title = $Sub.Title; Code = $code; Remarks = Get-Paragraphs $parts.Text }
}

function ConvertTo-ParameterHelp($Sub) {
    $parts = Split-Fences $Sub.Lines
    $yaml = @{}
    $block = $parts.Blocks | Where-Object { $_.Info -eq 'yaml' } | Select-Object -First 1
    if ($block) {
        foreach ($line in $block.Lines) { if ($line -match '^([^:]+):\s*(.*)$') { $yaml[$Matches[1].Trim()] = $Matches[2].Trim() } }
    }
    return @{ Description = Get-Paragraphs $parts.Text; Yaml = $yaml }
}

# --- MAML -----------------------------------------------------------------------------------------------

function Write-Paras([System.Xml.XmlWriter] $W, [string] $Element, [string[]] $Paragraphs) {
    $prefix, $local = $Element.Split(':')
    $W.WriteStartElement($prefix, $local, $ns[$prefix])
    if (-not $Paragraphs -or $Paragraphs.Count -eq 0) { $Paragraphs = @('') }
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $ns.maml, $p) }
    $W.WriteEndElement()
}

function Get-TypeName([type] $Type) {
    if ($Type.IsArray) { return (Get-TypeName $Type.GetElementType()) + '[]' }
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return (Get-TypeName $Type.GetGenericArguments()[0]) }
    return $Type.Name
}

function Get-EnumValues([type] $Type) {
    $t = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
    if ($t.IsGenericType -and $t.GetGenericTypeDefinition() -eq [Nullable`1]) { $t = $t.GetGenericArguments()[0] }
    if ($t.IsEnum) { return [enum]::GetNames($t) }
    return @()
}

function Get-PipelineText($ParameterSetMetadata) {
    $kinds = @()
    if ($ParameterSetMetadata.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($ParameterSetMetadata.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { return "True ($($kinds -join ', '))" }
    return 'False'
}

function Write-Parameter([System.Xml.XmlWriter] $W, $Parameter, $SetInfo, $Help, [switch] $InSyntax) {
    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $globbing = if ($Help -and $Help.Yaml['Accept wildcard characters'] -eq 'True') { 'true' } else { 'false' }
    $position = if ($SetInfo.Position -ge 0) { [string]$SetInfo.Position } else { 'named' }
    $W.WriteStartElement('command', 'parameter', $ns.command)
    $W.WriteAttributeString('required', $SetInfo.IsMandatory.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $globbing)
    $W.WriteAttributeString('pipelineInput', (Get-PipelineText $SetInfo))
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-Paras $W 'maml:description' $(if ($Help) { $Help.Description } else { @() })
    $values = Get-EnumValues $Parameter.ParameterType
    if ($InSyntax -and $values) {
        $W.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($v in $values) {
            $W.WriteStartElement('command', 'parameterValue', $ns.command)
            $W.WriteAttributeString('required', 'false'); $W.WriteAttributeString('variableLength', 'false')
            $W.WriteString($v); $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    $typeName = Get-TypeName $Parameter.ParameterType
    if (-not ($InSyntax -and $isSwitch)) {
        $W.WriteStartElement('command', 'parameterValue', $ns.command)
        $W.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString($typeName); $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $ns.dev)
    $W.WriteElementString('maml', 'name', $ns.maml, $typeName)
    $W.WriteElementString('maml', 'uri', $ns.maml, '')
    $W.WriteEndElement()
    $default = if ($Help -and $Help.Yaml['Default value']) { $Help.Yaml['Default value'] } elseif ($isSwitch) { 'False' } else { 'None' }
    $W.WriteElementString('dev', 'defaultValue', $ns.dev, $default)
    $W.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $W, [System.Management.Automation.CmdletInfo] $Cmd, $Page, [string[]] $Common) {
    $W.WriteStartElement('command', 'command', $ns.command)
    $W.WriteStartElement('command', 'details', $ns.command)
    $W.WriteElementString('command', 'name', $ns.command, $Cmd.Name)
    Write-Paras $W 'maml:description' @($Page.Synopsis)
    $W.WriteElementString('command', 'verb', $ns.command, $Cmd.Verb)
    $W.WriteElementString('command', 'noun', $ns.command, $Cmd.Noun)
    $W.WriteEndElement()
    Write-Paras $W 'maml:description' $Page.Description

    $W.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Cmd.ParameterSets) {
        $W.WriteStartElement('command', 'syntaxItem', $ns.command)
        $W.WriteElementString('maml', 'name', $ns.maml, $Cmd.Name)
        $ordered = $set.Parameters | Where-Object { $_.Name -notin $Common } |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } }
        foreach ($p in $ordered) {
            $param = $Cmd.Parameters[$p.Name]
            Write-Parameter $W $param $p $Page.Parameters[$p.Name] -InSyntax
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($param in $Cmd.Parameters.Values | Where-Object { $_.Name -notin $Common } | Sort-Object Name) {
        # The parameter's most permissive set describes it once in the parameter list.
        $setInfo = $param.ParameterSets.Values | Sort-Object @{ Expression = { $_.IsMandatory } }, @{ Expression = { -not ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } } | Select-Object -First 1
        Write-Parameter $W $param $setInfo $Page.Parameters[$param.Name]
    }
    $W.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Items = $Page.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Items = $Page.Outputs })) {
        $W.WriteStartElement('command', $kind.List, $ns.command)
        foreach ($item in $kind.Items) {
            $W.WriteStartElement('command', $kind.Item, $ns.command)
            $W.WriteStartElement('dev', 'type', $ns.dev)
            $W.WriteElementString('maml', 'name', $ns.maml, $item.Type)
            $W.WriteEndElement()
            Write-Paras $W 'maml:description' $item.Description
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }

    $W.WriteStartElement('maml', 'alertSet', $ns.maml)
    $W.WriteStartElement('maml', 'alert', $ns.maml)
    foreach ($p in $(if ($Page.Notes.Count) { $Page.Notes } else { @('') })) { $W.WriteElementString('maml', 'para', $ns.maml, $p) }
    $W.WriteEndElement(); $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $Page.Examples) {
        $W.WriteStartElement('command', 'example', $ns.command)
        $W.WriteElementString('maml', 'title', $ns.maml, ("--- $($example.Title) ---").PadRight(64, '-'))
        $W.WriteElementString('dev', 'code', $ns.dev, $example.Code)
        Write-Paras $W 'dev:remarks' $example.Remarks
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Page.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $W.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        # Relative links (Other-Cmdlet.md) are not URIs; the help engine wants only real ones.
        $uri = if ($link.Uri -match '^https?://') { $link.Uri } else { '' }
        $W.WriteElementString('maml', 'uri', $ns.maml, $uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
    $W.WriteEndElement()
}

# --- about_VirtNet_Rules ---------------------------------------------------------------------------------

function Format-Wrapped([string] $Text, [int] $Indent, [int] $ContinuationIndent = $Indent, [int] $Width = 80) {
    # About topics are plain text read in an 80-column console: wrap at word boundaries.
    $lines = [System.Collections.Generic.List[string]]::new()
    $pad = ' ' * $Indent
    $line = ''
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($line -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($pad + $line)
            $pad = ' ' * $ContinuationIndent
            $line = $word
        }
        elseif ($line) { $line += " $word" }
        else { $line = $word }
    }
    if ($line) { $lines.Add($pad + $line) }
    return $lines
}

function Write-RulesTopic([string] $TemplatePath, [string] $Target) {
    $template = (Get-Content -LiteralPath $TemplatePath -Raw -Encoding utf8) -replace "`r`n", "`n"
    if (-not $template.Contains("`n{{RULES}}`n")) { throw "$TemplatePath has no {{RULES}} line to put the rule catalogue in." }
    $areaTitles = @{ VLan = 'VLAN'; Mtu = 'MTU'; SpanningTree = 'Spanning tree'; Ports = 'vSwitch ports'; HA = 'VMware HA'; HyperV = 'Hyper-V teaming'; LinuxBond = 'Linux bonds'; MacAddress = 'MAC addresses' }
    $text = [System.Collections.Generic.List[string]]::new()
    foreach ($area in Get-VNRule | Group-Object Area) {
        $title = if ($areaTitles.ContainsKey($area.Name)) { $areaTitles[$area.Name] } else { $area.Name }
        $text.Add("    $title ($($area.Group[0].RuleId.Substring(0, 3)))")
        $text.Add('')
        foreach ($rule in $area.Group) {
            $text.AddRange([string[]](Format-Wrapped "$($rule.RuleId) ($($rule.Severity)): $($rule.Title)" 4 6))
            $text.AddRange([string[]](Format-Wrapped $rule.Description 8))
            $text.Add('')
            $text.AddRange([string[]](Format-Wrapped "What to do: $($rule.Recommendation)" 8))
            $text.AddRange([string[]](Format-Wrapped "Source: $($rule.Source)" 8))
            $text.Add('')
        }
    }
    $topic = $template.Replace("`n{{RULES}}`n", "`n" + ($text -join "`n").TrimEnd() + "`n")
    [System.IO.File]::WriteAllText($Target, $topic, [System.Text.UTF8Encoding]::new($false))
}

# --- main -----------------------------------------------------------------------------------------------

$module = Import-Module (Join-Path (Resolve-Path $ModulePath).Path 'VirtNet.psd1') -PassThru -Force
$common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @('UseTransaction')
$cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$missing = @($cmdlets | Where-Object { -not (Test-Path (Join-Path $MarkdownPath "$($_.Name).md")) } | ForEach-Object Name)
if ($missing) { throw "No help page in $MarkdownPath for: $($missing -join ', '). Write <Cmdlet>.md in PlatyPS schema 2.0.0 for each." }

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$target = Join-Path $OutputPath 'VirtNet.PowerShell.dll-Help.xml'
$temp = "$target.tmp"
$writer = [System.Xml.XmlWriter]::Create($temp, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($prefix in 'maml', 'command', 'dev') { $writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }
    foreach ($cmd in $cmdlets) {
        $page = Read-HelpMarkdown (Join-Path $MarkdownPath "$($cmd.Name).md")
        Write-Command $writer $cmd $page $common
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally { $writer.Dispose() }
Move-Item -LiteralPath $temp -Destination $target -Force
Write-Host "Help: $($cmdlets.Count) cmdlets -> $target"

$rulesTopic = Join-Path $OutputPath 'about_VirtNet_Rules.help.txt'
Write-RulesTopic (Join-Path $MarkdownPath 'about_VirtNet_Rules.template.txt') $rulesTopic
Write-Host "Help: $(@(Get-VNRule).Count) rules -> $rulesTopic"
