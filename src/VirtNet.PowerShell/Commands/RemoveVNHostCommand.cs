using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Drops hosts from the session's inventory; a host still in a cluster of the session is refused, naming the clusters.</summary>
    [Cmdlet(VerbsCommon.Remove, "VNHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNHostCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public VNHost[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var host in InputObject)
            {
                if (!ShouldProcess(host.Path, "Remove host from the session")) continue;
                ForInput(() =>
                {
                    Inventory.Remove(host);
                    WriteVerbose($"Removed host '{host.Name}' ({host.VirtualSwitches.Count} virtual switch(es), {host.VirtualMachines.Count} VM(s)) from the session.");
                });
            }
        }
    }
}
