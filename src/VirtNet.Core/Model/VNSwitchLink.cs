using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// A link between two physical switches: a cable from a port of one to a port of the other, or a port channel
    /// of one to a port channel of the other (members cabled in order). A side that is a multi-chassis channel of a
    /// vPC or MLAG pair reaches both peers. Spanning tree sees the link as one port on each side.
    /// </summary>
    public sealed class VNSwitchLink
    {
        VNSwitchLink(VNPhysicalSwitch physicalSwitch, string port, IReadOnlyList<VNSwitchPort> ports,
            VNPhysicalSwitch peerSwitch, string peerPort, IReadOnlyList<VNSwitchPort> peerPorts)
        {
            PhysicalSwitch = physicalSwitch;
            Port = port;
            Ports = ports;
            PeerSwitch = peerSwitch;
            PeerPort = peerPort;
            PeerPorts = peerPorts;
        }

        public VNPhysicalSwitch PhysicalSwitch { get; }
        /// <summary>The port on <see cref="PhysicalSwitch"/>: a physical port (Gi1/0/49) or a port channel (Po1).</summary>
        public string Port { get; }
        public VNPhysicalSwitch PeerSwitch { get; }
        public string PeerPort { get; }
        /// <summary>The member ports on this side; for a multi-chassis channel, those of both peers.</summary>
        public IReadOnlyList<VNSwitchPort> Ports { get; }
        public IReadOnlyList<VNSwitchPort> PeerPorts { get; }
        public VNPortChannel PortChannel => PhysicalSwitch.FindPortChannel(Port);
        public VNPortChannel PeerPortChannel => PeerSwitch.FindPortChannel(PeerPort);
        /// <summary>The sum of the cables' speeds (each cable runs at the slower of its two ports' nominal speeds).</summary>
        public int SpeedMbps => Ports.Zip(PeerPorts, (a, b) => Math.Min(SwitchPortName.NominalSpeedMbps(a.Name), SwitchPortName.NominalSpeedMbps(b.Name))).Sum();
        /// <summary>The path cost of this side's port: its spanning-tree cost if set, else the short cost of the link's speed.</summary>
        public int Cost => CostOf(Ports, SpeedMbps);
        public int PeerCost => CostOf(PeerPorts, SpeedMbps);
        public bool IsRemoved { get; private set; }
        public string Name => PhysicalSwitch.Name + "/" + Port + "-" + PeerSwitch.Name + "/" + PeerPort;
        public string Path => Name;

        /// <summary>The switches the link touches: both ends, and the pair peers of a multi-chassis side.</summary>
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches => Ports.Concat(PeerPorts).Select(p => p.PhysicalSwitch).Distinct().ToList();

        static int CostOf(IReadOnlyList<VNSwitchPort> ports, int speedMbps) =>
            ports[0].SpanningTreeCost ?? SpanningTreeCosts.Short(speedMbps);

        /// <summary>
        /// Links a port (or port channel) of one switch to a port (or port channel) of another. Every check comes
        /// before anything changes: a refused link leaves both switches as they were.
        /// </summary>
        public static VNSwitchLink Create(VNPhysicalSwitch physicalSwitch, string port, VNPhysicalSwitch peerSwitch, string peerPort)
        {
            if (physicalSwitch == null || peerSwitch == null)
                throw Invalid("A switch link needs -PhysicalSwitch and -PeerSwitch.", physicalSwitch ?? peerSwitch);
            if (physicalSwitch == peerSwitch)
                throw Invalid($"A switch link joins two different switches; both ends are '{physicalSwitch.Name}'.", physicalSwitch);
            if (physicalSwitch.Pair != null && physicalSwitch.Pair == peerSwitch.Pair)
                throw Invalid($"'{physicalSwitch.Name}' and '{peerSwitch.Name}' are the peers of {physicalSwitch.Pair.Kind} pair '{physicalSwitch.Pair.Name}'; " +
                    "the link between them is the peer link (New-VNSwitchPair -PeerLink).", peerSwitch);
            var side = Side(physicalSwitch, port, out var shortName);
            var peerSide = Side(peerSwitch, peerPort, out var peerShortName);
            bool channel = shortName.StartsWith("Po", StringComparison.Ordinal), peerChannel = peerShortName.StartsWith("Po", StringComparison.Ordinal);
            if (channel != peerChannel)
                throw Invalid($"{physicalSwitch.Name}/{shortName} is {(channel ? "a port channel" : "a physical port")} and {peerSwitch.Name}/{peerShortName} " +
                    $"{(peerChannel ? "a port channel" : "a physical port")}. Link a port to a port, or a port channel to a port channel.", port);
            if (side.Count != peerSide.Count)
                throw Invalid($"{physicalSwitch.Name}/{shortName} has {side.Count} member(s) and {peerSwitch.Name}/{peerShortName} has {peerSide.Count}; " +
                    "the members are cabled one to one, so both channels need the same number.", port);
            if (side.Intersect(peerSide).Any())
                throw Invalid($"{physicalSwitch.Name}/{shortName} and {peerSwitch.Name}/{peerShortName} share member ports.", port);
            var ports = side.Select(p => p.Switch.GetOrAddPort(p.Name)).ToList();
            var peerPorts = peerSide.Select(p => p.Switch.GetOrAddPort(p.Name)).ToList();
            var link = new VNSwitchLink(physicalSwitch, shortName, ports, peerSwitch, peerShortName, peerPorts);
            foreach (var p in ports.Concat(peerPorts)) p.SwitchLink = link;
            foreach (var s in link.PhysicalSwitches) s.AddLink(link);
            return link;
        }

        /// <summary>Takes the link out of its switches; its ports stay, free for other use.</summary>
        public void Remove()
        {
            if (IsRemoved) return;
            foreach (var p in Ports.Concat(PeerPorts)) if (p.SwitchLink == this) p.SwitchLink = null;
            foreach (var s in PhysicalSwitches) s.RemoveLink(this);
            IsRemoved = true;
        }

        /// <summary>The member ports of one side, checked but not created: the channel's (both peers' for a multi-chassis channel) or the one port.</summary>
        static List<(VNPhysicalSwitch Switch, string Name)> Side(VNPhysicalSwitch physicalSwitch, string port, out string shortName)
        {
            shortName = SwitchPortName.Normalize(port);
            List<(VNPhysicalSwitch Switch, string Name)> members;
            if (shortName.StartsWith("Po", StringComparison.Ordinal))
            {
                var channel = physicalSwitch.FindPortChannel(shortName)
                    ?? throw Names.NotFound(ErrorIds.SwitchPortNotFound, "port channel", port, "physical switch " + physicalSwitch.Name, physicalSwitch.PortChannels, c => c.Name);
                members = channel.AllMembers.Select(m => (m.PhysicalSwitch, m.Name)).ToList();
            }
            else members = new List<(VNPhysicalSwitch, string)> { (physicalSwitch, physicalSwitch.NormalizePortName(shortName)) };
            var pair = physicalSwitch.Pair;
            foreach (var (sw, name) in members)
            {
                var existing = sw.FindPort(name);
                if (existing == null) continue;
                string path = existing.Path;
                if (existing.Uplink != null)
                    throw InUse($"Port '{path}' is cabled to host uplink {existing.Uplink.Path}; it cannot also link to a switch.", name);
                if (existing.SwitchLink != null)
                    throw InUse($"Port '{path}' is already a port of switch link {existing.SwitchLink.Name}.", name);
                if (!shortName.StartsWith("Po", StringComparison.Ordinal) && existing.PortChannel != null)
                    throw InUse($"Port '{path}' is a member of {existing.PortChannel.Name}; link the port channel instead.", name);
                if (sw.Pair != null && sw.Pair.PeerLink.Contains(existing))
                    throw InUse($"Port '{path}' is a peer-link port of pair '{sw.Pair.Name}'.", name);
            }
            return members;
        }

        static VirtNetException Invalid(string message, object target) =>
            new VirtNetException(ErrorIds.InvalidSwitchLink, VirtNetErrorKind.InvalidArgument, message, target);

        static VirtNetException InUse(string message, object target) =>
            new VirtNetException(ErrorIds.SwitchPortInUse, VirtNetErrorKind.ResourceExists, message, target);

        public override string ToString() => Name;
    }

    /// <summary>Spanning-tree path costs by link speed.</summary>
    public static class SpanningTreeCosts
    {
        /// <summary>
        /// IEEE 802.1D-1998 table 8-5 (the "short" costs Cisco PVST+ uses by default): 100 for 10 Mb/s, 19 for
        /// 100 Mb/s, 4 for 1 Gb/s, 2 for 10 Gb/s, 1 from 100 Gb/s. A speed between two rows takes the cost of the
        /// slower one, so a port channel of two 1 Gb/s links costs 4 (IOS gives it 3: set -SpanningTreeCost to match).
        /// </summary>
        public static int Short(int speedMbps) =>
            speedMbps >= 100000 ? 1 : speedMbps >= 10000 ? 2 : speedMbps >= 1000 ? 4 : speedMbps >= 100 ? 19 : 100;
    }
}
