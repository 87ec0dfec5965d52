using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using VirtNet.Rules;

namespace VirtNet.Report
{
    public enum DiagramNodeKind
    {
        Host, VirtualSwitch, PortGroup, Uplink, Role, PhysicalSwitch, StackMember, SwitchPort, PortChannel, Endpoint,
        /// <summary>A row of an HA timeline strip (link, spanning tree, teaming, heartbeats, HA).</summary>
        Lane,
        /// <summary>Something that lasts on a timeline strip: a link down, listening, learning, heartbeats lost.</summary>
        Interval,
        /// <summary>Something that happens at one time on a timeline strip: a failover, isolation declared.</summary>
        Moment,
        /// <summary>A second mark of a timeline's time axis.</summary>
        Tick,
    }

    /// <summary>A box of a diagram with its label: a host, vSwitch, uplink, switch port ... or a role chip.</summary>
    public sealed class DiagramNode
    {
        internal DiagramNode(DiagramNodeKind kind, DiagramNode parent, Box box, string path, object model)
        {
            Kind = kind;
            Parent = parent;
            Box = box;
            Path = path;
            Model = model;
        }

        public DiagramNodeKind Kind { get; }
        /// <summary>The node whose box holds this one (a vSwitch's host, a port's stack member); null at the top.</summary>
        public DiagramNode Parent { get; }
        public Box Box { get; }
        /// <summary>The object's path as findings name it (esx01/vSwitch1/vmnic0, core1/Gi1/0/1).</summary>
        public string Path { get; }
        public object Model { get; }
        public string Label { get; private set; }
        public double LabelX { get; private set; }
        public double LabelBaseline { get; private set; }
        public double LabelSize { get; private set; }
        public Box LabelBox => TextMetrics.LabelBox(Label, LabelSize, LabelX, LabelBaseline);
        /// <summary>What hovering shows: the path and the facts behind the picture.</summary>
        public string Tooltip { get; internal set; }
        /// <summary>Style classes beyond the kind: a role (active, standby, unused) or a state (nocable, nopf).</summary>
        public string State { get; internal set; }
        /// <summary>False for a switch or its members drawn again in a later diagram: the first drawing is the one findings link to.</summary>
        public bool IsPrimary { get; internal set; } = true;

        internal DiagramNode WithLabel(string text, double size, double maxWidth, double x, double baseline)
        {
            Label = TextMetrics.Fit(text, size, maxWidth);
            LabelSize = size;
            LabelX = x;
            LabelBaseline = baseline;
            return this;
        }

        public override string ToString() => Kind + " " + Path;
    }

    public enum DiagramLinkKind { Cable, Endpoint }

    /// <summary>A line of a diagram: an uplink's cable to its switch port, or an endpoint's link to its switch.</summary>
    public sealed class DiagramLink
    {
        internal DiagramLink(DiagramLinkKind kind, DiagramNode from, DiagramNode to, double x1, double y1, double x2, double y2)
        {
            Kind = kind;
            From = from;
            To = to;
            X1 = x1;
            Y1 = y1;
            X2 = x2;
            Y2 = y2;
        }

        public DiagramLinkKind Kind { get; }
        public DiagramNode From { get; }
        public DiagramNode To { get; }
        public double X1 { get; }
        public double Y1 { get; }
        public double X2 { get; }
        public double Y2 { get; }
    }

    /// <summary>One picture of the topology: a group of hosts with the physical switches they are cabled to.</summary>
    public sealed class TopologyDiagram
    {
        internal TopologyDiagram(string title, VNCluster cluster) { Title = title; Cluster = cluster; }

        public string Title { get; }
        /// <summary>The HA cluster the hosts belong to; null for hosts in no cluster given.</summary>
        public VNCluster Cluster { get; }
        public double Width { get; internal set; }
        public double Height { get; internal set; }
        public List<DiagramNode> Nodes { get; } = new List<DiagramNode>();
        public List<DiagramLink> Links { get; } = new List<DiagramLink>();

