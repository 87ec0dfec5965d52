using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using VirtNet.HA;
using VirtNet.Serialization;
using VirtNet.Traffic;

namespace VirtNet.Report
{
    /// <summary>What a report covers beyond the model: its title, the flows to compare teaming for, the HA scenarios.</summary>
    public sealed class ReportSettings
    {
        public string Title { get; set; }
        /// <summary>Flows for the traffic section; null leaves the section out.</summary>
        public VNFlowList Flow { get; set; }
        /// <summary>HA failure scenarios; null: each cluster's standard catalogue.</summary>
        public IReadOnlyList<VNFailureScenario> Scenario { get; set; }
        /// <summary>Optimize-VNTeaming's proposals, shown with their numbers before and after.</summary>
        public IReadOnlyList<VNTeamingProposal> TeamingProposals { get; set; } = new VNTeamingProposal[0];
        /// <summary>Optimize-VNHaIsolation's changes; the HA scenarios run again with those not applied yet made, for the "after".</summary>
        public IReadOnlyList<VNHaIsolationChange> HaChanges { get; set; } = new VNHaIsolationChange[0];
        /// <summary>Find-VNBalancedAddress's proposals, with the uplinks and members they land on.</summary>
        public IReadOnlyList<VNAddressProposal> AddressProposals { get; set; } = new VNAddressProposal[0];
        public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.UtcNow;
    }

    /// <summary>A report as written, with what went into it, for the cmdlet's verbose output and for tests.</summary>
    public sealed class VNReport
    {
        internal VNReport() { }

        public string Html { get; internal set; }
        public IReadOnlyList<TopologyDiagram> Diagrams { get; internal set; }
        public IReadOnlyList<TimelineStrip> Timelines { get; internal set; }
        public IReadOnlyList<VNFinding> Findings { get; internal set; }
        public IReadOnlyList<VNHaIsolationResult> HaResults { get; internal set; }
        /// <summary>Per cluster with proposed HA changes, its scenarios' results with the changes made.</summary>
        public IReadOnlyDictionary<VNCluster, List<VNHaIsolationResult>> HaResultsAfter { get; internal set; }
        /// <summary>The planners' proposals the report shows (those about objects in the report).</summary>
        public int ProposalCount { get; internal set; }
        /// <summary>Hosts isolated or partitioned, summed over the scenarios.</summary>
        public int IsolationCount => Timelines.Sum(t => t.Results.Count);
        /// <summary>What could not go into the report (a scenario naming something a cluster lacks, a switch that cannot be simulated).</summary>
        public IReadOnlyList<string> Warnings { get; internal set; }
    }

    /// <summary>
    /// The self-contained HTML report (Export-VNReport): inline CSS and SVG only, nothing fetched, no script, so it
    /// opens offline and survives mail filters. Clicking a finding highlights its object through the CSS :target
    /// selector; hovering an object shows its path and facts through SVG titles.
    /// </summary>
    public static class HtmlReport
    {
        const int MaxMatrixScenarios = 60, MaxMovedFlows = 40;

        public static VNReport Build(ConfigContents contents, ReportSettings settings, IProgress<SimulationProgress> progress = null)
        {
            CheckNotEmpty(contents);
            var report = new VNReport();
            var warnings = new List<string>();
            var hosts = contents.Hosts;
            var switches = contents.PhysicalSwitches;
            var clusters = contents.Clusters;

            progress?.Report(new SimulationProgress(0, "Laying out the topology"));
            report.Diagrams = TopologyLayout.Build(hosts, switches, clusters);

            progress?.Report(new SimulationProgress(20, "Checking the configuration"));
            var check = new ConfigurationCheck();
            foreach (var h in hosts) check.Add(h);
            foreach (var s in switches) check.Add(s);
            foreach (var c in clusters) check.Add(c);
            report.Findings = check.Run();

            progress?.Report(new SimulationProgress(35, "Comparing teaming"));
            var traffic = settings.Flow == null ? null : CompareTraffic(hosts, settings.Flow, warnings);

            var ha = new List<(VNCluster Cluster, IReadOnlyList<VNFailureScenario> Scenarios, List<VNHaIsolationResult> Results)>();
            for (int c = 0; c < clusters.Count; c++)
            {
                progress?.Report(new SimulationProgress(50 + 35 * c / clusters.Count, "Testing HA isolation of cluster " + clusters[c].Name));
                var simulator = new HaSimulator(clusters[c]);
                var scenarios = settings.Scenario ?? simulator.StandardScenarios();
                var results = new List<VNHaIsolationResult>();
                var ran = new List<VNFailureScenario>();
                foreach (var scenario in scenarios)
                {
                    try
                    {
                        results.AddRange(simulator.Run(scenario));
                        ran.Add(scenario);
                    }
                    catch (VirtNetException e)
                    {
                        warnings.Add($"Cluster {clusters[c].Name}, scenario '{scenario.Name}': {e.Message}");
                    }
                }
                ha.Add((clusters[c], ran, results));
            }
            report.HaResults = ha.SelectMany(x => x.Results).ToList();
            report.HaResultsAfter = HaAfter(settings, ha, warnings);
            var strips = report.HaResults.Where(r => r.Verdict == HaVerdict.Isolated || r.Verdict == HaVerdict.Partitioned).ToList();
            double axis = TimelineStrip.AxisSeconds(strips);
            var haSwitches = switches.Concat(clusters.SelectMany(c => c.PhysicalSwitches)).Distinct().ToList();
            report.Timelines = TimelineStrip.BuildAll(strips, axis, haSwitches);
            var proposals = new Proposals(contents, settings, report.HaResultsAfter, warnings);
            report.ProposalCount = proposals.Count;
            report.Warnings = warnings;

            progress?.Report(new SimulationProgress(90, "Writing HTML"));
            var text = new StringWriter(new StringBuilder(64 * 1024 + hosts.Count * 6000), CultureInfo.InvariantCulture);
            new Writer(new HtmlWriter(text), contents, settings, report, traffic, ha, axis, proposals).Write();
            report.Html = text.ToString();
            progress?.Report(new SimulationProgress(100, "Done"));
            return report;
        }

        /// <summary>
        /// For each cluster with proposed HA changes, its scenarios run again with the changes not applied yet made (and
        /// undone): the planner's verification, shown beside the model's results.
        /// </summary>
        static Dictionary<VNCluster, List<VNHaIsolationResult>> HaAfter(ReportSettings settings,
            List<(VNCluster Cluster, IReadOnlyList<VNFailureScenario> Scenarios, List<VNHaIsolationResult> Results)> ha, List<string> warnings)
        {
            var after = new Dictionary<VNCluster, List<VNHaIsolationResult>>();
            foreach (var changes in settings.HaChanges.GroupBy(c => c.Cluster))
            {
                int at = ha.FindIndex(x => x.Cluster == changes.Key);
                if (at < 0)
                    warnings.Add($"The {Count(changes.Count(), "HA change")} proposed for cluster {changes.Key.Name} are left out: the cluster is not in the report.");
                else
                    after[changes.Key] = Planning.HaIsolationPlanner.ResultsWith(changes.Key, changes, ha[at].Scenarios);
            }
            return after;
        }

