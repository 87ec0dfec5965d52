using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Remove, "VNUplink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNUplinkCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNUplink))]
        public VNUplink[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var uplink in InputObject)
                ForInput(() =>
                {
                    if (!ShouldProcess(uplink.Path, "Remove uplink")) return;
                    var path = uplink.Path;
                    uplink.Remove();
                    WriteVerbose($"Removed uplink {path}.");
                }, uplink.Path);
        }
    }
}