        /// <summary>Cables whose lines cross: a measure of how readable the ordering of ports and switches made it.</summary>
        public int CountCrossings()
        {
            var cables = Links.Where(l => l.Kind == DiagramLinkKind.Cable).ToList();
            int crossings = 0;
            for (int i = 0; i < cables.Count; i++)
                for (int j = i + 1; j < cables.Count; j++)
                    // Every cable runs from the host column to the switch column, so two cross when their ends swap order.
                    if ((cables[i].Y1 - cables[j].Y1) * (cables[i].Y2 - cables[j].Y2) < 0) crossings++;
            return crossings;
        }
    }

    /// <summary>
    /// Lays out the topology: hosts in a column (each with its vSwitches, their port groups and uplinks, and one
    /// role chip per uplink and team), the physical switches in a second column (stack members inside the stack,
    /// switch ports inside the members, an outline around the ports of each port channel), endpoints in a third. Hosts
    /// are grouped by HA cluster, then by the switches they are cabled to, at most <see cref="MaxHostsPerDiagram"/>
    /// to a diagram (16 would make the cables of one switch fan in from too far). Ports are ordered by the height of the uplinks cabled to them and switches by the average
    /// height of theirs, which keeps cables from crossing. Every box is placed by construction beside or inside
    /// another, never across one.
    /// </summary>
    public static class TopologyLayout
    {
        public const int MaxHostsPerDiagram = 8;
        const double Font = 12, Small = 10, Row = 20, Pad = 8, Gap = 12, CableGap = 170, EndpointGap = 70;
        const double ChipWidth = 20, ChipGap = 2, ItemHeight = 16, MaxPortGroupLabel = 32;

        public static IReadOnlyList<TopologyDiagram> Build(IReadOnlyList<VNHost> hosts, IReadOnlyList<VNPhysicalSwitch> physicalSwitches,
            IReadOnlyList<VNCluster> clusters)
        {
            var inReport = new HashSet<VNHost>(hosts);
            var isolationAddresses = IsolationAddresses(clusters);
            var drawn = new HashSet<VNPhysicalSwitch>();
            var diagrams = new List<TopologyDiagram>();
            foreach (var (title, cluster, members) in Groups(hosts, clusters))
            {
                var switches = members.SelectMany(h => h.Uplinks).Select(u => u.PhysicalSwitch).Where(s => s != null).Distinct().ToList();
                diagrams.Add(LayOut(new TopologyDiagram(title, cluster), members, switches, drawn, inReport, isolationAddresses));
            }
            var alone = physicalSwitches.Where(s => !drawn.Contains(s)).ToList();
            if (alone.Count > 0)
                diagrams.Add(LayOut(new TopologyDiagram("Physical switches without hosts in this report", null), new VNHost[0], alone, drawn, inReport, isolationAddresses));
            return diagrams;
        }

        /// <summary>Clusters first, in the order given; the other hosts by the switch they are cabled to; each group cut into diagrams of at most MaxHostsPerDiagram hosts.</summary>
        static IEnumerable<(string Title, VNCluster Cluster, IReadOnlyList<VNHost> Hosts)> Groups(IReadOnlyList<VNHost> hosts, IReadOnlyList<VNCluster> clusters)
        {
            var placed = new HashSet<VNHost>();
            var groups = new List<(string, VNCluster, List<VNHost>)>();
            foreach (var cluster in clusters)
            {
                var members = cluster.Hosts.Where(h => hosts.Contains(h) && placed.Add(h)).ToList();
                if (members.Count > 0) groups.Add(("Cluster " + cluster.Name, cluster, members));
            }
            var rest = hosts.Where(h => !placed.Contains(h))
                .OrderBy(h => h.Uplinks.Select(u => u.PhysicalSwitch?.Name).FirstOrDefault(n => n != null) ?? "\uffff", TargetComparer.Instance)
                .ThenBy(h => h.Name, TargetComparer.Instance).ToList();
            if (rest.Count > 0) groups.Add((clusters.Count > 0 ? "Hosts in no cluster" : "Hosts", null, rest));
            foreach (var (title, cluster, members) in groups)
            {
                if (members.Count <= MaxHostsPerDiagram)
                {
                    yield return (title, cluster, members);
                    continue;
                }
                for (int start = 0; start < members.Count; start += MaxHostsPerDiagram)
                {
                    int end = Math.Min(members.Count, start + MaxHostsPerDiagram);
                    yield return ($"{title}: hosts {start + 1} to {end} of {members.Count}", cluster, members.GetRange(start, end - start));
                }
            }
        }