        /// <summary>The planners' proposals about objects in the report; the others are left out with a warning.</summary>
        internal sealed class Proposals
        {
            public readonly List<VNTeamingProposal> Teaming;
            public readonly List<VNHaIsolationChange> Ha;
            public readonly List<VNAddressProposal> Addresses;

            public Proposals(ConfigContents contents, ReportSettings settings, IReadOnlyDictionary<VNCluster, List<VNHaIsolationResult>> haAfter, List<string> warnings)
            {
                var hosts = new HashSet<VNHost>(contents.Hosts);
                List<T> InReport<T>(IEnumerable<T> items, Func<T, VNHost> host, string what)
                {
                    var kept = items.Where(p => hosts.Contains(host(p))).ToList();
                    foreach (var missing in items.Where(p => !hosts.Contains(host(p))).Select(host).Distinct())
                        warnings.Add($"The {what} for host {missing.Name} are left out: the host is not in the report.");
                    return kept;
                }
                Teaming = InReport(settings.TeamingProposals, p => p.PortGroup.VirtualSwitch.Host, "teaming proposals");
                Addresses = InReport(settings.AddressProposals, p => p.Source.VirtualSwitch.Host, "address proposals");
                Ha = settings.HaChanges.Where(c => haAfter.ContainsKey(c.Cluster)).ToList();
            }

            public int Count => Teaming.Count + Ha.Count + Addresses.Count;
        }

        /// <summary>NothingToReport unless there is a host or a physical switch to report on.</summary>
        public static void CheckNotEmpty(ConfigContents contents)
        {
            if (contents.IsEmpty)
                throw new VirtNetException(ErrorIds.NothingToReport, VirtNetErrorKind.InvalidArgument,
                    "Nothing to report: give at least one host, physical switch or HA cluster, or an object on one.", null);
        }

        /// <summary>Writes the report to <paramref name="path"/> whole or not at all; an existing file is replaced unless <paramref name="noClobber"/>.</summary>
        public static void Write(string path, string html, bool noClobber)
        {
            var fullPath = AtomicFile.FullPath(path, ErrorIds.ReportWriteFailed);
            var bytes = new UTF8Encoding(false).GetBytes(html);
            AtomicFile.Write(fullPath, bytes, !noClobber,
                () => new VirtNetException(ErrorIds.ReportFileExists, VirtNetErrorKind.ResourceExists,
                    $"Report file '{fullPath}' already exists and -NoClobber was given. Leave out -NoClobber to replace it, or choose another path.", fullPath),
                (reason, e) => new VirtNetException(ErrorIds.ReportWriteFailed, VirtNetErrorKind.WriteError,
                    $"Cannot write report file '{fullPath}': {reason}", fullPath, e));
        }

        // ---- Traffic ----

        internal sealed class OptionTraffic
        {
            public VNTeamingComparison Row;
            public double[] HealthyTx, HealthyRx, FailedTx, FailedRx;
            public List<VNFlowResult> Moved;
        }

        internal sealed class SwitchTraffic
        {
            public VNVirtualSwitch VirtualSwitch;
            public IReadOnlyList<VNUplink> Uplinks;
            public string Configured;
            public List<OptionTraffic> Options = new List<OptionTraffic>();
        }

        static List<SwitchTraffic> CompareTraffic(IReadOnlyList<VNHost> hosts, VNFlowList flows, List<string> warnings)
        {
            var inReport = new HashSet<VNVirtualSwitch>(hosts.SelectMany(h => h.VirtualSwitches));
            var switches = flows.Sources.Select(s => s.Adapter.PortGroup?.VirtualSwitch).Where(s => s != null).Distinct().ToList();
            foreach (var vs in switches.Where(s => !inReport.Contains(s)))
                warnings.Add($"Flows from {vs.Path} are left out of the traffic section: its host is not in the report.");
            var list = new List<SwitchTraffic>();
            foreach (var vswitch in switches.Where(inReport.Contains))
            {
                try
                {
                    var options = TeamingOption.For(vswitch);
                    var rows = TeamingComparison.Compare(vswitch, flows, options);
                    var simulation = new TrafficSimulation(new[] { vswitch }, flows);
                    var model = simulation.Model;
                    var entry = new SwitchTraffic { VirtualSwitch = vswitch, Uplinks = model.Uplinks, Configured = vswitch.PortGroups.Count > 0 ? TeamingOption.Of(vswitch.PortGroups[0]).ToString() : null };
                    foreach (var row in rows)
                    {
                        var healthy = simulation.RunOnce(new UplinkState[model.Uplinks.Length], row.Teaming, false);
                        var state = new UplinkState[model.Uplinks.Length];
                        int worst = row.WorstSingleFailureUplink == null ? -1 : model.IndexOf(row.WorstSingleFailureUplink);
                        if (worst >= 0) state[worst] = UplinkState.Failed;
                        var failed = simulation.RunOnce(state, row.Teaming, false);
                        var result = new VNTrafficResult(model, failed, healthy, new TrafficScenario { LoadBalancingPolicy = row.Teaming.LoadBalancingPolicy });
                        var moved = new List<VNFlowResult>();
                        for (int f = 0; f < result.FlowCount && moved.Count <= MaxMovedFlows; f++)
                            if (result.Flows[f].Moved) moved.Add(result.Flows[f]);
                        entry.Options.Add(new OptionTraffic
                        {
                            Row = row,
                            HealthyTx = healthy.TxMbps.ToArray(),
                            HealthyRx = healthy.RxMbps.ToArray(),
                            FailedTx = failed.TxMbps.ToArray(),
                            FailedRx = failed.RxMbps.ToArray(),
                            Moved = moved,
                        });
                    }
                    list.Add(entry);
                }
                catch (VirtNetException e)
                {
                    warnings.Add($"Traffic of {vswitch.Path} is left out: {e.Message}");
                }
            }
            return list;
        }

        // ---- Writing ----

        sealed class Writer
        {
            readonly HtmlWriter _w;
            readonly ConfigContents _contents;
            readonly ReportSettings _settings;
            readonly VNReport _report;
            readonly List<SwitchTraffic> _traffic;
            readonly List<(VNCluster Cluster, IReadOnlyList<VNFailureScenario> Scenarios, List<VNHaIsolationResult> Results)> _ha;
            readonly double _axis;
            readonly Proposals _proposals;
            readonly Dictionary<DiagramNode, string> _ids = new Dictionary<DiagramNode, string>();
            readonly Dictionary<string, string> _idByPath = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            readonly Dictionary<VNHaIsolationResult, string> _stripIds = new Dictionary<VNHaIsolationResult, string>();
            int _next;

