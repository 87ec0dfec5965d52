using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Traffic;

namespace VirtNet
{
    /// <summary>
    /// A traffic simulation over a set of virtual switches (ESX standard and distributed, Hyper-V, Linux bonds):
    /// compiles the switches and flows once, then runs scenarios against them (see <see cref="Run"/>).
    /// </summary>
    public sealed class TrafficSimulation
    {
        readonly MaxMinFairShare _share = new MaxMinFairShare();

        /// <summary>Switches to simulate; none: the switches the flows' sources are connected to.</summary>
        public TrafficSimulation(IEnumerable<VNVirtualSwitch> virtualSwitches, VNFlowList flows)
        {
            if (flows == null || flows.Count == 0)
                throw new VirtNetException(ErrorIds.NoFlows, VirtNetErrorKind.InvalidArgument,
                    "There are no flows to simulate. Describe the traffic with New-VNFlow.", flows);
            var switches = (virtualSwitches ?? Enumerable.Empty<VNVirtualSwitch>()).Distinct().ToList();
            if (switches.Count == 0)
                switches = flows.Sources.Select(s => s.Adapter.VirtualSwitch).Where(s => s != null).Distinct().ToList();
            foreach (var vswitch in switches) CheckSimulatable(vswitch);
            Model = new TrafficModel(switches, flows);
            if (Model.FlowCount == 0)
                throw new VirtNetException(ErrorIds.FlowNotInScope, VirtNetErrorKind.InvalidArgument,
                    $"None of the flows starts on {string.Join(", ", switches.Select(s => s.Path))}; their sources are on " +
                    $"{string.Join(", ", Model.SourcesOutOfScope.Select(a => a.VirtualSwitch?.Path ?? a.Path + " (not connected)").Distinct())}.",
                    flows);
        }

        internal TrafficModel Model { get; }
        public IReadOnlyList<VNVirtualSwitch> VirtualSwitches => Model.Switches;
        public IReadOnlyList<VNUplink> Uplinks => Model.Uplinks;
        /// <summary>Flow sources that are not on the switches simulated; their flows are left out.</summary>
        public IReadOnlyList<VNVirtualAdapter> SourcesOutOfScope => Model.SourcesOutOfScope;
        public int FlowCount => Model.FlowCount;

        /// <summary>A switch can be simulated while it is on its host.</summary>
        public static void CheckSimulatable(VNVirtualSwitch vswitch)
        {
            if (vswitch.Host == null)
                throw new VirtNetException(ErrorIds.VirtualSwitchNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"Virtual switch '{vswitch.Name}' has been removed from its host.", vswitch);
        }

        /// <summary>The uplinks of the simulated switches with this name (vmnic1) or path (esx01/vSwitch1/vmnic1).</summary>
        public IReadOnlyList<VNUplink> FindUplinks(string name)
        {
            var found = Model.Uplinks.Where(u => Names.Comparer.Equals(u.Name, name) || Names.Comparer.Equals(u.Path, name)).ToList();
            if (found.Count == 0)
                throw Names.NotFound(ErrorIds.UplinkNotFound, "uplink", name, string.Join(", ", Model.Switches.Select(s => s.Path)), Model.Uplinks, u => u.Path);
            return found;
        }

        /// <summary>The uplinks a name stands for: an uplink's name or path, else a physical switch or stack member.</summary>
        public IReadOnlyList<VNUplink> FindUplinksOrSwitchUplinks(string name) =>
            Model.Uplinks.Any(u => Names.Comparer.Equals(u.Name, name) || Names.Comparer.Equals(u.Path, name)) ? FindUplinks(name) : FindSwitchUplinks(name);

        /// <summary>The uplinks cabled to a physical switch (core1), or to one member of a stack (core1/2: every port Gi2/...).</summary>
        public IReadOnlyList<VNUplink> FindSwitchUplinks(string name)
        {
            var (physical, member) = FindSwitch(name);
            return Model.Uplinks.Where(u => u.SwitchPort?.PhysicalSwitch == physical && (member == 0 || u.SwitchPort.StackMember == member)).ToList();
        }

        /// <summary>
        /// A physical switch the simulated uplinks are cabled to, or the peer of one in a vPC/MLAG pair (core1), with
        /// 0; or one member of a stack (core1/2), with its number.
        /// </summary>
        public (VNPhysicalSwitch Switch, int Member) FindSwitch(string name)
        {
            var switches = CabledSwitches();
            var parts = (name ?? "").Split('/');
            int member = 0;
            var physical = parts.Length <= 2 ? Names.Find(switches, s => s.Name, parts[0]) : null;
            if (physical == null || (parts.Length == 2 && (!int.TryParse(parts[1], out member) || member < 1 || member > physical.Stack)))
                throw Names.NotFound(ErrorIds.PhysicalSwitchNotFound, "physical switch or stack member", name,
                    "the switches cabled to " + string.Join(", ", Model.Switches.Select(s => s.Path)),
                    switches.SelectMany(s => s.IsStack ? Enumerable.Range(1, s.Stack).Select(m => s.Name + "/" + m).Prepend(s.Name) : new[] { s.Name }), n => n);
            return (physical, member);
        }

        /// <summary>A vPC or MLAG pair of the switches the simulated uplinks are cabled to, by name.</summary>
        public VNSwitchPair FindPair(string name)
        {
            var pairs = CabledSwitches().Select(s => s.Pair).Where(p => p != null).Distinct().ToList();
            return Names.Find(pairs, p => p.Name, name)
                ?? throw Names.NotFound(ErrorIds.SwitchPairNotFound, "switch pair", name,
                    "the switches cabled to " + string.Join(", ", Model.Switches.Select(s => s.Path)), pairs, p => p.Name);
        }

        List<VNPhysicalSwitch> CabledSwitches()
        {
            var cabled = Model.SwitchPort.Where(p => p != null).Select(p => p.PhysicalSwitch).Distinct().ToList();
            return cabled.Concat(cabled.Where(s => s.Pair != null).Select(s => s.Pair.PeerOf(s))).Distinct().ToList();
        }

        /// <summary>
        /// Runs a scenario. With failures or recoveries it also runs the same scenario without them, to tell which
        /// flows moved.
        /// </summary>
        public VNTrafficResult Run(TrafficScenario scenario = null, IProgress<SimulationProgress> progress = null)
        {
            scenario = scenario ?? new TrafficScenario();
            TrafficRun healthy = null;
            if (scenario.HasFailures)
            {
                progress?.Report(new SimulationProgress(0, "Simulating without the failures"));
                healthy = RunOnce(new UplinkState[Model.Uplinks.Length], scenario.Teaming, scenario.AssumeMatchingPhysicalSwitch);
            }
            progress?.Report(new SimulationProgress(healthy == null ? 0 : 50, "Simulating " + Model.FlowCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " flows"));
            var run = RunOnce(scenario.States(Model), scenario.Teaming, scenario.AssumeMatchingPhysicalSwitch);
            progress?.Report(new SimulationProgress(100, "Done"));
            return new VNTrafficResult(Model, run, healthy, scenario);
        }

        /// <summary>One run, then the findings step over what it computed.</summary>
        internal TrafficRun RunOnce(UplinkState[] state, TeamingOption option, bool assumeMatching)
        {
            var run = TrafficEngine.Run(Model, state, option, assumeMatching, _share);
            run.Findings = TrafficFindings.Of(Model, run);
            return run;
        }
    }
}
