using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

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
            foreach (var host in cluster.Hosts)
            {
                var addresses = cluster.IsolationAddressesOf(host);
                if (addresses.Count == 0)
                {
                    bool hasGateway = cluster.ManagementAdapters(host).Any(a => a.Gateway.HasValue);
                    yield return Finding(host.Path, $"Host {host.Name} of cluster {cluster.Name} has no isolation address: " +
                        (cluster.UseDefaultIsolationAddress && !hasGateway ? "its management port has no gateway" : "das.usedefaultisolationaddress is false") +
                        " and no das.isolationaddress is set.");
                    continue;
                }
                // An address with nothing modelled at it counts as silent, as in the simulation (VNCluster.IsolationTargetAt).
                var targets = addresses.Select(a => (Address: a, Target: cluster.IsolationTargetAt(a))).ToList();
                if (targets.Any(t => t.Target is VNVMKernelAdapter || (t.Target is VNEndpoint e && e.RespondsToPing))) continue;
                yield return Finding(host.Path, $"Host {host.Name} of cluster {cluster.Name} pings only " +
                    $"{Describe.List(targets.Select(t => t.Target is VNEndpoint e ? $"{t.Address} ({e.Path})" : $"{t.Address} (nothing modelled there)"))}, " +
                    $"which do{(targets.Count == 1 ? "es" : "")} not answer ping.");
            }
        }
    }
}