            public Writer(HtmlWriter w, ConfigContents contents, ReportSettings settings, VNReport report, List<SwitchTraffic> traffic,
                List<(VNCluster, IReadOnlyList<VNFailureScenario>, List<VNHaIsolationResult>)> ha, double axis, Proposals proposals)
            {
                _proposals = proposals;
                _w = w;
                _contents = contents;
                _settings = settings;
                _report = report;
                _traffic = traffic;
                _ha = ha;
                _axis = axis;
            }

            string NewId() => "n" + (++_next).ToString(CultureInfo.InvariantCulture);

            public void Write()
            {
                AssignIds();
                var title = string.IsNullOrWhiteSpace(_settings.Title) ? "VirtNet network report" : _settings.Title;
                _w.Markup("<!DOCTYPE html>\n").Open("html", "lang", "en").Open("head").Empty("meta", "charset", "utf-8")
                    .Empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                    .Element("title", title).Open("style").Markup(Css).Close("style").Close("head").Line();
                _w.Open("body");
                Header(title);
                Topology();
                Traffic();
                Findings();
                HighAvailability();
                MacAddresses();
                Changes();
                if (_report.Warnings.Count > 0)
                {
                    _w.Open("section", "id", "notes").Element("h2", "Left out");
                    _w.Open("ul");
                    foreach (var warning in _report.Warnings) _w.Element("li", warning);
                    _w.Close("ul").Close("section");
                }
                _w.Close("body").Close("html").Line();
            }

            void AssignIds()
            {
                foreach (var diagram in _report.Diagrams)
                    foreach (var node in diagram.Nodes)
                    {
                        if (node.Kind == DiagramNodeKind.Role || !node.IsPrimary) continue;
                        var id = NewId();
                        _ids[node] = id;
                        if (node.Path != null && !_idByPath.ContainsKey(node.Path)) _idByPath[node.Path] = id;
                    }
                // Findings name VMkernel adapters and VMs, which the diagrams draw as their port group or host.
                foreach (var host in _contents.Hosts)
                {
                    foreach (var vmk in host.VMKernelAdapters)
                        if (vmk.PortGroup != null && _idByPath.TryGetValue(vmk.PortGroup.Path, out var pg) && !_idByPath.ContainsKey(vmk.Path)) _idByPath[vmk.Path] = pg;
                    foreach (var vm in host.VirtualMachines)
                        if (_idByPath.TryGetValue(host.Path, out var h) && !_idByPath.ContainsKey(host.Path + "/" + vm.Name)) _idByPath[host.Path + "/" + vm.Name] = h;
                }
                for (int c = 0; c < _contents.Clusters.Count; c++)
                    if (!_idByPath.ContainsKey(_contents.Clusters[c].Name)) _idByPath[_contents.Clusters[c].Name] = "cluster" + (c + 1).ToString(CultureInfo.InvariantCulture);
                foreach (var strip in _report.Timelines)
                {
                    var id = NewId();
                    foreach (var r in strip.Results) _stripIds[r] = id;
                }
            }

            /// <summary>The element a finding's target names, or failing that the nearest object above it (esx01/vmk9 -> esx01).</summary>
            string IdOf(string target)
            {
                for (var path = target; !string.IsNullOrEmpty(path);)
                {
                    if (_idByPath.TryGetValue(path, out var id)) return id;
                    int slash = path.LastIndexOf('/');
                    path = slash < 0 ? null : path.Substring(0, slash);
                }
                return null;
            }

            // ---- Header ----

            void Header(string title)
            {
                int uplinks = _contents.Hosts.Sum(h => h.Uplinks.Count());
                int vswitches = _contents.Hosts.Sum(h => h.VirtualSwitches.Count);
                int ports = _contents.PhysicalSwitches.Sum(s => s.Ports.Count);
                int channels = _contents.PhysicalSwitches.Sum(s => s.PortChannels.Count);
                int endpoints = _contents.PhysicalSwitches.Sum(s => s.Endpoints.Count);
                _w.Open("header").Element("h1", title);
                var from = new List<string> { Count(_contents.Hosts.Count, "host"), Count(_contents.PhysicalSwitches.Count, "physical switch", "physical switches") };
                if (_contents.Clusters.Count > 0) from.Add(Count(_contents.Clusters.Count, "HA cluster"));
                if (_settings.Flow != null) from.Add(Count(_settings.Flow.Count, "flow"));
                if (_settings.Scenario != null) from.Add(Count(_settings.Scenario.Count, "failure scenario"));
                _w.Element("p", $"Made {_settings.GeneratedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC by VirtNet Export-VNReport from {List(from)}.", "class", "made");
                _w.Open("ul", "class", "counts");
                Fact(_contents.Hosts.Count, "host");
                Fact(vswitches, "virtual switch", "virtual switches");
                Fact(uplinks, "uplink");
                Fact(_contents.PhysicalSwitches.Count, "physical switch", "physical switches");
                Fact(ports, "switch port");
                Fact(channels, "port channel");
                Fact(endpoints, "endpoint");
                foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Information })
                    Fact(_report.Findings.Count(f => f.Severity == severity), severity == Severity.Information ? "note" : severity.ToString().ToLowerInvariant(), null, Sev(severity));
                if (_ha.Count > 0)
                    Fact(_report.IsolationCount, "HA isolation or partition", "HA isolations and partitions", _report.IsolationCount > 0 ? "sev-error" : null);
                _w.Close("ul");
                _w.Open("nav").Open("a", "href", "#topology").Text("Topology").Close("a");
                if (_traffic != null) _w.Open("a", "href", "#traffic").Text("Traffic").Close("a");
                _w.Open("a", "href", "#findings").Text("Configuration check").Close("a");
                if (_ha.Count > 0) _w.Open("a", "href", "#ha").Text("HA").Close("a");
                if (HyperVHosts().Any()) _w.Open("a", "href", "#hyperv").Text("Hyper-V").Close("a");
                if (_proposals.Count > 0) _w.Open("a", "href", "#changes").Text("Proposed changes").Close("a");
                _w.Close("nav").Close("header").Line();
            }

            void Fact(int count, string one, string many = null, string css = null) =>
                _w.Open("li", "class", css).Element("b", count.ToString(CultureInfo.InvariantCulture))
                    .Text(" " + Noun(count, one, many)).Close("li");

            // ---- Topology ----

