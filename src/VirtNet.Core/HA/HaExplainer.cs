using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.HA
{
    /// <summary>
    /// Turns a played scenario into words: the timeline entries and the one or two sentences that name the cause
    /// ("switch port Gi1/0/1 (cat-a) had no PortFast: forwarding at 31 s, after the 14 s isolation response").
    /// </summary>
    internal sealed class HaExplainer
    {
        readonly HaTopology _t;
        readonly NetworkRun _run;
        readonly List<HaNetworkEntry> _network = new List<HaNetworkEntry>();
        readonly List<HaStep> _sorted = new List<HaStep>();

        internal struct HaNetworkEntry
        {
            public VNHaTimelineEvent Event;
            /// <summary>The host the entry concerns; -1 for every host.</summary>
            public int Host;
        }

        internal HaExplainer(HaTopology topology, NetworkRun run)
        {
            _t = topology;
            _run = run;
        }

        static string Sec(long ms) => HaSimulator.Sec(ms);

        string AdapterName(int i) => $"{_t.Interfaces[i].Name} ({_t.Interfaces[i].PortGroup.Name})";

        string UplinkName(int slot) => slot < 0 ? "no uplink" : _t.Links[_t.SlotLink[slot]].Name;

        static string PortName(VNSwitchPort port) => port.PortChannel != null ? port.PortChannel.Name : port.Name;

        /// <summary>The scenario's network events with their text, built once per scenario and shared by the hosts' timelines.</summary>
        internal List<HaNetworkEntry> NetworkTimeline()
        {
            _network.Clear();
            foreach (var e in _run.Events)
            {
                string device, detail;
                int host = -1;
                switch (e.Kind)
                {
                    case HaEventKind.LinkDown:
                    case HaEventKind.LinkUp:
                    {
                        var uplink = _t.Links[e.Index];
                        host = _t.LinkHost[e.Index];
                        device = _t.Hosts[host].Name;
                        var port = uplink.SwitchPort;
                        detail = $"{uplink.VirtualSwitch.Name}/{uplink.Name} link {(e.Kind == HaEventKind.LinkDown ? "down" : "up")}"
                            + (port != null ? $" ({port.PhysicalSwitch.Name} {port.Name})" : "")
                            + (e.Aux == NetworkRun.BySwitch ? ": switch down" : e.Aux == NetworkRun.ByMember ? ": stack member down"
                                : e.Aux == NetworkRun.BySuspension ? $": peer link of {port.PhysicalSwitch.Pair.Name} down, the secondary {port.PhysicalSwitch.Name} suspends its vPC member ports" : "");
                        break;
                    }
                    case HaEventKind.PortForwarding:
                    {
                        var port = _t.StpPorts[e.Index];
                        device = port.PhysicalSwitch.Name;
                        for (int l = 0; l < _t.Links.Count && host < 0; l++) if (_t.LinkStp[l] == e.Index) host = _t.LinkHost[l];
                        detail = e.Aux == 0
                            ? $"{PortName(port)} forwards at once ({EdgeKind(port)})"
                            : $"{PortName(port)} forwards after listening and learning (2 x {port.PhysicalSwitch.ForwardDelay.TotalSeconds} s forward delay, {NoEdgeReason(port)})";
                        break;
                    }
                    case HaEventKind.SwitchLinkDown:
                    case HaEventKind.SwitchLinkUp:
                    {
                        var port = _t.Fabric.MemberPort[e.Index];
                        device = port.PhysicalSwitch.Name;
                        detail = $"{port.Name} of switch link {port.SwitchLink.Name} {(e.Kind == HaEventKind.SwitchLinkDown ? "down" : "up")}";
                        break;
                    }
                    case HaEventKind.SpanningTreeForwarding:
                    {
                        var link = _t.Fabric.Links[e.Index];
                        device = link.PhysicalSwitch.Name;
                        detail = $"VLAN {_t.Fabric.Vlans[e.Aux / 4]}: switch link {link.Name} forwards " + Transition(e.Aux % 4, _t.Fabric.Switches[e.Previous]);
                        break;
                    }
                    case HaEventKind.Failover:
                    case HaEventKind.Failback:
                        host = _t.InterfaceHost[e.Index];
                        device = _t.Hosts[host].Name;
                        detail = e.Aux == -1 ? $"{AdapterName(e.Index)} has no working uplink"
                            : e.Aux == -2 ? $"{AdapterName(e.Index)} uses every working active uplink"
                            : e.Previous == -1 ? $"{AdapterName(e.Index)} uses {UplinkName(e.Aux)} again"
                            : e.Kind == HaEventKind.Failback ? $"{AdapterName(e.Index)} fails back from {UplinkName(e.Previous)} to {UplinkName(e.Aux)}"
                            : $"{AdapterName(e.Index)} moves from {UplinkName(e.Previous)} to {UplinkName(e.Aux)}";
                        break;
                    case HaEventKind.HostDown:
                    case HaEventKind.HostUp:
                        device = _t.Hosts[e.Index].Name;
                        detail = e.Kind == HaEventKind.HostDown ? "host down (crash or power loss): its network, datastore heartbeats and VMs stop" : "host running again";
                        break;
                    case HaEventKind.SwitchDown:
                    case HaEventKind.SwitchUp:
                        device = _t.Switches[e.Index].Name;
                        detail = (e.Aux > 0 ? $"stack member {e.Aux}" : "switch") + (e.Kind == HaEventKind.SwitchDown ? " down" : " back up");
                        break;
                    default:
                    {
                        var endpoint = _t.Endpoints[e.Index];
                        device = endpoint.PhysicalSwitch.Name;
                        detail = $"{endpoint.Name} ({endpoint.IPAddress}) " + (e.Kind == HaEventKind.EndpointDown ? "down" : "back up");
                        break;
                    }
                }
                _network.Add(new HaNetworkEntry { Host = host, Event = new VNHaTimelineEvent(TimeSpan.FromMilliseconds(e.Time), device, e.Kind, detail) });
            }
            return _network;
        }

        /// <summary>Why a switch link took the time it did to forward after the tree changed.</summary>
        static string Transition(int transition, VNPhysicalSwitch root)
        {
            string forwardDelay = $"2 x {root.ForwardDelay.TotalSeconds} s forward delay";
            switch (transition)
            {
                case NetworkRun.RapidTransition: return "after the Rapid PVST+ proposal and agreement (about 1 s)";
                case NetworkRun.NewLinkTransition: return $"after listening and learning ({forwardDelay}): its link came up";
                case NetworkRun.DirectTransition: return $"after listening and learning ({forwardDelay}): its switch lost its root port";
                default:
                    return $"after max age, listening and learning ({root.MaxAge.TotalSeconds} s + {forwardDelay}): the failure was on another switch, " +
                        "so the blocked port waited for the stored BPDU to age out";
            }
        }

        static string EdgeKind(VNSwitchPort port) =>
            port.PhysicalSwitch.SpanningTree == SpanningTreeMode.RapidPvst ? "Rapid PVST+ edge port"
            : port.PortFast == PortFastMode.Trunk ? "portfast trunk" : "PortFast";

        static string NoEdgeReason(VNSwitchPort port) =>
            port.PortFast == PortFastMode.Enabled && port.Mode == SwitchPortMode.Trunk
                ? "plain portfast has no effect on a trunk" : "no PortFast";

        /// <summary>The host's timeline: the network events that concern it, then its HA agent's steps and its peers' about it.</summary>
        internal IReadOnlyList<VNHaTimelineEvent> Timeline(int h, List<HaNetworkEntry> network, List<HaStep> steps)
        {
            _sorted.Clear();
            foreach (var step in steps)
            {
                int k = _sorted.Count - 1;
                while (k >= 0 && _sorted[k].Time > step.Time) k--;
                _sorted.Insert(k + 1, step);
            }
            var timeline = new List<VNHaTimelineEvent>(network.Count + _sorted.Count);
            int n = 0;
            foreach (var step in _sorted)
            {
                var time = TimeSpan.FromMilliseconds(step.Time);
                for (; n < network.Count && network[n].Event.Time <= time; n++)
                    if (network[n].Host < 0 || network[n].Host == h) timeline.Add(network[n].Event);
                timeline.Add(new VNHaTimelineEvent(time, _t.Hosts[step.Actor].Name, step.Kind, step.Detail));
            }
            for (; n < network.Count; n++)
                if (network[n].Host < 0 || network[n].Host == h) timeline.Add(network[n].Event);
            return timeline;
        }

        /// <summary>The isolation addresses a host pings, for the timeline.</summary>
        internal string PingTargets(int h)
        {
            var targets = _t.PingTargets[h];
            if (targets.Length == 0) return "no isolation address: das.usedefaultisolationaddress is false and no das.isolationaddress is set";
            return "pings " + string.Join(", ", targets.Select(x => x.Address.ToString()));
        }

        /// <summary>Which isolation address answered at a time.</summary>
        internal string Answering(int h, long time)
        {
            int segment = _run.SegmentAt(time);
            var targets = _t.PingTargets[h];
            int path = _t.PingStart[h];
            foreach (var target in targets)
            {
                if (target.Status != HaTopology.TargetStatus.Reachable) continue;
                if (PathUp(segment, _t.PingPaths[path])) return $"{target.Address} ({target.Device}) answers";
                path++;
            }
            return "an isolation address answers";
        }

        /// <summary>The first host heard at a time.</summary>
        internal string HeardHost(int h, long time)
        {
            int segment = _run.SegmentAt(time);
            int n = _t.HostCount;
            for (int b = 0; b < n; b++)
            {
                if (b == h) continue;
                int start = _t.HeartbeatStart[h * n + b];
                for (int k = start; k < start + _t.HeartbeatCount[h * n + b]; k++)
                    if (PathUp(segment, _t.HeartbeatPaths[k])) return _t.Hosts[b].Name;
            }
            return "another host";
        }

        bool PathUp(int segment, HaTopology.NetPath path) => _run.PathUp(segment, ref path);

        /// <summary>One or two sentences naming the cause of the verdict.</summary>
        internal string Explain(int h, HaOutcome o)
        {
            var name = _t.Hosts[h].Name;
            if (o.FailedAt.HasValue && _run.Flag(_run.SegmentAt(o.FailedAt.Value), h, NetworkRun.Down))
                return $"{name} went down at {Sec(DownSince(h, o.FailedAt.Value))} s (a crash or power loss): {_t.Hosts[o.Judge].Name} declared it failed at {Sec(o.FailedAt.Value)} s " +
                    $"and restarted its VMs at {Sec(o.RestartAt.Value)} s.";
            if (o.LossAt < 0) return Uninterrupted(h);
            string lossCause = Cause(h, o.DeclaredAt ?? o.FailedAt ?? o.PartitionedAt ?? o.LossAt, out long forwardingAt);
            switch (o.Verdict)
            {
                case HaVerdict.Isolated:
                {
                    long declared = o.DeclaredAt.Value;
                    var pings = PingProblems(h, declared);
                    var cause = lossCause + (pings.Length > 0 ? "; " + pings : "");
                    if (o.CancelledAt.HasValue)
                        return Capital(cause) + $". {name} declared itself isolated at {Sec(declared)} s, but " +
                            (o.CancelledByPing ? "a ping reply" : "election traffic") +
                            $" at {Sec(o.CancelledAt.Value)} s cancelled it before the {Sec(o.PlannedResponseAt.Value)} s isolation response.";
                    if (o.ResponseSkipped)
                        return Capital(cause) + $". {name} declared itself isolated at {Sec(declared)} s, but no master was responsible for its VMs " +
                            "(every other host was isolated too), so FDM left them running.";
                    long response = o.ResponseAt.Value;
                    string when = o.ResumeAt == long.MaxValue
                        ? $": no heartbeat or ping reply from {Sec(o.LossAt)} s on" + (declared == response ? "" : $"; isolated at {Sec(declared)} s") + $", isolation response at {Sec(response)} s."
                        : forwardingAt >= o.ResumeAt ? $", after the {Sec(response)} s isolation response."
                        : $" until {Sec(o.ResumeAt)} s, after the {Sec(response)} s isolation response.";
                    return Capital(cause) + when + " " + Consequence(name, o);
                }
                case HaVerdict.Failed:
                    if (_t.Cluster.HaAgent == HaAgent.Aam)
                        return Capital(lossCause) + (o.ReplyAt.HasValue ? $", but an isolation address answered at {Sec(o.ReplyAt.Value)} s, so {name} stayed up" : "") +
                            $": {_t.Hosts[o.Judge].Name} declared it failed at {Sec(o.FailedAt.Value)} s and tries to restart its VMs while {name} still runs them.";
                    return Capital(lossCause) + (_t.Cluster.HeartbeatDatastoreCount > 0 ? ", and its datastore heartbeats stopped too"
                            : ", and with no heartbeat datastore the master cannot tell a partition from a failure") +
                        $": {_t.Hosts[o.Judge].Name} declared it failed at {Sec(o.FailedAt.Value)} s and restarted its VMs at {Sec(o.RestartAt.Value)} s.";
                case HaVerdict.Partitioned:
                    return Capital(lossCause) + ", but " + NotIsolatedBecause(o) +
                        $": {_t.Hosts[o.Judge].Name} found it partitioned at {Sec(o.PartitionedAt.Value)} s; its datastore heartbeats show it alive, so its VMs keep running.";
                default:
                {
                    var lost = _t.Cluster.HaAgent == HaAgent.Fdm && h != 0
                        ? $"It lost the master at {Sec(o.LossAt)} s ({lossCause})"
                        : $"Heartbeats stopped at {Sec(o.LossAt)} s ({lossCause})";
                    if (o.ReplyAt.HasValue || o.TrafficAt.HasValue)
                        return lost + $", but {NotIsolatedBecause(o)}, so {name} did not declare itself isolated.";
                    if (o.ResumeAt == long.MaxValue)
                        return lost + ".";
                    return lost + $" and heard it again at {Sec(o.ResumeAt)} s, before {PendingStep(h, o.LossAt, o.ResumeAt)}.";
                }
            }
        }

        long DownSince(int h, long time)
        {
            long since = 0;
            foreach (var e in _run.Events)
            {
                if (e.Time > time) break;
                if (e.Kind == HaEventKind.HostDown && e.Index == h) since = e.Time;
            }
            return since;
        }

        string NotIsolatedBecause(HaOutcome o) =>
            o.ReplyAt.HasValue && (!o.TrafficAt.HasValue || o.ReplyAt.Value <= o.TrafficAt.Value)
                ? $"an isolation address answered at {Sec(o.ReplyAt.Value)} s"
                : $"it saw election traffic at {Sec(o.TrafficAt.Value)} s" +
                  (o.TrafficLeader >= 0 ? $" and {_t.Hosts[o.TrafficLeader].Name} became " + (o.TrafficInMainGroup ? "the new master" : "master of its partition") : "");

        /// <summary>The step the host's HA agent had not reached when its heartbeats came back.</summary>
        string PendingStep(int h, long loss, long resume)
        {
            if (_t.Cluster.HaAgent == HaAgent.Aam)
            {
                long f = (long)_t.Cluster.FailureDetectionTime.Value.TotalMilliseconds;
                return resume <= loss + f - 3000 ? $"the {Sec(loss + f - 3000)} s isolation check" : $"the {Sec(loss + f - 1000)} s isolation response";
            }
            if (h != 0 && resume <= loss + 10000) return $"the {Sec(loss + 10000)} s election";
            return $"it would have declared itself isolated at {Sec(loss + (h == 0 ? 5000 : 30000))} s";
        }

        string Consequence(string name, HaOutcome o)
        {
            long response = o.ResponseAt.Value;
            var restart = o.FailedAt.HasValue && _t.Cluster.HaAgent == HaAgent.Aam ? $"; {_t.Hosts[o.Judge].Name} restarts them at {Sec(o.FailedAt.Value)} s" : "";
            var noRestart = o.NoRestart ? $"; heartbeats came back before the other hosts declared {name} failed, so nobody restarts them" : "";
            switch (_t.Cluster.IsolationResponse)
            {
                case IsolationResponse.PowerOff:
                    return $"Its VMs were powered off at {Sec(response)} s" + restart + noRestart + ".";
                case IsolationResponse.ShutDown:
                    return $"Its VMs were shut down from {Sec(response)} s (powered off at {Sec(response + (long)_t.Cluster.IsolationShutdownTimeout.TotalMilliseconds)} s at the latest)" + restart + noRestart + ".";
                default:
                    return "Leave powered on: its VMs keep running" +
                        (o.FailedAt.HasValue && _t.Cluster.HaAgent == HaAgent.Aam ? $", and the restart attempt at {Sec(o.FailedAt.Value)} s fails on their VMFS locks" : "") + ".";
            }
        }

        string Uninterrupted(int h)
        {
            foreach (var e in _run.Events)
                if ((e.Kind == HaEventKind.Failover || e.Kind == HaEventKind.Failback) && e.Aux >= 0
                    && _t.InterfaceHost[e.Index] == h && _t.InterfaceIsHa[e.Index])
                    return $"{AdapterName(e.Index)} moved from {UplinkName(e.Previous)} to {UplinkName(e.Aux)} at {Sec(e.Time)} s; its heartbeats never stopped.";
            return "The scenario did not interrupt its heartbeats.";
        }

        /// <summary>
        /// Why a host's HA interfaces were cut off at a time: for each one, the failed uplinks, the switch port that
        /// was not forwarding, the VLAN not carried, or the routing that sent its traffic elsewhere.
        /// </summary>
        string Cause(int h, long time, out long forwardingAt)
        {
            forwardingAt = long.MinValue;
            int segment = _run.SegmentAt(time);
            int baseI = segment * _t.Interfaces.Count;
            var parts = new List<string>();
            bool reachable = false;
            for (int k = _t.HaStart[h]; k < _t.HaStart[h] + _t.HaCount[h]; k++)
            {
                int i = _t.HaInterfaces[k];
                if (_run.Attached[baseI + i] >= 0)
                {
                    if (_t.CarriesHeartbeats[i]) { reachable = true; continue; }
                    int shadow = _t.ShadowOf(i);
                    var a = _t.Interfaces[i];
                    parts.Add(shadow >= 0
                        ? $"{a.Name} shares a subnet with {_t.Interfaces[shadow].Name}, so {(a.IsServiceConsole ? "the Service Console" : "the VMkernel")} routes that subnet " +
                          $"out of {_t.Interfaces[shadow].Name} and reverse-path filtering drops what arrives on {a.Name}"
                        : $"no other host has an address {a.Name} can reach");
                    continue;
                }
                parts.Add(Detached(i, segment, time, ref forwardingAt));
            }
            if (reachable)
                parts.Add(_t.Cluster.HaAgent == HaAgent.Aam ? "no other host could be reached" + PeerCause(h, segment, -1)
                    : h == 0 ? "no slave could be reached" + PeerCause(h, segment, -1)
                    : $"the master {_t.Hosts[0].Name} was cut off" + PeerCause(h, segment, 0));
            return string.Join("; ", parts);
        }

        /// <summary>Why a peer (<paramref name="only"/>, or the first one cut off) was unreachable.</summary>
        string PeerCause(int h, int segment, int only)
        {
            int baseI = segment * _t.Interfaces.Count;
            for (int p = 0; p < _t.HostCount; p++)
            {
                if (p == h || (only >= 0 && p != only)) continue;
                for (int k = _t.HaStart[p]; k < _t.HaStart[p] + _t.HaCount[p]; k++)
                {
                    int i = _t.HaInterfaces[k];
                    if (_run.Attached[baseI + i] >= 0) continue;
                    long ignored = long.MinValue;
                    var cause = Detached(i, segment, _run.SegmentStart[segment], ref ignored);
                    return only >= 0 ? ": " + cause : $" ({_t.Hosts[p].Name}: {cause})";
                }
            }
            return FabricCause(segment);
        }

        /// <summary>
        /// When every interface is attached but paths are cut, the switch links are: what failed last before the
        /// segment, and the next switch link the spanning tree brings to forwarding.
        /// </summary>
        string FabricCause(int segment)
        {
            if (_t.Fabric == null) return "";
            long start = _run.SegmentStart[segment];
            string failed = null, restored = null;
            foreach (var e in _run.Events)
            {
                if (e.Time <= start && (e.Kind == HaEventKind.SwitchLinkDown || e.Kind == HaEventKind.SwitchDown))
                    failed = e.Kind == HaEventKind.SwitchDown ? $"{_t.Switches[e.Index].Name} down at {Sec(e.Time)} s"
                        : $"switch link {_t.Fabric.MemberPort[e.Index].SwitchLink.Name} down at {Sec(e.Time)} s";
                if (e.Time > start && restored == null && e.Kind == HaEventKind.SpanningTreeForwarding)
                    restored = $"VLAN {_t.Fabric.Vlans[e.Aux / 4]} forwards again over {_t.Fabric.Links[e.Index].Name} at {Sec(e.Time)} s, " +
                        Transition(e.Aux % 4, _t.Fabric.Switches[e.Previous]);
            }
            return failed == null ? "" : $": the switch path between them was cut ({failed}" + (restored != null ? "; " + restored : "") + ")";
        }

        string Detached(int i, int segment, long time, ref long forwardingAt)
        {
            int baseI = segment * _t.Interfaces.Count;
            var reason = _run.Reason[baseI + i];
            int slot = _run.ReasonSlot[baseI + i];
            var adapter = _t.Interfaces[i];
            switch (reason)
            {
                case NetworkRun.Detach.HostDown:
                    return $"{_t.Hosts[_t.InterfaceHost[i]].Name} is down";
                case NetworkRun.Detach.VlanNotCarried:
                {
                    var port = _t.Links[_t.SlotLink[slot]].SwitchPort;
                    return $"switch port {port.Name} ({port.PhysicalSwitch.Name}) does not carry VLAN {adapter.PortGroup.VLanId} of {adapter.PortGroup.Name}"
                        + (port.Mode == SwitchPortMode.Access && adapter.PortGroup.VLanId > 0 ? " (tagged frames on an access port)" : "");
                }
                case NetworkRun.Detach.NotForwarding:
                {
                    var port = _t.Links[_t.SlotLink[slot]].SwitchPort;
                    forwardingAt = _run.ReasonTime[baseI + i];
                    var failback = LastFailback(i, time);
                    return (failback.HasValue ? $"failback moved {AdapterName(i)} back to {UplinkName(slot)} at {Sec(failback.Value)} s, but " : "") +
                        $"switch port {PortName(port)} ({port.PhysicalSwitch.Name}) " +
                        (port.PortFast == PortFastMode.Enabled && port.Mode == SwitchPortMode.Trunk
                            ? "had plain PortFast, which has no effect on a trunk (it needs portfast trunk)"
                            : port.PhysicalSwitch.SpanningTree == SpanningTreeMode.RapidPvst ? "was no Rapid PVST+ edge port (no PortFast)" : "had no PortFast") +
                        $": forwarding at {Sec(forwardingAt)} s";
                }
                default:
                {
                    var uplinks = new List<string>();
                    for (int s = _t.TeamStart[i]; s < _t.TeamStart[i] + _t.TeamCount[i]; s++)
                        uplinks.Add(_t.Links[_t.SlotLink[s]].Name + " " + LinkState(_t.SlotLink[s], time));
                    return uplinks.Count == 0 ? $"{AdapterName(i)} has no active or standby uplink"
                        : uplinks.Count == 1 ? $"{AdapterName(i)} lost its only uplink: {uplinks[0]}"
                        : $"{AdapterName(i)} had no working uplink ({string.Join(", ", uplinks)})";
                }
            }
        }

        long? LastFailback(int i, long time)
        {
            long? at = null;
            foreach (var e in _run.Events)
            {
                if (e.Time > time) break;
                if (e.Index != i) continue;
                if (e.Kind == HaEventKind.Failback) at = e.Time;
                else if (e.Kind == HaEventKind.Failover) at = null;
            }
            return at;
        }

        string LinkState(int link, long time)
        {
            string state = "not working";
            foreach (var e in _run.Events)
            {
                if (e.Time > time) break;
                if (e.Index != link || (e.Kind != HaEventKind.LinkDown && e.Kind != HaEventKind.LinkUp)) continue;
                state = e.Kind == HaEventKind.LinkUp ? "not forwarding yet"
                    : e.Aux == NetworkRun.BySwitch ? $"down with switch {_t.Links[link].PhysicalSwitch.Name}"
                    : e.Aux == NetworkRun.ByMember ? $"down with its stack member of {_t.Links[link].PhysicalSwitch.Name}"
                    : e.Aux == NetworkRun.BySuspension ? $"suspended by {_t.Links[link].PhysicalSwitch.Name}, the secondary of {_t.Links[link].PhysicalSwitch.Pair.Name}, when the peer link failed"
                    : $"link down from {Sec(e.Time)} s";
            }
            return state;
        }

        /// <summary>What kept the isolation addresses from answering, beyond the host's own interfaces.</summary>
        string PingProblems(int h, long time)
        {
            int segment = _run.SegmentAt(time);
            var problems = new List<string>();
            var targets = _t.PingTargets[h];
            if (targets.Length == 0) return "it had no isolation address to ping (das.usedefaultisolationaddress false)";
            int path = _t.PingStart[h];
            foreach (var target in targets)
            {
                switch (target.Status)
                {
                    case HaTopology.TargetStatus.NoDevice: problems.Add($"nothing is modelled at isolation address {target.Address}, so it is taken as not answering (rule VNH011)"); continue;
                    case HaTopology.TargetStatus.NoPing: problems.Add($"isolation address {target.Address} ({target.Device}) does not answer ping"); continue;
                    case HaTopology.TargetStatus.Reachable: break;
                    default: problems.Add($"isolation address {target.Address} cannot be reached from {_t.Hosts[h].Name}"); continue;
                }
                var p = _t.PingPaths[path++];
                int endpoint = p.DestinationEndpoint;
                if (endpoint >= 0 && !_run.Present[segment * _t.Endpoints.Count + endpoint])
                    problems.Add($"isolation address {target.Address} ({target.Device}) was down");
            }
            return string.Join("; ", problems);
        }

        /// <summary>Starts a sentence with a capital, unless it starts with an identifier such as vswif0 or vmk0, which keeps its case.</summary>
        static string Capital(string text)
        {
            int end = text.IndexOf(' ');
            var word = end < 0 ? text : text.Substring(0, end);
            return word.Length == 0 || word.Any(char.IsDigit) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
        }
    }
}
