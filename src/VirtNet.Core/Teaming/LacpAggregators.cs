using System.Collections.Generic;

namespace VirtNet.Teaming
{
    /// <summary>
    /// The aggregators an LACP team forms when its members reach more than one partner: one per LACP channel
    /// (partner system and key), so two switches that are no stack and no vPC/MLAG pair give two. A team is one MAC
    /// client and transmits on one aggregator only; the others' links stay idle.
    /// <para>
    /// A Linux 802.3ad bond picks it as ad_agg_selection_logic does (drivers/net/bonding/bond_3ad.c;
    /// Documentation/networking/bonding.rst, ad_select): an aggregator whose partner answers beats one without (a
    /// slave whose port is in no LACP channel is an individual aggregator of its own); then, for count, the most
    /// slaves up; then the largest bandwidth (slaves up times speed); on a tie the aggregator already active, else the
    /// first in slave order. With stable (the default) the active aggregator is kept while any of its slaves is up;
    /// bandwidth and count choose again whenever a slave's link changes.
    /// </para>
    /// <para>
    /// Microsoft (Windows Server NIC Teaming, switch dependent modes: all members on one switch or a multi-chassis
    /// switch) and VMware (a LAG's ports on one switch, a stack or an MLAG pair) require one partner and do not
    /// document the choice between aggregators; the model gives Hyper-V LACP teams and distributed switch LAGs the
    /// standard's stable selection, the bond's default.
    /// </para>
    /// </summary>
    internal sealed class LacpAggregators
    {
        LacpAggregators(int[] aggregatorOf, bool[] partnered, int[] speed, VNPortChannel[] channel)
        {
            AggregatorOf = aggregatorOf;
            Partnered = partnered;
            Speed = speed;
            Channel = channel;
        }

        /// <summary>Per member, the index of its aggregator: the position of the aggregator's first member.</summary>
        public int[] AggregatorOf { get; }
        /// <summary>Per member, whether its port is in an LACP channel, whose partner answers.</summary>
        public bool[] Partnered { get; }
        /// <summary>Per member, its speed in Mbps.</summary>
        public int[] Speed { get; }
        /// <summary>Per member, the LACP channel (both sides of a multi-chassis one as one) its port is in; null for none.</summary>
        public VNPortChannel[] Channel { get; }

        /// <summary>
        /// The aggregators of a team's members, in team order; null when the cabled members form fewer than two or
        /// none has a partner (ports in no LACP channel at all are left to the other rules).
        /// </summary>
        public static LacpAggregators Of(IReadOnlyList<VNUplink> members)
        {
            int n = members.Count;
            var aggregatorOf = new int[n];
            var partnered = new bool[n];
            var speed = new int[n];
            var channel = new VNPortChannel[n];
            int aggregators = 0;
            bool anyPartner = false;
            for (int i = 0; i < n; i++)
            {
                var lacp = members[i].SwitchPort?.PortChannel?.Logical;
                channel[i] = lacp != null && lacp.IsLacp ? lacp : null;
                partnered[i] = channel[i] != null;
                anyPartner |= partnered[i];
                speed[i] = members[i].SpeedMbps;
                aggregatorOf[i] = i;
                for (int k = 0; k < i && partnered[i]; k++)
                    if (channel[k] == channel[i]) { aggregatorOf[i] = aggregatorOf[k]; break; }
                // A member the model has not cabled has an unknown partner: it counts for no split of its own.
                if (aggregatorOf[i] == i && members[i].SwitchPort != null) aggregators++;
            }
            return anyPartner && aggregators >= 2 ? new LacpAggregators(aggregatorOf, partnered, speed, channel) : null;
        }

        /// <summary>
        /// The active aggregator (index of its first member) for the members up now, given the one active before
        /// (-1: none, as when the team comes up); -1 when no member is up.
        /// </summary>
        public int Choose(bool[] up, AdSelect policy, int current)
        {
            if (current >= 0 && Ports(current, up) == 0) current = -1;
            int best = current;
            for (int a = 0; a < AggregatorOf.Length; a++)
                if (AggregatorOf[a] == a && Ports(a, up) > 0) best = Better(best, a, up, policy);
            // stable keeps an active aggregator with a slave up, unless it has no partner and the best one has.
            if (policy == AdSelect.Stable && current >= 0 && (Partnered[current] || !Partnered[best])) return current;
            return best;
        }

        /// <summary>The aggregator the team transmits on when all its members are up, as it comes up.</summary>
        public int Initial(AdSelect policy)
        {
            if (_initial[(int)policy] < 0)
            {
                var up = new bool[AggregatorOf.Length];
                for (int i = 0; i < up.Length; i++) up[i] = true;
                _initial[(int)policy] = Choose(up, policy, -1);
            }
            return _initial[(int)policy];
        }

