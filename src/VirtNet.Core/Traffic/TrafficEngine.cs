using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Teaming;

namespace VirtNet.Traffic
{
    /// <summary>The outcome of one run: per flow its uplinks and status, per uplink its load.</summary>
    internal sealed class TrafficRun
    {
        public TrafficRun(TrafficModel model, UplinkState[] state)
        {
            State = state;
            int flows = model.FlowCount, uplinks = model.Uplinks.Length;
            _model = model;
            FlowUplink = new short[flows];
            _hashedInbound = new PhysicalSwitchSide.Channel[model.RunSource.Length];
            TxLevel = new double[uplinks];
            RxLevel = new double[uplinks];
            TxMbps = new double[uplinks];
            RxMbps = new double[uplinks];
            FlowCount = new int[uplinks];
        }

        public UplinkState[] State { get; }
        /// <summary>The teams in force in this run, by team index.</summary>
        public TeamRun[] Teams;
        /// <summary>Per flow, the uplink index it sends on (-1: none); short, as a simulation has at most 32,767 uplinks.</summary>
        public short[] FlowUplink { get; }

        // Per flow, the inbound uplink and the status are kept only where they must be: a run whose frames a
        // channel hashes (and which receives nothing to share) computes its inbound uplinks when asked, and a flow
        // with no status stored is Ok. The common bulk case then costs one array, not three.
        readonly TrafficModel _model;
        short[] _inbound;
        byte[] _status;
        readonly PhysicalSwitchSide.Channel[] _hashedInbound;
        (uint Mask, uint Key)[] _hashKey;

        /// <summary>Per flow, the uplink the physical switch delivers its frames on (-1: none); null while no run stores them.</summary>
        public short[] StoredInbound => _inbound;
        /// <summary>Per flow, its <see cref="FlowStatus"/>; null while every flow is Ok.</summary>
        public byte[] StoredStatus => _status;

        public short[] EnsureInbound() => _inbound ?? (_inbound = new short[FlowUplink.Length]);
        public byte[] EnsureStatus() => _status ?? (_status = new byte[FlowUplink.Length]);

        /// <summary>Run r's inbound uplinks are the channel's bucket for each flow's remote address, computed when asked.</summary>
        public void HashInbound(int r, PhysicalSwitchSide.Channel channel, uint mask, uint key)
        {
            _hashedInbound[r] = channel;
            if (_hashKey == null) _hashKey = new (uint, uint)[_hashedInbound.Length];
            _hashKey[r] = (mask, key);
        }

        public FlowStatus StatusOf(int f) => _status == null ? FlowStatus.Ok : (FlowStatus)_status[f];

        public int InboundOf(int r, int f)
        {
            var channel = _hashedInbound[r];
            if (channel == null) return _inbound[f];
            var (mask, key) = _hashKey[r];
            return channel.BucketUplink[((_model.DestinationOf(r, f) & mask) ^ key) & (EtherChannelHash.Buckets - 1)];
        }

        /// <summary>Max-min water level per uplink and direction (+Infinity: not saturated).</summary>
        public double[] TxLevel { get; }
        public double[] RxLevel { get; }
        public double[] TxMbps { get; }
        public double[] RxMbps { get; }
        /// <summary>Flows sending on each uplink.</summary>
        public int[] FlowCount { get; }
        public LoadBasedTeaming.Outcome LoadBased;
        /// <summary>Set by the findings step (<see cref="TrafficFindings"/>), not by the engine.</summary>
        public VNFinding[] Findings;
        /// <summary>Per team, what the physical switches make of its uplinks.</summary>
        public PhysicalSwitchSide[] Physical;
        /// <summary>Per team and <see cref="FlowStatus"/>, its flows in that status (team * status count + status).</summary>
        public int[] StatusCount;
        /// <summary>Per uplink, the flows lost to a failure behind it that detection does not see.</summary>
        public int[] Blackholed;
        /// <summary>Per uplink, the flows whose return traffic arrives on it.</summary>
        public int[] InboundCount;
        /// <summary>What broadcast bonds send as copies of frames another slave already carries: load, not throughput.</summary>
        public double CopiedMbps;
        /// <summary>Flows whose status is an error: they deliver nothing.</summary>
        public int LostFlowCount;

        public static bool Delivers(FlowStatus status) => status <= FlowStatus.ChannelNotFormed;

        public double AggregateMbps
        {
            get
            {
                double sum = 0;
                for (int u = 0; u < TxMbps.Length; u++) sum += TxMbps[u] + RxMbps[u];
                return sum - CopiedMbps;
            }
        }

