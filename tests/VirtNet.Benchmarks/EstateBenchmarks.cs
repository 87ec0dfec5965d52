using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// A traffic simulation over every host of an estate, as Invoke-VNTrafficSimulation -Host builds and runs it,
    /// and Test-VNConfiguration over the same hosts and switches: time and memory must grow linearly with the
    /// estate, so 4,000 hosts cost about four times 1,000. Program's "estate" command measures 10,000 hosts once.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class EstateBenchmarks
    {
        List<VNHost> _hosts;
        List<VNPhysicalSwitch> _switches;
        VNVirtualSwitch[] _virtualSwitches;
        VNFlowList _flows;

        [Params(1000, 4000)]
        public int Hosts { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            (_hosts, _switches, _flows) = EstateLab.Build(Hosts);
            _virtualSwitches = _hosts.SelectMany(h => h.VirtualSwitches).ToArray();
        }

        [Benchmark]
        public double TrafficSimulation() => new TrafficSimulation(_virtualSwitches, _flows).Run().AggregateThroughputMbps;

        [Benchmark]
        public int ConfigurationCheck() => Check(_hosts, _switches);

        /// <summary>Test-VNConfiguration's work: every host and physical switch given, every rule run.</summary>
        internal static int Check(List<VNHost> hosts, List<VNPhysicalSwitch> switches)
        {
            var check = new ConfigurationCheck();
            foreach (var host in hosts) check.Add(host);
            foreach (var physicalSwitch in switches) check.Add(physicalSwitch);
            return check.Run().Count;
        }
    }
}
