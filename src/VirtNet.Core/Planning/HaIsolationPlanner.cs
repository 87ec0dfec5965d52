using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.HA
{
    /// <summary>The changes Optimize-VNHaIsolation searches over, in the order an admin would reach for them.</summary>
    public enum HaChangeKind
    {
        /// <summary>PortFast on the host's management switch ports (portfast trunk on a trunk), so a port that comes up forwards at once.</summary>
        PortFast,
        /// <summary>Failback off on the management port group, so a recovered uplink is not used while its port still listens and learns.</summary>
        FailbackOff,
        /// <summary>Net.TeamPolicyUpDelay as long as the ports' listening and learning, so failback waits for the port to forward.</summary>
        FailbackDelay,
        /// <summary>One more das.isolationaddress that answers ping.</summary>
        IsolationAddress,
        /// <summary>A longer das.failuredetectiontime (legacy HA only).</summary>
        FailureDetectionTime,
        /// <summary>A second management network on another vSwitch, NIC, switch and subnet: suggested, never applied.</summary>
        SecondManagementNetwork,
        /// <summary>Nothing the planner tries fixes the host in these scenarios.</summary>
        Unfixable,
    }

    /// <summary>One proposed change (or what remains unfixable), with what it fixes, verified by simulation.</summary>
    public sealed class VNHaIsolationChange
    {
        internal Action ApplyChange;
        /// <summary>The planner's change, to simulate it without applying it (a report's "after"); null for suggestions and what is unfixable.</summary>
        internal Planning.HaIsolationPlanner.Candidate Candidate;

        public VNCluster Cluster { get; internal set; }
        public HaChangeKind Kind { get; internal set; }
        /// <summary>What the change is made on: switch ports, a port group, a host setting, a cluster setting.</summary>
        public string Target { get; internal set; }
        public string From { get; internal set; }
        public string To { get; internal set; }
        /// <summary>"host: scenario" pairs that end NotIsolated with this change and those before it.</summary>
        public string[] Fixes { get; internal set; } = new string[0];
        /// <summary>A setting -Apply can make; false for a suggestion and for what remains unfixable.</summary>
        public bool CanApply => ApplyChange != null;
        /// <summary>True once -Apply made it.</summary>
        public bool Applied { get; internal set; }
        public string Reason { get; internal set; }

        /// <summary>Makes the change on the model.</summary>
        public void Apply()
        {
            if (ApplyChange == null)
                throw new VirtNetException(ErrorIds.SuggestionOnly, VirtNetErrorKind.InvalidOperation,
                    $"{Kind} on {Target} is a suggestion, not a setting; build it with the model cmdlets.", this);
            ApplyChange();
            Applied = true;
        }

        public override string ToString() => $"{Kind} {Target}: {From} -> {To}";
    }
}

namespace VirtNet.Planning
{
    using VirtNet.HA;

    /// <summary>
    /// Finds the smallest set of changes that makes every scenario end NotIsolated for every host (Optimize-VNHaIsolation).
    /// Candidates are the fixes the HA articles give for a host that declares itself isolated: PortFast trunk on the
    /// management switch ports (KB 1003804), failback off or a failback delay (Net.TeamPolicyUpDelay, KB 2014075) on
    /// the management port group, isolation addresses that answer, and a longer das.failuredetectiontime on legacy
    /// HA. Each candidate is simulated alone over every scenario; a greedy set cover then takes the candidate that
    /// fixes the most failing host and scenario pairs without breaking another, the earlier kind on a tie, until none
    /// fixes more; the chosen set is simulated together and, if together they leave a pair failing, the search runs
    /// again on top of them. Changes are made on the model while they are simulated and always undone.
    /// </summary>
    public static class HaIsolationPlanner
    {
        /// <summary>das.failuredetectiontime values tried: 20 s (VMware's advice with isolation addresses), 30, 45 and 60 s.</summary>
        static readonly long[] FailureDetectionTimes = { 20000, 30000, 45000, 60000 };
        const int MaxRounds = 3;