        /// <summary>What flow f (of run r) gets in each direction: its demand, capped at its uplink's water level.</summary>
        public double OutboundMbps(TrafficModel model, int r, int f) =>
            Delivers(StatusOf(f)) && model.RunDirection[r] != FlowDirection.Inbound ? Math.Min(model.RunDemand[r], TxLevel[FlowUplink[f]]) : 0;

        public double InboundMbps(TrafficModel model, int r, int f) =>
            Delivers(StatusOf(f)) && model.RunDirection[r] != FlowDirection.Outbound ? Math.Min(model.RunDemand[r], RxLevel[InboundOf(r, f)]) : 0;
    }

    /// <summary>
    /// One simulation run over a compiled model: teams pick their uplinks (failover, then the teaming algorithm),
    /// flows are placed, the physical switch side gives each flow its inbound uplink and status, and each
    /// direction of each uplink is shared max-min fairly among the flows that get through.
    /// </summary>
    internal static class TrafficEngine
    {
        internal const int StatusCount = (int)FlowStatus.NoUplink + 1;

        /// <param name="whatIf">Evaluate every team of that platform as if it used this teaming; null: as configured.</param>
        public static TrafficRun Run(TrafficModel model, UplinkState[] state, TeamingOption whatIf, bool assumeMatching, MaxMinFairShare share)
        {
            var run = new TrafficRun(model, state);
            var teams = new TeamRun[model.Teams.Length];
            for (int t = 0; t < teams.Length; t++)
            {
                var team = model.Teams[t];
                teams[t] = new TeamRun(team, whatIf != null && whatIf.Platform == team.Option.Platform ? whatIf : team.Option);
                teams[t].Choose(state);
            }
            run.Teams = teams;

            Place(model, run, teams);
            if (teams.Any(IsRebalancing))
            {
                run.LoadBased = RebalanceLoadBased(model, run, teams);
                Place(model, run, teams);
            }

            var physical = new PhysicalSwitchSide[teams.Length];
            for (int t = 0; t < teams.Length; t++) physical[t] = new PhysicalSwitchSide(model, teams[t], state, assumeMatching);

            var statusCount = new int[teams.Length * StatusCount];
            var blackholed = new int[model.Uplinks.Length];
            var inboundCount = new int[model.Uplinks.Length];
            var flapping = FindMacFlaps(model, run, teams, physical);
            int lost = 0;
            bool anyUpstream = Array.IndexOf(state, UplinkState.UpstreamFailed) >= 0;
            var flowUplink = run.FlowUplink;
            for (int r = 0; r < model.RunSource.Length; r++)
            {
                int s = model.RunSource[r], t = model.SourceTeam[s];
                var team = teams[t];
                var option = team.Option;
                var side = physical[t];
                bool shotgun = team.Shotgun;
                // Most teams receive where they send; only the others need a look per flow.
                bool receivesWhereSent = option.InboundOnOwnPorts == InboundDistribution.SendingMember && !option.InboundOnPortMember;
                FlowStatus unbundled = flapping[s] ? FlowStatus.MacFlap : FlowStatus.Ok;
                int statusBase = t * StatusCount, start = model.RunStart[r], end = model.RunStart[r + 1];
                if (!anyUpstream && !shotgun && unbundled == FlowStatus.Ok && side.OneServingChannel is PhysicalSwitchSide.Channel bundle
                    && bundle.OnSecondary == null && option.AcceptsChannel(bundle.Real))
                {
                    // The common channel case (IP hash, a switch dependent team, a bond in a channel mode): every usable
                    // uplink is in one formed channel of the kind the team expects, whose members all serve the
                    // team, so every flow is Ok and only the inbound member varies. It is stored only when the run
                    // receives, for the receive side's fair share; the uplinks it lands on are all cabled.
                    var (mask, key) = EtherChannelHash.InboundKey(bundle.Method, model.SourceIp[s], model.SourceMac[s]);
                    if (model.RunDirection[r] == FlowDirection.Outbound)
                        run.HashInbound(r, bundle, mask, key);
                    else
                    {
                        var bucketUplink = bundle.BucketUplink;
                        var stored = run.EnsureInbound();
                        for (int f = start; f < end; f++)
                            stored[f] = (short)bucketUplink[((model.DestinationOf(r, f) & mask) ^ key) & (EtherChannelHash.Buckets - 1)];
                    }
                    bundle.Flows += end - start;
                    statusCount[statusBase + (int)FlowStatus.Ok] += end - start;
                    continue;
                }
                var flowInbound = run.EnsureInbound();
                for (int f = start; f < end; f++)
                {
                    int u = flowUplink[f], inbound;
                    FlowStatus status;
                    if (u < 0) { status = FlowStatus.NoUplink; inbound = -1; }
                    else if (shotgun) { status = FlowStatus.Shotgun; inbound = u; }
                    else if (side.ChannelOf(u) is int c && c >= 0)
                    {
                        var channel = side.Channels[c];
                        // Inbound frames come from the remote end to this adapter.
                        uint remote = model.DestinationOf(r, f);
                        inbound = channel.Inbound(EtherChannelHash.Bucket(channel.Method, remote, model.SourceIp[s], remote, model.SourceMac[s]), u);
                        status = option.AcceptsChannel(channel.Real) && inbound >= 0 && side.Serves(inbound) ? FlowStatus.Ok : FlowStatus.ChannelMismatch;
                        channel.Flows++;
                        if (status != FlowStatus.Ok) channel.Mismatched++;
                    }
                    else
                    {
                        inbound = receivesWhereSent ? u : InboundOnOwnPort(model, team, s, u);
                        status = unbundled == FlowStatus.Ok && side.NotFormed(u) != null ? FlowStatus.ChannelNotFormed : unbundled;
                    }
                    if (status <= FlowStatus.ChannelNotFormed)
                    {
                        if (state[u] == UplinkState.UpstreamFailed) { status = FlowStatus.Blackholed; blackholed[u]++; }
                        else if (state[inbound] == UplinkState.UpstreamFailed) { status = FlowStatus.Blackholed; blackholed[inbound]++; }
                    }
                    if (status > FlowStatus.ChannelNotFormed) lost++;
                    flowInbound[f] = (short)inbound;
                    if (status != FlowStatus.Ok) run.EnsureStatus()[f] = (byte)status;
                    statusCount[statusBase + (int)status]++;
                    if (inbound >= 0) inboundCount[inbound]++;
                }
            }

            run.LostFlowCount = lost;
            const byte lastDelivering = (byte)FlowStatus.ChannelNotFormed;
            share.Share(model.RunStart, model.RunDemand, model.RunDirection, FlowDirection.Inbound, run.FlowUplink, run.StoredStatus, lastDelivering,
                BondPlacement.SendingCapacity(teams, model.Capacity), run.TxLevel, run.TxMbps);
            run.CopiedMbps = BondPlacement.SpreadSprayed(teams, model.Capacity, run.TxLevel, run.TxMbps);
            // Every run that receives has stored its inbound uplinks.
            share.Share(model.RunStart, model.RunDemand, model.RunDirection, FlowDirection.Outbound, run.StoredInbound, run.StoredStatus, lastDelivering,
                model.Capacity, run.RxLevel, run.RxMbps);
            run.Physical = physical;
            run.StatusCount = statusCount;
            run.Blackholed = blackholed;
            run.InboundCount = inboundCount;
            return run;
        }

