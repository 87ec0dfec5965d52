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
        short[] _uplink;
        byte[] _status;
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
            // Null: every flow delivers, as in this lab.
            _status = run.StoredStatus;
            _level = new double[_model.Uplinks.Length];
            _load = new double[_model.Uplinks.Length];
        }

        [Benchmark]
        public double MaxMinFairShare()
        {
            _share.Share(_model.RunStart, _model.RunDemand, _model.RunDirection, FlowDirection.Inbound, _uplink, _status,
                (byte)FlowStatus.ChannelNotFormed, _model.Capacity, _level, _load);
            return _load[0];
        }

        [Benchmark]
        public double SimulationRun() => _simulation.RunOnce(new UplinkState[_model.Uplinks.Length], null, false).AggregateMbps;
    }
}
