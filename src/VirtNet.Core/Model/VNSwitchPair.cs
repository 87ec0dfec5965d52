using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>
    /// Two switches that offer port channels from both chassis: a Cisco Nexus vPC domain or another vendor's MLAG
    /// pair. A port channel of the same name on both peers (configured with the same vpc or mlag number) is one
    /// multi-chassis channel, so a static channel across the pair is valid for IP hash as across a stack. Each peer
    /// hashes over its own members while any is up (vPC local preference; Cisco vPC design and configuration
    /// guide). The peer link joins the peers; when it fails while both peers run, the secondary suspends its vPC
    /// member ports (Cisco vPC guide, "vPC peer-link failure").
    /// </summary>
    public sealed class VNSwitchPair
    {
        VNSwitchPair(string name, SwitchPairKind kind, VNPhysicalSwitch primary, VNPhysicalSwitch secondary,
            IReadOnlyList<VNSwitchPort> primaryPeerLink, IReadOnlyList<VNSwitchPort> secondaryPeerLink)
        {
            Name = name;
            Kind = kind;
            Primary = primary;
            Secondary = secondary;
            PrimaryPeerLink = primaryPeerLink;
            SecondaryPeerLink = secondaryPeerLink;
        }

        public string Name { get; }
        public SwitchPairKind Kind { get; }
        /// <summary>The vPC primary (role priority): the peer that keeps its vPC ports when the peer link fails.</summary>
        public VNPhysicalSwitch Primary { get; }
        public VNPhysicalSwitch Secondary { get; }
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches => new[] { Primary, Secondary };
        /// <summary>The peer link's ports on the primary; port k is cabled to port k of <see cref="SecondaryPeerLink"/>.</summary>
        public IReadOnlyList<VNSwitchPort> PrimaryPeerLink { get; }
        public IReadOnlyList<VNSwitchPort> SecondaryPeerLink { get; }
        /// <summary>Every peer-link port, the primary's first.</summary>
        public IReadOnlyList<VNSwitchPort> PeerLink => PrimaryPeerLink.Concat(SecondaryPeerLink).ToList();
        /// <summary>The multi-chassis channels, by their primary side.</summary>
        public IReadOnlyList<VNPortChannel> PortChannels => Primary.PortChannels.Where(c => PeerChannelOf(c) != null).ToList();
        public string Path => Name;

        public VNPhysicalSwitch PeerOf(VNPhysicalSwitch physicalSwitch) =>
            physicalSwitch == Primary ? Secondary : physicalSwitch == Secondary ? Primary : null;

        internal VNPortChannel PeerChannelOf(VNPortChannel channel)
        {
            var peer = PeerOf(channel.PhysicalSwitch);
            if (peer == null || IsPeerLink(channel)) return null;
            var other = peer.FindPortChannel(channel.Name);
            return other == null || IsPeerLink(other) ? null : other;
        }

        /// <summary>A port the secondary suspends when the peer link fails: a member of a vPC (multi-chassis channel) on the secondary.</summary>
        internal bool SuspendsWithPeerLink(VNSwitchPort port) =>
            port.PhysicalSwitch == Secondary && port.PortChannel != null && port.PortChannel.IsMultiChassis;

        /// <summary>
        /// Whether the secondary has suspended its vPC member ports: the peer link is down while both peers run, the
        /// peer-keepalive telling the secondary that the primary is alive. With a peer down the other keeps
        /// forwarding (Cisco vPC guide, peer-link and peer failure).
        /// </summary>
        internal static bool SecondarySuspends(bool primaryUp, bool secondaryUp, bool peerLinkUp) => primaryUp && secondaryUp && !peerLinkUp;

        /// <summary>A peer link is up while one of its cables has both ends up; one that is not modelled has no cable that could fail.</summary>
        internal static bool PeerLinkUp(int cables, int cablesUp) => cables == 0 || cablesUp > 0;

        bool IsPeerLink(VNPortChannel channel) => channel.Members.Any(m => PrimaryPeerLink.Contains(m) || SecondaryPeerLink.Contains(m));

        /// <summary>
        /// Pairs two switches. Peer-link ports are names on both switches (Eth1/49), switch/port names for one
        /// (nx-a/Eth1/49), or a port channel (Po1) standing for its members; both sides need the same number of
        /// ports, cabled in the order given. Every check comes before anything changes.
        /// </summary>
        public static VNSwitchPair Create(string name, SwitchPairKind kind, IReadOnlyList<VNPhysicalSwitch> switches,
            IReadOnlyList<string> peerLink, VNPhysicalSwitch primary = null)
        {
            name = Names.Check(name, "switch pair");
            var given = (switches ?? new VNPhysicalSwitch[0]).Where(s => s != null).Distinct().ToList();
            if (given.Count != 2)
                throw Invalid($"Switch pair '{name}' needs exactly two different physical switches; {given.Count} given.", switches);
            if (primary != null && !given.Contains(primary))
                throw Invalid($"-Primary '{primary.Name}' is not one of the pair's switches ({given[0].Name}, {given[1].Name}).", primary);
            var first = primary ?? given[0];
            var second = given[0] == first ? given[1] : given[0];
            foreach (var s in given)
            {
                if (s.Pair != null)
                    throw Invalid($"Switch '{s.Name}' is already a peer of pair '{s.Pair.Name}'. A switch belongs to one vPC domain or MLAG pair.", s);
                if (s.IsStack)
                    throw Invalid($"Switch '{s.Name}' is a stack of {s.Stack}; a {kind} pair joins two standalone chassis.", s);
            }
            var firstPorts = new List<string>();
            var secondPorts = new List<string>();
            foreach (var item in peerLink ?? new string[0])
            {
                var text = (item ?? "").Trim();
                int slash = text.IndexOf('/');
                var head = slash > 0 ? text.Substring(0, slash) : null;
                var target = head != null && Names.Comparer.Equals(head, first.Name) ? first : head != null && Names.Comparer.Equals(head, second.Name) ? second : null;
                var port = target != null ? text.Substring(slash + 1) : text;
                if (target == null || target == first) firstPorts.AddRange(Expand(first, port));
                if (target == null || target == second) secondPorts.AddRange(Expand(second, port));
            }
            if (firstPorts.Count != secondPorts.Count)
                throw Invalid($"The peer link of '{name}' has {firstPorts.Count} port(s) on {first.Name} and {secondPorts.Count} on {second.Name}. " +
                    "Give the same number on both, cabled in the order given.", peerLink);
            foreach (var port in firstPorts.Select(p => first.FindPort(p)).Concat(secondPorts.Select(p => second.FindPort(p))))
                if (port?.Uplink != null)
                    throw new VirtNetException(ErrorIds.SwitchPortInUse, VirtNetErrorKind.ResourceExists,
                        $"Port '{port.Path}' is cabled to {port.Uplink.Path}; it cannot also be a peer-link port.", port.Name);
            var pair = new VNSwitchPair(name, kind, first, second,
                firstPorts.Select(first.GetOrAddPort).ToList(), secondPorts.Select(second.GetOrAddPort).ToList());
            first.Pair = pair;
            second.Pair = pair;
            return pair;
        }

        /// <summary>A physical port name, or a port channel's members; checked, not created.</summary>
        static IEnumerable<string> Expand(VNPhysicalSwitch physicalSwitch, string port)
        {
            var shortName = SwitchPortName.Normalize(port);
            if (!shortName.StartsWith("Po", StringComparison.Ordinal)) return new[] { physicalSwitch.NormalizePortName(shortName) };
            var channel = physicalSwitch.FindPortChannel(shortName)
                ?? throw Names.NotFound(ErrorIds.SwitchPortNotFound, "port channel", port, "physical switch " + physicalSwitch.Name, physicalSwitch.PortChannels, c => c.Name);
            return channel.Members.Select(m => m.Name);
        }

        static VirtNetException Invalid(string message, object target) =>
            new VirtNetException(ErrorIds.InvalidSwitchPair, VirtNetErrorKind.InvalidArgument, message, target);

        public override string ToString() => Name;
    }
}