        /// <summary>The addresses HA pings: each cluster's das.isolationaddress values, and its hosts' gateways when the default address is used.</summary>
        static HashSet<IPv4Address> IsolationAddresses(IReadOnlyList<VNCluster> clusters)
        {
            var addresses = new HashSet<IPv4Address>();
            foreach (var cluster in clusters)
            {
                foreach (var a in cluster.IsolationAddress) addresses.Add(a);
                if (!cluster.UseDefaultIsolationAddress) continue;
                foreach (var host in cluster.Hosts)
                    foreach (var vmk in host.VMKernelAdapters)
                        if (vmk.Gateway.HasValue) addresses.Add(vmk.Gateway.Value);
            }
            return addresses;
        }

        static TopologyDiagram LayOut(TopologyDiagram diagram, IReadOnlyList<VNHost> hosts, List<VNPhysicalSwitch> switches,
            HashSet<VNPhysicalSwitch> drawn, HashSet<VNHost> inReport, HashSet<IPv4Address> isolationAddresses)
        {
            var uplinkNodes = new Dictionary<VNUplink, DiagramNode>();
            double hostsRight = LayOutHosts(diagram, hosts, uplinkNodes);
            var groupHosts = new HashSet<VNHost>(hosts);
            double switchX = hosts.Count == 0 ? Pad : hostsRight + CableGap;

            // Ports to draw per switch, and the height each would like to sit at (its uplink's middle).
            var plans = new List<SwitchPlan>();
            foreach (var sw in switches)
            {
                bool first = !drawn.Contains(sw);
                var ports = sw.Ports.Where(p => p.Uplink != null && groupHosts.Contains(p.Uplink.Host)
                    || first && (p.Uplink == null || !inReport.Contains(p.Uplink.Host))).ToList();
                plans.Add(new SwitchPlan(sw, first, ports, uplinkNodes));
                drawn.Add(sw);
            }
            double endpointX = switchX;
            double y = Pad;
            foreach (var plan in plans.OrderBy(p => p.Wanted).ThenBy(p => p.Switch.Name, TargetComparer.Instance))
            {
                double top = double.IsPositiveInfinity(plan.Wanted) ? y : Math.Max(y, plan.Wanted - plan.Height / 2);
                double right = plan.Place(diagram, switchX, top, uplinkNodes);
                endpointX = Math.Max(endpointX, right);
                y = top + plan.Height + Gap;
            }
            double width = endpointX;
            foreach (var plan in plans.Where(p => p.First))
                width = Math.Max(width, PlaceEndpoints(diagram, plan, endpointX + EndpointGap, isolationAddresses));
            diagram.Width = width + Pad;
            diagram.Height = diagram.Nodes.Count == 0 ? Row : diagram.Nodes.Max(n => n.Box.Bottom) + Pad;
            return diagram;
        }

        // ---- Hosts ----

