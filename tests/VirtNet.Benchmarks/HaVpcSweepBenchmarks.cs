using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// The HA sweep on a vPC pair: a 32-host FDM cluster whose hosts each send IP hash over a static vPC channel to
    /// nx-a and nx-b (peer link Eth1/49-50), run through every single failure: each uplink, each peer-link port,
    /// each switch, each host (100 scenarios, 3 200 results). The target is under one second, simulator built inside.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class HaVpcSweepBenchmarks
    {
        const int HostCount = 32;
        VNCluster _cluster;
        List<VNFailureScenario> _scenarios;

        [GlobalSetup]
        public void Setup()
        {
            var a = new VNPhysicalSwitch("nx-a", "Nexus 93180YC-EX");
            var b = new VNPhysicalSwitch("nx-b", "Nexus 93180YC-EX");
            a.AddEndpoint("gateway", IPv4Address.Parse("10.0.0.1"), null, true, EndpointRole.Gateway);
            var hosts = new List<VNHost>();
            for (int n = 1; n <= HostCount; n++)
            {
                var host = new VNHost("esx" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Hypervisor.Esx, "7.0");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                var port = "Eth1/" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                vswitch.AddUplink("vmnic0").ConnectTo(a, port).PortFast = PortFastMode.Trunk;
                vswitch.AddUplink("vmnic1").ConnectTo(b, port).PortFast = PortFastMode.Trunk;
                foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po" + (100 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { port }, PortChannelMode.On);
                TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
                VNVMKernelAdapter.Create(vswitch.AddPortGroup("Management Network"), "vmk0",
                    new IPv4Address(IPv4Address.Parse("10.0.0.10").Value + (uint)n), 24, IPv4Address.Parse("10.0.0.1"), purpose: new[] { AdapterPurpose.Management });
                hosts.Add(host);
            }
            var pair = VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Eth1/49", "Eth1/50" });
            _cluster = VNCluster.Create(new VNClusterSpec { Name = "bench", Hosts = hosts }, new List<string>());
            _scenarios = new List<VNFailureScenario>();
            foreach (var uplink in hosts.SelectMany(h => h.Uplinks))
                _scenarios.Add(Scenario(uplink.Path + " down", FailureEventKind.LinkDown, uplink));
            foreach (var port in pair.PeerLink)
                _scenarios.Add(Scenario(port.Path + " down", FailureEventKind.LinkDown, port));
            foreach (var sw in pair.PhysicalSwitches)
                _scenarios.Add(Scenario(sw.Name + " down", FailureEventKind.SwitchDown, sw));
            foreach (var host in hosts)
                _scenarios.Add(Scenario(host.Name + " down", FailureEventKind.HostDown, host));
        }

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
