using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Teaming;
using VirtNet.Traffic;

namespace VirtNet
{
    /// <summary>What Optimize-VNTeaming maximises, in the order given: delivered throughput, or the throughput left after the worst single uplink failure.</summary>
    public enum TeamingObjective { Throughput, Resilience }

    /// <summary>One port group's teaming before and after Optimize-VNTeaming's proposal, with the simulated numbers of each.</summary>
    public sealed class VNTeamingProposal
    {
        internal TeamingPolicyChange Change;

        public VNPortGroup PortGroup { get; internal set; }
        public VNVirtualSwitch VirtualSwitch => PortGroup.VirtualSwitch;
        public LoadBalancingPolicy LoadBalancingPolicyBefore { get; internal set; }
        public string[] ActiveNicBefore { get; internal set; }
        public string[] StandbyNicBefore { get; internal set; }
        public string[] UnusedNicBefore { get; internal set; }
        public LoadBalancingPolicy LoadBalancingPolicy { get; internal set; }
        public string[] ActiveNic { get; internal set; }
        public string[] StandbyNic { get; internal set; }
        public string[] UnusedNic { get; internal set; }
        /// <summary>What the port group's flows deliver, both directions, nothing failed.</summary>
        public double ThroughputMbpsBefore { get; internal set; }
        public double ThroughputMbps { get; internal set; }
        /// <summary>The least the port group's flows deliver when any one uplink of the switch fails.</summary>
        public double WorstSingleFailureThroughputMbpsBefore { get; internal set; }
        public double WorstSingleFailureThroughputMbps { get; internal set; }
        /// <summary>The busiest direction of the busiest uplink carrying the port group's flows, nothing failed.</summary>
        public double MaxUtilizationPercentBefore { get; internal set; }
        public double MaxUtilizationPercent { get; internal set; }
        public bool Changed => Change != null;
        public bool Applied { get; internal set; }
        public string Reason { get; internal set; }

        /// <summary>Sets the proposed policy and failover order on the port group.</summary>
        public void Apply()
        {
            if (Change == null) return;
            TeamingPolicyChange.Apply(PortGroup.VirtualSwitch, PortGroup, Change);
            Applied = true;
        }

        public override string ToString() =>
            $"{PortGroup.Path}: {LoadBalancingPolicy} active {string.Join(",", ActiveNic)} standby {string.Join(",", StandbyNic)}";
    }
}

namespace VirtNet.Planning
{
    /// <summary>
    /// Proposes, per port group of an ESX vSwitch, the load balancing policy and failover order that maximise the
    /// delivered throughput of the flows and what survives the worst single uplink failure (Optimize-VNTeaming),
    /// under the constraints of the vSphere design guides: management and vMotion do not share an active uplink when
    /// the switch has another, and then each is the other's first standby; IP hash only where the physical switch has
    /// the static channel it needs (or the switch may be changed); no port group loses redundancy.
    /// The switch and flows are compiled once; a candidate is a new team for one port group swapped into the compiled
    /// model, run healthy and with each uplink failed. A coordinate search takes each port group in turn and keeps
    /// its best candidate, until a pass changes nothing; the result is then verified by compiling the model with the
    /// proposal set and simulating it again.
    /// </summary>
    public static class TeamingPlanner
    {
        const int MaxPasses = 3;
        const double Tolerance = 1e-6;

        sealed class Choice
        {
            public LoadBalancingPolicy Policy;
            public int[] Active, Standby, Unused;
            public bool Same(Choice other) => Policy == other.Policy && Active.SequenceEqual(other.Active) && Standby.SequenceEqual(other.Standby)
                && Unused.SequenceEqual(other.Unused);
        }

        /// <summary>A whole switch's configuration scored: lower Violations and Errors first, then the objectives, then fewer changes.</summary>
        sealed class Score
        {
            public int Violations, Errors, Changes;
            public double Aggregate, Worst, MaxUtilization;
            public double[] TeamMbps, TeamWorst, TeamUtilization;
        }

