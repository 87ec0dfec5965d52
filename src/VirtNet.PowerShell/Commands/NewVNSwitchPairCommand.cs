using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Pairs two physical switches in a vPC domain or an MLAG pair, so that port channels of the same name on both are one.</summary>
    [Cmdlet(VerbsCommon.New, "VNSwitchPair", SupportsShouldProcess = true)]
    [OutputType(typeof(VNSwitchPair))]
    public sealed class NewVNSwitchPairCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch[] PhysicalSwitch { get; set; }

        [Parameter]
        public SwitchPairKind Kind { get; set; } = SwitchPairKind.Vpc;

        [Parameter]
        public string[] PeerLink { get; set; }

        [Parameter]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch Primary { get; set; }

        protected override void EndProcessing()
        {
            var switches = string.Join(" and ", (PhysicalSwitch ?? new VNPhysicalSwitch[0]).Where(s => s != null).Select(s => s.Name));
            if (!ShouldProcess(switches, $"Pair as {Kind} '{Name}'")) return;
            var pair = Fatal(() => VNSwitchPair.Create(Name, Kind, PhysicalSwitch, PeerLink, Primary));
            WriteVerbose($"Paired {pair.Primary.Name} (primary) and {pair.Secondary.Name} (secondary) as {pair.Kind} '{pair.Name}'; peer link " +
                (pair.PrimaryPeerLink.Count == 0 ? "not modelled" : string.Join(", ", pair.PeerLink.Select(p => p.Path))) +
                $"; {pair.PortChannels.Count} multi-chassis port channel(s) so far.");
            WriteObject(pair);
        }
    }
}
