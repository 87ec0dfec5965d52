using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;
using VirtNet.Teaming;
using VirtNet.Traffic;

namespace VirtNet
{
    /// <summary>What the proposed addresses are for: targets the source talks to, or source addresses for new adapters beside it.</summary>
    public enum AddressRole { Destination, Source }

    /// <summary>
    /// One flow of an address proposal (Find-VNBalancedAddress): the proposed address, the uplink the host sends the
    /// flow on and the member the physical switch returns it on, verified by simulating the proposed flows; and the
    /// balance the whole proposal reaches, with the reason when it is not perfect.
    /// </summary>
    public sealed class VNAddressProposal
    {
        public AddressRole Role { get; internal set; }
        /// <summary>The proposed address: a target's (Destination) or a new adapter's (Source).</summary>
        public IPv4Address IPAddress { get; internal set; }
        /// <summary>The adapter whose team the flows leave through.</summary>
        public VNVirtualAdapter Source { get; internal set; }
        public IPv4Address SourceIPAddress { get; internal set; }
        public IPv4Address DestinationIPAddress { get; internal set; }
        /// <summary>The uplink the host sends the flow on.</summary>
        public VNUplink Uplink { get; internal set; }
        /// <summary>The uplink the physical switch delivers the flow's return frames on.</summary>
        public VNUplink InboundUplink { get; internal set; }
        /// <summary>The port channel member the switch returns the flow on; null when no port channel hashes it.</summary>
        public VNSwitchPort Member { get; internal set; }
        public FlowStatus Status { get; internal set; }
        /// <summary>Uplinks the proposal's flows leave on, of <see cref="UsableUplinks"/>.</summary>
        public int UplinksUsed { get; internal set; }
        /// <summary>The uplinks the source's team sends on when nothing has failed.</summary>
        public int UsableUplinks { get; internal set; }
        /// <summary>Port channel members the return traffic arrives on, of <see cref="ChannelMembers"/>.</summary>
        public int MembersUsed { get; internal set; }
        /// <summary>Members of the port channel the switch hashes return traffic into; 0 when there is none.</summary>
        public int ChannelMembers { get; internal set; }
        /// <summary>Jain's index of the flows per usable uplink: 1 when the flows are spread evenly, 1/n when one uplink takes them all.</summary>
        public double BalanceIndex { get; internal set; }
        /// <summary>Why the balance is not perfect; null when every uplink and member carries its even share.</summary>
        public string Reason { get; internal set; }

        public override string ToString() => $"{IPAddress}: {Uplink?.Name ?? "-"}" + (Member != null ? " / " + Member.Path : "");
    }
}

namespace VirtNet.Planning
{
    /// <summary>
    /// Proposes addresses whose flows the source's team spreads evenly over its uplinks, and the physical switch's port
    /// channel over its members (KB 2006129: pick NFS or iSCSI target addresses whose IP hash lands on different
    /// uplinks). Every free candidate is placed by one run of the traffic simulation, so the teaming and the switch's
    /// hash are the ones the simulation uses; a greedy pick over the candidates' placements then fills the least
    /// loaded uplink and member first, lowest address first on a tie; the pick is verified by simulating it alone.
    /// </summary>
    public static class AddressPlanner
    {
        /// <summary>A /16: every candidate is simulated, so the ranges are bounded.</summary>
        public const long MaxCandidates = 65536;

