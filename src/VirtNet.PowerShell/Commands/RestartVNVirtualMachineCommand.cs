using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsLifecycle.Restart, "VNVirtualMachine", SupportsShouldProcess = true)]
    [OutputType(typeof(VNVirtualMachine))]
    public sealed class RestartVNVirtualMachineCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [InventoryName(typeof(VNVirtualMachine))]
        [ArgumentCompleter(typeof(VirtualMachineNameCompleter))]
        public VNVirtualMachine[] VirtualMachine { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var vm in VirtualMachine)
                ForInput(() =>
                {
                    if (!ShouldProcess(vm.Path, "Restart virtual machine")) return;
                    var before = vm.NetworkAdapters.ToDictionary(a => a, a => a.MacAddress);
                    foreach (var adapter in vm.Restart())
                        WriteVerbose($"{adapter.Path}: new dynamic MAC address {adapter.MacAddress} " +
                            $"(was {before[adapter]}, outside the pool of host '{vm.Host.Name}').");
                    WriteVerbose($"Restarted virtual machine {vm.Path}.");
                    if (PassThru) WriteObject(vm);
                });
        }
    }
}
