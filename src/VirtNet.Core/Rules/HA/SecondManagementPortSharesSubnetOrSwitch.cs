using System.Collections.Generic;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH005. Scott Lowe, "VMware HA Configuration Notes" (2008): a second Service Console needs a different subnet
    /// ("isolation response was triggered every single time ... when the secondary Service Console shared the same IP
    /// subnet") and a different vSwitch; KB 1002641: a separate vSwitch, NIC and physical switch.
    /// </summary>
    internal sealed class SecondManagementPortSharesSubnetOrSwitch : ClusterRule
    {
        public SecondManagementPortSharesSubnetOrSwitch() : base("VNH005", Severity.Warning,
            "Second management port on the same subnet or vSwitch",
            "A second Service Console (or management VMkernel port) keeps HA heartbeats flowing only if it fails " +
            "independently of the first. On the same subnet it carries nothing: the Service Console sends everything " +
            "for that subnet out of the first interface that holds it, and reverse-path filtering drops packets that " +
            "arrive on the second from hosts it routes through the first. On the same vSwitch it shares the uplinks, " +
            "so one failure takes both.",
            "Put the second management port on its own vSwitch, NIC and physical switch, in a subnet of its own, and " +
            "add an isolation address in that subnet.",
            "Scott Lowe, VMware HA Configuration Notes (2008); VMware KB 1002641")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            foreach (var host in cluster.Hosts)
            {
                var adapters = cluster.ManagementAdapters(host);
                for (int i = 1; i < adapters.Count; i++)
                {
                    var second = adapters[i];
                    var reasons = new List<string>();
                    for (int k = 0; k < i; k++)
                    {
                        var first = adapters[k];
                        if (second.IPAddress.Value.IsInSubnet(first.IPAddress.Value, first.PrefixLength))
                            reasons.Add($"it is on the subnet of {first.Name} ({first.IPAddress}/{first.PrefixLength}), which the " +
                                $"{(first.IsServiceConsole ? "Service Console" : "VMkernel")} routes out of {first.Name}, so {second.Name} carries no heartbeats");
                        if (second.VirtualSwitch == first.VirtualSwitch)
                            reasons.Add($"it shares {first.VirtualSwitch.Name} and its uplinks with {first.Name}");
                    }
                    if (reasons.Count > 0)
                        yield return Finding(second.Path, $"Second management port {second.Name} of {host.Name} does not back up the first: {string.Join("; ", reasons)}.");
                }
            }
        }
    }
}