        public static IReadOnlyList<VNTeamingProposal> Plan(VNVirtualSwitch vswitch, VNFlowList flows, IReadOnlyList<TeamingObjective> objectives = null,
            bool assumeSwitchChange = false, IProgress<SimulationProgress> progress = null)
        {
            TrafficSimulation.CheckSimulatable(vswitch);
            if (vswitch.Type == VirtualSwitchType.HyperV || vswitch.Type == VirtualSwitchType.LinuxBond)
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"'{vswitch.Path}' is a {vswitch.Type} switch; Optimize-VNTeaming plans the ESX teaming policy and failover order of port groups. " +
                    "Compare-VNTeamingPolicy compares the teaming options of Hyper-V switches and bonds.", vswitch);
            if (vswitch.PortGroups.Count == 0)
                throw new VirtNetException(ErrorIds.PortGroupNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"'{vswitch.Path}' has no port group to plan for. Add one with Add-VNPortGroup.", vswitch);
            objectives = objectives == null || objectives.Count == 0 ? new[] { TeamingObjective.Throughput, TeamingObjective.Resilience } : objectives.Distinct().ToList();

            var simulation = flows == null || flows.Count == 0 ? null : new TrafficSimulation(new[] { vswitch }, flows);
            var model = simulation?.Model ?? new TrafficModel(new[] { vswitch }, VNFlowList.Empty);
            var original = model.Teams.ToArray();
            var role = original.Select(t => RoleOf(t.PortGroup)).ToArray();
            var before = original.Select(t => new Choice { Policy = t.PortGroup.TeamingPolicy.LoadBalancingPolicy, Active = t.Active, Standby = t.Standby, Unused = t.Unused }).ToArray();
            var current = before.ToArray();
            var candidates = original.Select(t => Candidates(t, model.Uplinks.Length)).ToArray();

            Score Evaluate(Choice[] config)
            {
                for (int t = 0; t < config.Length; t++) model.Teams[t] = TeamOf(original[t], config[t]);
                var score = Simulate(model, simulation, assumeSwitchChange);
                score.Violations = Violations(config, role, original, model.Uplinks.Length);
                for (int t = 0; t < config.Length; t++) if (!config[t].Same(before[t])) score.Changes++;
                return score;
            }

            var best = Evaluate(current);
            var baseline = best;
            int steps = MaxPasses * candidates.Sum(c => c.Count), step = 0;
            for (int pass = 0; pass < MaxPasses; pass++)
            {
                bool improved = false;
                for (int t = 0; t < current.Length; t++)
                    foreach (var choice in candidates[t])
                    {
                        progress?.Report(new SimulationProgress(100 * step++ / steps, $"{original[t].Path}: {choice.Policy}"));
                        if (choice.Same(current[t])) continue;
                        if (choice.Policy == LoadBalancingPolicy.LoadBalanceIP && !assumeSwitchChange && simulation == null) continue;
                        var trial = current.ToArray();
                        trial[t] = choice;
                        var score = Evaluate(trial);
                        // IP hash only where the switch has its static channel: a candidate that adds error findings is out.
                        if (score.Errors > baseline.Errors) continue;
                        if (Better(score, best, objectives)) { best = score; current = trial; improved = true; }
                    }
                if (!improved) break;
            }
            current = PairManagementAndVMotion(current, role, Evaluate, ref best, objectives);
            progress?.Report(new SimulationProgress(100, "Verifying"));

            for (int t = 0; t < original.Length; t++) model.Teams[t] = original[t];
            var changes = new TeamingPolicyChange[original.Length];
            for (int t = 0; t < original.Length; t++)
                if (!current[t].Same(before[t]))
                    changes[t] = new TeamingPolicyChange
                    {
                        LoadBalancingPolicy = current[t].Policy,
                        MakeNicActive = NamesOf(model, current[t].Active),
                        MakeNicStandby = NamesOf(model, current[t].Standby),
                        MakeNicUnused = NamesOf(model, current[t].Unused),
                    };
            var verified = Verify(vswitch, flows, original, changes, assumeSwitchChange);

            var rows = new List<VNTeamingProposal>();
            for (int t = 0; t < original.Length; t++)
                rows.Add(new VNTeamingProposal
                {
                    PortGroup = original[t].PortGroup,
                    Change = changes[t],
                    LoadBalancingPolicyBefore = before[t].Policy,
                    ActiveNicBefore = NamesOf(model, before[t].Active),
                    StandbyNicBefore = NamesOf(model, before[t].Standby),
                    UnusedNicBefore = NamesOf(model, before[t].Unused),
                    LoadBalancingPolicy = current[t].Policy,
                    ActiveNic = NamesOf(model, current[t].Active),
                    StandbyNic = NamesOf(model, current[t].Standby),
                    UnusedNic = NamesOf(model, current[t].Unused),
                    ThroughputMbpsBefore = baseline.TeamMbps[t],
                    ThroughputMbps = verified.TeamMbps[t],
                    WorstSingleFailureThroughputMbpsBefore = baseline.TeamWorst[t],
                    WorstSingleFailureThroughputMbps = verified.TeamWorst[t],
                    MaxUtilizationPercentBefore = baseline.TeamUtilization[t],
                    MaxUtilizationPercent = verified.TeamUtilization[t],
                    Reason = ReasonOf(role[t], before[t], current[t], baseline, verified, t, model),
                });
            return rows;
        }

