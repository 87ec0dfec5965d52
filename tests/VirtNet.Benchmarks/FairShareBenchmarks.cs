using BenchmarkDotNet.Attributes;
using VirtNet.Traffic;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// Max-min fair share of one direction for a million flows placed over 8 uplinks (target: under 200 ms), with
    /// equal demands (closed form) and with mixed demands (selection per uplink); and a whole simulation run.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class FairShareBenchmarks
    {
        TrafficModel _model;
        TrafficSimulation _simulation;
        int[] _uplink;
        byte[] _include;
        double[] _level, _load;
        readonly MaxMinFairShare _share = new MaxMinFairShare();

        [Params(false, true)]
        public bool MixedDemands;

        [GlobalSetup]
        public void Setup()
        {
            var (vswitch, flows) = BenchmarkLab.Build(MixedDemands);
            _simulation = new TrafficSimulation(new[] { vswitch }, flows);
            _model = _simulation.Model;
            var run = _simulation.RunOnce(new UplinkState[_model.Uplinks.Length], null, false);
            _uplink = run.FlowUplink;
            _include = new byte[_model.FlowCount];
            for (int f = 0; f < _include.Length; f++) _include[f] = 1;
            _level = new double[_model.Uplinks.Length];
            _load = new double[_model.Uplinks.Length];
        }

        [Benchmark]
        public double MaxMinFairShare()
        {
            _share.Share(_model.FlowCount, _uplink, _model.Flows.DemandMbps, _include, _model.Capacity, _level, _load);
            return _load[0];
        }

        [Benchmark]
        public double SimulationRun() => _simulation.RunOnce(new UplinkState[_model.Uplinks.Length], null, false).AggregateMbps;
    }
}
