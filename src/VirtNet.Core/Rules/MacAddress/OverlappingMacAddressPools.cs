using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNA001. KB 2804678: Hyper-V hosts whose dynamic MAC address pools are the same or overlap.</summary>
    internal sealed class OverlappingMacAddressPools : RuleDefinition
    {
        public OverlappingMacAddressPools() : base("VNA001", Severity.Warning,
            "Hyper-V hosts with overlapping MAC address pools",
            "Hyper-V derives a host's pool of 256 dynamic MAC addresses from the last two octets of its first IP " +
            "address when the role is installed, and Sysprep keeps it. Hosts whose addresses end alike, hosts cloned " +
            "from one image and hosts given the same range by hand hand out the same addresses to their VMs; on one " +
            "network that shows as intermittent loss of connectivity.",
            "Give every Hyper-V host a MAC address range of its own (Set-VNHost -MacAddressMinimum/-MacAddressMaximum, " +
            "Set-VMHost on the real hosts), recorded in one register of ranges.",
            "Microsoft KB 2804678; John Howard, Hyper-V MAC address allocation and apparent network issues (2008)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var conflict in scope.MacAddressConflicts)
            {
                if (conflict.Kind == MacAddressConflictKind.DuplicateMacAddress || conflict.Kind == MacAddressConflictKind.ForeignDynamicMacAddress) continue;
                // The first host keeps its range, as the recommendation says; each other host is a finding of its own.
                foreach (var host in conflict.Hosts.Skip(1))
                    yield return Finding(host.Path, conflict.Message);
            }
        }
    }
}
