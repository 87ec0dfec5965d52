using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Rules;
using VirtNet.Teaming;

namespace VirtNet.Traffic
{
    /// <summary>
    /// The findings step of a traffic simulation: it turns what a run computed (flows per status, channels, lost
    /// flows) into findings of the rule catalogue (Get-VNRule). Where the simulation meets a configuration rule, the
    /// finding carries that rule's id, and a rule that reads configuration only is asked for its message, with the
    /// teaming in force, so it is written once. What only a simulation can see has its own catalogue entries (VNF).
    /// A finding about one target counts every flow it concerns, over every port group that sends through it.
    /// </summary>
    internal static class TrafficFindings
    {
        static RuleDefinition Rule(string id) => RuleCatalogue.Rules.Single(r => r.RuleId == id).Definition;

        static readonly RuleDefinition MacFlap = Rule("VNT001"), IpHashTowardsNegotiatedChannel = Rule("VNT002"), ChannelNeedsIpHash = Rule("VNT003"),
            IpHashStandbyOrBeacon = Rule("VNT004"), ChannelMembers = Rule("VNT005"), BeaconTooFewUplinks = Rule("VNT007"),
            LoadBasedNeedsDistributed = Rule("VNT008"), HyperVNicsWithoutTeam = Rule("VNW003"), HyperVTeamWithoutChannel = Rule("VNW004"),
            HyperVTeamInChannel = Rule("VNW005"), BondWithoutChannel = Rule("VNL001"), BondInChannel = Rule("VNL002"),
            NoUplink = Rule("VNF001"), UndetectedFailure = Rule("VNF002"), NotCabled = Rule("VNF003"), LoadBasedMoves = Rule("VNF004"),
            MacUnknown = Rule("VNF005"), RoundRobinReorders = Rule("VNF006"), DestinationMacUnknown = Rule("VNF007"),
            OneAggregator = Rule("VNF008");

        /// <summary>Findings of one run, one per rule and target; a counted finding adds up the flows of every team that raises it.</summary>
        sealed class FindingSet
        {
            sealed class Entry
            {
                public RuleDefinition Rule;
                public string Target, Message, Recommendation;
                public Func<int, string> Counted;
                public int Count;
            }

            readonly List<Entry> _entries = new List<Entry>();
            readonly Dictionary<(string, string), Entry> _byKey = new Dictionary<(string, string), Entry>();

            public void Add(RuleDefinition rule, string target, string message, string recommendation = null)
            {
                if (message == null || _byKey.ContainsKey((rule.Rule.RuleId, target))) return;
                var entry = new Entry { Rule = rule, Target = target, Message = message, Recommendation = recommendation };
                _byKey.Add((rule.Rule.RuleId, target), entry);
                _entries.Add(entry);
            }

            /// <summary>A finding whose message tells how many flows it concerns: the first team to raise it words it, and the counts add up.</summary>
            public void AddCounted(RuleDefinition rule, string target, int flows, Func<int, string> message, string recommendation = null)
            {
                if (_byKey.TryGetValue((rule.Rule.RuleId, target), out var entry))
                {
                    entry.Count += flows;
                    return;
                }
                entry = new Entry { Rule = rule, Target = target, Counted = message, Count = flows, Recommendation = recommendation };
                _byKey.Add((rule.Rule.RuleId, target), entry);
                _entries.Add(entry);
            }

            public VNFinding[] ToArray() =>
                // Errors first, then by rule: the order an admin works through them.
                _entries.Select(e => e.Rule.Finding(e.Target, e.Counted?.Invoke(e.Count) ?? e.Message, e.Recommendation))
                    .OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
        }

