using BenchmarkDotNet.Attributes;
using VirtNet.Net;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// A million flows from one VM over an 8-slave 802.3ad bond (layer3+4): in one LACP channel on one switch, and
    /// split 4 + 4 over two unpaired switches with the first one down, so that the bond chooses its aggregator
    /// again (ad_select bandwidth) and every flow moves. Whole simulation runs, per flow.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class LacpAggregatorBenchmarks
    {
        TrafficSimulation _oneChannel, _split;
        TrafficScenario _switchDown;

        [GlobalSetup]
        public void Setup()
        {
            VNPhysicalSwitch first;
            (_oneChannel, _) = Build(split: false);
            (_split, first) = Build(split: true);
            _switchDown = new TrafficScenario();
            _switchDown.FailedSwitches.Add(first);
        }

        static (TrafficSimulation, VNPhysicalSwitch) Build(bool split)
        {
            var host = new VNHost("lx01", Hypervisor.Linux);
            var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond,
                settings: new VirtualSwitchSettings { BondMode = BondMode.Ieee8023ad, XmitHashPolicy = XmitHashPolicy.Layer3Plus4, AdSelect = AdSelect.Bandwidth });
            var a = new VNPhysicalSwitch("sw-a");
            var b = split ? new VNPhysicalSwitch("sw-b") : a;
            for (int i = 0; i < BenchmarkLab.Uplinks; i++)
                bond.AddUplink("eth" + i, 10000).ConnectTo(i < BenchmarkLab.Uplinks / 2 ? a : b, $"Gi1/0/{i + 1}");
            if (split)
            {
                a.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2", "Gi1/0/3", "Gi1/0/4" }, PortChannelMode.Active);
                b.AddPortChannel("Po1", new[] { "Gi1/0/5", "Gi1/0/6", "Gi1/0/7", "Gi1/0/8" }, PortChannelMode.Active);
            }
            else a.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2", "Gi1/0/3", "Gi1/0/4", "Gi1/0/5", "Gi1/0/6", "Gi1/0/7", "Gi1/0/8" }, PortChannelMode.Active);
            var vm = host.AddVirtualMachine("vm0", new[] { new VNVirtualMachine.AdapterSpec(bond.AddPortGroup("br0"), MacAddress.Parse("52:54:00:00:00:10"), IPv4Address.Parse("10.0.0.10")) })
                .NetworkAdapters[0];
            // 10.1.0.0-10.16.66.63 is exactly 1,000,000 addresses.
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vm, vm.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("10.1.0.0-10.16.66.63") }, 10,
                destinationPorts: new[] { 2049 }, sourcePorts: new[] { 40000 });
            return (new TrafficSimulation(new[] { bond }, flows), a);
        }

        [Benchmark(OperationsPerInvoke = BenchmarkLab.Flows)]
        public double OneChannel() => _oneChannel.Run().AggregateThroughputMbps;

        [Benchmark(OperationsPerInvoke = BenchmarkLab.Flows)]
        public double SplitAggregatorsActiveSwitchDown() => _split.Run(_switchDown).AggregateThroughputMbps;
    }
}
