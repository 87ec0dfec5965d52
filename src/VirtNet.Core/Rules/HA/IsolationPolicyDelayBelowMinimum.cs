using System.Collections.Generic;
using System.Globalization;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>VNH007. HA Deepdive: das.config.fdm.isolationPolicyDelaySec values below 30 are treated as 30.</summary>
    internal sealed class IsolationPolicyDelayBelowMinimum : ClusterRule
    {
        public IsolationPolicyDelayBelowMinimum() : base("VNH007", Severity.Warning,
            "Isolation policy delay below 30 s",
            "das.config.fdm.isolationPolicyDelaySec delays FDM's isolation response (vSphere 5.1 and later). Values " +
            "below 30 are treated as 30, so a smaller value does not make the response quicker; it only misleads the " +
            "next reader of the cluster's settings.",
            "Remove the setting, or set it to 30 or more.",
            "HA Deepdive, advanced settings")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (!cluster.AdvancedSetting.TryGetValue(DasSettings.IsolationPolicyDelay, out var text)) yield break;
            if (!Numbers.TryParse(text, out long value) || value >= VNCluster.MinIsolationPolicyDelaySeconds) yield break;
            yield return Finding(cluster.Path,
                $"Cluster {cluster.Name} sets {DasSettings.IsolationPolicyDelay} to {text}; FDM uses {VNCluster.MinIsolationPolicyDelaySeconds} s" +
                (cluster.HaProfile == HaProfile.Fdm51 ? "." : $", and {cluster.HaProfile} ignores the setting altogether."));
        }
    }
}