        public static VNFinding[] Of(TrafficModel model, TrafficRun run)
        {
            var findings = new FindingSet();
            var teams = run.Teams;
            string UplinkNames(IEnumerable<int> uplinks) => string.Join(", ", uplinks.Select(u => model.Uplinks[u].Name));
            string Ports(IEnumerable<int> uplinks) => string.Join(", ", uplinks.Where(u => model.SwitchPort[u] != null).Select(u => model.SwitchPort[u].Path));
            string[] Names(int[] uplinks) => uplinks.Select(u => model.Uplinks[u].Name).ToArray();
            // Per team, its TCP flows, in one pass over the runs (balance-rr reorders them).
            var tcpFlows = new int[teams.Length];
            for (int r = 0; r < model.RunSource.Length; r++)
            {
                int source = model.SourceTeam[model.RunSource[r]];
                if (source >= 0 && model.Flows.Segments[r].Protocol == FlowProtocol.Tcp) tcpFlows[source] += model.RunStart[r + 1] - model.RunStart[r];
            }

            for (int t = 0; t < teams.Length; t++)
            {
                var team = teams[t];
                var config = team.Team;
                int Count(FlowStatus s) => run.StatusCount[t * TrafficEngine.StatusCount + (int)s];
                AggregatorFinding(findings, model, run, t);
                if (team.Option.Platform != Hypervisor.Esx)
                {
                    PlatformFindings(findings, team, run.Physical[t], Count(FlowStatus.NoUplink), Count(FlowStatus.MacFlap), tcpFlows[t], UplinkNames, Ports);
                    continue;
                }
                var policy = team.Policy.Value;
                bool ipHash = policy == LoadBalancingPolicy.LoadBalanceIP;
                bool beacon = config.Detection == NetworkFailoverDetectionPolicy.BeaconProbing;
                string subject = "Port group " + config.PortGroup.Name;

                // Configuration rules, asked with the policy in force (a what-if policy included).
                findings.Add(IpHashStandbyOrBeacon, config.Path, IpHashWithStandbyOrBeacon.Message(subject, policy, Names(config.Standby), Names(config.Unused), beacon));
                var fewBeacons = BeaconProbingWithFewUplinks.Message(subject, beacon, config.BeaconUplinkCount, Names(config.Active), Names(config.Standby));
                if (fewBeacons != null && team.Shotgun)
                    fewBeacons += $" With the path behind one uplink down, it now sends every frame on both (shotgun): {Count(FlowStatus.Shotgun)} flow(s).";
                findings.Add(BeaconTooFewUplinks, config.Path, fewBeacons);
                findings.Add(LoadBasedNeedsDistributed, config.Path, LoadBasedTeamingOnStandardSwitch.Message(subject, policy, config.VirtualSwitch));

                if (policy == LoadBalancingPolicy.LoadBalanceSrcMac && config.PortsWithoutMac.Length > 0)
                    findings.Add(MacUnknown, config.Path,
                        $"{config.PortsWithoutMac.Length} port(s) of {config.Path} have no MAC address ({string.Join(", ", config.PortsWithoutMac)}); " +
                        "source MAC hash places them as if their MAC were 00:00:00:00:00:00.");
                if (Count(FlowStatus.NoUplink) > 0)
                    findings.AddCounted(NoUplink, config.Path, Count(FlowStatus.NoUplink),
                        n => $"No active or standby uplink of {config.Path} is usable; its {n} flow(s) are lost.",
                        "Restore an uplink, or add standby uplinks to the team (Set-VNTeamingPolicy -MakeNicStandby).");
                if (Count(FlowStatus.MacFlap) > 0)
                    findings.AddCounted(MacFlap, config.Path, Count(FlowStatus.MacFlap),
                        n => $"IP hash spreads flows of {config.Path} over {UplinkNames(team.Usable)}, which are not one formed port channel, so the physical " +
                             $"switch sees the same source MAC on several ports (MAC flap); {n} flow(s) are unreliable.",
                        $"Bundle the switch ports of all active uplinks ({Ports(team.Usable)}) in one static EtherChannel (channel-group N mode on) " +
                        "on one switch or stack, or use Route based on originating virtual port ID.");

                var side = run.Physical[t];
                foreach (var channel in side.Channels)
                {
                    if (channel.Real == null || channel.Flows == 0) continue;
                    if (!ipHash)
                        findings.AddCounted(ChannelNeedsIpHash, channel.Target, channel.Flows,
                            n => $"{channel.Target} (mode {channel.Real.Mode}) bundles switch ports of {config.VirtualSwitch.Path}, but {config.Path} uses " +
                                 $"{policy}: the switch hashes frames onto any member while the vSwitch keeps each port on its own uplink " +
                                 $"({n} flow(s) affected).",
                            "Use IP hash on the vSwitch (Set-VNTeamingPolicy -LoadBalancingPolicy LoadBalanceIP), or take the ports out of the channel.");
                    else if (channel.Mismatched > 0)
                        findings.AddCounted(ChannelMembers, channel.Target, channel.Mismatched,
                            n => $"{channel.Target} hashes {n} flow(s) of {config.Path} onto member ports whose NIC does not carry that " +
                                 "port group's traffic (a standby, unused or failed uplink, or a NIC of another vSwitch).",
                            $"Make the channel's members exactly the switch ports of the active uplinks ({Ports(team.Usable)}).");
                }
                foreach (var u in team.Usable)
                {
                    var channel = side.NotFormed(u);
                    if (channel == null) continue;
                    findings.Add(ipHash ? IpHashTowardsNegotiatedChannel : ChannelNeedsIpHash, channel.Path,
                        $"{channel.Path} is mode {channel.Mode} ({(channel.IsLacp ? "LACP" : "PAgP")}); {config.VirtualSwitch.Path} is a " +
                        $"{config.VirtualSwitch.Type} switch that does not negotiate it, so the channel never forms and its ports run on their own.",
                        channel.IsLacp
                            ? "Use mode on (static) for IP hash on a standard vSwitch, LACP only towards a distributed switch (5.1 or later), or no channel for the other policies."
                            : "No vSwitch speaks PAgP: use mode on (static) for IP hash, or no channel for the other policies.");
                }
            }

            for (int u = 0; u < model.Uplinks.Length; u++)
            {
                var uplink = model.Uplinks[u];
                if (run.Blackholed[u] > 0)
                    findings.AddCounted(UndetectedFailure, uplink.Path, run.Blackholed[u], uplink.VirtualSwitch?.BondMode != null
                        ? (Func<int, string>)(n => $"The bond has not yet dropped {uplink.Path}: miimon has not seen its link down, or downdelay has not " +
                                                  $"passed, so {n} flow(s) still use it and are lost (bonding.rst, miimon and downdelay).")
                        : n => $"The path behind {uplink.Path} is down while its link is up. Link status (or beacon probing with fewer than three " +
                               $"uplinks) does not see it, so {n} flow(s) still use it and are lost.",
                        uplink.VirtualSwitch?.BondMode != null
                        ? "Keep downdelay short (0 unless links flap); for failures behind the switch port, use arp_interval and arp_ip_target."
                        : null);
                if (model.SwitchPort[u] == null && (run.FlowCount[u] > 0 || run.InboundCount[u] > 0))
                    findings.Add(NotCabled, model.Uplinks[u].Path,
                        $"Uplink {model.Uplinks[u].Path} has no switch port in the model, so its inbound traffic is taken to arrive on it and no " +
                        "port channel or MAC learning is checked.");
            }

            if (run.LoadBased.Moves > 0)
            {
                var switches = teams.Where(TrafficEngine.IsRebalancing).Select(t => t.Team.VirtualSwitch.Path).Distinct();
                foreach (var path in switches)
                    findings.Add(LoadBasedMoves, path,
                        $"Load-based teaming moved {run.LoadBased.Moves} port(s) in {run.LoadBased.Rounds} round(s) of " +
                        $"{LoadBasedTeaming.Interval.TotalSeconds:0} s: a steady state {run.LoadBased.Rounds * LoadBasedTeaming.Interval.TotalSeconds:0} s after the load began.");
            }
            return findings.ToArray();
        }

