using System.Collections.Generic;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Checks hosts, vSwitches and physical switches against the rule catalogue; see <see cref="ConfigurationCheck"/>.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "VNConfiguration")]
    [OutputType(typeof(VNFinding), typeof(bool))]
    public sealed class TestVNConfigurationCommand : VNCmdlet
    {
        readonly ConfigurationCheck _check = new ConfigurationCheck();
        IReadOnlyList<VNRule> _rules;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public object[] InputObject { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[] RuleId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[] ExcludeRuleId { get; set; }

        [Parameter]
        public Severity MinimumSeverity { get; set; } = Severity.Information;

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        // An unknown rule id would silently check nothing: that stops the whole call before any input is read.
        protected override void BeginProcessing() => _rules = Fatal(() => RuleCatalogue.Select(RuleId, ExcludeRuleId));

        protected override void ProcessRecord()
        {
            foreach (var input in InputObject)
                ForInput(() => _check.Add(input is PSObject wrapped ? wrapped.BaseObject : input));
        }

        // Findings are deduplicated and ordered across all inputs, so they are written once every input is in.
        protected override void EndProcessing()
        {
            var findings = _check.Run(_rules, MinimumSeverity);
            WriteVerbose($"Ran {_rules.Count} rule(s): {findings.Count} finding(s) at or above {MinimumSeverity}.");
            if (Quiet) WriteObject(findings.Count == 0);
            else WriteObject(findings, enumerateCollection: true);
        }
    }
}
