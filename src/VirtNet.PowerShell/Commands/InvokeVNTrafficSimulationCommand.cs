using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsLifecycle.Invoke, "VNTrafficSimulation", DefaultParameterSetName = VirtualSwitchSet)]
    [OutputType(typeof(VNTrafficResult))]
    public sealed class InvokeVNTrafficSimulationCommand : VNCmdlet
    {
        const string VirtualSwitchSet = "VirtualSwitch", HostSet = "Host";
        readonly List<VNVirtualSwitch> _switches = new List<VNVirtualSwitch>();
        bool _hadInput;

        [Parameter(ParameterSetName = VirtualSwitchSet, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch[] VirtualSwitch { get; set; }

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(ParameterSetName = HostSet, Mandatory = true, ValueFromPipeline = true)]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        [Parameter(Mandatory = true)]
        [FlowListTransformation]
        public VNFlowList Flow { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(UplinkNameCompleter))]
        public string[] FailedUplink { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public string[] FailedSwitch { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(SwitchPairNameCompleter))]
        public string[] FailedPeerLink { get; set; }

        [Parameter]
        public string[] FailedUpstream { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(UplinkNameCompleter))]
        public string[] RecoveredUplink { get; set; }

        [Parameter]
        [DurationTransformation]
        public TimeSpan Elapsed { get; set; }

        [Parameter]
        public LoadBalancingPolicy LoadBalancingPolicy { get; set; }

        [Parameter]
        public SwitchParameter AssumeMatchingPhysicalSwitch { get; set; }

        protected override void ProcessRecord()
        {
            var inputs = ParameterSetName == HostSet ? Host.SelectMany(h => h.VirtualSwitches) : VirtualSwitch ?? Enumerable.Empty<VNVirtualSwitch>();
            foreach (var vswitch in inputs)
            {
                _hadInput = true;
                ForInput(() =>
                {
                    TrafficSimulation.CheckSimulatable(vswitch);
                    if (!_switches.Contains(vswitch)) _switches.Add(vswitch);
                });
            }
        }

        protected override void EndProcessing()
        {
            // Every switch given was refused (and reported): there is nothing left to simulate.
            if (_hadInput && _switches.Count == 0) return;
            var simulation = Fatal(() => new TrafficSimulation(_switches, Flow));
            foreach (var source in simulation.SourcesOutOfScope)
                WriteError(ToErrorRecord(new VirtNetException(ErrorIds.FlowNotInScope, VirtNetErrorKind.InvalidArgument,
                    $"The flows of '{source.Path}' are left out: it is not connected to {string.Join(", ", simulation.VirtualSwitches.Select(s => s.Path))}.", source)));

            var scenario = new TrafficScenario { AssumeMatchingPhysicalSwitch = AssumeMatchingPhysicalSwitch };
            if (IsBound(nameof(LoadBalancingPolicy))) scenario.LoadBalancingPolicy = LoadBalancingPolicy;
            Fatal(() =>
            {
                if (IsBound(nameof(Elapsed))) scenario.Elapsed = Elapsed;
                foreach (var name in FailedUplink ?? new string[0]) scenario.FailedUplinks.AddRange(simulation.FindUplinks(name));
                foreach (var name in FailedSwitch ?? new string[0])
                {
                    // A whole switch is kept as one, so that a vPC pair can tell whether its peer runs.
                    var (physical, member) = simulation.FindSwitch(name);
                    if (member == 0) scenario.FailedSwitches.Add(physical);
                    else scenario.FailedUplinks.AddRange(simulation.FindSwitchUplinks(name));
                }
                foreach (var name in FailedPeerLink ?? new string[0]) scenario.FailedPeerLinks.Add(simulation.FindPair(name));
                foreach (var name in FailedUpstream ?? new string[0]) scenario.UpstreamFailedUplinks.AddRange(simulation.FindUplinksOrSwitchUplinks(name));
                foreach (var name in RecoveredUplink ?? new string[0]) scenario.RecoveredUplinks.AddRange(simulation.FindUplinks(name));
            });

            foreach (var pair in scenario.FailedPeerLinks)
                WriteVerbose(scenario.FailedSwitches.Contains(pair.Primary) || scenario.FailedSwitches.Contains(pair.Secondary)
                    ? $"Peer link of {pair.Name} down with a peer down: the running peer keeps its vPC ports."
                    : $"Peer link of {pair.Name} down while both peers run: {pair.Secondary.Name} (secondary) suspends its vPC member ports.");
            var progress = new SlowProgress(this, "Simulating traffic");
            var result = simulation.Run(scenario, progress);
            progress.Complete();
            WriteVerbose($"Simulated {result.FlowCount} flow(s) on {string.Join(", ", result.VirtualSwitch.Select(s => s.Path))}: {result.AggregateThroughputMbps:0.#} Mbps delivered, {result.Findings.Count} finding(s).");
            WriteObject(result);
        }
    }
}