        internal sealed class Candidate
        {
            public HaChangeKind Kind;
            public string Target, From, To;
            public Action Do, Undo;
            /// <summary>Cluster settings changes build another cluster; the others change the model in place.</summary>
            public Func<VNCluster, VNCluster> Cluster;
            public HashSet<(VNHost, VNFailureScenario)> Fixed = new HashSet<(VNHost, VNFailureScenario)>();
            public bool Breaks;
        }

        public static IReadOnlyList<VNHaIsolationChange> Plan(VNCluster cluster, IReadOnlyList<VNFailureScenario> scenarios = null,
            IProgress<SimulationProgress> progress = null)
        {
            scenarios = scenarios ?? new HaSimulator(cluster).StandardScenarios();
            var failing = Failing(cluster, scenarios, out var results);
            var chosen = new List<Candidate>();
            var covers = new Dictionary<Candidate, List<(VNHost Host, VNFailureScenario Scenario)>>();
            var remaining = failing;
            for (int round = 0; round < MaxRounds && remaining.Count > 0; round++)
            {
                var current = WithChanges(cluster, chosen);
                var candidates = Candidates(cluster, current, remaining.Select(k => k.Host).Distinct().ToList(), chosen);
                if (candidates.Count == 0) break;
                int step = 0;
                foreach (var candidate in candidates)
                {
                    progress?.Report(new SimulationProgress(100 * step++ / candidates.Count, $"Trying {candidate.Kind} on {candidate.Target}"));
                    Evaluate(cluster, chosen, candidate, scenarios, remaining);
                }
                var uncovered = new HashSet<(VNHost, VNFailureScenario)>(remaining);
                bool added = false;
                while (uncovered.Count > 0)
                {
                    var best = candidates.Where(c => !c.Breaks && !chosen.Contains(c))
                        .Select(c => (Candidate: c, Gain: c.Fixed.Count(uncovered.Contains)))
                        .Where(x => x.Gain > 0)
                        .OrderByDescending(x => x.Gain).ThenBy(x => x.Candidate.Kind).FirstOrDefault();
                    if (best.Candidate == null) break;
                    chosen.Add(best.Candidate);
                    covers[best.Candidate] = best.Candidate.Fixed.Where(uncovered.Contains).ToList();
                    uncovered.ExceptWith(best.Candidate.Fixed);
                    added = true;
                }
                if (!added) break;
                remaining = Verify(cluster, chosen, scenarios, out results);
            }

            progress?.Report(new SimulationProgress(100, "Done"));
            var remainingKeys = new HashSet<(VNHost, VNFailureScenario)>(remaining);
            var changes = chosen.Select(c => new VNHaIsolationChange
            {
                Cluster = cluster,
                Kind = c.Kind,
                Target = c.Target,
                From = c.From,
                To = c.To,
                Fixes = covers[c].Where(k => !remainingKeys.Contains(k)).Select(k => k.Host.Name + ": " + k.Scenario.Name).ToArray(),
                ApplyChange = c.Cluster == null ? c.Do : () => cluster.TakeSettingsOf(c.Cluster(cluster)),
                Candidate = c,
                Reason = ReasonOf(c.Kind),
            }).ToList();
            changes.AddRange(Unfixable(cluster, remaining, results));
            return changes;
        }

        /// <summary>
        /// The scenarios' results on the cluster as it would be with the changes that are not made yet (applied changes
        /// are in the model already; suggestions change nothing), which are undone afterwards: the "after" that
        /// Export-VNReport shows beside the model's "before".
        /// </summary>
        internal static List<VNHaIsolationResult> ResultsWith(VNCluster cluster, IEnumerable<VNHaIsolationChange> changes, IReadOnlyList<VNFailureScenario> scenarios)
        {
            var pending = changes.Where(c => c.Candidate != null && !c.Applied).Select(c => c.Candidate).ToList();
            List<VNHaIsolationResult> results = null;
            Simulate(cluster, pending, variant => Failing(variant, scenarios, out results));
            return results;
        }

        /// <summary>The host and scenario pairs that do not end NotIsolated.</summary>
        static List<(VNHost Host, VNFailureScenario Scenario)> Failing(VNCluster cluster, IReadOnlyList<VNFailureScenario> scenarios, out List<VNHaIsolationResult> results)
        {
            var simulator = new HaSimulator(cluster);
            results = new List<VNHaIsolationResult>();
            var failing = new List<(VNHost, VNFailureScenario)>();
            foreach (var scenario in scenarios)
                foreach (var result in simulator.Run(scenario))
                {
                    results.Add(result);
                    if (result.Verdict != HaVerdict.NotIsolated) failing.Add((result.Host, result.Scenario));
                }
            return failing;
        }

