using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Get, "VNMacAddressPool")]
    [OutputType(typeof(VNMacAddressPool))]
    public sealed class GetVNMacAddressPoolCommand : VNCmdlet
    {
        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var host in Host)
                ForInput(() =>
                {
                    var pool = host.GetMacAddressPool();
                    WriteVerbose($"Host {host.Name}: {pool.InUse} of the pool's addresses in use, {pool.Free} free.");
                    WriteObject(pool);
                });
        }
    }
}
