using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNA002. One MAC address on several VM network adapters, on one host or several.</summary>
    internal sealed class DuplicateMacAddress : RuleDefinition
    {
        public DuplicateMacAddress() : base("VNA002", Severity.Error,
            "MAC address in use on more than one network adapter",
            "Two network adapters with one MAC address on one network confuse every switch between them: each " +
            "frame for the address goes wherever it was seen last, so both VMs lose traffic intermittently. On " +
            "Hyper-V it follows from shared pools, or from a migrated VM keeping an address its old host hands out again.",
            "Give all but one of the adapters another address: restart a migrated Hyper-V VM on its new host to give it " +
            "one of that host's pool, or set a static MAC address.",
            "Microsoft KB 2804678; John Howard, Hyper-V MAC address allocation and apparent network issues (2008)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var conflict in scope.MacAddressConflicts)
            {
                if (conflict.Kind != MacAddressConflictKind.DuplicateMacAddress) continue;
                foreach (var adapter in conflict.NetworkAdapters)
                    yield return Finding(adapter.Path, $"{adapter.Path} has {conflict.MacAddress}, as " +
                        $"{Describe.List(conflict.NetworkAdapters.Where(a => a != adapter).Select(a => a.Path))} {(conflict.NetworkAdapters.Length == 2 ? "has" : "have")}. " +
                        conflict.Recommendation);
            }
        }
    }
}
