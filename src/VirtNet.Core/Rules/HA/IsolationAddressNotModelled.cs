using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH011. An isolation address with no endpoint or host modelled at it: the simulation takes it as not answering
    /// ping (<see cref="VNCluster.IsolationTargetAt"/>), so the finding says so rather than letting the verdicts rest
    /// on an assumption nobody sees.
    /// </summary>
    internal sealed class IsolationAddressNotModelled : ClusterRule
    {
        public IsolationAddressNotModelled() : base("VNH011", Severity.Information,
            "Isolation address not modelled",
            "An isolation address (the management gateway, or a das.isolationaddress) at which the model has no " +
            "endpoint and no host adapter. VirtNet cannot know what answers there, so Test-VNHaIsolation and the other " +
            "rules take it as not answering ping: a host that hears no heartbeat declares itself isolated even if the " +
            "real address answers.",
            "Model the device with Add-VNEndpoint (its address, VLAN and whether it answers ping) on the switch that " +
            "reaches it, or correct the address.",
            "HA Deepdive, isolation detection; Scott Lowe, VMware HA Configuration Notes (2008)")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            var addresses = cluster.Hosts.SelectMany(cluster.IsolationAddressesOf).Distinct();
            foreach (var address in addresses.Where(a => cluster.IsolationTargetAt(a) == null))
                yield return Finding(cluster.Path,
                    $"Isolation address {address} of cluster {cluster.Name} is not modelled (no endpoint or host has it); " +
                    "the simulation takes it as not answering ping.");
        }
    }
}
