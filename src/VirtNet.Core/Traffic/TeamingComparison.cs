using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Traffic;

namespace VirtNet
{
    /// <summary>One teaming option evaluated on one virtual switch with one set of flows (Compare-VNTeamingPolicy).</summary>
    public sealed class VNTeamingComparison
    {
        public VNVirtualSwitch VirtualSwitch { get; internal set; }
        /// <summary>The teaming evaluated: an ESX policy, a Hyper-V teaming mode and algorithm, or a bond mode and hash policy.</summary>
        public TeamingOption Teaming { get; internal set; }
        /// <summary>The ESX policy evaluated; null on a Hyper-V switch or a bond.</summary>
        public LoadBalancingPolicy? LoadBalancingPolicy => Teaming.LoadBalancingPolicy;
        /// <summary>False when the healthy run raises an error finding: the configuration does not work as it stands.</summary>
        public bool Valid { get; internal set; }
        /// <summary>Why it is not valid, one short reason per rule.</summary>
        public string[] Reason { get; internal set; }
        public double AggregateThroughputMbps { get; internal set; }
        /// <summary>Uplinks that carry delivered traffic in either direction.</summary>
        public int UplinksUsed { get; internal set; }
        public double MaxUtilizationPercent { get; internal set; }
        /// <summary>
        /// Jain's fairness index of the uplinks' utilization, (sum x)^2 / (n * sum x^2): 1 when every uplink is
        /// equally busy, 1/n when one carries everything, 0 when nothing is delivered.
        /// </summary>
        public double BalanceIndex { get; internal set; }
        /// <summary>The lowest aggregate throughput over the failures of each single uplink.</summary>
        public double WorstSingleFailureThroughputMbps { get; internal set; }
        public VNUplink WorstSingleFailureUplink { get; internal set; }
        /// <summary>Flows that moved to another uplink, out or in, in that worst failure.</summary>
        public int FlowsMovedByWorstFailure { get; internal set; }
        public bool AssumeMatchingPhysicalSwitch { get; internal set; }
        public VNFinding[] Findings { get; internal set; }

        public override string ToString() =>
            $"{Teaming}: {(Valid ? "valid" : "not valid")}, {AggregateThroughputMbps:0.#} Mbps over {UplinksUsed} uplink(s)";
    }

    /// <summary>Evaluates teaming options side by side on one virtual switch, healthy and after each single-uplink failure.</summary>
    public static class TeamingComparison
    {
        public static readonly IReadOnlyList<LoadBalancingPolicy> AllPolicies =
            (LoadBalancingPolicy[])Enum.GetValues(typeof(LoadBalancingPolicy));

        /// <summary>ESX policies (default: all) on an ESX vSwitch.</summary>
        public static IReadOnlyList<VNTeamingComparison> Compare(VNVirtualSwitch vswitch, VNFlowList flows,
            IEnumerable<LoadBalancingPolicy> policies = null, bool assumeMatchingPhysicalSwitch = false, IProgress<SimulationProgress> progress = null) =>
            Compare(vswitch, flows, TeamingOption.For(vswitch, (policies ?? AllPolicies).ToList()), assumeMatchingPhysicalSwitch, progress);

        /// <summary>Any options of the switch's platform, such as <see cref="TeamingOption.For"/> lists them.</summary>
        public static IReadOnlyList<VNTeamingComparison> Compare(VNVirtualSwitch vswitch, VNFlowList flows, IReadOnlyList<TeamingOption> options,
            bool assumeMatchingPhysicalSwitch = false, IProgress<SimulationProgress> progress = null)
        {
            var simulation = new TrafficSimulation(new[] { vswitch }, flows);
            var model = simulation.Model;
            var list = options.Distinct().ToList();
            int uplinks = model.Uplinks.Length, steps = list.Count * (1 + uplinks), step = 0;
            var rows = new List<VNTeamingComparison>();
            foreach (var option in list)
            {
                progress?.Report(new SimulationProgress(100 * step++ / steps, $"{option}: healthy"));
                var healthy = simulation.RunOnce(new UplinkState[uplinks], option, assumeMatchingPhysicalSwitch);
                var row = new VNTeamingComparison
                {
                    VirtualSwitch = vswitch,
                    Teaming = option,
                    AssumeMatchingPhysicalSwitch = assumeMatchingPhysicalSwitch,
                    Findings = healthy.Findings,
                    AggregateThroughputMbps = healthy.AggregateMbps,
                    WorstSingleFailureThroughputMbps = healthy.AggregateMbps,
                };
                var errors = healthy.Findings.Where(f => f.Severity == Severity.Error).ToList();
                row.Valid = errors.Count == 0;
                row.Reason = errors.Select(f => RuleCatalogue.Match(f.RuleId)[0].Title).Distinct().ToArray();

                double sum = 0, sumSquares = 0;
                for (int u = 0; u < uplinks; u++)
                {
                    double carried = healthy.TxMbps[u] + healthy.RxMbps[u];
                    if (carried > 0) row.UplinksUsed++;
                    row.MaxUtilizationPercent = Math.Max(row.MaxUtilizationPercent, 100.0 * Math.Max(healthy.TxMbps[u], healthy.RxMbps[u]) / model.Capacity[u]);
                    double x = carried / model.Capacity[u];
                    sum += x;
                    sumSquares += x * x;
                }
                row.BalanceIndex = Balance.JainIndex(sum, sumSquares, uplinks);

                for (int u = 0; u < uplinks; u++)
                {
                    progress?.Report(new SimulationProgress(100 * step++ / steps, $"{option}: {model.Uplinks[u].Name} failed"));
                    var state = new UplinkState[uplinks];
                    state[u] = UplinkState.Failed;
                    var failed = simulation.RunOnce(state, option, assumeMatchingPhysicalSwitch);
                    int moved = VNTrafficResult.CountMoved(model, healthy, failed);
                    double throughput = failed.AggregateMbps;
                    if (row.WorstSingleFailureUplink == null || throughput < row.WorstSingleFailureThroughputMbps
                        || (throughput == row.WorstSingleFailureThroughputMbps && moved > row.FlowsMovedByWorstFailure))
                    {
                        row.WorstSingleFailureUplink = model.Uplinks[u];
                        row.WorstSingleFailureThroughputMbps = throughput;
                        row.FlowsMovedByWorstFailure = moved;
                    }
                }
                rows.Add(row);
            }
            progress?.Report(new SimulationProgress(100, "Done"));
            return rows;
        }
    }
}
