using System.Linq;
using System.Management.Automation;
using VirtNet.HA;
using VirtNet.Planning;

namespace VirtNet.Commands
{
    /// <summary>Finds the smallest set of changes after which no host of the cluster is isolated in any scenario; -Apply makes the settings.</summary>
    [Cmdlet(VerbsCommon.Optimize, "VNHaIsolation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VNHaIsolationChange))]
    public sealed class OptimizeVNHaIsolationCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNCluster))]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public VNCluster[] Cluster { get; set; }

        [Parameter(Position = 1)]
        public VNFailureScenario[] Scenario { get; set; }

        [Parameter]
        public SwitchParameter Apply { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var cluster in Cluster.Where(c => c != null))
                ForInput(() =>
                {
                    var progress = new SlowProgress(this, "Planning HA isolation fixes for cluster " + cluster.Name);
                    var changes = HaIsolationPlanner.Plan(cluster, Scenario?.Where(s => s != null).ToList(), progress);
                    progress.Complete();
                    WriteVerbose(changes.Count == 0
                        ? $"Cluster {cluster.Name}: every host ends NotIsolated in every scenario; nothing to change."
                        : $"Cluster {cluster.Name}: {changes.Count(c => c.CanApply)} change(s) proposed, " +
                          $"{changes.Count(c => !c.CanApply)} host(s) left with a suggestion or unfixable.");
                    foreach (var change in changes)
                    {
                        if (Apply && change.CanApply && ShouldProcess(change.Target, $"{change.Kind}: {change.From} -> {change.To}"))
                        {
                            change.Apply();
                            WriteVerbose($"Applied {change.Kind} on {change.Target}: {change.From} -> {change.To}.");
                        }
                        WriteObject(change);
                    }
                });
        }
    }
}
