using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Serialization;

namespace VirtNet.Report
{
    /// <summary>
    /// The topology as a console tree (Show-VNTopology): host, vSwitch, uplink with its role in each port group and
    /// its state, and the switch port and switch it is cabled to; then the physical switches with their port
    /// channels and endpoints. ASCII tree marks as tree --charset=ascii draws them, so every console shows them.
    /// Lines never exceed the width: what does not fit goes to a continuation line, and a single word longer than
    /// the width is cut with "...".
    /// </summary>
    public static class TopologyText
    {
        public const int MinWidth = 40;

        public static IReadOnlyList<string> Lines(ConfigContents contents, int width)
        {
            width = Math.Max(MinWidth, width);
            var lines = new List<string>();
            foreach (var host in contents.Hosts)
            {
                Add(lines, width, "", "", $"{host.Name} ({(host.Hypervisor == Hypervisor.HyperV ? "Hyper-V" : host.Hypervisor.ToString())} {host.Version}"
                    + (host.IPAddress.HasValue ? ", " + host.IPAddress : "") + ")");
                for (int s = 0; s < host.VirtualSwitches.Count; s++)
                {
                    var vswitch = host.VirtualSwitches[s];
                    bool lastSwitch = s == host.VirtualSwitches.Count - 1;
                    Add(lines, width, lastSwitch ? "`-- " : "|-- ", lastSwitch ? "    " : "|   ", $"{vswitch.Name} [{Topology.Teaming(vswitch)}]");
                    string indent = lastSwitch ? "    " : "|   ";
                    var orders = Topology.TeamOrders(vswitch);
                    for (int u = 0; u < vswitch.Uplinks.Count; u++)
                    {
                        var uplink = vswitch.Uplinks[u];
                        bool lastUplink = u == vswitch.Uplinks.Count - 1;
                        string first = indent + (lastUplink ? "`-- " : "|-- "), next = indent + (lastUplink ? "    " : "|   ") + "    ";
                        var port = uplink.SwitchPort;
                        var text = $"{uplink.Name} {Topology.Speed(uplink.SpeedMbps)} {Topology.State(uplink)}"
                            + (port == null ? "" : $" -> {port.PhysicalSwitch.Name} {port.Name}" + PortFacts(port));
                        var roles = string.Join("; ", Enum.GetValues(typeof(UplinkRole)).Cast<UplinkRole>()
                            .Select(r => (Role: r, Teams: orders.Where(o => o.RoleOf(uplink) == r).Select(o => o.Name).ToList()))
                            .Where(x => x.Teams.Count > 0)
                            .Select(x => x.Role.ToString().ToLowerInvariant() + " in " + string.Join(", ", x.Teams)));
                        Add(lines, width, first, next, text + (roles.Length == 0 ? "" : " | " + roles));
                    }
                }
            }
            foreach (var sw in contents.PhysicalSwitches)
            {
                Add(lines, width, "", "", $"{sw.Name} ({sw.Model ?? "switch"}" + (sw.IsStack ? $", stack of {sw.Stack}" : "") + $", {sw.Ports.Count} port(s))");
                var items = sw.PortChannels.Select(c => $"{c.Name} mode {c.Mode}: {string.Join(", ", c.Members.Select(m => m.Name))}")
                    .Concat(sw.Endpoints.Select(e => $"{e.Name} {e.IPAddress} ({e.Role})"))
                    .Concat(sw.SwitchLinks.Select(l => l.PhysicalSwitch == sw ? $"{l.Port} -> {l.PeerSwitch.Name} {l.PeerPort} (switch link, cost {l.Cost})"
                        : l.PeerSwitch == sw ? $"{l.PeerPort} -> {l.PhysicalSwitch.Name} {l.Port} (switch link, cost {l.PeerCost})"
                        : $"{l.PeerPort} (members on its pair peer) -> {l.PhysicalSwitch.Name} {l.Port} (switch link)")).ToList();
                for (int i = 0; i < items.Count; i++)
                {
                    bool last = i == items.Count - 1;
                    Add(lines, width, last ? "`-- " : "|-- ", last ? "    " : "|   ", items[i]);
                }
            }
            return lines;
        }

        static string PortFacts(VNSwitchPort port)
        {
            var facts = new List<string>();
            if (port.PhysicalSwitch.IsStack) facts.Add("member " + Math.Max(1, port.StackMember));
            if (port.PortChannel != null) facts.Add(port.PortChannel.Name + " " + port.PortChannel.Mode);
            facts.Add(port.Mode == SwitchPortMode.Trunk ? "trunk" : "access " + port.AccessVLan);
            facts.Add(port.IsPortFastEffective ? "PortFast" : "no PortFast");
            return " (" + string.Join(", ", facts) + ")";
        }

        /// <summary>Adds <paramref name="text"/> after <paramref name="first"/>, wrapping at word boundaries onto lines that start with <paramref name="next"/>.</summary>
        static void Add(List<string> lines, int width, string first, string next, string text)
        {
            string prefix = first;
            var line = new System.Text.StringBuilder(prefix);
            bool empty = true;
            foreach (var word in text.Split(' '))
            {
                if (!empty && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    prefix = next + "  ";
                    line.Clear().Append(prefix);
                    empty = true;
                }
                if (!empty) line.Append(' ');
                int room = width - line.Length;
                line.Append(word.Length <= room ? word : room > 3 ? word.Substring(0, room - 3) + "..." : word.Substring(0, Math.Max(0, room)));
                empty = false;
            }
            lines.Add(line.ToString());
        }
    }
}
