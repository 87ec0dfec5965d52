using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Move, "VNVirtualMachine", SupportsShouldProcess = true)]
    [OutputType(typeof(VNVirtualMachine))]
    public sealed class MoveVNVirtualMachineCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [InventoryName(typeof(VNVirtualMachine))]
        [ArgumentCompleter(typeof(VirtualMachineNameCompleter))]
        public VNVirtualMachine[] VirtualMachine { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public VNHost Destination { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var vm in VirtualMachine)
                ForInput(() =>
                {
                    if (!ShouldProcess(vm.Path, $"Move virtual machine to host '{Destination.Name}'")) return;
                    vm.Move(Destination);
                    WriteVerbose($"Moved virtual machine {vm.Name} to host {Destination.Name}.");
                    WriteObject(vm);
                });
        }
    }
}