        /// <summary>
        /// Where the switch delivers a flow's return frames when its uplink's port is on its own: where the source's
        /// MAC was learned, the uplink it sends on, except for the teams that receive elsewhere by design (see
        /// <see cref="InboundDistribution"/>).
        /// <para>
        /// balance-alb balances only the replies to ARP requests for the bond's own addresses (bond_alb.c,
        /// rlb_arp_xmit). The flows of a bond in the model come from VMs bridged over it, which answer ARP with their
        /// own MAC; only the active slave sends that MAC (bond_do_alb_xmit writes the slave's own MAC into the frames
        /// it sends elsewhere), so the switch delivers to them there, as for balance-tlb.
        /// </para>
        /// </summary>
        static int InboundOnOwnPort(TrafficModel model, TeamRun team, int s, int u)
        {
            var usable = team.Usable;
            switch (team.Option.InboundOnOwnPorts)
            {
                case InboundDistribution.PrimaryMember:
                case InboundDistribution.PerPeer:
                    return team.ActiveSlave >= 0 ? team.ActiveSlave : usable.Length > 0 ? usable[0] : u;
                default:
                    // Hyper-V Dynamic receives on the member its switch port is assigned to, as HyperVPort would send.
                    return team.Option.InboundOnPortMember && usable.Length > 0
                        ? usable[HyperVTeamHash.MemberIndex(LoadBalancingAlgorithm.HyperVPort, usable.Length, team.Team.PortIds[model.SourceTeamPort[s]], 0, 0, 0, 0, false, 0, 0)]
                        : u;
            }
        }

        internal static bool IsRebalancing(TeamRun team) =>
            team.Policy == LoadBalancingPolicy.LoadBalanceLoadBased && team.Usable.Length >= 2 && !team.Shotgun;

        /// <summary>
        /// Sets every flow's sending uplink, and counts the flows of each uplink; in shotgun mode the copy that gets
        /// through is the one that counts. Bonds that hand out buckets by load first measure each bucket's load
        /// (<see cref="BondBuckets"/>), in a pass whose placements the real one overwrites.
        /// </summary>
        static void Place(TrafficModel model, TrafficRun run, TeamRun[] teams)
        {
            if (BondPlacement.BeginPlacement(teams, model.Capacity))
            {
                PlaceRuns(model, run, teams);
                BondPlacement.EndMeasuring(teams);
            }
            PlaceRuns(model, run, teams);
        }

