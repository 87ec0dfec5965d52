using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet
{
    /// <summary>What a simulation assumes beyond the model: failures, recoveries and what-if settings.</summary>
    public sealed class TrafficScenario
    {
        /// <summary>Uplinks whose link is down (NIC, cable, or the switch or stack member they are cabled to).</summary>
        public List<VNUplink> FailedUplinks { get; } = new List<VNUplink>();
        /// <summary>Physical switches that are down: the uplinks cabled to them lose their link.</summary>
        public List<VNPhysicalSwitch> FailedSwitches { get; } = new List<VNPhysicalSwitch>();
        /// <summary>
        /// vPC or MLAG pairs whose peer link is down (every cable of it): while both peers run, the secondary
        /// suspends its vPC member ports, and the uplinks cabled to them lose their link (<see cref="VNSwitchPair.SecondarySuspends"/>).
        /// </summary>
        public List<VNSwitchPair> FailedPeerLinks { get; } = new List<VNSwitchPair>();
        /// <summary>Uplinks whose link stays up while the path beyond their switch port is down.</summary>
        public List<VNUplink> UpstreamFailedUplinks { get; } = new List<VNUplink>();
        /// <summary>Uplinks that failed before and are up again.</summary>
        public List<VNUplink> RecoveredUplinks { get; } = new List<VNUplink>();
        /// <summary>
        /// How long ago the failures and recoveries happened; null: long enough for every delay to have passed. A
        /// recovered uplink is not used until its team's up delay has run out (<see cref="Teaming.Team.UpDelayOf"/>:
        /// ESX Net.TeamPolicyUpDelay, a bond's miimon + updelay); a bond still chooses a failed slave, and loses what
        /// it sends there, until miimon + downdelay have passed (<see cref="Teaming.Team.DownDelayOf"/>).
        /// </summary>
        public TimeSpan? Elapsed
        {
            get => _elapsed;
            set
            {
                if (value < TimeSpan.Zero)
                    throw new VirtNetException(ErrorIds.InvalidTimer, VirtNetErrorKind.InvalidArgument,
                        $"Elapsed {value} is negative: give how long ago the failures and recoveries happened, 0 or more.", value);
                _elapsed = value;
            }
        }
        TimeSpan? _elapsed;
        /// <summary>Evaluate every ESX port group as if it used this policy (null: as configured); Hyper-V teams and bonds keep theirs.</summary>
        public LoadBalancingPolicy? LoadBalancingPolicy { get; set; }
        /// <summary>Evaluate each port group as if the physical switch matched its policy: a static channel with
        /// src-dst-ip over the active uplinks for IP hash, ports on their own for the others.</summary>
        public bool AssumeMatchingPhysicalSwitch { get; set; }

        public bool HasFailures => FailedUplinks.Count > 0 || FailedSwitches.Count > 0 || FailedPeerLinks.Count > 0 || UpstreamFailedUplinks.Count > 0
            || RecoveredUplinks.Count > 0;

        internal TeamingOption Teaming => LoadBalancingPolicy.HasValue ? TeamingOption.Esx(LoadBalancingPolicy.Value) : null;

        internal UplinkState[] States(Traffic.TrafficModel model)
        {
            var state = new UplinkState[model.Uplinks.Length];
            long now = Elapsed.HasValue ? Elapsed.Value.Ticks / TimeSpan.TicksPerMillisecond : long.MaxValue;
            foreach (var u in RecoveredUplinks)
                Set(model, state, u, VirtNet.Teaming.Failover.StateAt(true, true, 0, now, VirtNet.Teaming.Team.UpDelayOf(u.VirtualSwitch)));
            foreach (var u in UpstreamFailedUplinks) Set(model, state, u, UplinkState.UpstreamFailed);
            // A link down that failure detection has not seen yet is, to the team, a failure behind a live link.
            foreach (var u in FailedUplinks.Concat(LinksDown(model)))
                Set(model, state, u, now < VirtNet.Teaming.Team.DownDelayOf(u.VirtualSwitch) ? UplinkState.UpstreamFailed : UplinkState.Failed);
            return state;
        }

        /// <summary>The uplinks cabled to a failed switch, or to a vPC port its secondary suspends.</summary>
        IEnumerable<VNUplink> LinksDown(Traffic.TrafficModel model)
        {
            if (FailedSwitches.Count == 0 && FailedPeerLinks.Count == 0) yield break;
            for (int u = 0; u < model.Uplinks.Length; u++)
            {
                var port = model.SwitchPort[u];
                if (port == null) continue;
                var pair = port.PhysicalSwitch.Pair;
                if (FailedSwitches.Contains(port.PhysicalSwitch)
                    || (pair != null && pair.SuspendsWithPeerLink(port) && VNSwitchPair.SecondarySuspends(!FailedSwitches.Contains(pair.Primary),
                        !FailedSwitches.Contains(pair.Secondary), !FailedPeerLinks.Contains(pair))))
                    yield return model.Uplinks[u];
            }
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
