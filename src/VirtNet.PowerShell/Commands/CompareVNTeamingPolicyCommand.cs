using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsData.Compare, "VNTeamingPolicy")]
    [OutputType(typeof(VNTeamingComparison))]
    public sealed class CompareVNTeamingPolicyCommand : VNCmdlet
    {
        BondMode[] _bondModes;
        XmitHashPolicy[] _xmitHashPolicies;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch[] VirtualSwitch { get; set; }

        [Parameter(Mandatory = true)]
        [FlowListTransformation]
        public VNFlowList Flow { get; set; }

        [Parameter]
        public LoadBalancingPolicy[] LoadBalancingPolicy { get; set; }

        [Parameter]
        public TeamingMode[] TeamingMode { get; set; }

        [Parameter]
        public LoadBalancingAlgorithm[] LoadBalancingAlgorithm { get; set; }

        // Text, not the enum: the kernel's names (802.3ad) and numbers (4) are accepted.
        [Parameter]
        [ArgumentCompleter(typeof(BondModeCompleter))]
        public string[] BondMode { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(XmitHashPolicyCompleter))]
        public string[] XmitHashPolicy { get; set; }

        [Parameter]
        public SwitchParameter AssumeMatchingPhysicalSwitch { get; set; }

        /// <summary>A mode or policy that does not exist is wrong for every switch, so it stops the call.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _bondModes = Fatal(() => (BondMode ?? new string[0]).Select(LinuxBonding.ParseBondMode).ToArray());
            _xmitHashPolicies = Fatal(() => (XmitHashPolicy ?? new string[0]).Select(LinuxBonding.ParseXmitHashPolicy).ToArray());
        }

        protected override void ProcessRecord()
        {
            foreach (var vswitch in VirtualSwitch)
                ForInput(() =>
                {
                    TrafficSimulation.CheckSimulatable(vswitch);
                    var options = TeamingOption.For(vswitch, LoadBalancingPolicy, TeamingMode, LoadBalancingAlgorithm, _bondModes, _xmitHashPolicies);
                    var progress = new SlowProgress(this, "Comparing teaming options on " + vswitch.Path);
                    var rows = TeamingComparison.Compare(vswitch, Flow, options, AssumeMatchingPhysicalSwitch, progress);
                    progress.Complete();
                    WriteVerbose($"Compared {rows.Count} teaming option(s) on {vswitch.Path} over {Flow.Count} flow(s); {rows.Count(r => r.Valid)} valid.");
                    WriteObject(rows, enumerateCollection: true);
                });
        }
    }
}
