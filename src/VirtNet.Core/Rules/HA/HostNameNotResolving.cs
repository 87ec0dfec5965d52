using System.Collections.Generic;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNH002. vSphere 4.1 HA checklist: every host's short name must resolve from every other host, with reverse
    /// lookup; Scott Lowe (2008): check short names and FQDNs. FDM (5.0) no longer depends on DNS (eWeek, vSphere 5.0 review).
    /// </summary>
    internal sealed class HostNameNotResolving : ClusterRule
    {
        public HostNameNotResolving() : base("VNH002", Severity.Error,
            "Legacy HA host whose names do not resolve",
            "Legacy HA (AAM, ESX 3.x and 4.x) finds its peers by name: every host's short name and FQDN must " +
            "resolve forward and reverse from every other host. Otherwise configuring HA fails on the host " +
            "(HostShortNameToIpFailedEvent, HostIpToShortNameFailedEvent, \"ft_startup failed\"), and the host is not " +
            "protected. FDM, from vSphere 5.0, does not depend on DNS.",
            "Fix DNS: forward (A) and reverse (PTR) records for every host's short name and FQDN, and a search domain " +
            "on every Service Console. Entries in /etc/hosts work but do not scale.",
            "vSphere 4.1 Availability Guide, HA checklist; Scott Lowe, VMware HA Configuration Notes (2008)")
        { }

        protected override IEnumerable<VNFinding> Evaluate(VNCluster cluster, CheckScope scope)
        {
            if (cluster.HaAgent != HaAgent.Aam) yield break;
            foreach (var host in cluster.Hosts)
            {
                var failing = new List<string>();
                if ((host.DnsResolution & DnsResolution.ShortNameForward) == 0) failing.Add("its short name does not resolve");
                if ((host.DnsResolution & DnsResolution.ShortNameReverse) == 0) failing.Add("its address does not resolve back to its short name");
                if ((host.DnsResolution & DnsResolution.FqdnForward) == 0) failing.Add("its FQDN does not resolve");
                if ((host.DnsResolution & DnsResolution.FqdnReverse) == 0) failing.Add("its address does not resolve back to its FQDN");
                if (failing.Count == 0) continue;
                yield return Finding(host.Path,
                    $"Host {host.Name}{(host.Fqdn == null ? "" : " (" + host.Fqdn + ")")} of legacy HA cluster {cluster.Name}: {Describe.List(failing)}, " +
                    "so configuring HA on it fails.");
            }
        }
    }
}
