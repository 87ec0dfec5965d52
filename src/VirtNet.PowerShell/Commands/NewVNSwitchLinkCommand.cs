using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Links a port or port channel of one physical switch to one of another (a trunk or channel between switches).</summary>
    [Cmdlet(VerbsCommon.New, "VNSwitchLink", SupportsShouldProcess = true)]
    [OutputType(typeof(VNSwitchLink))]
    public sealed class NewVNSwitchLinkCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch PhysicalSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(SwitchLinkPortCompleter))]
        public string Port { get; set; }

        [Parameter(Mandatory = true, Position = 2)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch PeerSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 3)]
        [ArgumentCompleter(typeof(SwitchLinkPortCompleter))]
        public string PeerPort { get; set; }

        protected override void ProcessRecord() =>
            ForInput(() =>
            {
                if (!ShouldProcess($"{PhysicalSwitch.Name}/{Port} and {PeerSwitch.Name}/{PeerPort}", "Link switches")) return;
                var link = VNSwitchLink.Create(PhysicalSwitch, Port, PeerSwitch, PeerPort);
                WriteVerbose($"Linked {link.Name}: {link.Ports.Count} cable(s), {link.SpeedMbps} Mb/s, spanning-tree cost {link.Cost} on {link.PhysicalSwitch.Name} and {link.PeerCost} on {link.PeerSwitch.Name}.");
                WriteObject(link);
            }, PhysicalSwitch);
    }
}
