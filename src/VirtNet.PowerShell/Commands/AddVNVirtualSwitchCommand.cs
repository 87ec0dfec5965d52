using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNVirtualSwitch", SupportsShouldProcess = true)]
    [OutputType(typeof(VNVirtualSwitch))]
    public sealed class AddVNVirtualSwitchCommand : VNCmdlet
    {
        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public new VNHost Host { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        // Nullable, not IsBound: a value bound by property name stays in BoundParameters for later pipeline objects.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? NumPorts { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? Mtu { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VirtualSwitchType? Type { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] Nic { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(Host), Host.Name, "virtual switch");
                if (!ShouldProcess(Host.Name + "/" + Name, "Add virtual switch")) return;
                var vswitch = Host.AddVirtualSwitch(Name, Type ?? Host.DefaultVirtualSwitchType, NumPorts, Mtu, Nic);
                WriteObject(vswitch);
            });
        }
    }
}
