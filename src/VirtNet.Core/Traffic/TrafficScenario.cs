using System;
using System.Collections.Generic;

namespace VirtNet
{
    /// <summary>What a simulation assumes beyond the model: failures, recoveries and what-if settings.</summary>
    public sealed class TrafficScenario
    {
        /// <summary>Uplinks whose link is down (NIC, cable, or the switch or stack member they are cabled to).</summary>
        public List<VNUplink> FailedUplinks { get; } = new List<VNUplink>();
        /// <summary>Uplinks whose link stays up while the path beyond their switch port is down.</summary>
        public List<VNUplink> UpstreamFailedUplinks { get; } = new List<VNUplink>();
        /// <summary>Uplinks that failed before and are up again.</summary>
        public List<VNUplink> RecoveredUplinks { get; } = new List<VNUplink>();
        /// <summary>Evaluate every ESX port group as if it used this policy (null: as configured); Hyper-V teams and bonds keep theirs.</summary>
        public LoadBalancingPolicy? LoadBalancingPolicy { get; set; }
        /// <summary>Evaluate each port group as if the physical switch matched its policy: a static channel with
        /// src-dst-ip over the active uplinks for IP hash, ports on their own for the others.</summary>
        public bool AssumeMatchingPhysicalSwitch { get; set; }

        /// <summary>
        /// How long ago the failures and recoveries happened; null: long enough for every delay to have passed. Within
        /// a bond's miimon + downdelay a failed slave is still chosen and loses what it gets; within miimon + updelay
        /// a recovered slave is not used yet (<see cref="LinuxBonding.UsableAfterLinkUp"/>).
        /// </summary>
        public TimeSpan? Elapsed { get; set; }

        public bool HasFailures => FailedUplinks.Count > 0 || UpstreamFailedUplinks.Count > 0 || RecoveredUplinks.Count > 0;

        internal TeamingOption Teaming => LoadBalancingPolicy.HasValue ? TeamingOption.Esx(LoadBalancingPolicy.Value) : null;

        internal UplinkState[] States(Traffic.TrafficModel model)
        {
            var state = new UplinkState[model.Uplinks.Length];
            foreach (var u in RecoveredUplinks) Set(model, state, u, UplinkState.Recovered);
            foreach (var u in UpstreamFailedUplinks) Set(model, state, u, UplinkState.UpstreamFailed);
            foreach (var u in FailedUplinks) Set(model, state, u, UplinkState.Failed);
            if (Elapsed.HasValue)
                for (int u = 0; u < state.Length; u++)
                {
                    var bond = model.Uplinks[u].VirtualSwitch;
                    if (bond?.BondMode == null) continue;
                    if (state[u] == UplinkState.Recovered && Elapsed < LinuxBonding.UsableAfterLinkUp(bond)) state[u] = UplinkState.Failed;
                    // The link is down but the bond has not dropped the slave: to the simulation, a failure it does not see.
                    else if (state[u] == UplinkState.Failed && Elapsed < LinuxBonding.DroppedAfterLinkDown(bond)) state[u] = UplinkState.UpstreamFailed;
                }
            return state;
        }

        static void Set(Traffic.TrafficModel model, UplinkState[] state, VNUplink uplink, UplinkState value)
        {
            int u = model.IndexOf(uplink);
            if (u >= 0) state[u] = value;
        }
    }

    /// <summary>How far a long simulation is, for progress display.</summary>
    public readonly struct SimulationProgress
    {
        public SimulationProgress(int percentComplete, string status) { PercentComplete = percentComplete; Status = status; }
        public int PercentComplete { get; }
        public string Status { get; }
    }
}
