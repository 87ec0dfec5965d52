using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH006. VMware KB 1003804 and the HA timelines Test-VNHaIsolation plays: an active management port without PortFast
    /// forwards 2 x forward delay after a link-up, and a 1 s bounce isolates the host if the cluster's isolation
    /// response comes first (legacy HA at F - 1 s; FDM's master at 5 s, plus the policy delay from 5.1) and the
    /// adapter returns to the port (its only uplink, or failback) before it forwards: failback waits the host's
    /// Net.TeamPolicyUpDelay (KB 2014075), so a delay as long as the port's listening and learning clears it.
    /// </summary>
    internal sealed class SpanningTreeSlowerThanIsolation : ClusterRule
    {
        const long BounceMs = 1000;

        public SpanningTreeSlowerThanIsolation() : base("VNH006", Severity.Warning,
            "Management port that forwards after HA's isolation response",
            "A switch port without effective PortFast listens and learns for 2 x forward delay (30 s) after its link " +
            "comes back. If the cluster's isolation response comes sooner (legacy HA at das.failuredetectiontime - 1 s, " +
            "14 s by default; an FDM 5.0 master at 5 s), a one-second bounce of a management uplink makes HA isolate " +
            "the host and apply the isolation response (KB 1003804).",
            "Enable PortFast on the port (portfast trunk on a trunk), or lengthen the failure detection time beyond " +
            "the spanning-tree wait (legacy HA: das.failuredetectiontime of 60000 ms outlasts 30 s).",
            "VMware KB 1003804; Duncan Epping and Frank Denneman, vSphere HA Deepdive")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            long responseMs = EarliestResponseMs(cluster);
            foreach (var host in cluster.Hosts)
                foreach (var adapter in cluster.ManagementAdapters(host))
                {
                    var team = scope.TeamOf(adapter.PortGroup);
                    // After a bounce the adapter is back on the uplink at once if it has nowhere else to go, or by
                    // failback; without failback it stays on the uplink it failed over to.
                    bool returns = team.Members.Count == 1 || team.Policy.FailbackEnabled;
                    if (!returns) continue;
                    foreach (var uplink in team.CabledActive.Where(u => !u.SwitchPort.IsPortFastEffective))
                    {
                        long forwardMs = 2 * (long)uplink.SwitchPort.PhysicalSwitch.ForwardDelay.TotalMilliseconds;
                        // Failing back waits the up delay, and the heartbeats stop only from then until the port forwards.
                        long upDelayMs = team.Members.Count > 1 ? VirtNet.Teaming.Team.UpDelayOf(adapter.PortGroup.VirtualSwitch) : 0;
                        if (upDelayMs >= forwardMs || responseMs > forwardMs + BounceMs - upDelayMs) continue;
                        yield return Finding(uplink.SwitchPort.Path,
                            $"{uplink.SwitchPort.Path} carries management port {adapter.Name} of {host.Name} ({uplink.Name}) and forwards " +
                            $"{Seconds(forwardMs)} s after a link-up; cluster {cluster.Name} applies the isolation response {Seconds(responseMs)} s " +
                            $"after heartbeats stop, so a 1 s bounce of {uplink.Name} isolates {host.Name}" +
                            (team.Members.Count > 1 ? $" (failback returns {adapter.Name} to it {upDelayMs} ms after its link comes up, Net.TeamPolicyUpDelay)." : "."));
                    }
                }
        }

        /// <summary>How soon after heartbeats stop the cluster applies an isolation response, at the earliest.</summary>
        internal static long EarliestResponseMs(VNCluster cluster)
        {
            if (cluster.HaAgent == HaAgent.Aam) return (long)cluster.FailureDetectionTime.Value.TotalMilliseconds - 1000;
            // The master is the quickest to isolate: 5 s, then the policy delay (zero on 5.0).
            return 5000 + (long)cluster.IsolationPolicyDelay.TotalMilliseconds;
        }

        static string Seconds(long ms) => (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
    }
}
