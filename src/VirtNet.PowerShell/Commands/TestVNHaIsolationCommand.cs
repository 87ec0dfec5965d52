using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.HA;

namespace VirtNet.Commands
{
    /// <summary>
    /// Simulates HA isolation for each cluster under each scenario (by default the standard catalogue) and emits one
    /// result per host per scenario.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "VNHaIsolation")]
    [OutputType(typeof(VNHaIsolationResult))]
    public sealed class TestVNHaIsolationCommand : VNCmdlet
    {
        int _activity;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNCluster))]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public VNCluster[] Cluster { get; set; }

        [Parameter(Position = 1)]
        public VNFailureScenario[] Scenario { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var cluster in Cluster.Where(c => c != null))
                ForInput(() =>
                {
                    var simulator = new HaSimulator(cluster);
                    IReadOnlyList<VNFailureScenario> scenarios = Scenario?.Where(s => s != null).ToList() ?? simulator.StandardScenarios();
                    var progress = new ProgressRecord(++_activity, $"Testing HA isolation of cluster {cluster.Name}", "Starting");
                    for (int i = 0; i < scenarios.Count; i++)
                    {
                        progress.StatusDescription = $"Scenario {i + 1} of {scenarios.Count}: {scenarios[i].Name}";
                        progress.PercentComplete = 100 * i / scenarios.Count;
                        WriteProgress(progress);
                        // A scenario naming something the cluster does not have is an error for that scenario only.
                        ForInput(() => WriteObject(simulator.Run(scenarios[i]), enumerateCollection: true));
                    }
                    WriteVerbose($"Tested cluster {cluster.Name} under {scenarios.Count} scenario(s).");
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                });
        }
    }
}
