using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Remove, "VNVirtualMachine", SupportsShouldProcess = true)]
    public sealed class RemoveVNVirtualMachineCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [InventoryName(typeof(VNVirtualMachine))]
        [ArgumentCompleter(typeof(VirtualMachineNameCompleter))]
        public VNVirtualMachine[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var vm in InputObject)
                ForInput(() =>
                {
                    if (!ShouldProcess(vm.Path, "Remove virtual machine")) return;
                    vm.Host?.RemoveVirtualMachine(vm);
                    WriteVerbose($"Removed virtual machine {vm.Path}.");
                }, vm.Path);
        }
    }
}
