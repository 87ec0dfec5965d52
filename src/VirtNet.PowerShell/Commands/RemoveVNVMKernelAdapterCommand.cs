using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Remove, "VNVMKernelAdapter", SupportsShouldProcess = true)]
    public sealed class RemoveVNVMKernelAdapterCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [InventoryName(typeof(VNVMKernelAdapter))]
        public VNVMKernelAdapter[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var adapter in InputObject)
                ForInput(() =>
                {
                    if (!ShouldProcess(adapter.Path, "Remove VMkernel adapter")) return;
                    var path = adapter.Path;
                    adapter.Remove();
                    WriteVerbose($"Removed VMkernel adapter {path}.");
                }, adapter.Path);
        }
    }
}
