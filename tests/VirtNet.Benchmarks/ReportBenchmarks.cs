using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using VirtNet.Report;
using VirtNet.Serialization;
using VirtNet.Tests.Report;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// Export-VNReport's target: a 500-host estate (four 10 Gb uplinks per host, 64 stacks, 500 port channels)
    /// reported in under 5 s and under 5 MB. Without clusters the report is the topology and the configuration
    /// check; with one HA cluster per rack of 16 hosts it also runs each cluster's standard failure catalogue and
    /// draws the matrix and a timeline for every isolated host. The size is printed once at setup.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class ReportBenchmarks
    {
        ConfigContents _contents;

        [Params(false, true)]
        public bool Clusters { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var (hosts, switches, clusters) = GeneratedEstate.Build(500, Clusters);
            _contents = new ConfigContents();
            foreach (var o in hosts.Cast<object>().Concat(switches).Concat(clusters)) _contents.Add(o);
            var report = HtmlReport.Build(_contents, new ReportSettings());
            Console.WriteLine($"// 500 hosts, clusters {Clusters}: {Encoding.UTF8.GetByteCount(report.Html) / 1024.0 / 1024.0:0.00} MB, " +
                $"{report.Diagrams.Count} diagrams, {report.Findings.Count} findings, {report.HaResults.Count} HA results, {report.Timelines.Count} timelines");
        }

        [Benchmark]
        public int Report500Hosts() => HtmlReport.Build(_contents, new ReportSettings()).Html.Length;
    }
}
