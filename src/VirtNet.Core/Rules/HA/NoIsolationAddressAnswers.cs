using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH003. Scott Lowe (2008): "Ensure that the Service Console's default gateway responds to ping", otherwise use
    /// das.usedefaultisolationaddress and das.isolationaddress (vSphere HA Deepdive).
    /// </summary>
    internal sealed class NoIsolationAddressAnswers : ClusterRule
    {
        public NoIsolationAddressAnswers() : base("VNH003", Severity.Warning,
            "No isolation address that answers ping",
            "A host that hears no heartbeat pings its isolation addresses (by default its management gateway) and " +
            "declares itself isolated if none answers. When the gateway does not answer ping and no other isolation " +
            "address is set, or there is no isolation address at all, a host whose peers fail (or a network partition) " +
            "cannot tell that its own network works: it declares itself isolated and applies the isolation response.",
            "Let the gateway answer ping, or set das.usedefaultisolationaddress to false and give das.isolationaddress0 " +
            "(up to 9) addresses that answer ping on each management network.",
            "Scott Lowe, VMware HA Configuration Notes (2008); HA Deepdive, advanced settings")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            var endpoints = Switches(cluster).SelectMany(s => s.Endpoints).ToList();
            foreach (var host in cluster.Hosts)
            {
                var gateway = cluster.ManagementAdapters(host).Select(a => a.Gateway).FirstOrDefault(g => g.HasValue);
                var addresses = new List<IPv4Address>();
                if (cluster.UseDefaultIsolationAddress && gateway.HasValue) addresses.Add(gateway.Value);
                addresses.AddRange(cluster.IsolationAddress.Where(a => !addresses.Contains(a)));
                if (addresses.Count == 0)
                {
                    yield return Finding(host.Path, $"Host {host.Name} of cluster {cluster.Name} has no isolation address: " +
                        (cluster.UseDefaultIsolationAddress ? "its management port has no gateway" : "das.usedefaultisolationaddress is false") +
                        " and no das.isolationaddress is set.");
                    continue;
                }
                // Only an endpoint modelled as not answering counts against an address: an unmodelled one may answer.
                var silent = addresses.Select(a => endpoints.FirstOrDefault(e => e.IPAddress == a)).ToList();
                if (silent.Any(e => e == null || e.RespondsToPing)) continue;
                yield return Finding(host.Path, $"Host {host.Name} of cluster {cluster.Name} pings only " +
                    $"{Describe.List(silent.Select(e => $"{e.IPAddress} ({e.Path})"))}, which do{(silent.Count == 1 ? "es" : "")} not answer ping.");
            }
        }

        /// <summary>The switches the cluster's hosts are cabled to, and those given to the cluster.</summary>
        static IEnumerable<VNPhysicalSwitch> Switches(VNCluster cluster) =>
            cluster.Hosts.SelectMany(h => h.Uplinks).Select(u => u.PhysicalSwitch).Where(s => s != null)
                .Concat(cluster.PhysicalSwitches).Distinct();
    }
}
