using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.New, "VNPortChannel", SupportsShouldProcess = true)]
    [OutputType(typeof(VNPortChannel))]
    public sealed class NewVNPortChannelCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch PhysicalSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        public string[] Member { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PortChannelMode Mode { get; set; } = PortChannelMode.On;

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                if (!ShouldProcess(PhysicalSwitch.Name + "/" + Name, $"Create port channel (mode {Mode}) with members {string.Join(", ", Member)}")) return;
                var channel = PhysicalSwitch.AddPortChannel(Name, Member, Mode);
                WriteVerbose($"Created port channel {channel.Path} (mode {Mode}) of {channel.Members.Count} port(s).");
                WriteObject(channel);
            });
        }
    }
}
