using System.Management.Automation;
using VirtNet.Planning;

namespace VirtNet.Commands
{
    /// <summary>Proposes per port group the teaming policy and failover order that carry the flows best; -Apply sets them.</summary>
    [Cmdlet(VerbsCommon.Optimize, "VNTeaming", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VNTeamingProposal))]
    public sealed class OptimizeVNTeamingCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch[] VirtualSwitch { get; set; }

        [Parameter(Position = 1)]
        [FlowListTransformation]
        public VNFlowList Flow { get; set; }

        [Parameter]
        public TeamingObjective[] Objective { get; set; }

        [Parameter]
        public SwitchParameter AssumeSwitchChange { get; set; }

        [Parameter]
        public SwitchParameter Apply { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var vswitch in VirtualSwitch)
                ForInput(() =>
                {
                    var progress = new SlowProgress(this, "Planning the teaming of " + vswitch.Path);
                    var rows = TeamingPlanner.Plan(vswitch, Flow, Objective, AssumeSwitchChange, progress);
                    progress.Complete();
                    foreach (var row in rows)
                    {
                        WriteVerbose(row.Changed
                            ? $"{row.PortGroup.Path}: {row.LoadBalancingPolicyBefore} active {string.Join(",", row.ActiveNicBefore)} -> {row.LoadBalancingPolicy} " +
                              $"active {string.Join(",", row.ActiveNic)} standby {string.Join(",", row.StandbyNic)}. {row.Reason}"
                            : $"{row.PortGroup.Path}: kept as it is.");
                        if (Apply && row.Changed && ShouldProcess(row.PortGroup.Path,
                            $"Set teaming {row.LoadBalancingPolicy}, active {string.Join(",", row.ActiveNic)}, standby {string.Join(",", row.StandbyNic)}"))
                            row.Apply();
                        WriteObject(row);
                    }
                });
        }
    }
}
