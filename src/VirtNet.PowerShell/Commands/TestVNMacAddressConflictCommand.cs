using System.Collections.Generic;
using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsDiagnostic.Test, "VNMacAddressConflict")]
    [OutputType(typeof(VNMacAddressConflict))]
    public sealed class TestVNMacAddressConflictCommand : VNCmdlet
    {
        readonly List<VNHost> _hosts = new List<VNHost>();

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        protected override void ProcessRecord() => _hosts.AddRange(Host);

        /// <summary>Conflicts are between hosts, so every piped host is in before any is compared.</summary>
        protected override void EndProcessing()
        {
            var conflicts = VNMacAddressConflict.Find(_hosts);
            WriteVerbose($"Checked {_hosts.Count} host(s): {conflicts.Count} conflict(s).");
            WriteObject(conflicts, enumerateCollection: true);
        }
    }
}
