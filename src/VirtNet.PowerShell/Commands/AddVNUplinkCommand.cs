using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNUplink", SupportsShouldProcess = true, DefaultParameterSetName = NotCabledSet)]
    [OutputType(typeof(VNUplink))]
    public sealed class AddVNUplinkCommand : VNCmdlet
    {
        const string NotCabledSet = "NotCabled", CabledSet = "Cabled";

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch VirtualSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[] Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int SpeedMbps { get; set; } = 1000;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Mac")]
        public string[] MacAddress { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CabledSet)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch PhysicalSwitch { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CabledSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SwitchPortNameCompleter))]
        public string[] SwitchPort { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(VirtualSwitch), VirtualSwitch.Name, "uplink");
                var mismatch = Misaligned(MacAddress, "MacAddress", "MAC address") ?? Misaligned(SwitchPort, "SwitchPort", "switch port");
                if (mismatch != null) throw mismatch;
                for (int i = 0; i < Name.Length; i++)
                {
                    int index = i;
                    if (!ShouldProcess(VirtualSwitch.Path + "/" + Name[index], "Add uplink")) continue;
                    ForInput(() =>
                    {
                        var uplink = VirtualSwitch.AddUplink(Name[index], SpeedMbps,
                            MacAddress == null ? null : ParseMac(MacAddress[index]),
                            PhysicalSwitch, SwitchPort?[index]);
                        WriteVerbose($"Added uplink {uplink.Path}" + (uplink.SwitchPort != null ? $", cabled to {uplink.SwitchPort.Path}." : "."));
                        WriteObject(uplink);
                    });
                }
            });
        }

        /// <summary>-MacAddress and -SwitchPort pair up with -Name by position, so they need one value per name.</summary>
        VirtNetException Misaligned(string[] values, string parameter, string what) =>
            values == null || values.Length == Name.Length ? null
            : new VirtNetException(ErrorIds.ParameterCountMismatch, VirtNetErrorKind.InvalidArgument,
                $"-{parameter} has {values.Length} value(s) for {Name.Length} uplink name(s) ({string.Join(", ", Name)}). " +
                $"Give one {what} per uplink, in the order of -Name.", values);
    }
}