        static void Evaluate(VNCluster cluster, List<Candidate> chosen, Candidate candidate, IReadOnlyList<VNFailureScenario> scenarios,
            List<(VNHost Host, VNFailureScenario Scenario)> remaining)
        {
            var all = chosen.Concat(new[] { candidate }).ToList();
            var wanted = new HashSet<(VNHost, VNFailureScenario)>(remaining);
            Simulate(cluster, all, variant =>
            {
                var simulator = new HaSimulator(variant);
                foreach (var scenario in scenarios)
                    foreach (var result in simulator.Run(scenario))
                    {
                        var key = (result.Host, result.Scenario);
                        if (result.Verdict == HaVerdict.NotIsolated) { if (wanted.Contains(key)) candidate.Fixed.Add(key); }
                        else if (!wanted.Contains(key)) candidate.Breaks = true;
                    }
            });
        }

        static List<(VNHost Host, VNFailureScenario Scenario)> Verify(VNCluster cluster, List<Candidate> chosen, IReadOnlyList<VNFailureScenario> scenarios,
            out List<VNHaIsolationResult> results)
        {
            List<(VNHost, VNFailureScenario)> failing = null;
            List<VNHaIsolationResult> found = null;
            Simulate(cluster, chosen, variant => failing = Failing(variant, scenarios, out found));
            results = found;
            return failing;
        }

        /// <summary>Runs <paramref name="work"/> on the cluster with the changes made, and undoes them whatever happens.</summary>
        static void Simulate(VNCluster cluster, List<Candidate> changes, Action<VNCluster> work)
        {
            int done = 0;
            try
            {
                foreach (var change in changes)
                {
                    change.Do?.Invoke();
                    done++;
                }
                work(WithChanges(cluster, changes));
            }
            finally
            {
                for (int i = done - 1; i >= 0; i--) changes[i].Undo?.Invoke();
            }
        }

        static VNCluster WithChanges(VNCluster cluster, List<Candidate> changes)
        {
            var variant = cluster;
            foreach (var change in changes) if (change.Cluster != null) variant = change.Cluster(variant);
            return variant;
        }