        public static IReadOnlyList<VNAddressProposal> Find(VNVirtualAdapter source, IPv4Address sourceIp, int count,
            IReadOnlyList<IPv4AddressRange> ranges, AddressRole role, IReadOnlyList<IPv4Address> destinations = null)
        {
            if (count < 1)
                throw new VirtNetException(ErrorIds.InvalidProposalCount, VirtNetErrorKind.InvalidArgument,
                    $"-Count {count} asks for no address. Give 1 or more.", count);
            destinations = (destinations ?? new IPv4Address[0]).Distinct().ToList();
            if (role == AddressRole.Source && destinations.Count == 0)
                throw new VirtNetException(ErrorIds.NoFlows, VirtNetErrorKind.InvalidArgument,
                    "Proposing source addresses needs the targets they talk to: give -Destination.", role);
            var vswitch = source.VirtualSwitch
                ?? throw new VirtNetException(ErrorIds.FlowSourceNotConnected, VirtNetErrorKind.InvalidArgument,
                    $"Adapter '{source.Path}' is not connected to a port group, so no team carries its flows.", source);
            TrafficSimulation.CheckSimulatable(vswitch);
            long total = 0;
            foreach (var range in ranges) total += range.Count;
            if (total > MaxCandidates)
                throw new VirtNetException(ErrorIds.InvalidAddressRange, VirtNetErrorKind.InvalidArgument,
                    $"-AddressRange holds {total:N0} addresses; at most {MaxCandidates:N0} (a /16) are tried. Give a smaller range.", total);

            var taken = AddressesInUse(vswitch.Host);
            taken.Add(sourceIp.Value);
            foreach (var d in destinations) taken.Add(d.Value);
            var candidates = new List<uint>();
            var seen = new HashSet<uint>();
            foreach (var range in ranges)
                for (ulong a = range.First.Value; a <= range.Last.Value; a++)
                    if (!taken.Contains((uint)a) && !IsSubnetEdge(source, (uint)a) && seen.Add((uint)a)) candidates.Add((uint)a);
            if (candidates.Count < count)
                throw new VirtNetException(ErrorIds.NotEnoughFreeAddresses, VirtNetErrorKind.InvalidArgument,
                    $"{string.Join(", ", ranges)} holds {candidates.Count} free address(es) (addresses already in the model, the source's own and its " +
                    $"subnet's network and broadcast addresses are left out); {count} were asked for. Give a wider range or a smaller -Count.", count);

            int perCandidate = role == AddressRole.Destination ? 1 : destinations.Count;
            var simulation = new TrafficSimulation(new[] { vswitch }, FlowsOf(source, sourceIp, candidates, role, destinations));
            var model = simulation.Model;
            var run = simulation.RunOnce(new UplinkState[model.Uplinks.Length], null, false);
            var team = run.Teams[model.SourceTeam[model.RunSource[0]]];
            if (team.Usable.Length == 0)
                throw new VirtNetException(ErrorIds.NoUsableUplink, VirtNetErrorKind.InvalidOperation,
                    $"{team.Team.Path} has no active or standby uplink, so no address can balance it. Add uplinks or make them active.", team.Team.PortGroup);

            var chosen = Pick(run, model.Uplinks.Length, candidates.Count, perCandidate, count);
            var picked = chosen.Select(c => candidates[c]).OrderBy(a => a).ToList();
            var verified = new TrafficSimulation(new[] { vswitch }, FlowsOf(source, sourceIp, picked, role, destinations)).Run();
            return Describe(verified, model, run, team, source, picked, role, perCandidate);
        }

        /// <summary>
        /// Flows of every candidate, each its own run of the flow list so that flow f is run f: a target per
        /// candidate, or per candidate source address one flow to each target.
        /// </summary>
        static VNFlowList FlowsOf(VNVirtualAdapter source, IPv4Address sourceIp, IReadOnlyList<uint> candidates, AddressRole role,
            IReadOnlyList<IPv4Address> destinations)
        {
            if (role == AddressRole.Destination)
                return VNFlowList.Create(new[] { (source, sourceIp) },
                    candidates.Select(c => new IPv4AddressRange(new IPv4Address(c), new IPv4Address(c))).ToList());
            return VNFlowList.Create(candidates.Select(c => (source, new IPv4Address(c))).ToList(),
                destinations.Select(d => new IPv4AddressRange(d, d)).ToList());
        }

        /// <summary>
        /// Picks <paramref name="count"/> candidates greedily: each step takes the candidate whose flows add least to
        /// the sum of squared flow counts per sending uplink, then per receiving uplink (the least loaded first), the
        /// lowest address on a tie. Candidates whose flows land alike form one class, so a step costs one look per
        /// class, not per candidate. Candidates whose flows are not delivered are taken only when nothing else is left.
        /// </summary>
        static List<int> Pick(TrafficRun run, int uplinks, int candidateCount, int perCandidate, int count)
        {
            var classOf = new Dictionary<string, int>();
            var members = new List<Queue<int>>();
            var sends = new List<int[]>();
            var receives = new List<int[]>();
            var delivers = new List<bool>();
            var key = new System.Text.StringBuilder();
            for (int c = 0; c < candidateCount; c++)
            {
                key.Clear();
                for (int f = c * perCandidate; f < (c + 1) * perCandidate; f++)
                    key.Append(run.FlowUplink[f]).Append('/').Append(run.InboundOf(f, f)).Append('/').Append(TrafficRun.Delivers(run.StatusOf(f))).Append(' ');
                var text = key.ToString();
                if (!classOf.TryGetValue(text, out int k))
                {
                    classOf.Add(text, k = members.Count);
                    members.Add(new Queue<int>());
                    var send = new int[perCandidate];
                    var receive = new int[perCandidate];
                    bool ok = true;
                    for (int i = 0; i < perCandidate; i++)
                    {
                        int f = c * perCandidate + i;
                        send[i] = run.FlowUplink[f];
                        receive[i] = run.InboundOf(f, f);
                        ok &= TrafficRun.Delivers(run.StatusOf(f));
                    }
                    sends.Add(send);
                    receives.Add(receive);
                    delivers.Add(ok);
                }
                members[k].Enqueue(c);
            }

            var sent = new long[uplinks];
            var received = new long[uplinks];
            var chosen = new List<int>(count);
            while (chosen.Count < count)
            {
                int best = -1;
                long bestSent = 0, bestReceived = 0;
                bool anyDelivering = false;
                for (int k = 0; k < members.Count; k++) anyDelivering |= delivers[k] && members[k].Count > 0;
                for (int k = 0; k < members.Count; k++)
                {
                    if (members[k].Count == 0 || (!delivers[k] && anyDelivering)) continue;
                    long s = Added(sent, sends[k]), r = Added(received, receives[k]);
                    if (best < 0 || s < bestSent || (s == bestSent && (r < bestReceived || (r == bestReceived && members[k].Peek() < members[best].Peek()))))
                    {
                        best = k; bestSent = s; bestReceived = r;
                    }
                }
                foreach (var u in sends[best]) if (u >= 0) sent[u]++;
                foreach (var u in receives[best]) if (u >= 0) received[u]++;
                chosen.Add(members[best].Dequeue());
            }
            return chosen;
        }