        static double LayOutHosts(TopologyDiagram diagram, IReadOnlyList<VNHost> hosts, Dictionary<VNUplink, DiagramNode> uplinkNodes)
        {
            if (hosts.Count == 0) return 0;
            var switches = hosts.SelectMany(h => h.VirtualSwitches).ToList();
            var orders = switches.ToDictionary(s => s, Topology.TeamOrders);
            int chips = orders.Values.Select(o => o.Count).DefaultIfEmpty(1).Max();
            double portGroupWidth = switches.SelectMany(s => s.PortGroups).Select(p => TextMetrics.Width(PortGroupLabel(p, 99), Small))
                .DefaultIfEmpty(0).Max();
            portGroupWidth = Math.Min(portGroupWidth, MaxPortGroupLabel * Small * TextMetrics.EmPerCharacter) + 2 * 4;
            double uplinkNameWidth = switches.SelectMany(s => s.Uplinks).Select(u => TextMetrics.Width(UplinkLabel(u), Small)).DefaultIfEmpty(0).Max();
            double uplinkWidth = 4 + uplinkNameWidth + 6 + chips * (ChipWidth + ChipGap) + 2;
            double switchWidth = Pad / 2 + portGroupWidth + Gap + uplinkWidth + Pad / 2;
            switchWidth = Math.Max(switchWidth, Math.Min(40, switches.Select(s => VirtualSwitchLabel(s).Length).DefaultIfEmpty(0).Max()) * Small * TextMetrics.EmPerCharacter + 2 * Pad);
            double hostWidth = switchWidth + 2 * Pad;
            hostWidth = Math.Max(hostWidth, Math.Min(44, hosts.Select(h => HostLabel(h).Length).Max()) * Font * TextMetrics.EmPerCharacter + 2 * Pad);
            switchWidth = hostWidth - 2 * Pad;

            double x = Pad, y = Pad;
            foreach (var host in hosts)
            {
                double height = Row + host.VirtualSwitches.Sum(s => SwitchHeight(s) + Gap / 2) + Pad / 2;
                var hostNode = Add(diagram, DiagramNodeKind.Host, null, new Box(x, y, hostWidth, height), host.Path, host)
                    .WithLabel(HostLabel(host), Font, hostWidth - 2 * Pad, x + Pad, y + 15);
                hostNode.Tooltip = $"{host.Path}: {host.Hypervisor} {host.Version}" + (host.IPAddress.HasValue ? ", " + host.IPAddress : "");
                double sy = y + Row;
                foreach (var vswitch in host.VirtualSwitches)
                {
                    double sh = SwitchHeight(vswitch);
                    double sx = x + Pad;
                    var switchNode = Add(diagram, DiagramNodeKind.VirtualSwitch, hostNode, new Box(sx, sy, switchWidth, sh), vswitch.Path, vswitch)
                        .WithLabel(VirtualSwitchLabel(vswitch), Small, switchWidth - 2 * Pad, sx + Pad / 2, sy + 13);
                    var teamOrders = orders[vswitch];
                    switchNode.Tooltip = $"{vswitch.Path}: {vswitch.Type}, {Topology.Teaming(vswitch)}, MTU {vswitch.Mtu}";
                    for (int k = 0; k < vswitch.PortGroups.Count; k++)
                    {
                        var pg = vswitch.PortGroups[k];
                        var box = new Box(sx + Pad / 2, sy + Row + k * Row + 2, portGroupWidth, ItemHeight);
                        var node = Add(diagram, DiagramNodeKind.PortGroup, switchNode, box, pg.Path, pg)
                            .WithLabel(PortGroupLabel(pg, k + 1), Small, portGroupWidth - 8, box.X + 4, box.Y + 12);
                        node.Tooltip = $"{pg.Path}: VLAN {pg.VLanId}, {Topology.Teaming(vswitch)}";
                    }
                    double ux = sx + switchWidth - Pad / 2 - uplinkWidth;
                    for (int k = 0; k < vswitch.Uplinks.Count; k++)
                    {
                        var uplink = vswitch.Uplinks[k];
                        var box = new Box(ux, sy + Row + k * Row + 2, uplinkWidth, ItemHeight);
                        var roles = teamOrders.Select(o => o.RoleOf(uplink)).ToList();
                        var node = Add(diagram, DiagramNodeKind.Uplink, switchNode, box, uplink.Path, uplink)
                            .WithLabel(UplinkLabel(uplink), Small, uplinkNameWidth, box.X + 4, box.Y + 12);
                        node.State = uplink.SwitchPort == null ? "nocable" : roles.All(r => r == UplinkRole.Unused) ? "idle" : "up";
                        node.Tooltip = $"{uplink.Path}: {uplink.SpeedMbps} Mbps, {Topology.State(uplink)}"
                            + (uplink.SwitchPort == null ? "" : $", cabled to {uplink.SwitchPort.Path}")
                            + "; " + string.Join(", ", teamOrders.Select((o, i) => $"{o.Name} {roles[i].ToString().ToLowerInvariant()}"));
                        uplinkNodes[uplink] = node;
                        double cx = box.Right - 2 - teamOrders.Count * (ChipWidth + ChipGap);
                        for (int i = 0; i < teamOrders.Count; i++)
                        {
                            var chipBox = new Box(cx + i * (ChipWidth + ChipGap), box.Y + 2, ChipWidth, ItemHeight - 4);
                            var chip = Add(diagram, DiagramNodeKind.Role, node, chipBox, null, null)
                                .WithLabel((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + Topology.Letter(roles[i]), 9, ChipWidth - 2, chipBox.X + 2, chipBox.Y + 9.5);
                            chip.State = roles[i].ToString().ToLowerInvariant();
                            chip.Tooltip = $"{teamOrders[i].Path}: {uplink.Name} {roles[i].ToString().ToLowerInvariant()}";
                        }
                    }
                    sy += sh + Gap / 2;
                }
                y += height + Gap;
            }
            return x + hostWidth;
        }

        static double SwitchHeight(VNVirtualSwitch vswitch) =>
            Row + Math.Max(1, Math.Max(vswitch.PortGroups.Count, vswitch.Uplinks.Count)) * Row + Pad / 2;

        static string HostLabel(VNHost host) =>
            $"{host.Name} \u00b7 {(host.Hypervisor == Hypervisor.HyperV ? "Hyper-V" : host.Hypervisor.ToString())} {host.Version}"
            + (host.IPAddress.HasValue ? " \u00b7 " + host.IPAddress : "");

        static string VirtualSwitchLabel(VNVirtualSwitch vswitch) => vswitch.Name + " \u00b7 " + Topology.Teaming(vswitch);

        static string UplinkLabel(VNUplink uplink) => uplink.Name + " " + Topology.Speed(uplink.SpeedMbps);

        static string PortGroupLabel(VNPortGroup pg, int number) =>
            number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + pg.Name + (pg.VLanId == 0 ? "" : " \u00b7 VLAN " + pg.VLanId);

        // ---- Physical switches ----

        /// <summary>A physical switch to draw: its ports by stack member, in cable order, and its size.</summary>
        sealed class SwitchPlan
        {
            readonly List<List<VNSwitchPort>> _members = new List<List<VNSwitchPort>>();
            readonly double _portWidth, _channelWidth, _memberWidth;

            public SwitchPlan(VNPhysicalSwitch sw, bool first, List<VNSwitchPort> ports, Dictionary<VNUplink, DiagramNode> uplinkNodes)
            {
                Switch = sw;
                First = first;
                double Key(VNSwitchPort p) => p.Uplink != null && uplinkNodes.TryGetValue(p.Uplink, out var n) ? n.Box.CenterY : double.PositiveInfinity;
                // A channel's ports sort together, at the average height of their uplinks, so that each stack member
                // holds them in one run that one outline can go around.
                var channelKey = new Dictionary<VNPortChannel, double>();
                foreach (var group in ports.Where(p => p.PortChannel != null).GroupBy(p => p.PortChannel))
                {
                    var keys = group.Select(Key).Where(k => !double.IsPositiveInfinity(k)).ToList();
                    channelKey[group.Key] = keys.Count == 0 ? double.PositiveInfinity : keys.Average();
                }
                double Order(VNSwitchPort p) => p.PortChannel != null ? channelKey[p.PortChannel] : Key(p);
                var cabled = ports.Select(Key).Where(k => !double.IsPositiveInfinity(k)).ToList();
                Wanted = cabled.Count == 0 ? double.PositiveInfinity : cabled.Average();
                for (int m = 1; m <= sw.Stack; m++)
                    _members.Add(ports.Where(p => Math.Max(1, p.StackMember) == m || (m == 1 && p.StackMember > sw.Stack))
                        .OrderBy(Order).ThenBy(p => p.PortChannel?.Name ?? "", StringComparer.Ordinal).ThenBy(Key)
                        .ThenBy(p => p.Name, TargetComparer.Instance).ToList());
                _portWidth = Math.Max(7, ports.Select(p => p.Name.Length).DefaultIfEmpty(0).Max()) * Small * TextMetrics.EmPerCharacter + 8;
                var channels = ports.Where(p => p.PortChannel != null).Select(p => p.PortChannel).Distinct().ToList();
                _channelWidth = channels.Count == 0 ? 0 : 4 + channels.Max(c => ChannelLabel(c).Length) * Small * TextMetrics.EmPerCharacter + 6;
                double inner = _portWidth + _channelWidth + 6;
                _memberWidth = sw.IsStack ? Math.Max(inner + 2 * Pad, TextMetrics.Width("member 9", Small) + 2 * Pad) : inner;

                int endpoints = first ? sw.Endpoints.Count : 0;
                double body = _members.Sum(m => (sw.IsStack ? Row + Pad / 2 : 0) + Math.Max(sw.IsStack ? 0 : 1, m.Count) * Row) + (sw.IsStack ? (_members.Count - 1) * (Pad / 2) : 0);
                Height = Row + Math.Max(body, endpoints * (Row + 4)) + Pad;
                Width = Math.Max(Pad + _memberWidth + Pad, Math.Min(44, SwitchLabel(sw).Length) * Font * TextMetrics.EmPerCharacter + 2 * Pad);
            }

            public VNPhysicalSwitch Switch { get; }
            public bool First { get; }
            /// <summary>The height the switch's middle would like: the average of its cabled uplinks' middles.</summary>
            public double Wanted { get; }
            public double Height { get; }
            public double Width { get; }
            public DiagramNode Node { get; private set; }

            public double Place(TopologyDiagram diagram, double x, double y, Dictionary<VNUplink, DiagramNode> uplinkNodes)
            {
                var sw = Switch;
                Node = Add(diagram, DiagramNodeKind.PhysicalSwitch, null, new Box(x, y, Width, Height), sw.Path, sw)
                    .WithLabel(SwitchLabel(sw), Font, Width - 2 * Pad, x + Pad, y + 15);
                Node.IsPrimary = First;
                Node.Tooltip = $"{sw.Path}: {sw.Model ?? "switch"}" + (sw.IsStack ? $", stack of {sw.Stack}" : "")
                    + $", spanning tree {sw.SpanningTree}, forward delay {sw.ForwardDelay.TotalSeconds} s, port-channel load-balance {sw.LoadBalance}";
                var drawnChannels = new HashSet<VNPortChannel>();
                double my = y + Row;
                for (int m = 0; m < _members.Count; m++)
                {
                    var parent = Node;
                    double px = x + Pad + 3, py = my;
                    if (sw.IsStack)
                    {
                        double mh = Row + Pad / 2 + _members[m].Count * Row;
                        parent = Add(diagram, DiagramNodeKind.StackMember, Node, new Box(x + Pad, my, _memberWidth, mh), $"{sw.Path}/{m + 1}", sw)
                            .WithLabel($"member {m + 1}", Small, _memberWidth - 2 * 4, x + Pad + 4, my + 13);
                        parent.IsPrimary = First;
                        parent.Tooltip = $"{sw.Path} stack member {m + 1}";
                        px = x + Pad + Pad + 3;
                        py = my + Row;
                        my += mh + Pad / 2;
                    }
                    else my += Math.Max(1, _members[m].Count) * Row;
                    var ports = _members[m];
                    for (int k = 0; k < ports.Count; k++)
                    {
                        var port = ports[k];
                        var box = new Box(px, py + k * Row + 2, _portWidth, ItemHeight);
                        var node = Add(diagram, DiagramNodeKind.SwitchPort, parent, box, port.Path, port)
                            .WithLabel(port.Name, Small, _portWidth - 8, box.X + 4, box.Y + 12);
                        node.State = port.IsPortFastEffective ? "pf" : "nopf";
                        node.Tooltip = $"{port.Path}: {Topology.Describe(port)}" + (port.Uplink == null ? ", nothing cabled" : $", cabled to {port.Uplink.Path}");
                        if (port.Uplink != null && uplinkNodes.TryGetValue(port.Uplink, out var uplinkNode))
                            diagram.Links.Add(new DiagramLink(DiagramLinkKind.Cable, uplinkNode, node, uplinkNode.Box.Right, uplinkNode.Box.CenterY, box.X, box.CenterY));
                    }
                    // Each run of a channel's ports in this member gets an outline around it, labelled beside the ports;
                    // a channel across the stack has one outline in each member it spans.
                    for (int k = 0; k < ports.Count; k++)
                    {
                        var channel = ports[k].PortChannel;
                        if (channel == null || (k > 0 && ports[k - 1].PortChannel == channel)) continue;
                        int end = k;
                        while (end + 1 < ports.Count && ports[end + 1].PortChannel == channel) end++;
                        var box = new Box(px - 3, py + k * Row, _portWidth + _channelWidth + 6, (end - k + 1) * Row);
                        var members = channel.Members.Select(p => p.StackMember).Distinct().Count();
                        var node = Add(diagram, DiagramNodeKind.PortChannel, parent, box, channel.Path, channel)
                            .WithLabel(ChannelLabel(channel), Small, _channelWidth - 6, px + _portWidth + 4, box.CenterY + 4);
                        node.IsPrimary = First && drawnChannels.Add(channel);
                        node.State = channel.IsLacp ? "lacp" : channel.IsPagp ? "pagp" : "static";
                        node.Tooltip = $"{channel.Path}: mode {channel.Mode}, members {string.Join(", ", channel.Members.Select(p => p.Name))}"
                            + (sw.IsStack && members > 1 ? $", across {members} stack members" : "");
                    }
                }
                return x + Width;
            }
        }

        static string SwitchLabel(VNPhysicalSwitch sw) =>
            sw.Name + (sw.Model == null ? "" : " \u00b7 " + sw.Model) + (sw.IsStack ? $" \u00b7 stack of {sw.Stack}" : "");

        static string ChannelLabel(VNPortChannel channel) =>
            channel.Name + " " + (channel.IsLacp ? "LACP" : channel.IsPagp ? "PAgP" : "on");

        static double PlaceEndpoints(TopologyDiagram diagram, SwitchPlan plan, double x, HashSet<IPv4Address> isolationAddresses)
        {
            var endpoints = plan.Switch.Endpoints;
            if (endpoints.Count == 0) return 0;
            var labels = endpoints.Select(e => EndpointLabel(e, isolationAddresses.Contains(e.IPAddress))).ToList();
            double width = Math.Min(48, labels.Max(l => l.Length)) * Small * TextMetrics.EmPerCharacter + 2 * Pad;
            double y = plan.Node.Box.Y + Row;
            for (int k = 0; k < endpoints.Count; k++)
            {
                var e = endpoints[k];
                var box = new Box(x, y + k * (Row + 4), width, Row);
                var node = Add(diagram, DiagramNodeKind.Endpoint, null, box, e.Path, e)
                    .WithLabel(labels[k], Small, width - 2 * Pad, x + Pad, box.Y + 14);
                bool isolation = isolationAddresses.Contains(e.IPAddress);
                node.State = isolation ? "isolation" : e.Role.ToString().ToLowerInvariant();
                node.Tooltip = $"{e.Path}: {e.Role} {e.IPAddress}" + (e.VLanId.HasValue ? $", VLAN {e.VLanId}" : "")
                    + (e.RespondsToPing ? ", answers ping" : ", does not answer ping") + (isolation ? ", HA isolation address" : "");
                diagram.Links.Add(new DiagramLink(DiagramLinkKind.Endpoint, plan.Node, node, plan.Node.Box.Right, box.CenterY, box.X, box.CenterY));
            }
            return x + width;
        }

        static string EndpointLabel(VNEndpoint e, bool isolation) =>
            $"{e.Name} {e.IPAddress} \u00b7 {(isolation ? "isolation address" : e.Role.ToString())}";

        static DiagramNode Add(TopologyDiagram diagram, DiagramNodeKind kind, DiagramNode parent, Box box, string path, object model)
        {
            var node = new DiagramNode(kind, parent, box, path, model);
            diagram.Nodes.Add(node);
            return node;
        }
    }
}
