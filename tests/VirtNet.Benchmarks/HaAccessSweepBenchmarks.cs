using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// The HA sweep over switch links: a 32-host FDM cluster spread over four access switches (hosts 1-16 on acc-1
    /// and acc-2, hosts 17-32 on acc-3 and acc-4, vmnic0 and vmnic1 one to each), uplinked to the vPC pair nx-a
    /// (priority 4096, the gateway) and nx-b (peer link Eth1/49): acc-1 and acc-2 by a port channel to both peers
    /// (vPC), acc-3 and acc-4 by one trunk to each peer, of which 802.1D spanning tree blocks one. Every single link
    /// failure (each host uplink, each switch-link port, the peer-link cable) and each switch down: 79 scenarios,
    /// 2 528 results, simulator built inside. The target is under one second. (The hosts behind acc-3 are
    /// partitioned for 30 s when its root port or nx-a fails: 32 results not NotIsolated.)
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class HaAccessSweepBenchmarks
    {
        const int HostCount = 32;
        VNCluster _cluster;
        List<VNFailureScenario> _scenarios;

        internal static VNCluster Build(out List<VNFailureScenario> scenarios)
        {
            var a = new VNPhysicalSwitch("nx-a", "Nexus 93180YC-EX") { BridgePriority = 4096 };
            var b = new VNPhysicalSwitch("nx-b", "Nexus 93180YC-EX") { BridgePriority = 8192 };
            a.AddEndpoint("gateway", IPv4Address.Parse("10.0.0.1"), null, true, EndpointRole.Gateway);
            var pair = VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Eth1/49" });
            var access = Enumerable.Range(1, 4).Select(k => new VNPhysicalSwitch("acc-" + k, "Catalyst 9300")).ToList();
            var links = new List<VNSwitchLink>();
            for (int k = 0; k < 4; k++)
            {
                var acc = access[k];
                string peerPort = "Eth1/" + (k + 1).ToString(CultureInfo.InvariantCulture);
                if (k < 2)
                {
                    string channel = "Po" + (11 + k).ToString(CultureInfo.InvariantCulture);
                    foreach (var sw in new[] { a, b }) sw.AddPortChannel(channel, new[] { peerPort }, PortChannelMode.Active);
                    acc.AddPortChannel("Po1", new[] { "Te1/1/1", "Te1/1/2" }, PortChannelMode.Active);
                    links.Add(VNSwitchLink.Create(acc, "Po1", a, channel));
                }
                else
                {
                    links.Add(VNSwitchLink.Create(acc, "Te1/1/1", a, peerPort));
                    links.Add(VNSwitchLink.Create(acc, "Te1/1/2", b, peerPort));
                }
            }
            foreach (var port in links.SelectMany(l => l.Ports.Concat(l.PeerPorts))) port.Mode = SwitchPortMode.Trunk;
            var hosts = new List<VNHost>();
            for (int n = 1; n <= HostCount; n++)
            {
                var host = new VNHost("esx" + n.ToString("00", CultureInfo.InvariantCulture), Hypervisor.Esx, "7.0");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                var port = "Gi1/0/" + n.ToString(CultureInfo.InvariantCulture);
                int group = n <= 16 ? 0 : 2;
                vswitch.AddUplink("vmnic0").ConnectTo(access[group], port).PortFast = PortFastMode.Trunk;
                vswitch.AddUplink("vmnic1").ConnectTo(access[group + 1], port).PortFast = PortFastMode.Trunk;
                foreach (var uplink in vswitch.Uplinks) uplink.SwitchPort.Mode = SwitchPortMode.Trunk;
                VNVMKernelAdapter.Create(vswitch.AddPortGroup("Management Network"), "vmk0",
                    new IPv4Address(IPv4Address.Parse("10.0.0.10").Value + (uint)n), 24, IPv4Address.Parse("10.0.0.1"), purpose: new[] { AdapterPurpose.Management });
                hosts.Add(host);
            }
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "bench", Hosts = hosts }, new List<string>());
            scenarios = new List<VNFailureScenario>();
            foreach (var uplink in hosts.SelectMany(h => h.Uplinks))
                scenarios.Add(Scenario(uplink.Path + " down", FailureEventKind.LinkDown, uplink));
            foreach (var port in links.SelectMany(l => l.Ports))
                scenarios.Add(Scenario(port.Path + " down", FailureEventKind.LinkDown, port));
            foreach (var port in pair.PrimaryPeerLink)
                scenarios.Add(Scenario(port.Path + " down", FailureEventKind.LinkDown, port));
            foreach (var sw in access.Concat(pair.PhysicalSwitches))
                scenarios.Add(Scenario(sw.Name + " down", FailureEventKind.SwitchDown, sw));
            return cluster;
        }

        [GlobalSetup]
        public void Setup() => _cluster = Build(out _scenarios);

        static VNFailureScenario Scenario(string name, FailureEventKind kind, object target) =>
            new VNFailureScenario(name, new[] { new VNFailureEvent(kind, target, TimeSpan.Zero) });

        [Benchmark]
        public int EverySingleFailure()
        {
            var simulator = new HaSimulator(_cluster);
            int failed = 0;
            foreach (var scenario in _scenarios)
                foreach (var result in simulator.Run(scenario))
                    if (result.Verdict != HaVerdict.NotIsolated) failed++;
            return failed;
        }
    }
}
