using System.Collections.Generic;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Lists the rule catalogue, or the rules whose ids match; each rule once per call.</summary>
    [Cmdlet(VerbsCommon.Get, "VNRule")]
    [OutputType(typeof(VNRule))]
    public sealed class GetVNRuleCommand : VNCmdlet
    {
        readonly HashSet<VNRule> _written = new HashSet<VNRule>();

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[] RuleId { get; set; }

        protected override void ProcessRecord()
        {
            if (RuleId == null)
            {
                Write(RuleCatalogue.Rules);
                return;
            }
            foreach (var id in RuleId)
                ForInput(() => Write(RuleCatalogue.Match(id)));
        }

        void Write(IEnumerable<VNRule> rules)
        {
            int before = _written.Count;
            foreach (var rule in rules)
                if (_written.Add(rule)) WriteObject(rule);
            WriteVerbose($"{_written.Count - before} rule(s) of the catalogue's {RuleCatalogue.Rules.Count}.");
        }
    }
}
