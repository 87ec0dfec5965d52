using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using VirtNet.HA;
using VirtNet.Net;
using VirtNet.Planning;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// The planner's targets: Find-VNBalancedAddress over a /24 for 8 uplinks under 100 ms; Optimize-VNTeaming for
    /// 4 uplinks, 6 port groups and 1,000 flows under 2 s; Optimize-VNHaIsolation for a 32-host cluster under 10 s.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class PlannerBenchmarks
    {
        VNVMKernelAdapter _storage;
        VNVirtualSwitch _fourUplinks;
        VNFlowList _flows;
        VNCluster _cluster;

        [GlobalSetup]
        public void Setup()
        {
            // 8 x 10 Gb uplinks in a static channel, IP hash, vmk1 10.0.0.10/16 choosing targets in 10.0.20.0/24.
            var (eight, _) = BenchmarkLab.Build(mixedDemands: false);
            var pg = eight.AddPortGroup("Storage");
            _storage = VNVMKernelAdapter.Create(pg, "vmk2", IPv4Address.Parse("10.0.0.11"), 16);

            // 4 uplinks, 6 port groups, 1,000 flows of 100 Mbps: vMotion 1, NFS 100, iSCSI 99, two VM networks of 10 VMs x 40.
            var host = new VNHost("esx02", Hypervisor.Esx, "6.7");
            _fourUplinks = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var core = new VNPhysicalSwitch("core2", "Catalyst 3750");
            for (int i = 0; i < 4; i++) _fourUplinks.AddUplink("vmnic" + i).ConnectTo(core, "Gi1/0/" + (i + 1));
            VNVMKernelAdapter.Create(_fourUplinks.AddPortGroup("Management"), "vmk0", IPv4Address.Parse("192.168.10.11"), 24, purpose: new[] { AdapterPurpose.Management });
            var vmotion = VNVMKernelAdapter.Create(_fourUplinks.AddPortGroup("vMotion"), "vmk1", IPv4Address.Parse("192.168.20.11"), 24, purpose: new[] { AdapterPurpose.VMotion });
            var nfs = VNVMKernelAdapter.Create(_fourUplinks.AddPortGroup("NFS"), "vmk2", IPv4Address.Parse("10.0.0.10"), 16, purpose: new[] { AdapterPurpose.Storage });
            var iscsi = VNVMKernelAdapter.Create(_fourUplinks.AddPortGroup("iSCSI"), "vmk3", IPv4Address.Parse("10.1.0.10"), 16, purpose: new[] { AdapterPurpose.Storage });
            var parts = new List<object>
            {
                Flows(vmotion, "192.168.20.12"),
                Flows(nfs, "10.0.1.1-10.0.1.100"),
                Flows(iscsi, "10.1.1.1-10.1.1.99"),
            };
            foreach (var network in new[] { "VM Network 1", "VM Network 2" })
            {
                var vmPortGroup = _fourUplinks.AddPortGroup(network);
                for (int v = 0; v < 10; v++)
                {
                    var vm = host.AddVirtualMachine(network.Replace(" ", "") + "-" + v, new[]
                    {
                        new VNVirtualMachine.AdapterSpec(vmPortGroup, new MacAddress(0x005056000000UL + (ulong)(parts.Count * 16 + v)),
                            new IPv4Address(IPv4Address.Parse("172.16.0.10").Value + (uint)(parts.Count * 16 + v))),
                    });
                    parts.Add(Flows(vm.NetworkAdapters[0], "172.17.0.1-172.17.0.40"));
                }
            }
            _flows = VNFlowList.Combine(parts);

            _cluster = HaIsolationBenchmarks.BuildCluster("4.1");
        }

        static VNFlowList Flows(VNVirtualAdapter source, string destinations) =>
            VNFlowList.Create(new[] { (source, source.IPAddress.Value) }, new[] { IPv4AddressRange.Parse(destinations) }, 100);

        [Benchmark]
        public int FindBalancedAddressOverA24() =>
            AddressPlanner.Find(_storage, _storage.IPAddress.Value, 8, new[] { IPv4AddressRange.Parse("10.0.20.0-10.0.20.255") }, AddressRole.Destination).Count;

        [Benchmark]
        public int OptimizeTeamingFourUplinksSixPortGroups() => TeamingPlanner.Plan(_fourUplinks, _flows).Count(p => p.Changed);

        [Benchmark]
        public int OptimizeHaIsolation32Hosts() => HaIsolationPlanner.Plan(_cluster).Count;
    }
}
