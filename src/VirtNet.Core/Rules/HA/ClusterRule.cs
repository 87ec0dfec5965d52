using System.Collections.Generic;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// A rule about VMware HA: it reads the clusters of the check (Test-VNConfiguration -InputObject $cluster)
    /// with their hosts, so it knows the HA generation and its settings.
    /// </summary>
    internal abstract class ClusterRule : RuleDefinition
    {
        protected ClusterRule(string ruleId, Severity severity, string title, string description, string recommendation, string source)
            : base(ruleId, severity, title, description, recommendation, source) { }

        public sealed override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var cluster in scope.Clusters)
                foreach (var finding in Evaluate(cluster, scope))
                    yield return finding;
        }

        protected abstract IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope);
    }
}
