using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Labs;
using VirtNet.Report;
using Xunit;

namespace VirtNet.Tests.Report
{
    public class TimelineStripTests
    {
        /// <summary>The HaCluster lab's isolation: esx03's vmnic0 flaps 2 s into a switch port without PortFast.</summary>
        static (VNHaIsolationResult Result, VNSampleLab Lab) Esx03Flap()
        {
            var lab = SampleLab.Build(SampleLabName.HaCluster);
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "HaCluster", Hosts = lab.Hosts }, new List<string>());
            var simulator = new HaSimulator(cluster);
            var scenario = simulator.StandardScenarios().Single(s => s.Name == "esx03/vSwitch0/vmnic0 flaps 2 s");
            return (simulator.Run(scenario).Single(r => r.Host.Name == "esx03"), lab);
        }

        [Fact]
        public void The_strip_shows_the_link_down_then_listening_and_learning_each_one_forward_delay()
        {
            var (result, lab) = Esx03Flap();
            Assert.Equal(HaVerdict.Isolated, result.Verdict);
            double axis = TimelineStrip.AxisSeconds(new[] { result });
            // The last event is at 32 s (forwarding); 32 x 1.1 = 35.2 s, in ticks of 5 s (35.2 / 5 <= 928 / 60) up to 40 s.
            Assert.Equal(40, axis);
            var strip = TimelineStrip.Build(result, axis, lab.PhysicalSwitches);
            const double scale = (TimelineStrip.PlotRight - TimelineStrip.Gutter) / 40; // 23.2 px per second
            double X(double seconds) => TimelineStrip.Gutter + seconds * scale;
            var intervals = strip.Nodes.Where(n => n.Kind == DiagramNodeKind.Interval).ToDictionary(n => n.State, n => n.Box);
            // Link down 0 s to 2 s; the port comes up at 2 s, listens 15 s and learns 15 s (802.1D forward delay of cat-a),
            // so it forwards at 32 s. Failback waits the 100 ms Net.TeamPolicyUpDelay (2.1 s); the heartbeat of 2 s went out
            // on vmnic1, the one of 3 s is the first lost, and none is heard until 32 s. Isolation: last heard 2 s + 15 s = 17 s.
            Assert.Equal(X(0), intervals["down"].X, 6);
            Assert.Equal(X(2), intervals["down"].Right, 6);
            Assert.Equal(X(2), intervals["listening"].X, 6);
            Assert.Equal(X(17), intervals["listening"].Right, 6);
            Assert.Equal(X(17), intervals["learning"].X, 6);
            Assert.Equal(X(32), intervals["learning"].Right, 6);
            Assert.Equal(X(3), intervals["hblost"].X, 6);
            Assert.Equal(X(32), intervals["hblost"].Right, 6);
            var isolated = strip.Nodes.Single(n => n.Kind == DiagramNodeKind.Moment && n.Label == "isolated");
            Assert.Equal(X(17), isolated.Box.X + isolated.Box.Width / 2, 6);
            Assert.Contains(strip.Nodes, n => n.Kind == DiagramNodeKind.Moment && n.Label == "failback");
            Assert.Contains(strip.Nodes, n => n.Kind == DiagramNodeKind.Moment && n.Label == "esx01: VMs restarted");
        }

        [Fact]
        public void Nothing_on_a_strip_overlaps_and_the_ticks_are_every_five_seconds()
        {
            var (result, lab) = Esx03Flap();
            var strip = TimelineStrip.Build(result, 40, lab.PhysicalSwitches);
            Assert.Empty(ReportGeometry.Overlaps(strip.Nodes));
            Assert.Equal(new[] { "0 s", "5 s", "10 s", "15 s", "20 s", "25 s", "30 s", "35 s", "40 s" },
                strip.Nodes.Where(n => n.Kind == DiagramNodeKind.Tick).Select(n => n.Label));
            Assert.Equal(new[] { "Link", "Spanning tree", "Teaming", "Heartbeats", "HA" },
                strip.Nodes.Where(n => n.Kind == DiagramNodeKind.Lane).Select(n => n.Label));
        }
    }
}

namespace VirtNet.Tests.Report
{
    public class SharedTimelineStripTests
    {
        [Fact]
        public void Hosts_isolated_alike_share_one_strip_and_every_isolated_host_has_exactly_one()
        {
            var (_, switches, clusters) = GeneratedEstate.Build(16, clusters: true);
            var simulator = new HaSimulator(clusters[0]);
            var scenario = simulator.StandardScenarios().Single(s => s.Name == "tor01a down");
            var results = simulator.Run(scenario);
            // tor01a carries both management uplinks of every host and the gateway they ping: all 16 are isolated.
            var isolated = results.Where(r => r.Verdict == HaVerdict.Isolated).ToList();
            Assert.Equal(16, isolated.Count);
            var strips = TimelineStrip.BuildAll(isolated, TimelineStrip.AxisSeconds(isolated), switches);
            Assert.Equal(isolated.OrderBy(r => r.Host.Name), strips.SelectMany(s => s.Results).OrderBy(r => r.Host.Name));
            Assert.True(strips.Count < isolated.Count, $"{strips.Count} strips for {isolated.Count} hosts isolated alike");
            Assert.All(strips, s => Assert.Same(s.Result, s.Results[0]));
        }
    }
}
