using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Report
{
    /// <summary>
    /// One host's HA timeline in one scenario as a strip: lanes for the links, spanning tree, teaming, heartbeats
    /// and HA, on a time axis in seconds shared by every strip of a report. Items that would overlap in a lane go
    /// to another row of it.
    /// </summary>
    public sealed class TimelineStrip
    {
        public const double Width = 1080, Gutter = 112, PlotRight = 1040;
        const double RowHeight = 18, Small = 10, Top = 6;
        static readonly string[] LaneNames = { "Link", "Spanning tree", "Teaming", "Heartbeats", "HA" };

        TimelineStrip(VNHaIsolationResult result) { Result = result; Results = new[] { result }; }

        /// <summary>The result whose timeline is drawn (its events are the ones the tooltips quote).</summary>
        public VNHaIsolationResult Result { get; }
        /// <summary>Every result this strip stands for: <see cref="Result"/> and the hosts whose strip in the same scenario would look the same.</summary>
        public IReadOnlyList<VNHaIsolationResult> Results { get; private set; }
        public double Height { get; private set; }
        public double SvgWidth { get; private set; }
        public List<DiagramNode> Nodes { get; } = new List<DiagramNode>();

        /// <summary>The end of the common time axis: the last event of any strip, rounded up to a tick, at least 10 s.</summary>
        public static double AxisSeconds(IEnumerable<VNHaIsolationResult> results)
        {
            double last = results.SelectMany(r => r.Timeline).Select(e => e.Time.TotalSeconds).DefaultIfEmpty(0).Max();
            double step = TickStep(Math.Max(10, last * 1.1));
            return Math.Max(10, Math.Ceiling(last * 1.1 / step) * step);
        }

        static double TickStep(double seconds)
        {
            foreach (var step in new double[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600 })
                if (seconds / step <= (PlotRight - Gutter) / 60) return step;
            return 7200;
        }

        /// <summary>
        /// One strip per isolated or partitioned result; hosts of one cluster and scenario whose strips would look
        /// the same (a switch down isolates every host on it alike) share one, so a large estate's report stays small.
        /// </summary>
        public static IReadOnlyList<TimelineStrip> BuildAll(IEnumerable<VNHaIsolationResult> results, double axisSeconds, IReadOnlyList<VNPhysicalSwitch> switches)
        {
            var strips = new List<TimelineStrip>();
            var bySight = new Dictionary<string, TimelineStrip>(StringComparer.Ordinal);
            var clusters = new Dictionary<VNCluster, int>();
            var scenarios = new Dictionary<VNFailureScenario, int>();
            foreach (var result in results)
            {
                var strip = Build(result, axisSeconds, switches);
                if (!clusters.TryGetValue(result.Cluster, out int c)) clusters[result.Cluster] = c = clusters.Count;
                if (!scenarios.TryGetValue(result.Scenario, out int s)) scenarios[result.Scenario] = s = scenarios.Count;
                var sight = new System.Text.StringBuilder().Append(c).Append('|').Append(s).Append('|').Append(result.Verdict);
                foreach (var n in strip.Nodes)
                    sight.Append('\n').Append(n.Kind).Append('|').Append(n.State).Append('|').Append(n.Label).Append('|').Append(n.Box.ToString());
                if (bySight.TryGetValue(sight.ToString(), out var same))
                    same.Results = same.Results.Concat(new[] { result }).ToList();
                else
                {
                    bySight[sight.ToString()] = strip;
                    strips.Add(strip);
                }
            }
            return strips;
        }

        public static TimelineStrip Build(VNHaIsolationResult result, double axisSeconds, IReadOnlyList<VNPhysicalSwitch> switches)
        {
            var strip = new TimelineStrip(result);
            double scale = (PlotRight - Gutter) / axisSeconds;
            double X(TimeSpan t) => Gutter + Math.Min(axisSeconds, t.TotalSeconds) * scale;
            var items = new List<Item>();
            var open = new Dictionary<string, VNHaTimelineEvent>(StringComparer.Ordinal);
            var timeline = result.Timeline;
            string hostName = result.Host.Name;

            void Interval(int lane, TimeSpan from, TimeSpan to, string label, string state, string tooltip) =>
                items.Add(new Item(lane, X(from), Math.Max(X(from) + 2, X(to)), label, state, tooltip, interval: true));
            void Moment(int lane, VNHaTimelineEvent e, string label) =>
                items.Add(new Item(lane, X(e.Time), X(e.Time), (e.Host == hostName ? "" : e.Host + ": ") + label, Css(e.Event),
                    $"{Seconds(e.Time)} s {e.Host} {e.Event}: {e.Detail}", interval: false));

            foreach (var e in timeline)
            {
                switch (e.Event)
                {
                    case HaEventKind.LinkDown:
                    case HaEventKind.SwitchDown:
                    case HaEventKind.EndpointDown:
                        open[DownKey(e)] = e;
                        break;
                    case HaEventKind.LinkUp:
                    case HaEventKind.SwitchUp:
                    case HaEventKind.EndpointUp:
                        if (open.TryGetValue(DownKey(e), out var down))
                        {
                            open.Remove(DownKey(e));
                            Interval(0, down.Time, e.Time, DownLabel(down), "down", $"{Seconds(down.Time)} s to {Seconds(e.Time)} s {down.Host}: {down.Detail}");
                        }
                        break;
                    case HaEventKind.PortForwarding:
                    {
                        // 802.1D: a port that is not an edge port listens for one forward delay, learns for another,
                        // then forwards (IEEE 802.1D-2004 17.19; Cisco "Configuring STP", PortFast). A port that
                        // forwards at once came up at the same time.
                        bool immediate = timeline.Any(o => o.Time == e.Time && (o.Event == HaEventKind.LinkUp || o.Event == HaEventKind.SwitchUp));
                        var sw = switches.FirstOrDefault(s => Names.Comparer.Equals(s.Name, e.Host));
                        if (immediate || sw == null)
                        {
                            Moment(1, e, "forwarding");
                            break;
                        }
                        var delay = sw.ForwardDelay;
                        var start = e.Time - delay - delay < TimeSpan.Zero ? TimeSpan.Zero : e.Time - delay - delay;
                        var port = e.Detail.Split(' ')[0];
                        Interval(1, start, e.Time - delay, port + " listening", "listening", $"{Seconds(start)} s to {Seconds(e.Time - delay)} s {e.Host} {port} listening");
                        Interval(1, e.Time - delay, e.Time, "learning", "learning", $"{Seconds(e.Time - delay)} s to {Seconds(e.Time)} s {e.Host} {port} learning; {e.Detail}");
                        break;
                    }
                    case HaEventKind.Failover: Moment(2, e, "failover"); break;
                    case HaEventKind.Failback: Moment(2, e, "failback"); break;
                    case HaEventKind.HeartbeatsLost:
                        open["hb\n" + e.Host] = e;
                        break;
                    case HaEventKind.HeartbeatsResumed:
                        if (open.TryGetValue("hb\n" + e.Host, out var lost))
                        {
                            open.Remove("hb\n" + e.Host);
                            Interval(3, lost.Time, e.Time, (lost.Host == hostName ? "" : lost.Host + ": ") + "heartbeats lost", "hblost",
                                $"{Seconds(lost.Time)} s to {Seconds(e.Time)} s {lost.Host}: {lost.Detail}; {e.Detail}");
                        }
                        break;
                    default:
                        Moment(4, e, Phrase(e.Event));
                        break;
                }
            }
            // What is still down or lost at the end lasts to the end of the axis.
            foreach (var e in open.Values.OrderBy(e => e.Time))
            {
                var end = TimeSpan.FromSeconds(axisSeconds);
                if (e.Event == HaEventKind.HeartbeatsLost)
                    Interval(3, e.Time, end, (e.Host == hostName ? "" : e.Host + ": ") + "heartbeats lost", "hblost", $"{Seconds(e.Time)} s {e.Host}: {e.Detail}, not resumed");
                else
                    Interval(0, e.Time, end, DownLabel(e), "down", $"{Seconds(e.Time)} s {e.Host}: {e.Detail}, not restored");
            }
            strip.Lay(items, scale, axisSeconds);
            return strip;
        }

        void Lay(List<Item> items, double scale, double axisSeconds)
        {
            double y = Top;
            double right = Width;
            for (int lane = 0; lane < LaneNames.Length; lane++)
            {
                // A row ends where its last item ends; a label sticking out needs a gap after it, a bar does not (learning follows listening).
                var rows = new List<double>();
                var placed = new List<(Item Item, int Row)>();
                foreach (var item in items.Where(i => i.Lane == lane).OrderBy(i => i.Start))
                {
                    int row = rows.FindIndex(end => end <= item.Start);
                    double end = item.End + (item.LabelInside ? 0 : 6);
                    if (row < 0) { row = rows.Count; rows.Add(end); } else rows[row] = end;
                    placed.Add((item, row));
                }
                double height = Math.Max(1, rows.Count) * RowHeight + 4;
                var laneNode = new DiagramNode(DiagramNodeKind.Lane, null, new Box(0, y, Gutter - 4, height), null, null)
                    .WithLabel(LaneNames[lane], Small, Gutter - 10, 4, y + 13);
                Nodes.Add(laneNode);
                foreach (var (item, row) in placed)
                {
                    double top = y + 2 + row * RowHeight + 2;
                    var box = item.IsInterval ? new Box(item.X0, top, item.X1 - item.X0, 12) : new Box(item.X0 - 2, top, 4, 12);
                    var node = new DiagramNode(item.IsInterval ? DiagramNodeKind.Interval : DiagramNodeKind.Moment, null, box, null, null)
                        .WithLabel(item.Label, Small, 1000, item.LabelX, top + 10);
                    node.State = item.State;
                    node.Tooltip = item.Tooltip;
                    Nodes.Add(node);
                    right = Math.Max(right, item.End + 4);
                }
                y += height;
            }
            double step = TickStep(axisSeconds);
            for (double t = 0; t <= axisSeconds + 1e-9; t += step)
            {
                double x = Gutter + t * scale;
                var label = Seconds(TimeSpan.FromSeconds(t)) + " s";
                double w = TextMetrics.Width(label, Small);
                var tick = new DiagramNode(DiagramNodeKind.Tick, null, new Box(x - 0.5, y, 1, 4), null, null)
                    .WithLabel(label, Small, w, x - w / 2, y + 15);
                Nodes.Add(tick);
            }
            Height = y + RowHeight + 2;
            SvgWidth = right;
        }

        /// <summary>One bar or mark with its label, and the horizontal span the two take together.</summary>
        sealed class Item
        {
            public Item(int lane, double x0, double x1, string label, string state, string tooltip, bool interval)
            {
                Lane = lane;
                X0 = x0;
                X1 = x1;
                Label = label;
                State = state;
                Tooltip = tooltip;
                IsInterval = interval;
                double w = TextMetrics.Width(label, Small);
                LabelInside = interval && w + 6 <= x1 - x0;
                if (LabelInside) { LabelX = x0 + 3; Start = x0; End = x1; }
                else { LabelX = (interval ? x1 : x0 + 2) + 3; Start = interval ? x0 : x0 - 2; End = LabelX + w; }
            }

            public int Lane { get; }
            public double X0 { get; }
            public double X1 { get; }
            public string Label { get; }
            public string State { get; }
            public string Tooltip { get; }
            public bool IsInterval { get; }
            public double LabelX { get; }
            public double Start { get; }
            public double End { get; }
            /// <summary>The label is drawn on the bar, so the next item in the row may start where the bar ends.</summary>
            public bool LabelInside { get; }
        }

        static string DownKey(VNHaTimelineEvent e)
        {
            var family = e.Event == HaEventKind.LinkDown || e.Event == HaEventKind.LinkUp ? "link"
                : e.Event == HaEventKind.SwitchDown || e.Event == HaEventKind.SwitchUp ? "switch" : "endpoint";
            string detail = e.Detail ?? "";
            // "vSwitch0/vmnic0 link down (cat-a Gi0/3)"; "stack member 2 down" / "stack member 2 back up"; "gateway (10.0.0.1) down".
            string subject = family == "link" ? detail.Split(' ')[0]
                : detail.EndsWith(" back up", StringComparison.Ordinal) ? detail.Substring(0, detail.Length - 8)
                : detail.EndsWith(" down", StringComparison.Ordinal) ? detail.Substring(0, detail.Length - 5) : detail;
            return family + "\n" + e.Host + "\n" + subject;
        }

        static string DownLabel(VNHaTimelineEvent e)
        {
            var detail = e.Detail ?? "";
            // "vSwitch0/vmnic0 link down (...)" -> vmnic0; "stack member 2 down" -> cat-a member 2; "gateway (10.0.0.1) down" -> gateway.
            var subject = e.Event == HaEventKind.LinkDown ? detail.Split(' ')[0].Split('/').Last()
                : e.Event == HaEventKind.EndpointDown ? detail.Split(' ')[0]
                : detail.StartsWith("stack member ", StringComparison.Ordinal) ? e.Host + " " + detail.Substring(6, detail.Length - 11)
                : e.Host;
            return subject + " down";
        }

        static string Css(HaEventKind kind) =>
            kind == HaEventKind.IsolationDeclared || kind == HaEventKind.IsolationResponse || kind == HaEventKind.ForcedPowerOff
                || kind == HaEventKind.HostDeclaredFailed ? "bad"
            : kind == HaEventKind.Failover || kind == HaEventKind.Failback ? "team" : "ha";

        static string Phrase(HaEventKind kind)
        {
            switch (kind)
            {
                case HaEventKind.SwitchLinkDown: return "switch link down";
                case HaEventKind.SwitchLinkUp: return "switch link up";
                case HaEventKind.SpanningTreeForwarding: return "tree forwarding";
                case HaEventKind.IsolationSuspected: return "isolation suspected";
                case HaEventKind.IsolationAddressPinged: return "pings";
                case HaEventKind.PingReply: return "ping reply";
                case HaEventKind.IsolationDeclared: return "isolated";
                case HaEventKind.IsolationCancelled: return "isolation cancelled";
                case HaEventKind.IsolationResponse: return "isolation response";
                case HaEventKind.ResponseSkipped: return "response skipped";
                case HaEventKind.ForcedPowerOff: return "forced power-off";
                case HaEventKind.MasterLost: return "master lost";
                case HaEventKind.ElectionStarted: return "election";
                case HaEventKind.ElectionTrafficSeen: return "election traffic";
                case HaEventKind.MasterElected: return "master elected";
                case HaEventKind.HostUnreachable: return "unreachable";
                case HaEventKind.HostPartitioned: return "partitioned";
                case HaEventKind.HostDeclaredFailed: return "declared failed";
                case HaEventKind.VMsRestarted: return "VMs restarted";
                default: return kind.ToString();
            }
        }

        internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