        /// <summary>The candidates for the failing hosts, and the cluster-wide ones, leaving out what is already chosen.</summary>
        static List<Candidate> Candidates(VNCluster cluster, VNCluster current, List<VNHost> hosts, List<Candidate> chosen)
        {
            var list = new List<Candidate>();
            foreach (var host in hosts)
            {
                var portGroups = cluster.ManagementAdapters(host).Select(a => a.PortGroup).Distinct().ToList();
                var ports = portGroups.SelectMany(pg => TeamUplinks(pg)).Select(u => u.SwitchPort).Where(p => p != null).Distinct().ToList();
                var slow = ports.Where(p => !p.IsPortFastEffective).ToList();
                if (slow.Count > 0)
                {
                    var before = slow.Select(p => p.PortFast).ToList();
                    list.Add(new Candidate
                    {
                        Kind = HaChangeKind.PortFast,
                        Target = string.Join(", ", slow.Select(p => p.Path)),
                        From = string.Join(", ", slow.Select(p => p.PortFast + (p.Mode == SwitchPortMode.Trunk && p.PortFast == PortFastMode.Enabled ? " (no effect on a trunk)" : "")).Distinct()),
                        To = string.Join(", ", slow.Select(Fast).Distinct()),
                        Do = () => { foreach (var p in slow) p.PortFast = Fast(p); },
                        Undo = () => { for (int i = 0; i < slow.Count; i++) slow[i].PortFast = before[i]; },
                    });
                }
                foreach (var pg in portGroups)
                {
                    if (!pg.TeamingPolicy.FailbackEnabled || TeamUplinks(pg).Count() < 2) continue;
                    var saved = pg.Teaming.FailbackEnabled;
                    list.Add(new Candidate
                    {
                        Kind = HaChangeKind.FailbackOff,
                        Target = pg.Path,
                        From = "FailbackEnabled True",
                        To = "FailbackEnabled False",
                        Do = () => TeamingPolicyChange.Apply(pg.VirtualSwitch, pg, new TeamingPolicyChange { FailbackEnabled = false }),
                        Undo = () => pg.Teaming.FailbackEnabled = saved,
                    });
                }
                // The delay must cover the slowest port's listening and learning (2 x forward delay).
                var wait = slow.Select(p => (long)(2 * p.PhysicalSwitch.ForwardDelay.TotalMilliseconds)).DefaultIfEmpty(0).Max();
                var delay = host.TeamPolicyUpDelay;
                if (delay.HasValue && wait > delay.Value && portGroups.Any(pg => TeamUplinks(pg).Count() >= 2))
                {
                    int before = delay.Value;
                    list.Add(new Candidate
                    {
                        Kind = HaChangeKind.FailbackDelay,
                        Target = host.Name + " " + HostAdvancedSettings.TeamPolicyUpDelay,
                        From = before + " ms",
                        To = wait + " ms",
                        Do = () => host.SetAdvancedSetting(HostAdvancedSettings.TeamPolicyUpDelay, wait),
                        Undo = () => host.SetAdvancedSetting(HostAdvancedSettings.TeamPolicyUpDelay, before),
                    });
                }
            }

            var pinged = new HashSet<IPv4Address>(current.IsolationAddress);
            // The management gateways are pinged already, unless das.usedefaultisolationaddress is false.
            if (current.UseDefaultIsolationAddress)
                foreach (var adapter in cluster.Hosts.SelectMany(h => cluster.ManagementAdapters(h)))
                    if (adapter.Gateway.HasValue) pinged.Add(adapter.Gateway.Value);
            var switches = cluster.PhysicalSwitches.Concat(cluster.Hosts.SelectMany(h => h.VirtualSwitches).SelectMany(s => s.Uplinks)
                .Where(u => u.SwitchPort != null).Select(u => u.SwitchPort.PhysicalSwitch)).Distinct();
            foreach (var endpoint in switches.SelectMany(s => s.Endpoints).Where(e => e.RespondsToPing && !pinged.Contains(e.IPAddress)))
            {
                var address = endpoint.IPAddress;
                list.Add(new Candidate
                {
                    Kind = HaChangeKind.IsolationAddress,
                    Target = "das.isolationaddress",
                    From = current.IsolationAddress.Count == 0 ? "(none)" : string.Join(", ", current.IsolationAddress),
                    To = string.Join(", ", current.IsolationAddress.Concat(new[] { address })) + $" ({endpoint.Path})",
                    Cluster = c => Rebuild(c, null, address),
                });
            }
            if (current.HaAgent == HaAgent.Aam)
                foreach (var ms in FailureDetectionTimes.Where(ms => ms > current.FailureDetectionTime.Value.TotalMilliseconds))
                    list.Add(new Candidate
                    {
                        Kind = HaChangeKind.FailureDetectionTime,
                        Target = "das.failuredetectiontime",
                        From = current.FailureDetectionTime.Value.TotalMilliseconds + " ms",
                        To = ms + " ms",
                        Cluster = c => Rebuild(c, TimeSpan.FromMilliseconds(ms), null),
                    });
            // A kind already chosen for a target is not offered again.
            return list.Where(c => !chosen.Any(x => x.Kind == c.Kind && x.Target == c.Target)).ToList();
        }

        static PortFastMode Fast(VNSwitchPort port) => port.Mode == SwitchPortMode.Trunk ? PortFastMode.Trunk : PortFastMode.Enabled;

        static IEnumerable<VNUplink> TeamUplinks(VNPortGroup pg)
        {
            var policy = pg.TeamingPolicy;
            return pg.VirtualSwitch.Uplinks.Where(u => policy.ActiveNic.Concat(policy.StandbyNic).Contains(u.Name, Names.Comparer));
        }

