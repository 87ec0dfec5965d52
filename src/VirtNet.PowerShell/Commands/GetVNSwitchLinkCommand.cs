using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Lists the links between physical switches: of the switches given, or of every switch in the session.</summary>
    [Cmdlet(VerbsCommon.Get, "VNSwitchLink")]
    [OutputType(typeof(VNSwitchLink))]
    public sealed class GetVNSwitchLinkCommand : VNCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch[] PhysicalSwitch { get; set; }

        protected override void ProcessRecord()
        {
            var switches = PhysicalSwitch ?? Inventory.PhysicalSwitches.ToArray();
            // A link shows once, though both its switches are listed.
            var links = switches.Where(s => s != null).SelectMany(s => s.SwitchLinks).Distinct().ToArray();
            WriteVerbose($"{links.Length} switch link(s) of {switches.Length} physical switch(es)" + (links.Length == 0 ? "." : ": " + string.Join(", ", links.Select(l => l.Name)) + "."));
            WriteObject(links, true);
        }
    }
}
