using BenchmarkDotNet.Attributes;
using VirtNet.Teaming;
using VirtNet.Traffic;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// The per-flow hot loop: IP hash placement of a million flows over 8 uplinks, accumulating the flows of each
    /// uplink as it goes (demand is kept per list segment, not per flow). Reported per flow: the target is 10 ns
    /// (100 million flows/s).
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class PlacementBenchmarks
    {
        TrafficModel _model;
        TeamRun _team;
        short[] _uplink;
        int[] _count;

        [GlobalSetup]
        public void Setup()
        {
            // Flows to port 2049 keep a destination per flow: the loop reads its hash input from memory.
            var (vswitch, flows) = BenchmarkLab.Build(mixedDemands: false, explicitDestinations: true);
            _model = new TrafficModel(new[] { vswitch }, flows);
            _team = new TeamRun(_model.Teams[0], TeamingOption.Esx(LoadBalancingPolicy.LoadBalanceIP));
            Failover.Select(_team, new UplinkState[_model.Uplinks.Length]);
            _uplink = new short[_model.FlowCount];
            _count = new int[_model.Uplinks.Length];
        }

        [Benchmark(OperationsPerInvoke = BenchmarkLab.Flows)]
        public int IpHashPlaceAndAccumulate()
        {
            var flows = _model.Flows;
            short[] uplink = _uplink;
            int[] count = _count;
            System.Array.Clear(count, 0, count.Length);
            _team.Algorithm.PlaceFlows(_team, 0, _model.SourceIp[0], flows.Destination, 0, 0, flows.Count, uplink, count, _model.PortsOf(0));
            return count[0];
        }
    }
}
