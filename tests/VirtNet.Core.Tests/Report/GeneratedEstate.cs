using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Tests.Report
{
    /// <summary>
    /// A generated ESX estate in racks of 16 hosts, each with four 10 Gb uplinks: vSwitch0 (management and
    /// vMotion, vmnic0 and vmnic1 active/standby crosswise) to the two members of stack tor{rack}a, vSwitch1 (VM
    /// traffic, IP hash) to a static port channel across the two members of stack tor{rack}b. Each rack can be one
    /// HA cluster.
    /// </summary>
    internal static class GeneratedEstate
    {
        public const int HostsPerRack = 16;

        public static (List<VNHost> Hosts, List<VNPhysicalSwitch> Switches, List<VNCluster> Clusters) Build(int hostCount, bool clusters)
        {
            var hosts = new List<VNHost>();
            var switches = new List<VNPhysicalSwitch>();
            var clusterList = new List<VNCluster>();
            for (int rack = 0; rack * HostsPerRack < hostCount; rack++)
            {
                string r = (rack + 1).ToString("00", CultureInfo.InvariantCulture);
                var a = new VNPhysicalSwitch("tor" + r + "a", "WS-C3850-48XS", 2);
                var b = new VNPhysicalSwitch("tor" + r + "b", "WS-C3850-48XS", 2);
                a.AddEndpoint("gateway", IPv4Address.Parse($"10.{rack + 1}.0.1"), null, true, EndpointRole.Gateway);
                b.AddEndpoint("nfs", IPv4Address.Parse($"10.{rack + 1}.20.10"), 20, true, EndpointRole.Storage);
                switches.Add(a);
                switches.Add(b);
                var rackHosts = new List<VNHost>();
                for (int k = 0; k < HostsPerRack && hosts.Count < hostCount; k++)
                {
                    int n = hosts.Count + 1;
                    var host = new VNHost("esx" + n.ToString("000", CultureInfo.InvariantCulture), Hypervisor.Esx, "6.7")
                        { IPAddress = IPv4Address.Parse($"10.{rack + 1}.0.{10 + k}") };
                    var vs0 = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                    vs0.AddUplink("vmnic0", 10000).ConnectTo(a, $"Te1/0/{k + 1}");
                    vs0.AddUplink("vmnic1", 10000).ConnectTo(a, $"Te2/0/{k + 1}");
                    var mgmt = vs0.AddPortGroup("Management");
                    VNVMKernelAdapter.Create(mgmt, "vmk0", IPv4Address.Parse($"10.{rack + 1}.0.{10 + k}"), 24, IPv4Address.Parse($"10.{rack + 1}.0.1"), purpose: new[] { AdapterPurpose.Management });
                    TeamingPolicyChange.Apply(vs0, mgmt, new TeamingPolicyChange { MakeNicActive = new[] { "vmnic0" }, MakeNicStandby = new[] { "vmnic1" } });
                    var vmotion = vs0.AddPortGroup("vMotion", 30);
                    TeamingPolicyChange.Apply(vs0, vmotion, new TeamingPolicyChange { MakeNicActive = new[] { "vmnic1" }, MakeNicStandby = new[] { "vmnic0" } });
                    var vs1 = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
                    vs1.AddUplink("vmnic2", 10000).ConnectTo(b, $"Te1/0/{k + 1}");
                    vs1.AddUplink("vmnic3", 10000).ConnectTo(b, $"Te2/0/{k + 1}");
                    TeamingPolicyChange.Apply(vs1, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
                    b.AddPortChannel("Po" + (k + 1).ToString(CultureInfo.InvariantCulture), new[] { $"Te1/0/{k + 1}", $"Te2/0/{k + 1}" }, PortChannelMode.On);
                    vs1.AddPortGroup("VM Network", 100);
                    vs1.AddPortGroup("NFS", 20);
                    hosts.Add(host);
                    rackHosts.Add(host);
                }
                foreach (var sw in new[] { a, b })
                    foreach (var port in sw.Ports)
                    {
                        port.Mode = SwitchPortMode.Trunk;
                        port.PortFast = PortFastMode.Trunk;
                    }
                if (clusters)
                    clusterList.Add(VNCluster.Create(new VNClusterSpec { Name = "rack" + r, Hosts = rackHosts }, new List<string>()));
            }
            return (hosts, switches, clusterList);
        }
    }
}