        /// <summary>
        /// Keeps, of the first <paramref name="count"/> usable uplinks, those whose switch port its LACP channel
        /// bundles, and returns how many are left. A port the channel holds hot-standby (beyond lacp max-bundle),
        /// suspended or stand-alone is not collecting, so the team does not distribute on it either (IEEE 802.1AX);
        /// a hot-standby port takes the place of a bundled one whose link is down. The switch's side of the same choice
        /// is <see cref="VNPortChannel.CarryingMembers"/>, asked here with this team's link states.
        /// </summary>
        static int KeepBundled(Team team, UplinkState[] state, int[] usable, int count)
        {
            if (!team.HoldsMembersBack) return count;
            var ports = team.ActivePorts;
            bool LinkDown(VNSwitchPort port)
            {
                int i = System.Array.IndexOf(ports, port);
                return i >= 0 && (state[team.Active[i]] == UplinkState.Failed || state[team.Active[i]] == UplinkState.UpDelay);
            }
            int kept = 0;
            for (int k = 0; k < count; k++)
            {
                int i = System.Array.IndexOf(team.Active, usable[k]);
                var port = i >= 0 ? ports[i] : null;
                var channel = port?.PortChannel;
                if (channel == null || !channel.IsLacp || channel.CarryingMembers(LinkDown).Contains(port)) usable[kept++] = usable[k];
            }
            return kept;
        }

        // Per ad_select, the initial choice: it depends on the members only, and a run asks for it again and again.
        readonly int[] _initial = { -1, -1, -1 };


        /// <summary>ad_agg_selection_test: whether aggregator a replaces the best so far.</summary>
        int Better(int best, int a, bool[] up, AdSelect policy)
        {
            if (best < 0) return a;
            if (Partnered[a] != Partnered[best]) return Partnered[a] ? a : best;
            if (policy == AdSelect.Count)
            {
                int ports = Ports(a, up), bestPorts = Ports(best, up);
                if (ports != bestPorts) return ports > bestPorts ? a : best;
            }
            return Bandwidth(a, up) > Bandwidth(best, up) ? a : best;
        }

        int Ports(int aggregator, bool[] up)
        {
            int count = 0;
            for (int i = 0; i < AggregatorOf.Length; i++)
                if (AggregatorOf[i] == aggregator && up[i]) count++;
            return count;
        }

        long Bandwidth(int aggregator, bool[] up)
        {
            long sum = 0;
            for (int i = 0; i < AggregatorOf.Length; i++)
                if (AggregatorOf[i] == aggregator && up[i]) sum += Speed[i];
            return sum;
        }

        /// <summary>
        /// Whether LACP channels form towards the team: a distributed switch from vSphere 5.1 (one LAG with IP hash;
        /// 5.5 enhanced LACP), a standard vSwitch never; a Hyper-V team in Lacp mode; a bond in 802.3ad.
        /// </summary>
        public static bool Negotiates(TeamRun run)
        {
            var vswitch = run.Team.VirtualSwitch;
            return run.Option.Platform == Hypervisor.Esx
                ? vswitch.Type == VirtualSwitchType.Distributed && vswitch.Host.VersionInfo.IsAtLeast(5, 1)
                : run.Option.SpeaksLacp;
        }

        /// <summary>The team sends as one LAG over its LACP channels: a bond in 802.3ad, a Hyper-V Lacp team, a distributed switch's IP hash.</summary>
        static bool SendsAsOneLag(TeamRun run) =>
            Negotiates(run) && (run.Option.Platform != Hypervisor.Esx || run.Option.LoadBalancingPolicy == LoadBalancingPolicy.LoadBalanceIP);

        /// <summary>The ad_select a team's aggregators are chosen by: the bond's; stable for the other platforms.</summary>
        public static AdSelect PolicyOf(TeamRun run) => run.Team.VirtualSwitch.AdSelect ?? AdSelect.Stable;

        /// <summary>
        /// Keeps, of the first <paramref name="count"/> usable uplinks in <paramref name="usable"/>, those whose
        /// port the channel bundles and, of those, the ones of the active aggregator, and returns how many are left; sets <see cref="TeamRun.ActiveAggregator"/>. The
        /// aggregator active now follows from the one chosen as the team came up (all members up), then the one
        /// chosen while the failures lasted (recovered members still down), as ad_select reselects.
        /// </summary>
        public static int Narrow(TeamRun run, UplinkState[] state, int[] usable, int count)
        {
            var team = run.Team;
            var aggregators = team.Aggregators;
            run.ActiveAggregator = -1;
            if (!SendsAsOneLag(run)) return count;
            count = KeepBundled(team, state, usable, count);
            if (aggregators == null) return count;
            var policy = PolicyOf(run);
            var members = team.Active;
            var up = run.MemberUp;
            int initial = aggregators.Initial(policy);
            // A slave still in its updelay is not up to LACP either (BOND_LINK_BACK); a recovered one was down meanwhile.
            for (int i = 0; i < up.Length; i++) up[i] = state[members[i]] != UplinkState.Failed && state[members[i]] != UplinkState.UpDelay && state[members[i]] != UplinkState.Recovered;
            int during = aggregators.Choose(up, policy, initial);
            for (int i = 0; i < up.Length; i++) up[i] = state[members[i]] != UplinkState.Failed && state[members[i]] != UplinkState.UpDelay;
            int now = aggregators.Choose(up, policy, during);
            run.ActiveAggregator = now;
            if (now < 0) return count;
            int kept = 0;
            for (int k = 0; k < count; k++)
            {
                int i = System.Array.IndexOf(members, usable[k]);
                if (i < 0 || aggregators.AggregatorOf[i] == now) usable[kept++] = usable[k];
            }
            return kept;
        }
    }
}