            void Topology()
            {
                _w.Open("section", "id", "topology").Element("h2", "Topology");
                _w.Element("p", "Hosts with their virtual switches, port groups (numbered) and uplinks; each uplink carries one chip per port group, " +
                    "numbered as the port groups are, saying its role there: A active, S standby, U unused. Cables go to the switch ports, drawn " +
                    "inside their stack member; each port channel is a dashed outline around its member ports (one per stack member it spans). Hover over anything for its path and " +
                    "settings; objects with findings are outlined in the finding's colour.", "class", "legend");
                var severity = new Dictionary<string, Severity>(StringComparer.Ordinal);
                foreach (var f in _report.Findings)
                {
                    var id = IdOf(f.Target);
                    if (id != null && (!severity.TryGetValue(id, out var s) || f.Severity > s)) severity[id] = f.Severity;
                }
                for (int d = 0; d < _report.Diagrams.Count; d++)
                {
                    var diagram = _report.Diagrams[d];
                    int cluster = diagram.Cluster == null ? -1 : IndexOf(_contents.Clusters, diagram.Cluster);
                    bool firstOfCluster = cluster >= 0 && _report.Diagrams.Take(d).All(x => x.Cluster != diagram.Cluster);
                    _w.Open("figure", "class", "diagram", "id", firstOfCluster ? "cluster" + (cluster + 1).ToString(CultureInfo.InvariantCulture) : null);
                    _w.Element("figcaption", diagram.Title);
                    Svg(diagram.Width, diagram.Height, diagram.Title, "topo");
                    foreach (var link in diagram.Links) Link(link);
                    foreach (var node in diagram.Nodes)
                    {
                        _ids.TryGetValue(node, out var id);
                        string css = id != null && severity.TryGetValue(id, out var s) ? Sev(s) : null;
                        string parent = node.Parent != null && _ids.TryGetValue(node.Parent, out var p) ? p : null;
                        Node(node, id, parent, css);
                    }
                    _w.Close("svg").Close("figure").Line();
                }
                SwitchLinks();
                _w.Close("section").Line();
            }

            /// <summary>
            /// The links between the switches, each with the VLANs in which spanning tree blocks one of its ends
            /// (Get-VNSpanningTree, every link and switch up), and the root bridge of each VLAN.
            /// </summary>
            void SwitchLinks()
            {
                var links = _contents.PhysicalSwitches.SelectMany(s => s.SwitchLinks).Distinct().ToList();
                if (links.Count == 0) return;
                var ports = SpanningTree.SpanningTreeView.Compute(_contents.PhysicalSwitches);
                _w.Element("h3", "Switch links and spanning tree");
                _w.Element("p", "Each link between two switches, and where spanning tree blocks it with every link and switch up: the " +
                    "blocked end waits for a failure on the forwarding path (Get-VNSpanningTree lists every end in every VLAN).", "class", "legend");
                _w.Open("table", "class", "links").Open("thead").Open("tr");
                foreach (var h in new[] { "SwitchLink", "PhysicalSwitch", "Port", "PeerSwitch", "PeerPort", "SpeedMbps", "Blocking" }) _w.Element("th", h);
                _w.Close("tr").Close("thead").Open("tbody");
                foreach (var link in links)
                {
                    var blocked = ports.Where(p => p.SwitchLink == link && p.State == SpanningTree.SpanningTreeState.Blocking)
                        .GroupBy(p => p.Path).Select(g => $"{g.Key} in VLAN {VLanList(g.Select(p => p.VLanId))}").ToList();
                    _w.Open("tr", "class", blocked.Count > 0 ? "blocked" : null).Element("td", link.Name).Element("td", link.PhysicalSwitch.Name)
                        .Element("td", link.Port).Element("td", link.PeerSwitch.Name).Element("td", link.PeerPort)
                        .Element("td", link.SpeedMbps.ToString(CultureInfo.InvariantCulture), "class", "num")
                        .Element("td", blocked.Count == 0 ? "none: forwarding in every VLAN" : string.Join("; ", blocked)).Close("tr");
                }
                _w.Close("tbody").Close("table");
                var roots = ports.GroupBy(p => p.RootBridge?.Name ?? "none").Select(g => $"{g.Key} in VLAN {VLanList(g.Select(p => p.VLanId))}").ToList();
                if (roots.Count > 0) _w.Element("p", "Root bridge: " + string.Join("; ", roots) + ".");
            }