        /// <summary>
        /// VNF008: an LACP team whose members form several aggregators sends on the active one only; the links of the
        /// others that are up carry nothing. Counts every flow of the team, as they all share the active links.
        /// </summary>
        static void AggregatorFinding(FindingSet findings, TrafficModel model, TrafficRun run, int t)
        {
            var team = run.Teams[t];
            var aggregators = team.Team.Aggregators;
            int active = team.ActiveAggregator;
            if (aggregators == null || active < 0) return;
            var members = team.Team.Active;
            var idle = new List<int>();
            for (int i = 0; i < members.Length; i++)
                if (aggregators.AggregatorOf[i] != active && run.State[members[i]] != UplinkState.Failed && run.State[members[i]] != UplinkState.UpDelay)
                    idle.Add(members[i]);
            if (idle.Count == 0) return;
            int flows = 0;
            for (int s = 0; s < TrafficEngine.StatusCount; s++) flows += run.StatusCount[t * TrafficEngine.StatusCount + s];
            var vswitch = team.Team.VirtualSwitch;
            var option = team.Option;
            string subject = option.Platform == Hypervisor.Linux ? $"Bond {vswitch.Path} ({LinuxBonding.Name(option.BondMode.Value)})"
                : option.Platform == Hypervisor.HyperV ? $"Hyper-V team of {vswitch.Path} ({option.TeamingMode})"
                : $"The LAG of {vswitch.Path} (IP hash)";
            string Link(int u) => model.Uplinks[u].Name + (model.SwitchPort[u] != null ? $" ({model.SwitchPort[u].Path})" : "");
            var channel = aggregators.Channel[active];
            string chosen = option.Platform == Hypervisor.Linux ? "ad_select " + LacpAggregators.PolicyOf(team).ToString().ToLowerInvariant() : "kept while a member of it is up";
            int sending = team.Usable.Length;
            findings.AddCounted(OneAggregator, vswitch.Path, flows,
                n => $"{subject} forms more than one LACP aggregator (one per partner switch or channel, and one of its own for a member whose port is in " +
                     "no LACP channel) and transmits only on the active one " +
                     $"({channel?.Path ?? Link(members[active])}, {chosen}): " +
                     $"{string.Join(", ", idle.Select(Link))} stay idle, and its {n} flow(s) share {sending} of {sending + idle.Count} working link(s).");
        }

