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
        public VNFinding[] Findings;
        public LoadBasedTeaming.Outcome LoadBased;
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
        const int StatusCount = (int)FlowStatus.NoUplink + 1;

        /// <param name="whatIf">Evaluate every team of that platform as if it used this teaming; null: as configured.</param>
        public static TrafficRun Run(TrafficModel model, UplinkState[] state, TeamingOption whatIf, bool assumeMatching, MaxMinFairShare share)
        {
            var run = new TrafficRun(model, state);
            var teams = new TeamRun[model.Teams.Length];
            for (int t = 0; t < teams.Length; t++)
            {
                var team = model.Teams[t];
                teams[t] = new TeamRun(team, whatIf != null && whatIf.Platform == team.Option.Platform ? whatIf : team.Option);
                Failover.Select(teams[t], state);
                teams[t].Algorithm.AssignPorts(team, teams[t]);
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
                var channelOf = side.ChannelOf;
                var serves = side.Serves;
                var notFormed = side.NotFormed;
                bool shotgun = team.Shotgun;
                // Most teams receive where they send; only the others need a look per flow.
                bool receivesWhereSent = option.InboundOnOwnPorts == InboundDistribution.SendingMember && !option.InboundOnPortMember;
                FlowStatus unbundled = flapping[s] ? FlowStatus.MacFlap : FlowStatus.Ok;
                int statusBase = t * StatusCount, start = model.RunStart[r], end = model.RunStart[r + 1];
                if (!anyUpstream && !shotgun && unbundled == FlowStatus.Ok && side.OneServingChannel is PhysicalSwitchSide.Channel bundle
                    && option.AcceptsChannel(bundle.Real))
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
                    else if (channelOf[u] >= 0)
                    {
                        var channel = side.Channels[channelOf[u]];
                        // Inbound frames come from the remote end to this adapter.
                        uint remote = model.DestinationOf(r, f);
                        inbound = channel.BucketUplink[EtherChannelHash.Bucket(channel.Method, remote, model.SourceIp[s], remote, model.SourceMac[s])];
                        status = option.AcceptsChannel(channel.Real) && inbound >= 0 && serves[inbound] ? FlowStatus.Ok : FlowStatus.ChannelMismatch;
                        channel.Flows++;
                        if (status != FlowStatus.Ok) channel.Mismatched++;
                    }
                    else
                    {
                        inbound = receivesWhereSent ? u : InboundOnOwnPort(model, team, s, u);
                        status = unbundled == FlowStatus.Ok && notFormed[u] != null ? FlowStatus.ChannelNotFormed : unbundled;
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
            run.Findings = Findings(model, run, teams, physical, statusCount, blackholed, inboundCount);
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

        static bool IsRebalancing(TeamRun team) =>
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

        /// <summary>
        /// The findings of a Hyper-V team or a bond, under the configuration rules that describe them (VNW, VNL): each
        /// mode either needs its kind of port channel or must not meet one.
        /// </summary>
        static void PlatformFindings(TrafficRules.FindingSet findings, TeamRun team, PhysicalSwitchSide side, int noUplink, int macFlap, int tcpFlows,
            Func<IEnumerable<int>, string> uplinkNames, Func<IEnumerable<int>, string> ports)
        {
            var config = team.Team;
            var option = team.Option;
            bool hyperV = option.Platform == Hypervisor.HyperV;
            string subject = $"{config.Path} ({(hyperV ? "Hyper-V team" : "bond")} {option})";
            var required = option.RequiredPortChannel;
            var missingChannel = hyperV ? TrafficRules.HyperVTeamWithoutChannel : TrafficRules.BondWithoutChannel;
            var unwantedChannel = hyperV ? TrafficRules.HyperVTeamInChannel : TrafficRules.BondInChannel;
            string kind = required == RequiredPortChannel.Lacp ? "LACP (mode active)" : "static (mode on)";

            if (hyperV && config.Unused.Length > 0)
                findings.Add(TrafficRules.HyperVNicsWithoutTeam, config.VirtualSwitch.Path,
                    $"{config.VirtualSwitch.Path} has several NICs but neither SET nor a team, so it binds {uplinkNames(config.Active)} only; " +
                    $"{uplinkNames(config.Unused)} carry nothing.",
                    "Team the NICs with SET (Add-VNVirtualSwitch -EnableEmbeddedTeaming $true) or an LBFO team (New-VNTeam).");
            if (noUplink > 0)
                findings.Add(TrafficRules.NoUplink, config.Path,
                    $"No NIC of {config.Path} is usable; its {noUplink} flow(s) are lost.",
                    "Restore a NIC, or give the switch more NICs (Add-VNUplink).");
            if (team.UnknownDestinationMac > 0)
                findings.Add(TrafficRules.DestinationMacUnknown, config.Path,
                    $"{team.UnknownDestinationMac} flow(s) of {subject} hash a destination MAC the model does not know: no adapter or endpoint with a " +
                    "MAC owns the next hop (the peer on the subnet, else the gateway). They are placed as if it were 00:00:00:00:00:00.",
                    "Give the endpoints their MAC addresses (Add-VNEndpoint -MacAddress), or the flows theirs (New-VNFlow -DestinationMacAddress).");
            if (option.BondMode == BondMode.BalanceRR && team.Usable.Length > 1 && tcpFlows > 0)
                findings.Add(TrafficRules.RoundRobinReorders, config.Path,
                    $"{subject} sprays the packets of each of its {tcpFlows} TCP flow(s) over {uplinkNames(team.Usable)}, so they arrive out of order; " +
                    "TCP takes reordering for loss and slows down, so one connection may get less than the throughput shown, which is what the " +
                    "slaves carry (bonding.rst, balance-rr).",
                    "Raise net.ipv4.tcp_reordering on the receivers, or keep each connection on one slave with balance-xor or 802.3ad and layer3+4.");
            if (macFlap > 0)
                findings.Add(missingChannel, config.Path,
                    $"{subject} spreads the frames of each source over {uplinkNames(team.Usable)}, which are not one formed port channel, so the " +
                    $"physical switch sees the same source MAC on several ports (MAC flap); {macFlap} flow(s) are unreliable.",
                    $"Bundle the switch ports of the team's NICs ({ports(team.Usable)}) in one {kind} port channel on one switch or stack.");
            foreach (var channel in side.Channels)
            {
                if (channel.Real == null || channel.Flows == 0) continue;
                if (!option.AcceptsChannel(channel.Real))
                    findings.Add(required == RequiredPortChannel.None ? unwantedChannel : missingChannel, channel.Target,
                        required == RequiredPortChannel.None
                            ? $"{channel.Target} (mode {channel.Real.Mode}) bundles switch ports of {subject}, which expects ports on their own: the switch " +
                              $"hashes its frames onto any member ({channel.Flows} flow(s) affected)."
                            : $"{channel.Target} is mode {channel.Real.Mode}, but {subject} needs a {kind} channel ({channel.Flows} flow(s) affected).",
                        required == RequiredPortChannel.None
                            ? "Take the ports out of the channel, or use a teaming that expects one."
                            : $"Make the channel {kind}.");
                else if (channel.Mismatched > 0)
                    findings.Add(missingChannel, channel.Target,
                        $"{channel.Target} hashes {channel.Mismatched} flow(s) of {subject} onto member ports whose NIC does not carry its traffic.",
                        $"Make the channel's members exactly the switch ports of the team's active NICs ({ports(team.Usable)}).");
            }
            foreach (var u in team.Usable)
            {
                var channel = side.NotFormed[u];
                if (channel == null) continue;
                findings.Add(required == RequiredPortChannel.None ? unwantedChannel : missingChannel, channel.Path,
                    $"{channel.Path} is mode {channel.Mode} ({(channel.IsLacp ? "LACP" : "PAgP")}); {subject} does not negotiate it, so the channel never " +
                    "forms and its ports run on their own.",
                    required == RequiredPortChannel.None ? "Take the ports out of the channel." : $"Make the channel {kind}.");
            }
        }

        static VNFinding[] Findings(TrafficModel model, TrafficRun run, TeamRun[] teams, PhysicalSwitchSide[] physical,
            int[] statusCount, int[] blackholed, int[] inboundCount)
        {
            var findings = new TrafficRules.FindingSet();
            var state = run.State;
            string UplinkNames(IEnumerable<int> uplinks) => string.Join(", ", uplinks.Select(u => model.Uplinks[u].Name));
            string Ports(IEnumerable<int> uplinks) => string.Join(", ", uplinks.Where(u => model.SwitchPort[u] != null).Select(u => model.SwitchPort[u].Path));

            for (int t = 0; t < teams.Length; t++)
            {
                var team = teams[t];
                var config = team.Team;
                int Count(FlowStatus s) => statusCount[t * StatusCount + (int)s];
                if (team.Option.Platform != Hypervisor.Esx)
                {
                    int tcpFlows = 0;
                    for (int r = 0; r < model.RunSource.Length; r++)
                        if (model.SourceTeam[model.RunSource[r]] == t && model.Flows.Segments[r].Protocol == FlowProtocol.Tcp)
                            tcpFlows += model.RunStart[r + 1] - model.RunStart[r];
                    PlatformFindings(findings, team, physical[t], Count(FlowStatus.NoUplink), Count(FlowStatus.MacFlap), tcpFlows, UplinkNames, Ports);
                    continue;
                }
                bool ipHash = team.Policy == LoadBalancingPolicy.LoadBalanceIP;
                bool beacon = config.Detection == NetworkFailoverDetectionPolicy.BeaconProbing;

                bool spare = config.Standby.Length > 0 || config.Unused.Length > 0;
                if (ipHash && (spare || beacon))
                    findings.Add(TrafficRules.IpHashStandbyOrBeacon, config.Path,
                        (spare
                            ? $"{config.Path} uses IP hash with standby ({UplinkNames(config.Standby)}) or unused ({UplinkNames(config.Unused)}) uplinks. The " +
                              "switch's EtherChannel sends frames to every member, so the vSwitch must send on all of them (KB 1004048)."
                            : "") +
                        (spare && beacon ? " " : "") +
                        (beacon ? $"{config.Path} combines IP hash with beacon probing, which VMware does not support." : ""),
                        (spare ? "Make every uplink of the team active (Set-VNTeamingPolicy -MakeNicActive), and cable them all into the one static channel. " : "") +
                        (beacon ? "Use link status failure detection (Set-VNTeamingPolicy -NetworkFailoverDetectionPolicy LinkStatus)." : ""));
                if (beacon && config.BeaconUplinkCount < 3)
                    findings.Add(TrafficRules.BeaconTooFewUplinks, config.Path,
                        $"{config.Path} uses beacon probing with {config.BeaconUplinkCount} uplink(s); with fewer than three it cannot tell which path failed" +
                        (team.Shotgun ? $", and now sends every frame on both uplinks ({Count(FlowStatus.Shotgun)} flow(s) in shotgun mode)." : "; with two it sends every frame on both (shotgun)."),
                        "Give the team three or more uplinks, or use link status failure detection.");
                if (team.Policy == LoadBalancingPolicy.LoadBalanceLoadBased
                    && !(config.VirtualSwitch.Type == VirtualSwitchType.Distributed && config.VirtualSwitch.Host.VersionInfo.IsAtLeast(4, 1)))
                    findings.Add(TrafficRules.LoadBasedNeedsDistributed, config.Path,
                        $"{config.Path} uses load-based teaming, which needs a distributed switch on ESX 4.1 or later; " +
                        $"{config.VirtualSwitch.Path} is a {config.VirtualSwitch.Type} switch on ESX {config.VirtualSwitch.Host.Version}.",
                        "Use a distributed switch, or Route based on originating virtual port ID on a standard switch.");
                if (team.Policy == LoadBalancingPolicy.LoadBalanceSrcMac && config.PortsWithoutMac.Length > 0)
                    findings.Add(TrafficRules.MacUnknown, config.Path,
                        $"{config.PortsWithoutMac.Length} port(s) of {config.Path} have no MAC address ({string.Join(", ", config.PortsWithoutMac)}); " +
                        "source MAC hash places them as if their MAC were 00:00:00:00:00:00.",
                        "Give the adapters their MAC addresses (-MacAddress).");
                if (Count(FlowStatus.NoUplink) > 0)
                    findings.Add(TrafficRules.NoUplink, config.Path,
                        $"No active or standby uplink of {config.Path} is usable; its {Count(FlowStatus.NoUplink)} flow(s) are lost.",
                        "Restore an uplink, or add standby uplinks to the team (Set-VNTeamingPolicy -MakeNicStandby).");
                if (Count(FlowStatus.MacFlap) > 0)
                    findings.Add(TrafficRules.MacFlap, config.Path,
                        $"IP hash spreads flows of {config.Path} over {UplinkNames(team.Usable)}, which are not one formed port channel, so the physical " +
                        $"switch sees the same source MAC on several ports (MAC flap); {Count(FlowStatus.MacFlap)} flow(s) are unreliable.",
                        $"Bundle the switch ports of all active uplinks ({Ports(team.Usable)}) in one static EtherChannel (channel-group N mode on) " +
                        "on one switch or stack, or use Route based on originating virtual port ID.");

                var side = physical[t];
                foreach (var channel in side.Channels)
                {
                    if (channel.Real == null || channel.Flows == 0) continue;
                    if (!ipHash)
                        findings.Add(TrafficRules.ChannelNeedsIpHash, channel.Target,
                            $"{channel.Target} (mode {channel.Real.Mode}) bundles switch ports of {config.VirtualSwitch.Path}, but {config.Path} uses " +
                            $"{team.Policy}: the switch hashes frames onto any member while the vSwitch keeps each port on its own uplink " +
                            $"({channel.Flows} flow(s) affected).",
                            "Use IP hash on the vSwitch (Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP), or take the ports out of the channel.");
                    else if (channel.Mismatched > 0)
                        findings.Add(TrafficRules.ChannelMembers, channel.Target,
                            $"{channel.Target} hashes {channel.Mismatched} flow(s) of {config.Path} onto member ports whose NIC does not carry that " +
                            "port group's traffic (a standby, unused or failed uplink, or a NIC of another vSwitch).",
                            $"Make the channel's members exactly the switch ports of the active uplinks ({Ports(team.Usable)}).");
                }
                foreach (var u in team.Usable)
                {
                    var channel = side.NotFormed[u];
                    if (channel == null) continue;
                    findings.Add(ipHash ? TrafficRules.IpHashTowardsNegotiatedChannel : TrafficRules.ChannelNeedsIpHash, channel.Path,
                        $"{channel.Path} is mode {channel.Mode} ({(channel.IsLacp ? "LACP" : "PAgP")}); {config.VirtualSwitch.Path} is a " +
                        $"{config.VirtualSwitch.Type} switch that does not negotiate it, so the channel never forms and its ports run on their own.",
                        channel.IsLacp
                            ? "Use mode on (static) for IP hash on a standard vSwitch, LACP only towards a distributed switch (5.1 or later), or no channel for the other policies."
                            : "No vSwitch speaks PAgP: use mode on (static) for IP hash, or no channel for the other policies.");
                }
            }

            for (int u = 0; u < model.Uplinks.Length; u++)
            {
                if (blackholed[u] > 0)
                    findings.Add(TrafficRules.UndetectedFailure, model.Uplinks[u].Path, model.Uplinks[u].VirtualSwitch?.BondMode != null
                        ? $"The bond has not yet dropped {model.Uplinks[u].Path}: miimon has not seen its link down, or downdelay has not passed, so " +
                          $"{blackholed[u]} flow(s) still use it and are lost (bonding.rst, miimon and downdelay)."
                        : $"The path behind {model.Uplinks[u].Path} is down while its link is up. Link status (or beacon probing with fewer than three " +
                          $"uplinks) does not see it, so {blackholed[u]} flow(s) still use it and are lost.",
                        model.Uplinks[u].VirtualSwitch?.BondMode != null
                        ? "Keep downdelay short (0 unless links flap); for failures behind the switch port, use arp_interval and arp_ip_target."
                        : "Use beacon probing with three or more uplinks, or link-state tracking on the physical switch.");
                if (model.SwitchPort[u] == null && (run.FlowCount[u] > 0 || inboundCount[u] > 0))
                    findings.Add(TrafficRules.NotCabled, model.Uplinks[u].Path,
                        $"Uplink {model.Uplinks[u].Path} has no switch port in the model, so its inbound traffic is taken to arrive on it and no " +
                        "port channel or MAC learning is checked.",
                        "Cable it (Add-VNUplink -PhysicalSwitch -SwitchPort) to simulate the physical switch side.");
            }

            if (run.LoadBased.Moves > 0)
            {
                var switches = teams.Where(IsRebalancing).Select(t => t.Team.VirtualSwitch.Path).Distinct();
                foreach (var path in switches)
                    findings.Add(TrafficRules.LoadBasedMoves, path,
                        $"Load-based teaming moved {run.LoadBased.Moves} port(s) in {run.LoadBased.Rounds} round(s) of " +
                        $"{LoadBasedTeaming.Interval.TotalSeconds:0} s: a steady state {run.LoadBased.Rounds * LoadBasedTeaming.Interval.TotalSeconds:0} s after the load began.",
                        "No action needed.");
            }
            return findings.ToArray();
        }
    }
}
