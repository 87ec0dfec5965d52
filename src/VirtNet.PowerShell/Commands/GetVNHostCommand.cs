using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Lists the hosts kept in the session: every host that New-VNHost, the importers and New-VNSampleLab returned.</summary>
    [Cmdlet(VerbsCommon.Get, "VNHost")]
    [OutputType(typeof(VNHost))]
    public sealed class GetVNHostCommand : VNCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public string[] Name { get; set; }

        protected override void ProcessRecord() =>
            WriteMatching(Inventory.Hosts, h => h.Name, Name, n => Inventory.Resolve<VNHost>(n));
    }
}
