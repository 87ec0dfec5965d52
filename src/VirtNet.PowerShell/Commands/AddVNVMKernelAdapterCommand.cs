using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNVMKernelAdapter", SupportsShouldProcess = true)]
    [OutputType(typeof(VNVMKernelAdapter))]
    public sealed class AddVNVMKernelAdapterCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPortGroup))]
        [ArgumentCompleter(typeof(PortGroupNameCompleter))]
        public VNPortGroup PortGroup { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("IP")]
        public string IPAddress { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string SubnetMask { get; set; }

        // Nullable, not IsBound: a value bound by property name stays in BoundParameters for later pipeline objects.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? PrefixLength { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Gateway { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int Mtu { get; set; } = 1500;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public AdapterPurpose[] Purpose { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Mac")]
        public string MacAddress { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(PortGroup), PortGroup.Name, "VMkernel adapter");
                var (ip, prefixLength) = VNVMKernelAdapter.ParseAddress(IPAddress, SubnetMask, PrefixLength);
                var gateway = ParseIP(Gateway);
                var mac = ParseMac(MacAddress);
                if (!ShouldProcess(PortGroup.Path, $"Add VMkernel adapter '{Name}' with address {ip}/{prefixLength}")) return;
                var adapter = VNVMKernelAdapter.Create(PortGroup, Name, ip, prefixLength, gateway, Mtu, Purpose, mac);
                WriteVerbose($"Added VMkernel adapter {adapter.Path} ({ip}/{prefixLength}) on port group {PortGroup.Path}.");
                WriteObject(adapter);
            });
        }
    }
}
