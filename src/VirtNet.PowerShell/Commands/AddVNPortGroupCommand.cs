using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNPortGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(VNPortGroup))]
    public sealed class AddVNPortGroupCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch VirtualSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int VLanId { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(VirtualSwitch), VirtualSwitch.Name, "port group");
                if (!ShouldProcess(VirtualSwitch.Path + "/" + Name, "Add port group")) return;
                var portGroup = VirtualSwitch.AddPortGroup(Name, VLanId);
                WriteVerbose($"Added port group {portGroup.Path} (VLAN {portGroup.VLanId}).");
                WriteObject(portGroup);
            });
        }
    }
}