        enum Role { Other, Management, VMotion }

        static Role RoleOf(VNPortGroup pg)
        {
            var vmk = pg.Ports.OfType<VNVMKernelAdapter>().ToList();
            if (vmk.Any(a => a.IsManagement)) return Role.Management;
            return vmk.Any(a => a.Purpose.Contains(AdapterPurpose.VMotion)) ? Role.VMotion : Role.Other;
        }

        /// <summary>
        /// The orders tried for a port group over the switch's n uplinks, each with every policy that suits it: all
        /// active (every policy, IP hash included); one active and the rest standby, and half active and half standby
        /// (port id, MAC hash, explicit failover). Every order keeps every uplink, so no candidate loses redundancy.
        /// Load-based teaming only where the switch offers it (a distributed switch on ESX 4.1 or later).
        /// </summary>
        static List<Choice> Candidates(Team team, int n)
        {
            var all = Enumerable.Range(0, n).ToArray();
            var none = new int[0];
            var orders = new List<(int[] Active, int[] Standby)> { (all, none) };
            if (n >= 2)
            {
                foreach (var u in all) orders.Add((new[] { u }, all.Where(x => x != u).ToArray()));
                if (n >= 4)
                    foreach (var pair in Pairs(n)) orders.Add((pair, all.Except(pair).ToArray()));
            }
            var vswitch = team.VirtualSwitch;
            bool loadBased = vswitch.Type == VirtualSwitchType.Distributed && vswitch.Host.VersionInfo.IsAtLeast(4, 1);
            var list = new List<Choice>();
            foreach (var (active, standby) in orders)
            {
                var policies = new List<LoadBalancingPolicy> { LoadBalancingPolicy.LoadBalanceSrcId, LoadBalancingPolicy.LoadBalanceSrcMac, LoadBalancingPolicy.ExplicitFailover };
                if (standby.Length == 0 && team.Detection == NetworkFailoverDetectionPolicy.LinkStatus) policies.Add(LoadBalancingPolicy.LoadBalanceIP);
                if (loadBased) policies.Add(LoadBalancingPolicy.LoadBalanceLoadBased);
                // Explicit failover with every uplink active is the same as one active; keep it for the orders with standby.
                foreach (var policy in policies)
                    if (!(policy == LoadBalancingPolicy.ExplicitFailover && active.Length > 1))
                        list.Add(new Choice { Policy = policy, Active = active, Standby = standby, Unused = none });
            }
            return list;
        }