        /// <summary>
        /// The findings of a Hyper-V team or a bond, under the configuration rules that describe them (VNW, VNL): each
        /// mode either needs its kind of port channel or must not meet one.
        /// </summary>
        static void PlatformFindings(FindingSet findings, TeamRun team, PhysicalSwitchSide side, int noUplink, int macFlap, int tcpFlows,
            Func<IEnumerable<int>, string> uplinkNames, Func<IEnumerable<int>, string> ports)
        {
            var config = team.Team;
            var option = team.Option;
            bool hyperV = option.Platform == Hypervisor.HyperV;
            string subject = $"{config.Path} ({(hyperV ? "Hyper-V team" : "bond")} {option})";
            var required = option.RequiredPortChannel;
            var missingChannel = hyperV ? HyperVTeamWithoutChannel : BondWithoutChannel;
            var unwantedChannel = hyperV ? HyperVTeamInChannel : BondInChannel;
            string kind = required == RequiredPortChannel.Lacp ? "LACP (mode active)" : "static (mode on)";

            if (hyperV) findings.Add(HyperVNicsWithoutTeam, config.VirtualSwitch.Path, SeveralNicsWithoutTeam.Message(config.VirtualSwitch));
            if (noUplink > 0)
                findings.AddCounted(NoUplink, config.Path, noUplink,
                    n => $"No NIC of {config.Path} is usable; its {n} flow(s) are lost.",
                    "Restore a NIC, or give the switch more NICs (Add-VNUplink).");
            if (team.UnknownDestinationMac > 0)
                findings.AddCounted(DestinationMacUnknown, config.Path, team.UnknownDestinationMac,
                    n => $"{n} flow(s) of {subject} hash a destination MAC the model does not know: no adapter or endpoint with a " +
                         "MAC owns the next hop (the peer on the subnet, else the gateway). They are placed as if it were 00:00:00:00:00:00.");
            if (option.BondMode == BondMode.BalanceRR && team.Usable.Length > 1 && tcpFlows > 0)
                findings.AddCounted(RoundRobinReorders, config.Path, tcpFlows,
                    n => $"{subject} sprays the packets of each of its {n} TCP flow(s) over {uplinkNames(team.Usable)}, so they arrive out of order; " +
                         "TCP takes reordering for loss and slows down, so one connection may get less than the throughput shown, which is what the " +
                         "slaves carry (bonding.rst, balance-rr).");
            if (macFlap > 0)
                findings.AddCounted(missingChannel, config.Path, macFlap,
                    n => $"{subject} spreads the frames of each source over {uplinkNames(team.Usable)}, which are not one formed port channel, so the " +
                         $"physical switch sees the same source MAC on several ports (MAC flap); {n} flow(s) are unreliable.",
                    $"Bundle the switch ports of the team's NICs ({ports(team.Usable)}) in one {kind} port channel on one switch or stack.");
            foreach (var channel in side.Channels)
            {
                if (channel.Real == null || channel.Flows == 0) continue;
                if (!option.AcceptsChannel(channel.Real))
                    findings.AddCounted(required == RequiredPortChannel.None ? unwantedChannel : missingChannel, channel.Target, channel.Flows,
                        n => required == RequiredPortChannel.None
                            ? $"{channel.Target} (mode {channel.Real.Mode}) bundles switch ports of {subject}, which expects ports on their own: the switch " +
                              $"hashes its frames onto any member ({n} flow(s) affected)."
                            : $"{channel.Target} is mode {channel.Real.Mode}, but {subject} needs a {kind} channel ({n} flow(s) affected).",
                        required == RequiredPortChannel.None
                            ? "Take the ports out of the channel, or use a teaming that expects one."
                            : $"Make the channel {kind}.");
                else if (channel.Mismatched > 0)
                    findings.AddCounted(missingChannel, channel.Target, channel.Mismatched,
                        n => $"{channel.Target} hashes {n} flow(s) of {subject} onto member ports whose NIC does not carry its traffic.",
                        $"Make the channel's members exactly the switch ports of the team's active NICs ({ports(team.Usable)}).");
            }
            foreach (var u in team.Usable)
            {
                var channel = side.NotFormed(u);
                if (channel == null) continue;
                findings.Add(required == RequiredPortChannel.None ? unwantedChannel : missingChannel, channel.Path,
                    $"{channel.Path} is mode {channel.Mode} ({(channel.IsLacp ? "LACP" : "PAgP")}); {subject} does not negotiate it, so the channel never " +
                    "forms and its ports run on their own.",
                    required == RequiredPortChannel.None ? "Take the ports out of the channel." : $"Make the channel {kind}.");
            }
        }
    }
}
