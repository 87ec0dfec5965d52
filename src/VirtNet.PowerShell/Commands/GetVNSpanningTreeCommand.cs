using System.Linq;
using System.Management.Automation;
using VirtNet.SpanningTree;

namespace VirtNet.Commands
{
    /// <summary>
    /// Shows each VLAN's spanning tree over the switch links with everything up, as show spanning-tree prints it:
    /// per link end, its role (Root, Designated, Alternate), state, cost, and the root bridge and root path cost.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VNSpanningTree")]
    [OutputType(typeof(VNSpanningTreePort))]
    public sealed class GetVNSpanningTreeCommand : VNCmdlet
    {
        VNPhysicalSwitch[] _given = new VNPhysicalSwitch[0];

        [Parameter(Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch[] PhysicalSwitch { get; set; }

        [Parameter(Position = 1)]
        [ValidateRange(1, 4094)]
        public int[] VLanId { get; set; }

        protected override void ProcessRecord()
        {
            if (PhysicalSwitch != null) _given = _given.Concat(PhysicalSwitch.Where(s => s != null)).ToArray();
        }

        protected override void EndProcessing()
        {
            var switches = PhysicalSwitch == null && _given.Length == 0 ? Inventory.PhysicalSwitches.ToArray() : _given;
            var rows = Fatal(() => SpanningTreeView.Compute(switches, VLanId));
            WriteVerbose($"Computed the spanning trees of {rows.Select(r => r.VLanId).Distinct().Count()} VLAN(s) over {rows.Select(r => r.SwitchLink).Distinct().Count()} switch link(s); " +
                $"{rows.Count(r => r.State == SpanningTreeState.Blocking)} port(s) blocking.");
            WriteObject(rows, true);
        }
    }
}
