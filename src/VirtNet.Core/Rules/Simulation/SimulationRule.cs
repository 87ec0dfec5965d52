using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// A rule only a traffic simulation can see: it needs flows, failures or the teams' choices, which no
    /// configuration holds. It is in the catalogue (Get-VNRule, about_VirtNet_Rules, -RuleId and -ExcludeRuleId)
    /// like every rule, and Invoke-VNTrafficSimulation's findings step raises it; Test-VNConfiguration finds
    /// nothing for it.
    /// </summary>
    internal abstract class SimulationRule : RuleDefinition
    {
        protected SimulationRule(string ruleId, Severity severity, string title, string description, string recommendation, string source)
            : base(ruleId, severity, title, description, recommendation, source) { }

        public sealed override IEnumerable<VNFinding> Evaluate(CheckScope scope) => new VNFinding[0];
    }
}
