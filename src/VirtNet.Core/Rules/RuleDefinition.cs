using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// A rule: its catalogue entry plus the check. A rule is one small sealed class that passes its entry to
    /// this constructor and walks the subjects of the <see cref="CheckScope"/> it needs; adding one means
    /// writing that class and one line in <see cref="RuleCatalogue"/>.
    /// Rules read model facts only (no traffic simulation), so a check is fast and deterministic.
    /// </summary>
    internal abstract class RuleDefinition
    {
        protected RuleDefinition(string ruleId, Severity severity, string title, string description, string recommendation, string source)
        {
            Rule = new VNRule(this, ruleId, severity, title, description, recommendation, source);
        }

        public VNRule Rule { get; }

        public abstract IEnumerable<VNFinding> Evaluate(CheckScope scope);

        /// <summary>A finding of this rule; <paramref name="recommendation"/> when it can name what to change, else the rule's own.</summary>
        internal VNFinding Finding(string target, string message, string recommendation = null) =>
            new VNFinding(Rule.RuleId, Rule.Severity, target, message, recommendation ?? Rule.Recommendation);
    }
}
