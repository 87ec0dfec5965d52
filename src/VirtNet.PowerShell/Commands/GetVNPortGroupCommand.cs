using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Get, "VNPortGroup", DefaultParameterSetName = HostSet)]
    [OutputType(typeof(VNPortGroup))]
    public sealed class GetVNPortGroupCommand : VNCmdlet
    {
        const string HostSet = "Host", VirtualSwitchSet = "VirtualSwitch";

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = HostSet)]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = VirtualSwitchSet)]
        [InventoryName(typeof(VNVirtualSwitch))]
        [ArgumentCompleter(typeof(VirtualSwitchNameCompleter))]
        public VNVirtualSwitch[] VirtualSwitch { get; set; }

        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == HostSet)
                foreach (var host in Host)
                    WriteMatching(host.PortGroups, p => p.Name, Name, host.GetPortGroup);
            else
                foreach (var vswitch in VirtualSwitch)
                    WriteMatching(vswitch.PortGroups, p => p.Name, Name, vswitch.GetPortGroup);
        }
    }
}