        /// <summary>The same cluster with a longer das.failuredetectiontime or one more isolation address.</summary>
        static VNCluster Rebuild(VNCluster cluster, TimeSpan? failureDetectionTime, IPv4Address? isolationAddress)
        {
            var settings = cluster.AdvancedSetting.Where(kv => !(failureDetectionTime.HasValue && Names.Comparer.Equals(kv.Key, "das.failuredetectiontime")))
                .ToDictionary(kv => kv.Key, kv => (object)kv.Value);
            var spec = new VNClusterSpec
            {
                Name = cluster.Name,
                Hosts = cluster.Hosts,
                PhysicalSwitches = cluster.PhysicalSwitches,
                HaAgent = cluster.HaAgent,
                FailureDetectionTime = failureDetectionTime ?? cluster.FailureDetectionTime,
                IsolationAddress = isolationAddress.HasValue ? cluster.IsolationAddress.Concat(new[] { isolationAddress.Value }).ToList() : cluster.IsolationAddress,
                UseDefaultIsolationAddress = cluster.UseDefaultIsolationAddress,
                IsolationResponse = cluster.IsolationResponse,
                AdvancedSetting = settings,
            };
            return VNCluster.Create(spec, new List<string>());
        }

        static string ReasonOf(HaChangeKind kind)
        {
            switch (kind)
            {
                case HaChangeKind.PortFast:
                    return "A port that comes up listens and learns for 2 x forward delay (30 s) before it forwards; PortFast forwards at once. " +
                        "On a trunk only 'spanning-tree portfast trunk' does (KB 1003804).";
                case HaChangeKind.FailbackOff:
                    return "With failback the management port returns to the recovered uplink as soon as its link is up, while its switch port " +
                        "still listens and learns; without failback it stays on the uplink that works.";
                case HaChangeKind.FailbackDelay:
                    return "The team waits this long after an uplink's link comes up before it uses it again (KB 2014075), long enough for the port to forward.";
                case HaChangeKind.IsolationAddress:
                    return "A host that hears no heartbeat pings its isolation addresses; one reply and it does not declare itself isolated.";
                default:
                    return "Legacy HA applies the isolation response 1 s before das.failuredetectiontime; a longer time outlasts the outage, " +
                        "but the cluster also takes longer to restart the VMs of a host that really failed.";
            }
        }

        /// <summary>What no change fixes, per host: a second management network where all its management uplinks share one switch, else why.</summary>
        static IEnumerable<VNHaIsolationChange> Unfixable(VNCluster cluster, List<(VNHost Host, VNFailureScenario Scenario)> remaining, List<VNHaIsolationResult> results)
        {
            foreach (var group in remaining.GroupBy(k => k.Host))
            {
                var host = group.Key;
                var uplinks = cluster.ManagementAdapters(host).Select(a => a.PortGroup).Distinct().SelectMany(TeamUplinks).ToList();
                var switches = uplinks.Where(u => u.SwitchPort != null).Select(u => u.SwitchPort.PhysicalSwitch).Distinct().ToList();
                var scenarios = group.Select(k => k.Scenario).ToList();
                var explanation = results.Where(r => r.Host == host && scenarios.Contains(r.Scenario)).Select(r => r.Explanation).FirstOrDefault();
                bool single = uplinks.Count < 2 || switches.Count < 2;
                yield return new VNHaIsolationChange
                {
                    Cluster = cluster,
                    Kind = single ? HaChangeKind.SecondManagementNetwork : HaChangeKind.Unfixable,
                    Target = host.Name,
                    From = single ? $"management on {string.Join(", ", uplinks.Select(u => u.Name))}" + (switches.Count == 1 ? $" to {switches[0].Name} only" : "") : null,
                    To = single ? "a second Service Console or management VMkernel port on another vSwitch, NIC, physical switch and subnet" : null,
                    Fixes = new string[0],
                    Reason = (single
                        ? "No setting keeps heartbeats flowing when the one management path is down: a second management network on another " +
                          "vSwitch, NIC, switch and subnet does (suggested only, never applied; on the same subnet it does not help). "
                        : "No PortFast, failback, isolation address or failure detection time change fixes it. ") +
                        "Still failing: " + string.Join("; ", scenarios.Select(x => host.Name + ": " + x.Name)) + "." + (explanation == null ? "" : " " + explanation),
                };
            }
        }
    }
}
