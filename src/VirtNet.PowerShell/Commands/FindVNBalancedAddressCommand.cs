using System.Linq;
using System.Management.Automation;
using VirtNet.Net;
using VirtNet.Planning;

namespace VirtNet.Commands
{
    /// <summary>Proposes target or source addresses whose flows the source's team and the switch's port channel spread evenly.</summary>
    [Cmdlet(VerbsCommon.Find, "VNBalancedAddress")]
    [OutputType(typeof(VNAddressProposal))]
    public sealed class FindVNBalancedAddressCommand : VNCmdlet
    {
        IPv4AddressRange[] _ranges;
        IPv4Address[] _destinations;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public object[] Source { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateRange(1, (int)AddressPlanner.MaxCandidates)]
        public int Count { get; set; }

        [Parameter(Mandatory = true, Position = 2)]
        public string[] AddressRange { get; set; }

        [Parameter]
        public AddressRole Role { get; set; } = AddressRole.Destination;

        [Parameter]
        [DestinationTransformation]
        public string[] Destination { get; set; }

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost Host { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _ranges = Fatal(() => AddressRange.Select(IPv4AddressRange.Parse).ToArray());
            _destinations = Fatal(() => (Destination ?? new string[0]).Select(IPv4Address.Parse).ToArray());
            if (Role == AddressRole.Destination && _destinations.Length > 0)
                Fatal(() => throw new VirtNetException(ErrorIds.ConflictingParameters, VirtNetErrorKind.InvalidArgument,
                    "-Destination names the targets of new source addresses and goes with -Role Source; with -Role Destination the proposed addresses are the targets.", Destination));
        }

        protected override void ProcessRecord()
        {
            foreach (var item in Source)
                ForInput(() =>
                {
                    var (adapter, address) = VNFlowList.ResolveSource(item is PSObject ps ? ps.BaseObject : item, Host, null);
                    var proposals = AddressPlanner.Find(adapter, address, Count, _ranges, Role, _destinations);
                    var first = proposals[0];
                    WriteVerbose($"Proposed {Count} {(Role == AddressRole.Destination ? "target" : "source")} address(es) for {adapter.Path} from " +
                        $"{string.Join(", ", _ranges)}: {first.UplinksUsed} of {first.UsableUplinks} uplink(s) used" +
                        (first.ChannelMembers > 0 ? $", {first.MembersUsed} of {first.ChannelMembers} channel member(s)" : "") +
                        $", balance index {first.BalanceIndex:0.##}" + (first.Reason == null ? "." : ". " + first.Reason));
                    WriteObject(proposals, enumerateCollection: true);
                });
        }
    }
}
