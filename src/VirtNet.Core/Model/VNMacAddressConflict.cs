using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>One MAC address conflict among a set of hosts (Test-VNMacAddressConflict).</summary>
    public sealed class VNMacAddressConflict
    {
        internal VNMacAddressConflict(MacAddressConflictKind kind, string macAddress, IEnumerable<VNHost> hosts,
            IEnumerable<VNVMNetworkAdapter> adapters, string message, string recommendation)
        {
            Kind = kind;
            MacAddress = macAddress;
            Hosts = hosts.Distinct().ToArray();
            NetworkAdapters = adapters.ToArray();
            VirtualMachines = NetworkAdapters.Select(a => a.VirtualMachine).Distinct().ToArray();
            Message = message;
            Recommendation = recommendation;
        }

        public MacAddressConflictKind Kind { get; }
        /// <summary>The address, or for pool conflicts the range shared ("00-15-5D-01-85-00 to 00-15-5D-01-85-FF").</summary>
        public string MacAddress { get; }
        public VNHost[] Hosts { get; }
        /// <summary>The VMs whose adapters hold the address; empty for pool conflicts.</summary>
        public VNVirtualMachine[] VirtualMachines { get; }
        public VNVMNetworkAdapter[] NetworkAdapters { get; }
        public string Message { get; }
        public string Recommendation { get; }

        public override string ToString() => Kind + ": " + MacAddress;

        /// <summary>
        /// The collisions KB 2804678 and John Howard's 2008 post describe, among <paramref name="hosts"/>: pools shared because the IP addresses
        /// share their last two octets or because the hosts were cloned, pools that overlap, addresses on more than
        /// one adapter, and migrated VMs still holding an address of another host's pool, which that host hands out
        /// again once its allocation wraps round (John Howard, "Hyper-V MAC address allocation and apparent network
        /// issues", 2008). Pool conflicts come first, in host order, then the addresses in ascending order.
        /// </summary>
        public static IReadOnlyList<VNMacAddressConflict> Find(IEnumerable<VNHost> hosts)
        {
            var distinct = hosts.Where(h => h != null).Distinct().ToList();
            var conflicts = new List<VNMacAddressConflict>();
            FindPoolConflicts(distinct, conflicts);
            FindAddressConflicts(distinct, conflicts);
            return conflicts;
        }

        static void FindPoolConflicts(List<VNHost> hosts, List<VNMacAddressConflict> conflicts)
        {
            var pooled = hosts.Where(h => h.MacAddressPool != null).ToList();
            var groups = pooled.GroupBy(h => (h.MacAddressPool.Minimum, h.MacAddressPool.Maximum)).ToList();
            foreach (var group in groups.Where(g => g.Count() > 1))
            {
                var members = group.ToList();
                var range = members[0].MacAddressPool.ToString();
                bool explainedByAddresses = members.All(h => h.MacAddressPool.Source == MacAddressPoolSource.Derived
                    && h.IPAddress.HasValue && MacAddressPool.Derive(h.IPAddress.Value).Minimum == h.MacAddressPool.Minimum);
                var names = string.Join(", ", members.Select(h => h.IPAddress.HasValue ? $"{h.Name} ({h.IPAddress})" : h.Name));
                var recommendation = $"Keep the range on {members[0].Name} and give each other host a range of its own that no host uses, with " +
                    "Set-VNHost -MacAddressMinimum/-MacAddressMaximum (Set-VMHost on the real hosts), then restart the VMs that got addresses from the shared range.";
                if (explainedByAddresses)
                    conflicts.Add(new VNMacAddressConflict(MacAddressConflictKind.SameIPOctets, range, members, new VNVMNetworkAdapter[0],
                        $"Hosts {names} share the last two octets of their IP addresses, so Hyper-V derived the same dynamic MAC address pool {range} " +
                        "for each (KB 2804678): their VMs get the same addresses.", recommendation));
                else
                    conflicts.Add(new VNMacAddressConflict(MacAddressConflictKind.ClonedPool, range, members, new VNVMNetworkAdapter[0],
                        $"Hosts {names} have the same dynamic MAC address pool {range}, which their current addresses do not explain: Hyper-V writes " +
                        "the pool when the role is installed and Sysprep keeps it, so hosts cloned from one image share it, and a host whose address " +
                        "changed keeps the pool of its first address. Their VMs get the same addresses.", recommendation));
            }
            var ranges = groups.Select(g => g.ToList()).ToList();
            for (int i = 0; i < ranges.Count; i++)
                for (int j = i + 1; j < ranges.Count; j++)
                {
                    MacAddressPool a = ranges[i][0].MacAddressPool, b = ranges[j][0].MacAddressPool;
                    if (!a.Overlaps(b)) continue;
                    var shared = MacAddressPool.Describe(
                        new MacAddress(System.Math.Max(a.Minimum.Value, b.Minimum.Value)), new MacAddress(System.Math.Min(a.Maximum.Value, b.Maximum.Value)));
                    var members = ranges[i].Concat(ranges[j]).ToList();
                    conflicts.Add(new VNMacAddressConflict(MacAddressConflictKind.OverlappingPool, shared, members, new VNVMNetworkAdapter[0],
                        $"The dynamic MAC address pools of {string.Join(", ", ranges[i].Select(h => h.Name))} ({a}) and " +
                        $"{string.Join(", ", ranges[j].Select(h => h.Name))} ({b}) share {shared}: VMs on them can get the same addresses.",
                        "Give the hosts ranges that do not overlap, with Set-VNHost -MacAddressMinimum/-MacAddressMaximum."));
                }
        }

        static void FindAddressConflicts(List<VNHost> hosts, List<VNMacAddressConflict> conflicts)
        {
            var adapters = hosts.SelectMany(h => h.VirtualMachines).SelectMany(v => v.NetworkAdapters).Where(a => a.MacAddress.HasValue).ToList();
            // By address, and within one address in host order: one sort of the adapters instead of a group per address.
            var order = new (ulong Mac, int Index)[adapters.Count];
            for (int k = 0; k < order.Length; k++) order[k] = (adapters[k].MacAddress.Value.Value, k);
            System.Array.Sort(order);
            var duplicates = new List<VNMacAddressConflict>();
            var foreign = new List<VNMacAddressConflict>();
            for (int start = 0, end; start < order.Length; start = end)
            {
                for (end = start + 1; end < order.Length && order[end].Mac == order[start].Mac; end++) { }
                var address = adapters[order[start].Index].MacAddress.Value;
                if (end - start > 1)
                {
                    var holders = new List<VNVMNetworkAdapter>(end - start);
                    for (int k = start; k < end; k++) holders.Add(adapters[order[k].Index]);
                    var mac = address.ToHyphenString();
                    duplicates.Add(new VNMacAddressConflict(MacAddressConflictKind.DuplicateMacAddress, mac, holders.Select(a => a.VirtualMachine.Host), holders,
                        $"{mac} is on {string.Join(" and ", holders.Select(a => a.Path))}: frames for one reach the other, and the switches see the address flap between ports.",
                        RecommendForDuplicate(holders)));
                    continue;
                }
                var adapter = adapters[order[start].Index];
                var home = adapter.VirtualMachine.Host;
                if (!adapter.DynamicMacAddressEnabled || home.MacAddressPool == null || home.MacAddressPool.Contains(address)) continue;
                var owner = hosts.FirstOrDefault(h => h != home && h.MacAddressPool != null && h.MacAddressPool.Contains(address));
                if (owner == null) continue;
                var foreignMac = address.ToHyphenString();
                foreign.Add(new VNMacAddressConflict(MacAddressConflictKind.ForeignDynamicMacAddress, foreignMac, new[] { home, owner }, new[] { adapter },
                    $"{adapter.Path} holds the dynamic address {foreignMac} from the pool of {owner.Name} ({owner.MacAddressPool}), having moved from there; " +
                    $"{owner.Name} considers it free and hands it out again once its allocation wraps round.",
                    $"Restart {adapter.VirtualMachine.Name} on {home.Name} (Restart-VNVirtualMachine): at power-on Hyper-V replaces a dynamic address outside " +
                    $"the host's range with one from {home.Name}'s pool."));
            }
            conflicts.AddRange(duplicates);
            conflicts.AddRange(foreign);
        }

        /// <summary>
        /// A restart fixes a duplicate only for an adapter whose dynamic address lies outside its host's pool: Hyper-V
        /// regenerates exactly those at power-on. Otherwise one adapter needs another address by hand.
        /// </summary>
        static string RecommendForDuplicate(List<VNVMNetworkAdapter> holders)
        {
            var migrated = holders.FirstOrDefault(a => a.DynamicMacAddressEnabled && a.VirtualMachine.Host.MacAddressPool != null
                && !a.VirtualMachine.Host.MacAddressPool.Contains(a.MacAddress.Value));
            if (migrated != null)
                return $"{migrated.VirtualMachine.Name} kept the address when it moved to {migrated.VirtualMachine.Host.Name}; restart it there " +
                    $"(Restart-VNVirtualMachine): at power-on Hyper-V replaces a dynamic address outside the host's range with one from {migrated.VirtualMachine.Host.Name}'s pool.";
            if (holders.Any(a => a.DynamicMacAddressEnabled))
                return "The address came from pools that overlap: give the hosts distinct ranges (Set-VNHost -MacAddressMinimum/-MacAddressMaximum), " +
                    "then give all but one of these adapters a new address; a restart alone keeps an address that lies inside the host's range.";
            return "Give all but one of these adapters another static MAC address.";
        }
    }
}
