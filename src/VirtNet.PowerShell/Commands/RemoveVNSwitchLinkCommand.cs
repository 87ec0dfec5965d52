using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>Takes links between switches out of the model; their ports stay, free for other use.</summary>
    [Cmdlet(VerbsCommon.Remove, "VNSwitchLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVNSwitchLinkCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNSwitchLink))]
        [ArgumentCompleter(typeof(SwitchLinkNameCompleter))]
        public VNSwitchLink[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var link in InputObject)
            {
                if (link == null || !ShouldProcess(link.Name, "Remove switch link")) continue;
                ForInput(() =>
                {
                    link.Remove();
                    WriteVerbose($"Removed switch link {link.Name}.");
                }, link);
            }
        }
    }
}
