using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Set, "VNSwitchPort", SupportsShouldProcess = true, DefaultParameterSetName = ByObjectSet)]
    [OutputType(typeof(VNSwitchPort))]
    public sealed class SetVNSwitchPortCommand : VNCmdlet
    {
        const string ByNameSet = "Name", ByObjectSet = "InputObject", Action = "Set switch port";
        SwitchPortChange _change;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByNameSet)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch PhysicalSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByNameSet)]
        [ArgumentCompleter(typeof(SwitchPortNameCompleter))]
        public string[] Name { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
        public VNSwitchPort[] InputObject { get; set; }

        [Parameter]
        public SwitchPortMode Mode { get; set; }

        [Parameter]
        public int AccessVLan { get; set; }

        [Parameter]
        public int NativeVLan { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] AllowedVLan { get; set; }

        [Parameter]
        public PortFastMode PortFast { get; set; }

        [Parameter]
        public int Mtu { get; set; }

        [Parameter]
        public int SpanningTreeCost { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _change = new SwitchPortChange
            {
                Mode = IsBound(nameof(Mode)) ? Mode : (SwitchPortMode?)null,
                AccessVLan = IsBound(nameof(AccessVLan)) ? AccessVLan : (int?)null,
                NativeVLan = IsBound(nameof(NativeVLan)) ? NativeVLan : (int?)null,
                AllowedVLan = AllowedVLan,
                PortFast = IsBound(nameof(PortFast)) ? PortFast : (PortFastMode?)null,
                Mtu = IsBound(nameof(Mtu)) ? Mtu : (int?)null,
                SpanningTreeCost = IsBound(nameof(SpanningTreeCost)) ? SpanningTreeCost : (int?)null,
            };
            // The values are the same for every port, so a bad one fails the whole call before anything changes.
            Fatal(_change.Validate);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByObjectSet)
            {
                foreach (var port in InputObject)
                    ForInput(() => { if (ShouldProcess(port.Path, Action)) Apply(port); });
                return;
            }
            foreach (var name in Name)
                ForInput(() =>
                {
                    var shortName = PhysicalSwitch.NormalizePortName(name);
                    if (ShouldProcess(PhysicalSwitch.Name + "/" + shortName, Action)) Apply(PhysicalSwitch.GetOrAddPort(shortName));
                });
        }

        void Apply(VNSwitchPort port)
        {
            _change.Apply(port);
            WriteVerbose($"{Action}: {port.Path}.");
            if (PassThru) WriteObject(port);
        }
    }
}
