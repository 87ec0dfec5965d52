using System.Management.Automation;
using VirtNet.HA;

namespace VirtNet.Commands
{
    /// <summary>Lists the HA clusters kept in the session: every cluster that New-VNCluster and Import-VNConfig returned.</summary>
    [Cmdlet(VerbsCommon.Get, "VNCluster")]
    [OutputType(typeof(VNCluster))]
    public sealed class GetVNClusterCommand : VNCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public string[] Name { get; set; }

        protected override void ProcessRecord() =>
            WriteMatching(Inventory.Clusters, c => c.Name, Name, n => Inventory.Resolve<VNCluster>(n));
    }
}
