using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;

namespace VirtNet.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// BenchmarkDotNet's switcher (with no arguments every benchmark, as the Bench task runs them: a "*" filter
        /// would be expanded by the shell into the current folder's file names); "estate N" instead builds an estate of N hosts once and prints the time of a
        /// traffic simulation over all of it and of a configuration check, with the process's peak memory.
        /// </summary>
        public static void Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "estate")
            {
                MeasureEstate(int.Parse(args[1], NumberStyles.None, CultureInfo.InvariantCulture));
                return;
            }
            var switcher = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly);
            if (args.Length == 0) switcher.RunAll();
            else switcher.Run(args);
        }

        static void MeasureEstate(int hostCount)
        {
            var clock = Stopwatch.StartNew();
            var (hosts, switches, flows) = EstateLab.Build(hostCount);
            var build = clock.Elapsed;
            long modelBytes = GC.GetTotalMemory(true);
            clock.Restart();
            var result = new TrafficSimulation(hosts.SelectMany(h => h.VirtualSwitches).ToArray(), flows).Run();
            var simulate = clock.Elapsed;
            clock.Restart();
            int findings = EstateBenchmarks.Check(hosts, switches);
            var check = clock.Elapsed;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0} hosts, {1:N0} flows: model built in {2:0.00} s ({3:0} MB); traffic simulation {4:0.00} s, {5:N0} Mbps; " +
                "configuration check {6:0.00} s, {7} findings; peak working set {8:0} MB.",
                hostCount, result.FlowCount, build.TotalSeconds, modelBytes / 1048576.0, simulate.TotalSeconds, result.AggregateThroughputMbps,
                check.TotalSeconds, findings, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0));
        }
    }
}
