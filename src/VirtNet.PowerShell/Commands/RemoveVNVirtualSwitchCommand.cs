using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Remove, "VNVirtualSwitch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNVirtualSwitchCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch[] InputObject { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var vswitch in InputObject)
            {
                if (!ShouldProcess(vswitch.Path, "Remove virtual switch")) continue;
                ForInput(() =>
                {
                    var path = vswitch.Path;
                    vswitch.Remove(Force);
                    WriteVerbose($"Removed virtual switch {path}.");
                });
            }
        }
    }
}