            /// <summary>VLAN ids in order, runs as ranges: 1-3, 10.</summary>
            static string VLanList(IEnumerable<int> ids)
            {
                var sorted = ids.Distinct().OrderBy(v => v).ToList();
                var parts = new List<string>();
                for (int i = 0; i < sorted.Count;)
                {
                    int j = i;
                    while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
                    parts.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : sorted[i].ToString(CultureInfo.InvariantCulture) + "-" + sorted[j].ToString(CultureInfo.InvariantCulture));
                    i = j + 1;
                }
                return string.Join(", ", parts);
            }

            void Svg(double width, double height, string label, string css) =>
                _w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", css, "width", HtmlWriter.Number(width), "height", HtmlWriter.Number(height),
                    "viewBox", "0 0 " + HtmlWriter.Number(width) + " " + HtmlWriter.Number(height), "role", "img", "aria-label", label);

            void Link(DiagramLink link)
            {
                string d;
                if (link.Kind == DiagramLinkKind.Cable)
                {
                    double mid = (link.X1 + link.X2) / 2;
                    d = $"M{N(link.X1)} {N(link.Y1)}C{N(mid)} {N(link.Y1)} {N(mid)} {N(link.Y2)} {N(link.X2)} {N(link.Y2)}";
                }
                else d = $"M{N(link.X1)} {N(link.Y1)}H{N(link.X2)}";
                var css = link.Kind == DiagramLinkKind.Cable ? "cable" + (link.From.State == "idle" ? " idle" : "") : "elink";
                _w.Empty("path", "class", css, "d", d);
            }

            void Node(DiagramNode node, string id, string parent, string css)
            {
                var kind = Kind(node.Kind);
                _w.Open("g", "id", id, "class", "n " + kind + (node.State == null ? "" : " " + node.State) + (css == null ? "" : " " + css),
                    "data-kind", kind, "data-path", node.Path, "data-parent", parent);
                if (node.Tooltip != null) _w.Element("title", node.Tooltip);
                var b = node.Box;
                _w.Empty("rect", "x", N(b.X), "y", N(b.Y), "width", N(b.Width), "height", N(b.Height));
                if (!string.IsNullOrEmpty(node.Label))
                {
                    var lb = node.LabelBox;
                    // 10 px is the style sheet's size for svg text; other sizes are written out.
                    _w.Element("text", node.Label, "x", N(node.LabelX), "y", N(node.LabelBaseline), "font-size", node.LabelSize == 10 ? null : N(node.LabelSize),
                        "data-box", $"{N(lb.X)},{N(lb.Y)},{N(lb.Width)},{N(lb.Height)}");
                }
                _w.Close("g");
            }

            static string Kind(DiagramNodeKind kind)
            {
                switch (kind)
                {
                    case DiagramNodeKind.Host: return "host";
                    case DiagramNodeKind.VirtualSwitch: return "vswitch";
                    case DiagramNodeKind.PortGroup: return "portgroup";
                    case DiagramNodeKind.Uplink: return "uplink";
                    case DiagramNodeKind.Role: return "role";
                    case DiagramNodeKind.PhysicalSwitch: return "pswitch";
                    case DiagramNodeKind.StackMember: return "member";
                    case DiagramNodeKind.SwitchPort: return "port";
                    case DiagramNodeKind.PortChannel: return "channel";
                    case DiagramNodeKind.Endpoint: return "endpoint";
                    case DiagramNodeKind.Lane: return "lane";
                    case DiagramNodeKind.Interval: return "interval";
                    case DiagramNodeKind.Moment: return "moment";
                    default: return "tick";
                }
            }

            // ---- Traffic ----

            void Traffic()
            {
                if (_traffic == null) return;
                _w.Open("section", "id", "traffic").Element("h2", "Traffic");
                _w.Element("p", $"The {Count(_settings.Flow.Count, "flow")} given, under every teaming option of each switch they come from, with the " +
                    "physical switch as it is: Tx and Rx utilisation of each uplink, healthy and after the single uplink failure that costs most, " +
                    "and the flows that failure moves.", "class", "legend");
                foreach (var sw in _traffic)
                {
                    _w.Element("h3", sw.VirtualSwitch.Path);
                    _w.Open("table", "class", "traffic").Open("thead").Open("tr");
                    foreach (var h in new[] { "Teaming", "Valid", "Case", "Mbps" }) _w.Element("th", h);
                    foreach (var u in sw.Uplinks) _w.Element("th", u.Name + " " + VirtNet.Report.Topology.Speed(u.SpeedMbps));
                    _w.Element("th", "Moved flows").Close("tr").Close("thead").Open("tbody");
                    foreach (var option in sw.Options)
                    {
                        var row = option.Row;
                        string teaming = row.Teaming.ToString();
                        bool configured = teaming == sw.Configured;
                        _w.Open("tr", "class", "healthy" + (row.Valid ? "" : " invalid"));
                        _w.Open("th", "rowspan", "2", "scope", "rowgroup").Text(teaming);
                        if (configured) _w.Element("span", "configured", "class", "tag");
                        _w.Close("th");
                        _w.Element("td", row.Valid ? "yes" : "no: " + string.Join("; ", row.Reason), "rowspan", "2");
                        _w.Element("td", "healthy").Element("td", N0(row.AggregateThroughputMbps), "class", "num");
                        for (int u = 0; u < sw.Uplinks.Count; u++) Bars(option.HealthyTx[u], option.HealthyRx[u], sw.Uplinks[u].SpeedMbps);
                        _w.Element("td", "").Close("tr");
                        _w.Open("tr", "class", "failed" + (row.Valid ? "" : " invalid"));
                        _w.Element("td", row.WorstSingleFailureUplink == null ? "no uplink to fail" : row.WorstSingleFailureUplink.Name + " fails");
                        _w.Element("td", N0(row.WorstSingleFailureThroughputMbps), "class", "num");
                        for (int u = 0; u < sw.Uplinks.Count; u++)
                        {
                            if (sw.Uplinks[u] == row.WorstSingleFailureUplink) _w.Element("td", "failed", "class", "down");
                            else Bars(option.FailedTx[u], option.FailedRx[u], sw.Uplinks[u].SpeedMbps);
                        }
                        _w.Open("td");
                        if (option.Moved.Count == 0) _w.Text(row.FlowsMovedByWorstFailure == 0 ? "none" : row.FlowsMovedByWorstFailure.ToString(CultureInfo.InvariantCulture));
                        else
                        {
                            _w.Open("details").Element("summary", Count(row.FlowsMovedByWorstFailure, "flow")).Open("ul");
                            foreach (var f in option.Moved.Take(MaxMovedFlows))
                                _w.Element("li", $"{f.Flow}: {f.HealthyUplink?.Name ?? "-"} to {f.Uplink?.Name ?? "-"}");
                            if (row.FlowsMovedByWorstFailure > MaxMovedFlows) _w.Element("li", $"and {row.FlowsMovedByWorstFailure - MaxMovedFlows} more");
                            _w.Close("ul").Close("details");
                        }
                        _w.Close("td").Close("tr");
                    }
                    _w.Close("tbody").Close("table").Line();
                }
                _w.Close("section").Line();
            }

            void Bars(double tx, double rx, int speed)
            {
                double txp = 100 * tx / speed, rxp = 100 * rx / speed;
                _w.Open("td", "class", "bars", "title", $"Tx {N0(tx)} Mbps ({N0(txp)} %), Rx {N0(rx)} Mbps ({N0(rxp)} %)");
                Bar("tx", txp);
                Bar("rx", rxp);
                _w.Close("td");
            }

            void Bar(string css, double percent)
            {
                _w.Open("div", "class", "bar " + css).Empty("span", "style", "width:" + N(Math.Min(100, percent)) + "%")
                    .Element("i", (css == "tx" ? "Tx " : "Rx ") + N0(percent) + "%").Close("div");
            }

            // ---- Findings ----

            void Findings()
            {
                _w.Open("section", "id", "findings").Element("h2", "Configuration check");
                if (_report.Findings.Count == 0)
                    _w.Element("p", "Test-VNConfiguration found nothing to report.");
                else
                    _w.Element("p", "The findings of Test-VNConfiguration by severity. Click a target to highlight it in the topology; " +
                        "Get-Help about_VirtNet_Rules explains each rule.", "class", "legend");
                foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Information })
                {
                    var findings = _report.Findings.Where(f => f.Severity == severity).ToList();
                    if (findings.Count == 0) continue;
                    _w.Element("h3", $"{(severity == Severity.Information ? "Information" : severity + "s")} ({findings.Count})", "class", Sev(severity));
                    _w.Open("table", "class", "findings").Open("thead").Open("tr");
                    foreach (var h in new[] { "RuleId", "Target", "Message", "Recommendation" }) _w.Element("th", h);
                    _w.Close("tr").Close("thead").Open("tbody");
                    foreach (var f in findings)
                    {
                        _w.Open("tr", "class", "finding " + Sev(severity), "data-kind", "finding", "data-rule", f.RuleId);
                        _w.Element("td", f.RuleId);
                        var id = IdOf(f.Target);
                        _w.Open("td");
                        if (id != null) _w.Element("a", f.Target, "href", "#" + id); else _w.Text(f.Target);
                        _w.Close("td").Element("td", f.Message).Element("td", f.Recommendation).Close("tr");
                    }
                    _w.Close("tbody").Close("table").Line();
                }
                _w.Close("section").Line();
            }

            // ---- HA ----

            void HighAvailability()
            {
                if (_ha.Count == 0) return;
                _w.Open("section", "id", "ha").Element("h2", "HA");
                foreach (var (cluster, scenarios, results) in _ha)
                {
                    var hosts = cluster.Hosts;
                    _w.Element("h3", $"Cluster {cluster.Name}: {cluster.HaAgent}, isolation response {cluster.IsolationResponse}");
                    var byScenario = results.GroupBy(r => r.Scenario).ToDictionary(g => g.Key, g => g.ToList());
                    var shown = scenarios.Count <= MaxMatrixScenarios ? scenarios.ToList()
                        : scenarios.Where(s => byScenario.TryGetValue(s, out var rs) && rs.Any(r => r.Verdict != HaVerdict.NotIsolated)).ToList();
                    if (shown.Count < scenarios.Count)
                        _w.Element("p", $"{scenarios.Count - shown.Count} of {scenarios.Count} scenarios left every host not isolated and are not listed.", "class", "legend");
                    _w.Open("table", "class", "matrix").Open("thead").Open("tr").Element("th", "Scenario");
                    foreach (var h in hosts) _w.Element("th", h.Name);
                    _w.Close("tr").Close("thead").Open("tbody");
                    foreach (var scenario in shown)
                    {
                        _w.Open("tr").Element("th", scenario.Name, "scope", "row");
                        byScenario.TryGetValue(scenario, out var rs);
                        foreach (var h in hosts)
                        {
                            var r = rs?.FirstOrDefault(x => x.Host == h);
                            if (r == null) { _w.Element("td", ""); continue; }
                            _w.Open("td", "class", "v-" + r.Verdict.ToString().ToLowerInvariant(), "title", r.Explanation);
                            var text = Verdict(r);
                            if (_stripIds.TryGetValue(r, out var sid)) _w.Element("a", text, "href", "#" + sid); else _w.Text(text);
                            _w.Close("td");
                        }
                        _w.Close("tr");
                    }
                    _w.Close("tbody").Close("table").Line();
                }
                if (_report.Timelines.Count > 0)
                {
                    _w.Element("h3", "Timelines");
                    _w.Element("p", $"Every host isolated or partitioned, on one time axis (0 to {N0(_axis)} s): links down, spanning-tree listening and " +
                        "learning, teaming failover and failback, heartbeats lost, and what HA did. Hover for each event's detail.", "class", "legend");
                }
                foreach (var strip in _report.Timelines)
                {
                    var r = strip.Result;
                    _w.Open("figure", "class", "timeline", "id", _stripIds[r]);
                    var others = strip.Results.Skip(1).Select(x => x.Host.Name).ToList();
                    _w.Element("figcaption", $"{r.Host.Name} in '{r.Scenario.Name}': {r.Verdict}"
                        + (others.Count == 0 ? "" : $"; the same for {List(others)}"));
                    _w.Element("p", r.Explanation + (others.Count == 0 ? "" : $" (The details are those of {r.Host.Name}.)"));
                    Svg(strip.SvgWidth, strip.Height, $"Timeline of {r.Host.Name} in {r.Scenario.Name}", "strip");
                    foreach (var node in strip.Nodes) Node(node, null, null, null);
                    _w.Close("svg").Close("figure").Line();
                }
                _w.Close("section").Line();
            }

            static string Verdict(VNHaIsolationResult r) =>
                r.Verdict == HaVerdict.NotIsolated ? "ok" : r.Verdict + (r.ResponseAt.HasValue ? " " + TimelineStrip.Seconds(r.ResponseAt.Value) + " s" : "");

            // ---- Hyper-V ----

            IEnumerable<VNHost> HyperVHosts() => _contents.Hosts.Where(h => h.Hypervisor == Hypervisor.HyperV);

            void MacAddresses()
            {
                var hosts = HyperVHosts().ToList();
                if (hosts.Count == 0) return;
                _w.Open("section", "id", "hyperv").Element("h2", "Hyper-V MAC address pools");
                _w.Open("table", "class", "pools").Open("thead").Open("tr");
                foreach (var h in new[] { "Host", "MacAddressMinimum", "MacAddressMaximum", "Source", "InUse", "Free" }) _w.Element("th", h);
                _w.Close("tr").Close("thead").Open("tbody");
                foreach (var host in hosts)
                {
                    _w.Open("tr").Element("td", host.Name);
                    if (host.MacAddressMinimum == null)
                        _w.Element("td", "no pool: the host has no IP address to derive one from", "colspan", "5");
                    else
                    {
                        var pool = host.GetMacAddressPool();
                        _w.Element("td", pool.MacAddressMinimum.ToHyphenString()).Element("td", pool.MacAddressMaximum.ToHyphenString())
                            .Element("td", pool.Source.ToString()).Element("td", pool.InUse.ToString(CultureInfo.InvariantCulture), "class", "num")
                            .Element("td", pool.Free.ToString(CultureInfo.InvariantCulture), "class", "num");
                    }
                    _w.Close("tr");
                }
                _w.Close("tbody").Close("table");
                var conflicts = VNMacAddressConflict.Find(hosts);
                if (conflicts.Count == 0) _w.Element("p", "Test-VNMacAddressConflict finds no collision among these hosts.");
                else
                {
                    _w.Element("h3", Count(conflicts.Count, "collision"), "class", "sev-error");
                    _w.Open("table", "class", "conflicts").Open("thead").Open("tr");
                    foreach (var h in new[] { "Kind", "MacAddress", "Hosts", "VirtualMachines", "Message", "Recommendation" }) _w.Element("th", h);
                    _w.Close("tr").Close("thead").Open("tbody");
                    foreach (var c in conflicts)
                        _w.Open("tr", "class", "conflict").Element("td", c.Kind.ToString()).Element("td", c.MacAddress)
                            .Element("td", string.Join(", ", c.Hosts.Select(h => h.Name))).Element("td", string.Join(", ", c.VirtualMachines.Select(v => v.Name)))
                            .Element("td", c.Message).Element("td", c.Recommendation).Close("tr");
                    _w.Close("tbody").Close("table");
                }
                _w.Close("section").Line();
            }

            // ---- Proposed changes ----

            void Changes()
            {
                if (_proposals.Count == 0) return;
                _w.Open("section", "id", "changes").Element("h2", "Proposed changes");
                _w.Element("p", "What the planners propose, each verified by simulating it: before is the model as it is, after is the model with " +
                    "the change made. A change marked applied is in the model already, so the rest of this report shows it.", "class", "legend");
                TeamingChanges();
                HaChanges();
                AddressChanges();
                _w.Close("section").Line();
            }

            void TeamingChanges()
            {
                if (_proposals.Teaming.Count == 0) return;
                _w.Element("h3", "Teaming (Optimize-VNTeaming)");
                _w.Open("table", "class", "changes").Open("thead").Open("tr");
                foreach (var h in new[] { "PortGroup", "Before", "After", "ThroughputMbps", "WorstSingleFailureThroughputMbps", "MaxUtilizationPercent", "State" })
                    _w.Element("th", h);
                _w.Close("tr").Close("thead").Open("tbody");
                foreach (var p in _proposals.Teaming)
                {
                    _w.Open("tr", "class", p.Changed ? "changed" : "kept").Element("th", p.PortGroup.Path, "scope", "row");
                    _w.Element("td", Teaming(p.LoadBalancingPolicyBefore, p.ActiveNicBefore, p.StandbyNicBefore));
                    _w.Element("td", p.Changed ? Teaming(p.LoadBalancingPolicy, p.ActiveNic, p.StandbyNic) : "unchanged");
                    BeforeAfter(p.ThroughputMbpsBefore, p.ThroughputMbps, higherIsBetter: true);
                    BeforeAfter(p.WorstSingleFailureThroughputMbpsBefore, p.WorstSingleFailureThroughputMbps, higherIsBetter: true);
                    BeforeAfter(p.MaxUtilizationPercentBefore, p.MaxUtilizationPercent, higherIsBetter: false);
                    _w.Open("td").Text(!p.Changed ? "kept" : p.Applied ? "applied" : "proposed");
                    if (p.Reason != null) _w.Element("div", p.Reason, "class", "why");
                    _w.Close("td").Close("tr");
                }
                _w.Close("tbody").Close("table").Line();
            }

            static string Teaming(LoadBalancingPolicy policy, string[] active, string[] standby) =>
                $"{policy}; active {(active.Length == 0 ? "none" : string.Join(", ", active))}" + (standby.Length == 0 ? "" : $"; standby {string.Join(", ", standby)}");

            /// <summary>A number before and after, coloured by whether the change makes it better.</summary>
            void BeforeAfter(double before, double after, bool higherIsBetter)
            {
                var css = Math.Abs(after - before) < 0.05 ? "num same" : (after > before) == higherIsBetter ? "num better" : "num worse";
                _w.Element("td", N0(before) + " \u2192 " + N0(after), "class", css);
            }

            void HaChanges()
            {
                if (_proposals.Ha.Count == 0) return;
                foreach (var (cluster, scenarios, before) in _ha)
                {
                    var changes = _proposals.Ha.Where(c => c.Cluster == cluster).ToList();
                    if (changes.Count == 0) continue;
                    _w.Element("h3", $"HA isolation of cluster {cluster.Name} (Optimize-VNHaIsolation)");
                    _w.Open("table", "class", "changes").Open("thead").Open("tr");
                    foreach (var h in new[] { "Kind", "Target", "From", "To", "Fixes", "State" }) _w.Element("th", h);
                    _w.Close("tr").Close("thead").Open("tbody");
                    foreach (var c in changes)
                    {
                        _w.Open("tr").Element("td", c.Kind.ToString()).Element("td", c.Target).Element("td", c.From ?? "").Element("td", c.To ?? "");
                        _w.Element("td", c.Fixes.Length == 0 ? "" : string.Join("; ", c.Fixes));
                        _w.Open("td").Text(c.Applied ? "applied" : c.CanApply ? "proposed" : "suggestion");
                        if (c.Reason != null) _w.Element("div", c.Reason, "class", "why");
                        _w.Close("td").Close("tr");
                    }
                    _w.Close("tbody").Close("table");

                    // Before and after, for every scenario in which some host does not end NotIsolated either way.
                    var after = _report.HaResultsAfter[cluster].ToDictionary(r => (r.Host, r.Scenario));
                    var rows = scenarios.Where(s => before.Any(r => r.Scenario == s && r.Verdict != HaVerdict.NotIsolated)
                        || after.Values.Any(r => r.Scenario == s && r.Verdict != HaVerdict.NotIsolated)).ToList();
                    if (rows.Count == 0) continue;
                    _w.Element("p", "Before \u2192 after the changes, in the scenarios where a host is isolated, partitioned or failed either way:", "class", "legend");
                    _w.Open("table", "class", "matrix").Open("thead").Open("tr").Element("th", "Scenario");
                    foreach (var h in cluster.Hosts) _w.Element("th", h.Name);
                    _w.Close("tr").Close("thead").Open("tbody");
                    foreach (var scenario in rows)
                    {
                        _w.Open("tr").Element("th", scenario.Name, "scope", "row");
                        foreach (var h in cluster.Hosts)
                        {
                            var b = before.FirstOrDefault(r => r.Host == h && r.Scenario == scenario);
                            if (b == null || !after.TryGetValue((h, scenario), out var a)) { _w.Element("td", ""); continue; }
                            bool same = b.Verdict == a.Verdict;
                            _w.Element("td", same ? Verdict(a) : Verdict(b) + " \u2192 " + Verdict(a),
                                "class", "v-" + a.Verdict.ToString().ToLowerInvariant() + (same ? "" : " turned"), "title", a.Explanation);
                        }
                        _w.Close("tr");
                    }
                    _w.Close("tbody").Close("table").Line();
                }
            }

            void AddressChanges()
            {
                if (_proposals.Addresses.Count == 0) return;
                _w.Element("h3", "Addresses (Find-VNBalancedAddress)");
                foreach (var group in _proposals.Addresses.GroupBy(p => (p.Source, p.Role)))
                {
                    var first = group.First();
                    _w.Element("p", $"{(first.Role == AddressRole.Destination ? "Targets" : "Source addresses")} for {first.Source.Path} " +
                        $"({first.SourceIPAddress}): {first.UplinksUsed} of {first.UsableUplinks} uplinks used" +
                        (first.ChannelMembers > 0 ? $", {first.MembersUsed} of {first.ChannelMembers} channel members" : "") +
                        $", balance index {N(first.BalanceIndex)}." + (first.Reason == null ? "" : " " + first.Reason));
                    _w.Open("table", "class", "changes").Open("thead").Open("tr");
                    foreach (var h in new[] { "IPAddress", "Uplink", "InboundUplink", "Member", "Status" }) _w.Element("th", h);
                    _w.Close("tr").Close("thead").Open("tbody");
                    foreach (var p in group)
                        _w.Open("tr").Element("td", p.IPAddress.ToString()).Element("td", p.Uplink?.Name ?? "").Element("td", p.InboundUplink?.Name ?? "")
                            .Element("td", p.Member?.Path ?? "").Element("td", p.Status.ToString()).Close("tr");
                    _w.Close("tbody").Close("table").Line();
                }
            }
        }

        static int IndexOf<T>(IReadOnlyList<T> list, T item)
        {
            for (int i = 0; i < list.Count; i++) if (Equals(list[i], item)) return i;
            return -1;
        }

        static string Sev(Severity s) => s == Severity.Error ? "sev-error" : s == Severity.Warning ? "sev-warning" : "sev-info";
        static string N(double v) => HtmlWriter.Number(v);
        static string N0(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        static string Count(int n, string one, string many = null) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + Noun(n, one, many);

        static string Noun(int n, string one, string many) => n == 1 ? one : many ?? one + "s";

        static string List(IList<string> items) =>
            items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

        /// <summary>
        /// The style sheet. System fonts only (nothing to fetch); the diagrams use the monospace family that
        /// <see cref="TextMetrics"/> measures. No '&amp;' or '&lt;' so the document stays well-formed XML.
        /// </summary>
        const string Css = @"
:root{--err:#c62828;--warn:#e07b00;--info:#1565c0;--ok:#2e7d32;--line:#90a4ae;--ink:#1c2833}
body{font:14px/1.45 system-ui,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1800px;padding:0 24px 48px}
header{border-bottom:3px solid #37474f;margin-bottom:8px}
h1{font-size:26px;margin:18px 0 2px}h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid #cfd8dc}h3{font-size:16px;margin:18px 0 6px}
.made{color:#546e7a;margin:0 0 8px}
.counts{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:8px}
.counts li{background:#eceff1;border-radius:4px;padding:4px 10px}.counts b{font-size:18px}
.counts li.sev-error b{color:var(--err)}.counts li.sev-warning b{color:var(--warn)}.counts li.sev-info b{color:var(--info)}
nav{margin:6px 0 10px}nav a{margin-right:16px;color:#1565c0;text-decoration:none;font-weight:600}
.legend{color:#455a64;max-width:1100px}
figure{margin:12px 0 22px;overflow-x:auto}figcaption{font-weight:600;margin-bottom:4px}
svg{max-width:100%;height:auto;font-family:'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace}
svg text{fill:var(--ink);pointer-events:none;font-size:10px}
svg .n rect{stroke:#78909c;stroke-width:1;fill:#fff}
svg .host>rect{fill:#f5f7f8;stroke:#37474f;stroke-width:1.5;rx:6}
svg .vswitch>rect{fill:#e3f2fd;stroke:#64b5f6;rx:4}
svg .portgroup>rect{fill:#fff;stroke:#bbdefb}
svg .uplink>rect{fill:#fff;stroke:#1e88e5}svg .uplink.nocable>rect{stroke-dasharray:3 2;stroke:#b0bec5}svg .uplink.idle>rect{stroke:#b0bec5}
svg .role>rect{stroke:none;rx:2}svg .role.active>rect{fill:#c8e6c9}svg .role.standby>rect{fill:#ffe0b2}svg .role.unused>rect{fill:#eceff1}
svg .pswitch>rect{fill:#f3e5f5;stroke:#6a1b9a;stroke-width:1.5;rx:6}
svg .member>rect{fill:#fbf6fc;stroke:#ba68c8;rx:3}
svg .port>rect{fill:#fff;stroke:#8e24aa}svg .port.nopf>rect{fill:#fff8e1}
svg .channel>rect{fill:none;stroke:#6a1b9a;stroke-width:1.5;stroke-dasharray:5 2;rx:5}svg .channel.lacp>rect{stroke:#00897b}
svg .endpoint>rect{fill:#e8f5e9;stroke:#43a047;rx:10}svg .endpoint.isolation>rect{fill:#fff3e0;stroke:#ef6c00}
svg .cable{fill:none;stroke:#546e7a;stroke-width:1.6}svg .cable.idle{stroke:#b0bec5;stroke-dasharray:4 3}
svg .elink{stroke:#43a047;stroke-width:1.2}
svg .n.sev-info>rect{stroke:var(--info);stroke-width:2}svg .n.sev-warning>rect{stroke:var(--warn);stroke-width:2.5}svg .n.sev-error>rect{stroke:var(--err);stroke-width:3}
svg .n:target>rect{stroke:#d50000;stroke-width:4;fill:#ffebee}
svg .n:hover>rect{stroke-width:3}
svg .lane>rect{fill:#eceff1;stroke:none}svg .tick>rect{fill:#90a4ae;stroke:none}
svg .interval>rect{stroke:none}svg .interval.down>rect{fill:#ef9a9a}svg .interval.listening>rect{fill:#ffe082}svg .interval.learning>rect{fill:#fff59d}
svg .interval.hblost>rect{fill:#cfd8dc}
svg .moment>rect{stroke:none;fill:#546e7a}svg .moment.team>rect{fill:#1e88e5}svg .moment.bad>rect{fill:var(--err)}
table{border-collapse:collapse;margin:6px 0 14px}th,td{border:1px solid #cfd8dc;padding:3px 8px;text-align:left;vertical-align:top}
thead th{background:#eceff1}td.num{text-align:right}
.findings td:first-child{font-family:monospace}.findings tr:target{background:#ffebee}
h3.sev-error{color:var(--err)}h3.sev-warning{color:var(--warn)}h3.sev-info{color:var(--info)}
tr.finding.sev-error td:first-child{border-left:4px solid var(--err)}tr.finding.sev-warning td:first-child{border-left:4px solid var(--warn)}
tr.finding.sev-info td:first-child{border-left:4px solid var(--info)}
.traffic tr.invalid{color:#78909c}.traffic tr.invalid .bar i{color:var(--ink)}.traffic td.down{color:var(--err);font-weight:600}
.tag{background:#1565c0;color:#fff;border-radius:3px;padding:0 5px;margin-left:6px;font-size:11px;font-weight:600}
.bars{min-width:110px}.bar{position:relative;height:12px;background:#eceff1;margin:2px 0;border-radius:2px}
.bar span{display:block;height:100%;border-radius:2px}.bar.tx span{background:#42a5f5}.bar.rx span{background:#66bb6a}
.bar i{position:absolute;left:4px;top:-2px;font-size:10px;font-style:normal}
.matrix td{text-align:center;min-width:56px}.matrix a{color:inherit}
.v-notisolated{background:#e8f5e9;color:#2e7d32}.v-isolated{background:var(--err);color:#fff;font-weight:600}
.v-partitioned{background:#ffb74d;font-weight:600}.v-failed{background:#6a1b9a;color:#fff;font-weight:600}
.timeline:target{outline:3px solid #d50000}
.changes td.better{color:var(--ok);font-weight:600}.changes td.worse{color:var(--err);font-weight:600}.changes td.same{color:#78909c}
.links tr.blocked td:last-child{color:var(--warn);font-weight:600}.changes tr.kept{color:#78909c}.matrix td.turned{font-weight:700;outline:2px solid currentColor;outline-offset:-3px}.changes .why{color:#546e7a;font-size:12px;max-width:520px}
@media print{nav{display:none}figure{break-inside:avoid}}
";
    }
}