        static IEnumerable<int[]> Pairs(int n)
        {
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++)
                    yield return new[] { a, b };
        }

        static Team TeamOf(Team team, Choice choice) =>
            new Team(team.Index, team.PortGroup, TeamingOption.Esx(choice.Policy), team.Detection, team.FailbackEnabled, team.IpHashVariant,
                choice.Active, choice.Standby, choice.Unused, team.PortIds, team.PortMacs, team.UpDelayMs);

        /// <summary>
        /// Active uplinks that a management and a vMotion port group share although the switch has another: counted
        /// per uplink, so that moving either port group off a shared uplink is already progress.
        /// </summary>
        static int Violations(Choice[] config, Role[] role, Team[] teams, int uplinks)
        {
            if (uplinks < 2) return 0;
            int violations = 0;
            for (int a = 0; a < config.Length; a++)
                for (int b = 0; b < config.Length; b++)
                    if (role[a] == Role.Management && role[b] == Role.VMotion) violations += config[a].Active.Intersect(config[b].Active).Count();
            return violations;
        }

        /// <summary>
        /// The design guides' opposite orders: management active on one uplink with vMotion's first in its standby
        /// list, vMotion the reverse, so each fails over onto the other's uplink and not onto a third. Kept when it
        /// scores no worse.
        /// </summary>
        static Choice[] PairManagementAndVMotion(Choice[] config, Role[] role, Func<Choice[], Score> evaluate, ref Score best,
            IReadOnlyList<TeamingObjective> objectives)
        {
            var result = config.ToArray();
            for (int m = 0; m < config.Length; m++)
                for (int v = 0; v < config.Length; v++)
                {
                    if (role[m] != Role.Management || role[v] != Role.VMotion) continue;
                    if (result[m].Active.Length != 1 || result[v].Active.Length != 1) continue;
                    int ma = result[m].Active[0], va = result[v].Active[0];
                    var trial = result.ToArray();
                    trial[m] = WithFirstStandby(result[m], va);
                    trial[v] = WithFirstStandby(result[v], ma);
                    var score = evaluate(trial);
                    if (!Better(best, score, objectives, ignoreChanges: true)) { result = trial; best = score; }
                }
            return result;
        }

        static Choice WithFirstStandby(Choice choice, int uplink)
        {
            if (!choice.Standby.Contains(uplink)) return choice;
            return new Choice
            {
                Policy = choice.Policy,
                Active = choice.Active,
                Standby = new[] { uplink }.Concat(choice.Standby.Where(u => u != uplink)).ToArray(),
                Unused = choice.Unused,
            };
        }

        static bool Better(Score a, Score b, IReadOnlyList<TeamingObjective> objectives, bool ignoreChanges = false)
        {
            if (a.Violations != b.Violations) return a.Violations < b.Violations;
            if (a.Errors != b.Errors) return a.Errors < b.Errors;
            foreach (var objective in objectives)
            {
                double x = objective == TeamingObjective.Throughput ? a.Aggregate : a.Worst;
                double y = objective == TeamingObjective.Throughput ? b.Aggregate : b.Worst;
                if (Math.Abs(x - y) > Tolerance) return x > y;
            }
            if (!ignoreChanges && a.Changes != b.Changes) return a.Changes < b.Changes;
            return a.MaxUtilization < b.MaxUtilization - Tolerance;
        }

        /// <summary>The switch healthy and with each uplink failed: totals, and per team its flows' share.</summary>
        static Score Simulate(TrafficModel model, TrafficSimulation simulation, bool assumeSwitchChange)
        {
            int teams = model.Teams.Length, uplinks = model.Uplinks.Length;
            var score = new Score { TeamMbps = new double[teams], TeamWorst = new double[teams], TeamUtilization = new double[teams] };
            if (simulation == null) return score;
            var healthy = simulation.RunOnce(new UplinkState[uplinks], null, assumeSwitchChange);
            foreach (var finding in healthy.Findings) if (finding.Severity == Severity.Error) score.Errors++;
            score.Aggregate = healthy.AggregateMbps;
            Delivered(model, healthy, score.TeamMbps, score.TeamUtilization);
            for (int u = 0; u < uplinks; u++) score.MaxUtilization = Math.Max(score.MaxUtilization, Utilization(model, healthy, u));
            score.Worst = double.MaxValue;
            for (int t = 0; t < teams; t++) score.TeamWorst[t] = double.MaxValue;
            var perTeam = new double[teams];
            for (int u = 0; u < uplinks; u++)
            {
                var state = new UplinkState[uplinks];
                state[u] = UplinkState.Failed;
                var failed = simulation.RunOnce(state, null, assumeSwitchChange);
                score.Worst = Math.Min(score.Worst, failed.AggregateMbps);
                Array.Clear(perTeam, 0, teams);
                Delivered(model, failed, perTeam, null);
                for (int t = 0; t < teams; t++) score.TeamWorst[t] = Math.Min(score.TeamWorst[t], perTeam[t]);
            }
            if (uplinks == 0) score.Worst = 0;
            for (int t = 0; t < teams; t++) if (score.TeamWorst[t] == double.MaxValue) score.TeamWorst[t] = 0;
            return score;
        }

        static double Utilization(TrafficModel model, TrafficRun run, int u) => 100.0 * Math.Max(run.TxMbps[u], run.RxMbps[u]) / model.Capacity[u];

        /// <summary>Adds each flow's delivered Mbps to its team; with <paramref name="utilization"/>, the busiest uplink each team's flows use.</summary>
        static void Delivered(TrafficModel model, TrafficRun run, double[] mbps, double[] utilization)
        {
            for (int r = 0; r < model.RunSource.Length; r++)
            {
                int t = model.SourceTeam[model.RunSource[r]];
                for (int f = model.RunStart[r]; f < model.RunStart[r + 1]; f++)
                {
                    mbps[t] += run.OutboundMbps(model, r, f) + run.InboundMbps(model, r, f);
                    if (utilization == null || !TrafficRun.Delivers(run.StatusOf(f))) continue;
                    int u = run.FlowUplink[f];
                    if (u >= 0) utilization[t] = Math.Max(utilization[t], Utilization(model, run, u));
                    int inbound = model.RunDirection[r] == FlowDirection.Outbound ? -1 : run.InboundOf(r, f);
                    if (inbound >= 0) utilization[t] = Math.Max(utilization[t], Utilization(model, run, inbound));
                }
            }
        }

        /// <summary>Sets the proposal on the model, compiles and simulates it again, and restores the port groups as they were.</summary>
        static Score Verify(VNVirtualSwitch vswitch, VNFlowList flows, Team[] teams, TeamingPolicyChange[] changes, bool assumeSwitchChange)
        {
            var saved = teams.Select(t => Snapshot(t.PortGroup.Teaming)).ToArray();
            try
            {
                for (int t = 0; t < teams.Length; t++)
                    if (changes[t] != null) TeamingPolicyChange.Apply(vswitch, teams[t].PortGroup, changes[t]);
                if (flows == null || flows.Count == 0)
                {
                    var empty = new TrafficModel(new[] { vswitch }, VNFlowList.Empty);
                    return Simulate(empty, null, assumeSwitchChange);
                }
                var simulation = new TrafficSimulation(new[] { vswitch }, flows);
                return Simulate(simulation.Model, simulation, assumeSwitchChange);
            }
            finally
            {
                for (int t = 0; t < teams.Length; t++) Restore(teams[t].PortGroup.Teaming, saved[t]);
            }
        }

        static TeamingSettings Snapshot(TeamingSettings s) => new TeamingSettings
        {
            LoadBalancingPolicy = s.LoadBalancingPolicy,
            NetworkFailoverDetectionPolicy = s.NetworkFailoverDetectionPolicy,
            NotifySwitches = s.NotifySwitches,
            FailbackEnabled = s.FailbackEnabled,
            IpHashVariant = s.IpHashVariant,
            FailoverOrder = s.FailoverOrder?.Clone(),
        };

        static void Restore(TeamingSettings s, TeamingSettings saved)
        {
            s.LoadBalancingPolicy = saved.LoadBalancingPolicy;
            s.NetworkFailoverDetectionPolicy = saved.NetworkFailoverDetectionPolicy;
            s.NotifySwitches = saved.NotifySwitches;
            s.FailbackEnabled = saved.FailbackEnabled;
            s.IpHashVariant = saved.IpHashVariant;
            s.FailoverOrder = saved.FailoverOrder;
        }

        static string[] NamesOf(TrafficModel model, int[] uplinks) => uplinks.Select(u => model.Uplinks[u].Name).ToArray();

        static string ReasonOf(Role role, Choice before, Choice after, Score baseline, Score verified, int t, TrafficModel model)
        {
            if (after.Same(before)) return "Kept: no candidate does better for the switch's flows and constraints.";
            var reasons = new List<string>();
            if (role != Role.Other && after.Active.Length == 1)
                reasons.Add($"{(role == Role.Management ? "Management" : "vMotion")} gets its own active uplink ({model.Uplinks[after.Active[0]].Name}), " +
                    $"apart from {(role == Role.Management ? "vMotion" : "management")}, with {model.Uplinks[after.Standby.FirstOrDefault()].Name} as its first standby.");
            if (after.Policy != before.Policy) reasons.Add($"{after.Policy} instead of {before.Policy}.");
            if (verified.Aggregate > baseline.Aggregate + Tolerance)
                reasons.Add($"The switch delivers {verified.Aggregate:0.#} Mbps instead of {baseline.Aggregate:0.#}.");
            if (verified.Worst > baseline.Worst + Tolerance)
                reasons.Add($"After the worst single uplink failure it still delivers {verified.Worst:0.#} Mbps instead of {baseline.Worst:0.#}.");
            if (reasons.Count == 0) reasons.Add("Spreads the switch's flows no worse, with the constraints met.");
            return string.Join(" ", reasons);
        }
    }
}
