using System.Management.Automation;
using VirtNet.HA;

namespace VirtNet.Commands
{
    /// <summary>Drops HA clusters from the session's inventory; their hosts stay.</summary>
    [Cmdlet(VerbsCommon.Remove, "VNCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNClusterCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNCluster))]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public VNCluster[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var cluster in InputObject)
            {
                if (!ShouldProcess(cluster.Path, "Remove cluster from the session")) continue;
                Inventory.Remove(cluster);
                WriteVerbose($"Removed cluster '{cluster.Name}' from the session; its {cluster.Hosts.Count} host(s) stay.");
            }
        }
    }
}
