using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.HA
{
    /// <summary>Resolves a scenario's targets against a compiled topology and turns its events into timed changes.</summary>
    internal static class ScenarioCompiler
    {
        internal static void Compile(HaTopology t, VNFailureScenario scenario, List<NetworkRun.Change> changes)
        {
            changes.Clear();
            foreach (var e in scenario.Events)
            {
                NetworkRun.ChangeKind kind;
                int index;
                switch (e.Kind)
                {
                    case FailureEventKind.SwitchDown:
                        int sw = ResolveSwitch(t, e.Target);
                        kind = e.StackMember.HasValue ? NetworkRun.ChangeKind.Member : NetworkRun.ChangeKind.Switch;
                        if (e.StackMember.HasValue && e.StackMember.Value > t.Switches[sw].Stack)
                            throw NotFound($"Switch '{t.Switches[sw].Name}' has {t.Switches[sw].Stack} stack member(s); there is no member {e.StackMember.Value}.", e.Target);
                        index = e.StackMember.HasValue ? sw * 10 + e.StackMember.Value : sw;
                        break;
                    case FailureEventKind.EndpointDown:
                        kind = NetworkRun.ChangeKind.Endpoint;
                        index = ResolveEndpoint(t, e.Target);
                        break;
                    case FailureEventKind.HostDown:
                        kind = NetworkRun.ChangeKind.Host;
                        index = ResolveHost(t, e.Target);
                        break;
                    default:
                        kind = NetworkRun.ChangeKind.Link;
                        index = ResolveLink(t, e.Target);
                        // A switch port no host is cabled to matters when it carries a vPC or MLAG peer link.
                        if (index < 0 && PortOf(t, e.Target) is VNSwitchPort peerPort && t.IndexOfPeerPort(peerPort) >= 0)
                        {
                            kind = NetworkRun.ChangeKind.PeerPort;
                            index = t.IndexOfPeerPort(peerPort);
                        }
                        // ... or a port of a link between switches.
                        else if (index < 0 && t.Fabric != null && PortOf(t, e.Target) is VNSwitchPort linkPort && t.Fabric.MemberIndexOf(linkPort) >= 0)
                        {
                            kind = NetworkRun.ChangeKind.SwitchLinkPort;
                            index = t.Fabric.MemberIndexOf(linkPort);
                        }
                        break;
                }
                // A link outside every HA and storage team cannot change what HA sees.
                if (index < 0) continue;
                long at = Ms(e.At);
                long? until = e.Until.HasValue ? Ms(e.Until.Value) : (long?)null;
                if (e.Kind == FailureEventKind.LinkUp)
                {
                    changes.Add(new NetworkRun.Change { Time = long.MinValue, Kind = kind, Index = index, Delta = 1 });
                    changes.Add(new NetworkRun.Change { Time = at, Kind = kind, Index = index, Delta = -1 });
                    if (until.HasValue) changes.Add(new NetworkRun.Change { Time = until.Value, Kind = kind, Index = index, Delta = 1 });
                }
                else
                {
                    changes.Add(new NetworkRun.Change { Time = at, Kind = kind, Index = index, Delta = 1 });
                    if (until.HasValue) changes.Add(new NetworkRun.Change { Time = until.Value, Kind = kind, Index = index, Delta = -1 });
                }
            }
            // Insertion sort: stable, so at one instant the scenario's order is kept; scenarios hold a handful of changes.
            for (int i = 1; i < changes.Count; i++)
            {
                var change = changes[i];
                int j = i - 1;
                for (; j >= 0 && changes[j].Time > change.Time; j--) changes[j + 1] = changes[j];
                changes[j + 1] = change;
            }
        }

        internal static long Ms(TimeSpan time) => time.Ticks / TimeSpan.TicksPerMillisecond;

        static int ResolveLink(HaTopology t, object target)
        {
            switch (target)
            {
                case VNUplink uplink:
                    if (t.IndexOfHost(uplink.Host) < 0)
                        throw NotFound($"Uplink '{uplink.Path}' is not on a host of cluster '{t.Cluster.Name}'.", uplink);
                    return t.IndexOfLink(uplink);
                case VNSwitchPort port:
                    if (port.Uplink != null && t.IndexOfHost(port.Uplink.Host) >= 0) return t.IndexOfLink(port.Uplink);
                    if (t.IndexOfSwitch(port.PhysicalSwitch) >= 0) return -1;
                    throw NotFound($"Switch port '{port.Path}' is not cabled to a host of cluster '{t.Cluster.Name}'.", port);
            }
            var name = (string)target;
            int slash = name.IndexOf('/');
            if (slash > 0)
            {
                var head = name.Substring(0, slash);
                var rest = name.Substring(slash + 1);
                var host = t.Hosts.FirstOrDefault(h => Names.Comparer.Equals(h.Name, head));
                if (host != null)
                {
                    int inner = rest.LastIndexOf('/');
                    var uplink = host.FindUplink(inner < 0 ? rest : rest.Substring(inner + 1));
                    if (uplink == null || (inner >= 0 && !Names.Comparer.Equals(uplink.VirtualSwitch.Name, rest.Substring(0, inner))))
                        throw Names.NotFound(ErrorIds.FailureTargetNotFound, "uplink", rest, "host " + host.Name, host.Uplinks, u => u.VirtualSwitch.Name + "/" + u.Name);
                    return t.IndexOfLink(uplink);
                }
                var sw = t.Switches.FirstOrDefault(s => Names.Comparer.Equals(s.Name, head));
                if (sw != null)
                {
                    var port = sw.FindPort(rest)
                        ?? throw Names.NotFound(ErrorIds.FailureTargetNotFound, "switch port", rest, "physical switch " + sw.Name, sw.Ports, p => p.Name);
                    return port.Uplink != null && t.IndexOfHost(port.Uplink.Host) >= 0 ? t.IndexOfLink(port.Uplink) : -1;
                }
                throw NotFound($"'{Echo.Cut(name)}' names no uplink or switch port of cluster '{t.Cluster.Name}': '{Echo.Cut(head)}' is neither a host " +
                    $"({string.Join(", ", t.Hosts.Select(h => h.Name))}) nor a switch ({Existing(t.Switches.Select(s => s.Name))}). Use host/vmnic or switch/port.", name);
            }
            var matches = t.Hosts.Select(h => h.FindUplink(name)).Where(u => u != null).ToList();
            if (matches.Count == 1) return t.IndexOfLink(matches[0]);
            if (matches.Count > 1)
                throw NotFound($"Uplink name '{Echo.Cut(name)}' is ambiguous in cluster '{t.Cluster.Name}' ({string.Join(", ", matches.Select(u => u.Path))}). Use host/{name}.", name);
            throw NotFound($"No uplink named '{Echo.Cut(name)}' on the hosts of cluster '{t.Cluster.Name}'. Use an uplink name such as esx01/vmnic0, or switch/port such as cat-a/Gi0/1.", name);
        }

        static int ResolveSwitch(HaTopology t, object target)
        {
            int index = target is VNPhysicalSwitch sw ? t.IndexOfSwitch(sw)
                : t.Switches.FindIndex(s => Names.Comparer.Equals(s.Name, (string)target));
            if (index >= 0) return index;
            throw NotFound($"Physical switch '{VNFailureEvent.NameOf(target)}' is not cabled to a host of cluster '{t.Cluster.Name}' " +
                $"nor given to it with -PhysicalSwitch ({Existing(t.Switches.Select(s => s.Name))}).", target);
        }

        /// <summary>The switch port a link event names, if it names one (an object, or switch/port).</summary>
        static VNSwitchPort PortOf(HaTopology t, object target)
        {
            if (target is VNSwitchPort port) return port;
            if (!(target is string name)) return null;
            int slash = name.IndexOf('/');
            if (slash <= 0) return null;
            var sw = t.Switches.FirstOrDefault(s => Names.Comparer.Equals(s.Name, name.Substring(0, slash)));
            return sw?.FindPort(name.Substring(slash + 1));
        }

        static int ResolveHost(HaTopology t, object target)
        {
            int index = target is VNHost host ? t.IndexOfHost(host)
                : Array.FindIndex(t.Hosts, h => Names.Comparer.Equals(h.Name, (string)target));
            if (index >= 0) return index;
            throw NotFound($"Host '{VNFailureEvent.NameOf(target)}' is not in cluster '{t.Cluster.Name}' ({Existing(t.Hosts.Select(h => h.Name))}).", target);
        }

        static int ResolveEndpoint(HaTopology t, object target)
        {
            if (target is VNEndpoint endpoint)
            {
                int index = t.IndexOfEndpoint(endpoint);
                if (index >= 0) return index;
                throw NotFound($"Endpoint '{endpoint.Path}' is on a switch outside cluster '{t.Cluster.Name}'.", endpoint);
            }
            var name = (string)target;
            var matches = Enumerable.Range(0, t.Endpoints.Count)
                .Where(e => Names.Comparer.Equals(t.Endpoints[e].Path, name) || Names.Comparer.Equals(t.Endpoints[e].Name, name)).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1)
                throw NotFound($"Endpoint name '{Echo.Cut(name)}' is ambiguous in cluster '{t.Cluster.Name}' ({string.Join(", ", matches.Select(e => t.Endpoints[e].Path))}). Use switch/endpoint.", name);
            throw NotFound($"No endpoint named '{Echo.Cut(name)}' on the switches of cluster '{t.Cluster.Name}' ({Existing(t.Endpoints.Select(e => e.Path))}).", name);
        }

        static string Existing(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 0 ? "there are none" : "existing: " + string.Join(", ", list);
        }

        static VirtNetException NotFound(string message, object target) =>
            new VirtNetException(ErrorIds.FailureTargetNotFound, VirtNetErrorKind.ObjectNotFound, message, target);
    }
}