        /// <summary>What flows on these uplinks add to the sum of squared loads: (x + 1)^2 - x^2 = 2x + 1 per flow.</summary>
        static long Added(long[] load, int[] uplinks)
        {
            long added = 0;
            foreach (var u in uplinks) if (u >= 0) added += 2 * load[u]++ + 1;
            foreach (var u in uplinks) if (u >= 0) load[u]--;
            return added;
        }

        static IReadOnlyList<VNAddressProposal> Describe(VNTrafficResult verified, TrafficModel model, TrafficRun all, TeamRun team,
            VNVirtualAdapter source, List<uint> picked, AddressRole role, int perCandidate)
        {
            var usable = team.Usable.Select(u => model.Uplinks[u]).ToList();
            var channelled = usable.Where(u => u.SwitchPort?.PortChannel != null).ToList();
            var flows = verified.Flows;
            var rows = new List<VNAddressProposal>();
            for (int f = 0; f < flows.Count; f++)
            {
                var flow = flows[f];
                var inboundPort = flow.InboundUplink?.SwitchPort;
                rows.Add(new VNAddressProposal
                {
                    Role = role,
                    IPAddress = new IPv4Address(picked[f / perCandidate]),
                    Source = source,
                    SourceIPAddress = flow.Flow.SourceIPAddress,
                    DestinationIPAddress = flow.Flow.Destination,
                    Uplink = flow.Uplink,
                    InboundUplink = flow.InboundUplink,
                    Member = flow.Status == FlowStatus.Ok && inboundPort?.PortChannel != null ? inboundPort : null,
                    Status = flow.Status,
                });
            }

            var perUplink = usable.Select(u => (double)rows.Count(r => r.Uplink == u)).ToList();
            double balance = Balance.JainIndex(perUplink.Sum(), perUplink.Sum(x => x * x), usable.Count);
            int uplinksUsed = rows.Where(r => r.Uplink != null).Select(r => r.Uplink).Distinct().Count();
            int membersUsed = rows.Where(r => r.Member != null).Select(r => r.Member).Distinct().Count();
            var reason = Reason(verified, model, all, team, rows, usable, channelled, source, role);
            foreach (var row in rows)
            {
                row.UsableUplinks = usable.Count;
                row.UplinksUsed = uplinksUsed;
                row.ChannelMembers = channelled.Count;
                row.MembersUsed = membersUsed;
                row.BalanceIndex = balance;
                row.Reason = reason;
            }
            return rows;
        }

