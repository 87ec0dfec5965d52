using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNVirtualMachine", SupportsShouldProcess = true)]
    [OutputType(typeof(VNVirtualMachine))]
    public sealed class AddVNVirtualMachineCommand : VNCmdlet
    {
        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost Host { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        /// <summary>Port group names (resolved on the host) or VNPortGroup objects, one network adapter each.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HostPortGroupNameCompleter))]
        public object[] PortGroup { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] MacAddress { get; set; }

        // Not ByPropertyName: a piped host's own management IPAddress would bind here and go to the VM.
        [Parameter]
        public string[] IPAddress { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(Host), Host.Name, "virtual machine");
                var portGroups = (PortGroup ?? new object[0]).Select(ResolvePortGroup).ToList();
                var macs = (MacAddress ?? new string[0]).Select(ParseMac).ToList();
                var ips = (IPAddress ?? new string[0]).Select(ParseIP).ToList();
                var adapters = VNVirtualMachine.AdapterSpec.ForPortGroups(portGroups, macs, ips);
                var target = portGroups.Count == 0 ? "no network adapter" : "network adapters on " + string.Join(", ", portGroups.Select(p => p.Name));
                if (!ShouldProcess(Host.Path, $"Add virtual machine '{Name}' with {target}")) return;
                var vm = Host.AddVirtualMachine(Name, adapters);
                WriteVerbose($"Added virtual machine {vm.Path} with {vm.NetworkAdapters.Count} network adapter(s).");
                WriteObject(vm);
            });
        }

        VNPortGroup ResolvePortGroup(object entry)
        {
            var value = PSObject.AsPSObject(entry).BaseObject;
            return value as VNPortGroup ?? Host.GetPortGroup(value.ToString());
        }
    }
}
