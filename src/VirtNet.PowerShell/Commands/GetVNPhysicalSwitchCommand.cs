using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Lists the physical switches kept in the session: every physical switch that New-VNPhysicalSwitch, Import-VNSwitchConfig, Import-VNConfig and New-VNSampleLab returned.</summary>
    [Cmdlet(VerbsCommon.Get, "VNPhysicalSwitch")]
    [OutputType(typeof(VNPhysicalSwitch))]
    public sealed class GetVNPhysicalSwitchCommand : VNCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public string[] Name { get; set; }

        protected override void ProcessRecord() =>
            WriteMatching(Inventory.PhysicalSwitches, s => s.Name, Name, n => Inventory.Resolve<VNPhysicalSwitch>(n));
    }
}