        /// <summary>Why the proposal does not spread its flows evenly over every usable uplink and channel member; null when it does.</summary>
        static string Reason(VNTrafficResult verified, TrafficModel model, TrafficRun all, TeamRun team, List<VNAddressProposal> rows,
            List<VNUplink> usable, List<VNUplink> channelled, VNVirtualAdapter source, AddressRole role)
        {
            var reasons = new List<string>();
            int flows = rows.Count;
            string what = role == AddressRole.Destination ? "target" : "source address";

            // Where any free candidate could go at all, from the run over every candidate.
            var reachable = new HashSet<int>();
            var reachableIn = new HashSet<int>();
            for (int f = 0; f < all.FlowUplink.Length; f++)
            {
                if (!TrafficRun.Delivers(all.StatusOf(f))) continue;
                if (all.FlowUplink[f] >= 0) reachable.Add(all.FlowUplink[f]);
                int inbound = all.InboundOf(f, f);
                if (inbound >= 0) reachableIn.Add(inbound);
            }

            int usedUplinks = rows.Select(r => r.Uplink).Where(u => u != null).Distinct().Count();
            int fair = (flows + usable.Count - 1) / usable.Count;
            int heaviest = usable.Count == 0 ? 0 : usable.Max(u => rows.Count(r => r.Uplink == u));
            if (usable.Count > 1 && reachable.Count == 1)
                reasons.Add(team.Option.Platform == Hypervisor.Esx && team.Policy != LoadBalancingPolicy.LoadBalanceIP
                    ? $"{team.Option} keeps {source.Path} on one uplink ({model.Uplinks[reachable.First()].Name}) whatever the {what}: it places the " +
                      "virtual port, not the flows. Only IP hash with a static EtherChannel spreads one adapter's flows by address (KB 1004048); " +
                      "or give each uplink its own VMkernel adapter."
                    : $"{team.Option} keeps the flows of {source.Path} on one uplink ({model.Uplinks[reachable.First()].Name}) whatever the {what}.");
            else if (usedUplinks < Math.Min(usable.Count, flows) || heaviest > fair)
            {
                var missing = usable.Where(u => !reachable.Contains(model.IndexOf(u))).Select(u => u.Name).ToList();
                if (flows < usable.Count && missing.Count == 0)
                    reasons.Add($"{flows} flow(s) can use at most {flows} of the {usable.Count} usable uplinks.");
                else
                    reasons.Add(missing.Count > 0
                        ? $"No free {what} in the range sends on {string.Join(", ", missing)}; give a wider range."
                        : $"The range has too few free {what}es that hash to each uplink for an even split; give a wider range.");
            }
            else if (flows < usable.Count)
                reasons.Add($"{flows} flow(s) can use at most {flows} of the {usable.Count} usable uplinks.");

            if (channelled.Count > 1)
            {
                int usedMembers = rows.Select(r => r.Member).Where(m => m != null).Distinct().Count();
                int fairMembers = (flows + channelled.Count - 1) / channelled.Count;
                int heaviestMember = channelled.Max(u => rows.Count(r => r.InboundUplink == u));
                var channel = channelled[0].SwitchPort.PortChannel;
                if (reachableIn.Count == 1)
                    reasons.Add($"{channel.Path} hashes return frames by {channel.PhysicalSwitch.LoadBalance}, which is the same for every {what} here, " +
                        $"so one member ({model.Uplinks[reachableIn.First()].SwitchPort?.Path}) carries all the return traffic; port-channel load-balance " +
                        "src-dst-ip spreads it.");
                else if (usedMembers < Math.Min(channelled.Count, flows) || heaviestMember > fairMembers)
                    reasons.Add(flows < channelled.Count
                        ? $"{flows} flow(s) can use at most {flows} of the {channelled.Count} members of {channel.Path}."
                        : $"No choice of free {what}es in the range spreads the return traffic evenly over the members of {channel.Path} as well.");
            }

            foreach (var finding in verified.Findings.Where(x => x.Severity == Severity.Error))
                reasons.Add(finding.Message);
            return reasons.Count == 0 ? null : string.Join(" ", reasons.Distinct());
        }

        /// <summary>Every address the model already gives out around a host: its own, its adapters' and VMs', and those of
        /// everything on the physical switches its uplinks are cabled to (endpoints and the other hosts there).</summary>
        internal static HashSet<uint> AddressesInUse(VNHost host)
        {
            var hosts = new HashSet<VNHost> { host };
            var switches = new HashSet<VNPhysicalSwitch>();
            foreach (var vswitch in host.VirtualSwitches)
                foreach (var uplink in vswitch.Uplinks)
                    if (uplink.SwitchPort != null) switches.Add(uplink.SwitchPort.PhysicalSwitch);
            var taken = new HashSet<uint>();
            foreach (var physical in switches)
            {
                foreach (var endpoint in physical.Endpoints) taken.Add(endpoint.IPAddress.Value);
                foreach (var port in physical.Ports)
                    if (port.Uplink?.VirtualSwitch?.Host != null) hosts.Add(port.Uplink.VirtualSwitch.Host);
            }
            foreach (var h in hosts)
            {
                if (h.IPAddress.HasValue) taken.Add(h.IPAddress.Value.Value);
                foreach (var adapter in h.VMKernelAdapters)
                    if (adapter.IPAddress.HasValue) taken.Add(adapter.IPAddress.Value.Value);
                foreach (var vm in h.VirtualMachines)
                    foreach (var adapter in vm.NetworkAdapters)
                        if (adapter.IPAddress.HasValue) taken.Add(adapter.IPAddress.Value.Value);
            }
            return taken;
        }

        /// <summary>The network and broadcast addresses of a VMkernel adapter's subnet are no host's address.</summary>
        static bool IsSubnetEdge(VNVirtualAdapter source, uint address)
        {
            if (!(source is VNVMKernelAdapter vmk) || !vmk.IPAddress.HasValue || vmk.PrefixLength >= 31) return false;
            uint mask = vmk.SubnetMask.Value, network = vmk.IPAddress.Value.Value & mask;
            return address == network || address == (network | ~mask);
        }
    }
}
