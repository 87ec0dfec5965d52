using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Remove, "VNPortGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNPortGroupCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPortGroup))]
        [ArgumentCompleter(typeof(PortGroupNameCompleter))]
        public VNPortGroup[] InputObject { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var portGroup in InputObject)
            {
                if (!ShouldProcess(portGroup.Path, "Remove port group")) continue;
                ForInput(() =>
                {
                    var path = portGroup.Path;
                    portGroup.Remove(Force);
                    WriteVerbose($"Removed port group {path}.");
                });
            }
        }
    }
}
