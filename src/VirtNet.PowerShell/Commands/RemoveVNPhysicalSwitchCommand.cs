using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Drops physical switches from the session's inventory; a switch that hosts or clusters of the session still use is refused, naming them.</summary>
    [Cmdlet(VerbsCommon.Remove, "VNPhysicalSwitch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNPhysicalSwitchCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var physicalSwitch in InputObject)
            {
                if (!ShouldProcess(physicalSwitch.Path, "Remove physical switch from the session")) continue;
                ForInput(() =>
                {
                    Inventory.Remove(physicalSwitch);
                    WriteVerbose($"Removed physical switch '{physicalSwitch.Name}' ({physicalSwitch.Ports.Count} port(s)) from the session.");
                });
            }
        }
    }
}
