using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Get, "VNVMKernelAdapter")]
    [OutputType(typeof(VNVMKernelAdapter))]
    public sealed class GetVNVMKernelAdapterCommand : VNCmdlet
    {
        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        // Not ByPropertyName: the piped host's own Name would bind here and filter for an adapter named like the host.
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Name { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var host in Host)
                WriteMatching(host.VMKernelAdapters, a => a.Name, Name, host.GetVMKernelAdapter);
        }
    }
}
