using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNA003. A migrated Hyper-V VM still holding a dynamic address of its old host's pool.</summary>
    internal sealed class ForeignDynamicMacAddress : RuleDefinition
    {
        public ForeignDynamicMacAddress() : base("VNA003", Severity.Warning,
            "Migrated VM with a dynamic MAC address of another host's pool",
            "A live-migrated Hyper-V VM keeps its dynamic MAC address until it is next powered on. Its old host " +
            "considers the address free and hands it out to a new VM once its allocation wraps round, and then the " +
            "two collide. Hyper-V replaces a dynamic address outside the current host's range only at power-on.",
            "Restart the VM on its new host (Restart-VNVirtualMachine) in a maintenance window so that it gets an " +
            "address of that host's pool, or give it a static MAC address.",
            "Microsoft KB 2804678; John Howard, Hyper-V MAC address allocation and apparent network issues (2008)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var conflict in scope.MacAddressConflicts)
            {
                if (conflict.Kind != MacAddressConflictKind.ForeignDynamicMacAddress) continue;
                var adapter = conflict.NetworkAdapters.Single();
                yield return Finding(adapter.Path, conflict.Message);
            }
        }
    }
}