        static void PlaceRuns(TrafficModel model, TrafficRun run, TeamRun[] teams)
        {
            var dest = model.Destinations;
            var flowCount = run.FlowCount;
            Array.Clear(flowCount, 0, flowCount.Length);
            for (int r = 0; r < model.RunSource.Length; r++)
            {
                int s = model.RunSource[r];
                var team = teams[model.SourceTeam[s]];
                int start = model.RunStart[r], end = model.RunStart[r + 1];
                team.Algorithm.PlaceFlows(team, model.SourceTeamPort[s], model.SourceIp[s], dest, model.RunFirstDestination[r], start, end,
                    run.FlowUplink, flowCount, model.PortsOf(r));
                if (team.Shotgun && team.ShotgunDelivers >= 0)
                    for (int f = start; f < end; f++)
                    {
                        int u = run.FlowUplink[f];
                        if (u < 0) continue;
                        flowCount[u]--;
                        flowCount[team.ShotgunDelivers]++;
                        run.FlowUplink[f] = (short)team.ShotgunDelivers;
                    }
            }
        }

        static LoadBasedTeaming.Outcome RebalanceLoadBased(TrafficModel model, TrafficRun run, TeamRun[] teams)
        {
            var lbt = new List<TeamRun>();
            var demand = new List<LoadBasedTeaming.PortDemand[]>();
            var slot = new int[teams.Length];
            for (int t = 0; t < teams.Length; t++)
            {
                slot[t] = -1;
                if (!IsRebalancing(teams[t])) continue;
                slot[t] = lbt.Count;
                lbt.Add(teams[t]);
                demand.Add(new LoadBasedTeaming.PortDemand[teams[t].PortUplink.Length]);
            }
            var tx = new double[model.Uplinks.Length];
            var rx = new double[model.Uplinks.Length];
            for (int r = 0; r < model.RunSource.Length; r++)
            {
                int s = model.RunSource[r], k = slot[model.SourceTeam[s]];
                double d = model.RunDemand[r];
                bool sends = model.RunDirection[r] != FlowDirection.Inbound, receives = model.RunDirection[r] != FlowDirection.Outbound;
                for (int f = model.RunStart[r]; f < model.RunStart[r + 1]; f++)
                {
                    if (k >= 0)
                    {
                        ref var port = ref demand[k][model.SourceTeamPort[s]];
                        if (sends) { if (double.IsPositiveInfinity(d)) port.TxUnlimited = true; else port.Tx += d; }
                        if (receives) { if (double.IsPositiveInfinity(d)) port.RxUnlimited = true; else port.Rx += d; }
                        continue;
                    }
                    int u = run.FlowUplink[f];
                    if (u < 0) continue;
                    if (sends) tx[u] += Math.Min(d, model.Capacity[u]);
                    if (receives) rx[u] += Math.Min(d, model.Capacity[u]);
                }
            }
            return LoadBasedTeaming.Rebalance(lbt, demand, model.Capacity, tx, rx);
        }

        /// <summary>
        /// A source whose frames leave on more than one logical switch port (ports not bundled in one formed channel)
        /// makes its MAC flap between them: IP hash, switch dependent Hyper-V address hashes and the bond modes that
        /// hash spread one source that way, and balance-rr and broadcast send every flow on every slave.
        /// </summary>
        static bool[] FindMacFlaps(TrafficModel model, TrafficRun run, TeamRun[] teams, PhysicalSwitchSide[] physical)
        {
            var flapping = new bool[model.SourceIp.Length];
            var first = new int[model.SourceIp.Length];
            for (int s = 0; s < first.Length; s++) first[s] = -1;
            for (int r = 0; r < model.RunSource.Length; r++)
            {
                int s = model.RunSource[r], t = model.SourceTeam[s];
                if (!teams[t].Option.SpreadsSourceMac || teams[t].Shotgun) continue;
                var side = physical[t];
                if (side.SingleLogicalPort) continue;
                if (teams[t].Option.SendsOnEveryMember && teams[t].Usable.Length > 1) { flapping[s] = true; continue; }
                for (int f = model.RunStart[r]; f < model.RunStart[r + 1]; f++)
                {
                    int u = run.FlowUplink[f];
                    if (u < 0) continue;
                    int port = side.LogicalPort(u);
                    if (port < 0) continue;
                    if (first[s] < 0) first[s] = port;
                    else if (first[s] != port) { flapping[s] = true; break; }
                }
            }
            return flapping;
        }
    }
}
