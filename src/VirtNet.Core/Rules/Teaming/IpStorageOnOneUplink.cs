using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNT010. Scott Lowe, "Understanding NIC Utilization in VMware ESX" (2008): without link aggregation "each
    /// VMkernel NIC will only use a single network uplink", even towards two iSCSI targets; with IP hash it uses
    /// several "only if multiple destination IP addresses are involved". KB 1004048: "One IP to one IP
    /// connections over multiple NIC is not supported."
    /// </summary>
    internal sealed class IpStorageOnOneUplink : RuleDefinition
    {
        public IpStorageOnOneUplink() : base("VNT010", Severity.Information,
            "IP storage confined to one uplink",
            "A VMkernel port for NFS or iSCSI uses one uplink however many uplinks its team has, unless the team " +
            "routes based on IP hash and the port talks to several storage addresses. Port ID, MAC hash and " +
            "explicit failover place the whole VMkernel port on one uplink, so all its targets share that uplink; " +
            "IP hash keeps one source and destination pair on one uplink, so one target never gets more than one " +
            "uplink's bandwidth. The other uplinks protect the storage traffic but do not add to it.",
            "To scale IP storage beyond one uplink, use IP hash with a static EtherChannel on one switch or stack " +
            "and several storage target addresses; otherwise size one uplink for all the storage traffic of the " +
            "VMkernel port.",
            "Scott Lowe, Understanding NIC Utilization in VMware ESX (2008); VMware KB 1004048")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var adapter in scope.VMKernelAdapters)
            {
                if (!adapter.Purpose.Contains(AdapterPurpose.Storage)) continue;
                var team = scope.TeamOf(adapter.PortGroup);
                if (team.Active.Count < 2) continue;
                var targets = StorageTargets(adapter, team);
                string active = team.Active.Count.ToString(CultureInfo.InvariantCulture);
                if (team.LoadBalancing != LoadBalancingPolicy.LoadBalanceIP)
                {
                    string reach = targets.Count == 0 ? "all its storage traffic"
                        : $"the traffic to its {targets.Count.ToString(CultureInfo.InvariantCulture)} storage target{(targets.Count == 1 ? "" : "s")} ({Describe.List(targets)})";
                    yield return Finding(adapter.Path,
                        $"{adapter.Name} ({adapter.IPAddress}) sends {reach} over one of the {active} active uplinks of " +
                        $"{team.Name}: {Describe.Policy(team.LoadBalancing)} keeps each VMkernel port on one uplink.");
                }
                else if (targets.Count == 1)
                    yield return Finding(adapter.Path,
                        $"{adapter.Name} ({adapter.IPAddress}) has one storage target ({targets[0]}): IP hash keeps that one " +
                        $"source and destination pair on one of the {active} active uplinks of {team.Name}.");
            }
        }

        /// <summary>Storage endpoints in the adapter's subnet on the switches its team is cabled to.</summary>
        static List<string> StorageTargets(VNVMKernelAdapter adapter, Team team) =>
            team.CabledMembers.Select(u => u.PhysicalSwitch).Distinct()
                .SelectMany(s => s.Endpoints)
                .Where(e => e.Role == EndpointRole.Storage && e.IPAddress.IsInSubnet(adapter.IPAddress.Value, adapter.PrefixLength))
                .Select(e => e.Name + " " + e.IPAddress)
                .ToList();
    }
}
