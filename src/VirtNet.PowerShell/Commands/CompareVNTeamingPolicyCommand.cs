using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsData.Compare, "VNTeamingPolicy")]
    [OutputType(typeof(VNTeamingComparison))]
    public sealed class CompareVNTeamingPolicyCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public VNVirtualSwitch[] VirtualSwitch { get; set; }

        [Parameter(Mandatory = true)]
        [FlowListTransformation]
        public VNFlowList Flow { get; set; }

        [Parameter]
        public LoadBalancingPolicy[] LoadBalancingPolicy { get; set; }

        [Parameter]
        public SwitchParameter AssumeMatchingPhysicalSwitch { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var vswitch in VirtualSwitch)
                ForInput(() =>
                {
                    TrafficSimulation.CheckSimulatable(vswitch);
                    var progress = new SlowProgress(this, "Comparing teaming policies on " + vswitch.Path);
                    var rows = TeamingComparison.Compare(vswitch, Flow, LoadBalancingPolicy, AssumeMatchingPhysicalSwitch, progress);
                    progress.Complete();
                    WriteObject(rows, enumerateCollection: true);
                });
        }
    }
}
