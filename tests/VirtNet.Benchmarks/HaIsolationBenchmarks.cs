using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// The HA sweep's performance target: a 32-host cluster, each host with two management uplinks to two switches, run
    /// through the standard catalogue plus every pair of uplink failures (2 147 scenarios, 68 704 results), all in
    /// under one second. The simulator is built inside the benchmark, as Test-VNHaIsolation builds it.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class HaIsolationBenchmarks
    {
        const int HostCount = 32;
        VNCluster _cluster;
        List<VNFailureScenario> _scenarios;

        /// <summary>4.1: legacy HA (AAM) on Service Consoles; 6.7: FDM on management VMkernel ports.</summary>
        [Params("4.1", "6.7")]
        public string Version { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _cluster = BuildCluster(Version);
            var hosts = _cluster.Hosts;
            _scenarios = new HaSimulator(_cluster).StandardScenarios().ToList();
            var uplinks = hosts.SelectMany(h => h.Uplinks).ToList();
            for (int i = 0; i < uplinks.Count; i++)
                for (int j = i + 1; j < uplinks.Count; j++)
                    _scenarios.Add(new VNFailureScenario(uplinks[i].Path + " and " + uplinks[j].Path + " down", new[]
                    {
                        new VNFailureEvent(FailureEventKind.LinkDown, uplinks[i], TimeSpan.Zero),
                        new VNFailureEvent(FailureEventKind.LinkDown, uplinks[j], TimeSpan.Zero),
                    }));
        }

        /// <summary>
        /// 32 hosts, each with its management port on vSwitch0, vmnic0 active to cat-a and vmnic1 standby to cat-b;
        /// half the hosts' ports without PortFast, so flaps and failbacks exercise spanning tree.
        /// </summary>
        internal static VNCluster BuildCluster(string version)
        {
            var a = new VNPhysicalSwitch("cat-a", "Catalyst 3750");
            var b = new VNPhysicalSwitch("cat-b", "Catalyst 3750");
            a.AddEndpoint("gateway", IPv4Address.Parse("10.0.0.1"), null, true, EndpointRole.Gateway);
            var hosts = new List<VNHost>();
            for (int n = 1; n <= HostCount; n++)
            {
                var host = new VNHost("esx" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Hypervisor.Esx, version);
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                var portFast = n % 2 == 0 ? PortFastMode.Enabled : PortFastMode.Disabled;
                vswitch.AddUplink("vmnic0").ConnectTo(a, "Gi1/0/" + n).PortFast = portFast;
                vswitch.AddUplink("vmnic1").ConnectTo(b, "Gi1/0/" + n).PortFast = portFast;
                TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } });
                bool classic = !host.VersionInfo.IsAtLeast(5, 0);
                VNVMKernelAdapter.Create(vswitch.AddPortGroup(classic ? "Service Console" : "Management Network"), classic ? "vswif0" : "vmk0",
                    new IPv4Address(IPv4Address.Parse("10.0.0.10").Value + (uint)n), 24, IPv4Address.Parse("10.0.0.1"),
                    purpose: new[] { classic ? AdapterPurpose.ServiceConsole : AdapterPurpose.Management });
                hosts.Add(host);
            }
            return VNCluster.Create(new VNClusterSpec { Name = "bench", Hosts = hosts }, new List<string>());
        }

        [Benchmark]
        public int CatalogueAndUplinkPairs()
        {
            var simulator = new HaSimulator(_cluster);
            int isolated = 0;
            foreach (var scenario in _scenarios)
                foreach (var result in simulator.Run(scenario))
                    if (result.Verdict == HaVerdict.Isolated) isolated++;
            return isolated;
        }
    }
}
