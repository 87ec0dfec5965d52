using System.Linq;
using BenchmarkDotNet.Attributes;
using VirtNet.Net;
using VirtNet.Teaming;
using VirtNet.Traffic;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// The bond placement hot loop: a million flows from one VM over an 8-slave bond on a 4.9 kernel, per flow.
    /// layer2+3 looks up each destination's next hop (no owner: the gateway's MAC); layer3+4 hashes ports and
    /// addresses only; balance-tlb also hands out the 256 buckets by spare capacity, after a pass that measures them.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class BondPlacementBenchmarks
    {
        TrafficModel _model;
        TeamRun _layer23, _layer34, _tlb;
        short[] _uplink;
        int[] _count;

        [GlobalSetup]
        public void Setup()
        {
            var host = new VNHost("lx01", Hypervisor.Linux, "4.9");
            var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond,
                settings: new VirtualSwitchSettings { BondMode = BondMode.BalanceXor, XmitHashPolicy = XmitHashPolicy.Layer2Plus3 });
            var core = new VNPhysicalSwitch("core1", "WS-C3750X-48");
            for (int i = 0; i < BenchmarkLab.Uplinks; i++) bond.AddUplink("eth" + i, 10000).ConnectTo(core, $"Gi1/0/{i + 1}");
            core.AddPortChannel("Po1", bond.Uplinks.Select(u => u.SwitchPort.Name).ToList(), PortChannelMode.On);
            core.AddEndpoint("gw", IPv4Address.Parse("10.0.0.1"), null, true, EndpointRole.Gateway, MacAddress.Parse("00:1b:21:00:00:01"));
            var pg = bond.AddPortGroup("br0");
            var vm = host.AddVirtualMachine("vm0", new[] { new VNVirtualMachine.AdapterSpec(pg, MacAddress.Parse("52:54:00:00:00:10"), IPv4Address.Parse("10.0.0.10")) })
                .NetworkAdapters[0];
            // 10.1.0.0-10.16.66.63 is exactly 1,000,000 addresses; port 2049 keeps a destination per flow.
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vm, vm.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("10.1.0.0-10.16.66.63") }, 10,
                destinationPorts: new[] { 2049 }, sourcePorts: new[] { 40000 });
            _model = new TrafficModel(new[] { bond }, flows);
            var state = new UplinkState[_model.Uplinks.Length];
            _layer23 = Run(TeamingOption.Bond(BondMode.BalanceXor, XmitHashPolicy.Layer2Plus3), state);
            _layer34 = Run(TeamingOption.Bond(BondMode.BalanceXor, XmitHashPolicy.Layer3Plus4), state);
            _tlb = Run(TeamingOption.Bond(BondMode.BalanceTlb, XmitHashPolicy.Layer3Plus4), state);
            _uplink = new short[_model.FlowCount];
            _count = new int[_model.Uplinks.Length];
        }

        TeamRun Run(TeamingOption option, UplinkState[] state)
        {
            var run = new TeamRun(_model.Teams[0], option);
            Failover.Select(run, state);
            return run;
        }

        int Place(TeamRun run)
        {
            // As the engine does: balance-tlb measures its buckets' load in a first pass.
            var teams = new[] { run };
            if (BondPlacement.BeginPlacement(teams, _model.Capacity))
            {
                PlaceAll(run);
                BondPlacement.EndMeasuring(teams);
            }
            PlaceAll(run);
            return _count[0];
        }

        void PlaceAll(TeamRun run)
        {
            System.Array.Clear(_count, 0, _count.Length);
            run.Algorithm.PlaceFlows(run, 0, _model.SourceIp[0], _model.Flows.Destination, 0, 0, _model.FlowCount, _uplink, _count, _model.PortsOf(0));
        }

        [Benchmark(OperationsPerInvoke = BenchmarkLab.Flows)]
        public int Layer2Plus3WithNextHop() => Place(_layer23);

        [Benchmark(OperationsPerInvoke = BenchmarkLab.Flows)]
        public int Layer3Plus4() => Place(_layer34);

        [Benchmark(OperationsPerInvoke = BenchmarkLab.Flows)]
        public int BalanceTlbBuckets() => Place(_tlb);
    }
}
