using System;
using System.Collections.Generic;
using VirtNet.Teaming;

namespace VirtNet.HA
{
    /// <summary>
    /// Plays one failure scenario over a compiled topology and records how connectivity evolves: a list of segments
    /// (from a start time until the next segment) in which every interface's attachment, and so every heartbeat,
    /// ping and storage path, stays the same. Link state, spanning tree (a port that comes up forwards only after
    /// 2 x forward delay unless PortFast is effective) and the teaming engine (<see cref="TeamRun.Choose"/>, the
    /// same that places the traffic simulation's ports, with failback and the host's up delay) decide the attachments. One instance is reused from scenario to scenario; its arrays are sized once per topology.
    /// </summary>
    internal sealed class NetworkRun
    {
        internal const byte HearsPeer = 1, HeardByPrimary = 2, HearsAny = 4, MasterContact = 8, InMainGroup = 16, PingOk = 32, DatastoreOk = 64, Down = 128;

        internal enum Detach : byte { None, NoUplink, VlanNotCarried, NotForwarding, HostDown }

        internal enum ChangeKind : byte { Link, Switch, Member, Endpoint, Host, PeerPort }

        internal struct Change
        {
            public long Time;
            public ChangeKind Kind;
            public int Index;
            public int Delta;
        }

        /// <summary>A network event of the timeline. Index: link, switch, endpoint, STP port or interface; Aux as the kind needs.</summary>
        internal struct NetEvent
        {
            public long Time;
            public HaEventKind Kind;
            public int Index;
            public int Aux;
            public int Previous;
        }

        /// <summary>Link events: why the link changed.</summary>
        internal const int ByScenario = 0, BySwitch = 1, ByMember = 2, BySuspension = 3;

        readonly HaTopology _t;
        readonly int _n, _interfaces;
        readonly int[] _linkDown, _switchDown, _memberDown, _endpointDown, _hostDown, _peerPortDown;
        bool _hostsChanged;
        readonly bool[] _linkUp, _stpUp, _stpNow, _present;
        readonly long[] _stpForwardAt;
        /// <summary>Per link, when it last came up during the scenario (long.MinValue: up from the start).</summary>
        readonly long[] _upSince;
        readonly TeamRun[] _runs;
        readonly UplinkState[] _state;
        // Per team, the states of its uplinks (active then standby) when the engine last chose, flat from
        // _seenStart[team]: a team whose uplinks look the same keeps its choice, without asking again.
        readonly UplinkState[] _seen;
        readonly int[] _seenStart;
        readonly bool[] _chosen;
        readonly int[] _selected, _av, _reasonSlot;
        readonly Detach[] _reason;
        readonly long[] _reasonTime;
        readonly bool[] _hear;
        readonly int[] _group, _groupSize;
        readonly bool[] _gatewayVlan = new bool[4096];
        readonly List<long> _agenda = new List<long>();

        internal readonly List<Change> Changes = new List<Change>();
        internal readonly List<NetEvent> Events = new List<NetEvent>();

        // Segments, flat: segment s, host h at [s * n + h]; interface i at [s * interfaces + i].
        internal int SegmentCount;
        internal long[] SegmentStart = new long[8];
        internal byte[] Flags;
        internal int[] Leader;
        internal int[] Attached;
        internal Detach[] Reason;
        internal int[] ReasonSlot;
        internal long[] ReasonTime;
        internal bool[] Present;

        internal NetworkRun(HaTopology topology)
        {
            _t = topology;
            _n = topology.HostCount;
            _interfaces = topology.Interfaces.Count;
            int links = topology.Links.Count, switches = topology.Switches.Count, endpoints = topology.Endpoints.Count, stp = topology.StpPorts.Count;
            _linkDown = new int[links];
            _linkUp = new bool[links];
            _upSince = new long[links];
            _state = new UplinkState[links];
            _runs = new TeamRun[topology.Teams.Length];
            _seenStart = new int[_runs.Length + 1];
            _chosen = new bool[_runs.Length];
            for (int t = 0; t < _runs.Length; t++)
            {
                _runs[t] = new TeamRun(topology.Teams[t], topology.Teams[t].Option);
                _seenStart[t + 1] = _seenStart[t] + topology.Teams[t].BeaconUplinkCount;
            }
            _seen = new UplinkState[_seenStart[_runs.Length]];
            _switchDown = new int[switches];
            _memberDown = new int[switches * 10];
            _endpointDown = new int[endpoints];
            _hostDown = new int[_n];
            _peerPortDown = new int[topology.PeerPorts.Count];
            _present = new bool[endpoints];
            _stpUp = new bool[stp];
            _stpNow = new bool[stp];
            _stpForwardAt = new long[stp];
            _selected = new int[_interfaces];
            _av = new int[_interfaces];
            _reason = new Detach[_interfaces];
            _reasonSlot = new int[_interfaces];
            _reasonTime = new long[_interfaces];
            _hear = new bool[_n * _n];
            _group = new int[_n];
            _groupSize = new int[_n];
            Flags = new byte[8 * _n];
            Leader = new int[8 * _n];
            Attached = new int[8 * _interfaces];
            Reason = new Detach[8 * _interfaces];
            ReasonSlot = new int[8 * _interfaces];
            ReasonTime = new long[8 * _interfaces];
            Present = new bool[8 * Math.Max(1, endpoints)];
        }

        internal bool Flag(int segment, int host, byte bit) => (Flags[segment * _n + host] & bit) != 0;

        internal int SegmentAt(long time)
        {
            int s = 0;
            while (s + 1 < SegmentCount && SegmentStart[s + 1] <= time) s++;
            return s;
        }

        internal long SegmentEnd(int segment) => segment + 1 < SegmentCount ? SegmentStart[segment + 1] : long.MaxValue;

        /// <summary>
        /// The first heartbeat tick (a multiple of <paramref name="interval"/>, from <paramref name="from"/> on) at
        /// which a host's flag has the value asked for; long.MaxValue if never. Heartbeats and pings are observed
        /// on this grid: a path restored at 31 s is heard at 31 s, one lost at 0 s misses the 0 s heartbeat.
        /// </summary>
        internal long NextTick(int host, byte bit, bool value, long from, long interval)
        {
            long tick = CeilTick(Math.Max(0, from), interval);
            for (int s = SegmentAt(tick); s < SegmentCount; s++)
            {
                long end = SegmentEnd(s);
                if (tick >= end) continue;
                if (Flag(s, host, bit) == value) return tick;
                if (end == long.MaxValue) return long.MaxValue;
                tick = CeilTick(end, interval);
            }
            return long.MaxValue;
        }

        static long CeilTick(long time, long interval) => (time + interval - 1) / interval * interval;

        /// <summary>Plays the changes (sorted by time; initial ones at long.MinValue) and fills the segments and events.</summary>
        internal void Play()
        {
            Array.Clear(_linkDown, 0, _linkDown.Length);
            Array.Clear(_switchDown, 0, _switchDown.Length);
            Array.Clear(_memberDown, 0, _memberDown.Length);
            Array.Clear(_endpointDown, 0, _endpointDown.Length);
            Array.Clear(_hostDown, 0, _hostDown.Length);
            Array.Clear(_peerPortDown, 0, _peerPortDown.Length);
            Events.Clear();
            SegmentCount = 0;
            _agenda.Clear();

            int next = ApplyChanges(long.MinValue, 0);
            for (int l = 0; l < _linkUp.Length; l++)
            {
                _linkUp[l] = LinkIsUp(l);
                _upSince[l] = long.MinValue;
            }
            for (int p = 0; p < _stpUp.Length; p++)
            {
                _stpUp[p] = false;
                _stpForwardAt[p] = long.MinValue;
            }
            for (int l = 0; l < _linkUp.Length; l++)
                if (_linkUp[l] && _t.LinkStp[l] >= 0) _stpUp[_t.LinkStp[l]] = true;
            // A team's choice depends on its uplinks' states only, so one made in an earlier scenario stands while they are the same.
            ChooseUplinks(long.MinValue);
            for (int i = 0; i < _interfaces; i++) _selected[i] = Select(i);
            Evaluate(long.MinValue);

            for (int c = next; c < Changes.Count; c++)
                if (!_agenda.Contains(Changes[c].Time)) _agenda.Add(Changes[c].Time);
            _agenda.Sort();
            while (_agenda.Count > 0)
            {
                long t = _agenda[0];
                _agenda.RemoveAt(0);
                next = ApplyChanges(t, next);
                UpdateLinks(t);
                UpdateSpanningTree(t);
                ChooseUplinks(t);
                for (int i = 0; i < _interfaces; i++)
                {
                    int selected = Select(i);
                    if (selected != _selected[i])
                    {
                        Events.Add(new NetEvent
                        {
                            Time = t, Index = i, Aux = selected, Previous = _selected[i],
                            Kind = selected >= 0 && _selected[i] >= 0 && selected < _selected[i] ? HaEventKind.Failback : HaEventKind.Failover,
                        });
                        _selected[i] = selected;
                    }
                }
                Evaluate(t);
            }
        }

        int ApplyChanges(long time, int from)
        {
            int c = from;
            for (; c < Changes.Count && Changes[c].Time == time; c++)
            {
                var change = Changes[c];
                switch (change.Kind)
                {
                    case ChangeKind.Link: _linkDown[change.Index] += change.Delta; break;
                    case ChangeKind.Switch:
                        _switchDown[change.Index] += change.Delta;
                        if (time != long.MinValue) AddSwitchEvent(time, change, 0);
                        break;
                    case ChangeKind.Member:
                        _memberDown[change.Index] += change.Delta;
                        if (time != long.MinValue) AddSwitchEvent(time, change, change.Index % 10);
                        break;
                    case ChangeKind.Endpoint:
                        _endpointDown[change.Index] += change.Delta;
                        if (time != long.MinValue)
                            Events.Add(new NetEvent { Time = time, Kind = change.Delta > 0 ? HaEventKind.EndpointDown : HaEventKind.EndpointUp, Index = change.Index });
                        break;
                    case ChangeKind.PeerPort: _peerPortDown[change.Index] += change.Delta; break;
                    case ChangeKind.Host:
                        _hostDown[change.Index] += change.Delta;
                        _hostsChanged = true;
                        Events.Add(new NetEvent { Time = time, Kind = change.Delta > 0 ? HaEventKind.HostDown : HaEventKind.HostUp, Index = change.Index });
                        break;
                }
            }
            return c;
        }

        void AddSwitchEvent(long time, Change change, int member) =>
            Events.Add(new NetEvent
            {
                Time = time, Kind = change.Delta > 0 ? HaEventKind.SwitchDown : HaEventKind.SwitchUp,
                Index = member == 0 ? change.Index : change.Index / 10, Aux = member,
            });

        bool LinkIsUp(int l)
        {
            if (_linkDown[l] > 0) return false;
            int sw = _t.LinkSwitch[l];
            return sw < 0 || (_switchDown[sw] == 0 && _memberDown[sw * 10 + _t.LinkMember[l]] == 0 && !Suspended(l));
        }

        /// <summary>A vPC member port of the secondary, suspended while the pair's peer link is down (<see cref="VNSwitchPair.SecondarySuspends"/>).</summary>
        bool Suspended(int l)
        {
            int p = _t.LinkSuspendedBy[l];
            if (p < 0) return false;
            int cables = 0, up = 0;
            for (int c = 0; c < _t.CablePair.Length; c++)
                if (_t.CablePair[c] == p)
                {
                    cables++;
                    if (_peerPortDown[2 * c] == 0 && _peerPortDown[2 * c + 1] == 0) up++;
                }
            return VNSwitchPair.SecondarySuspends(_switchDown[_t.PairPrimary[p]] == 0, _switchDown[_t.PairSecondary[p]] == 0, VNSwitchPair.PeerLinkUp(cables, up));
        }

        void UpdateLinks(long t)
        {
            for (int l = 0; l < _linkUp.Length; l++)
            {
                bool up = LinkIsUp(l);
                if (up == _linkUp[l]) continue;
                _linkUp[l] = up;
                if (up)
                {
                    // The teams wait Net.TeamPolicyUpDelay before they use the link again (KB 2014075).
                    _upSince[l] = t;
                    if (_t.LinkUpDelayMs[l] > 0) Schedule(t + _t.LinkUpDelayMs[l]);
                }
                int sw = _t.LinkSwitch[l];
                int cause = _linkDown[l] > 0 ? ByScenario
                    : sw >= 0 && _switchDown[sw] > 0 ? BySwitch
                    : sw >= 0 && _memberDown[sw * 10 + _t.LinkMember[l]] > 0 ? ByMember
                    : sw >= 0 && Suspended(l) ? BySuspension : ByScenario;
                Events.Add(new NetEvent { Time = t, Kind = up ? HaEventKind.LinkUp : HaEventKind.LinkDown, Index = l, Aux = up ? ByScenario : cause });
            }
        }

        /// <summary>
        /// 802.1D: a port whose link comes up listens and learns for 2 x forward delay before it forwards; PortFast
        /// (portfast trunk on a trunk) and Rapid PVST+ edge ports forward at once (IEEE 802.1D; Cisco, spanning-tree portfast).
        /// </summary>
        void UpdateSpanningTree(long t)
        {
            Array.Clear(_stpNow, 0, _stpNow.Length);
            for (int l = 0; l < _linkUp.Length; l++)
                if (_linkUp[l] && _t.LinkStp[l] >= 0) _stpNow[_t.LinkStp[l]] = true;
            for (int p = 0; p < _stpUp.Length; p++)
            {
                bool up = _stpNow[p];
                if (up && !_stpUp[p])
                {
                    _stpForwardAt[p] = t + _t.StpDelayMs[p];
                    if (_t.StpDelayMs[p] == 0) Events.Add(new NetEvent { Time = t, Kind = HaEventKind.PortForwarding, Index = p, Aux = 0 });
                    else Schedule(_stpForwardAt[p]);
                }
                else if (up && _stpForwardAt[p] == t && _t.StpDelayMs[p] > 0)
                    Events.Add(new NetEvent { Time = t, Kind = HaEventKind.PortForwarding, Index = p, Aux = 1 });
                _stpUp[p] = up;
            }
        }

        void Schedule(long time)
        {
            int k = _agenda.BinarySearch(time);
            if (k < 0) _agenda.Insert(~k, time);
        }

        bool Forwarding(int link, long t)
        {
            int p = _t.LinkStp[link];
            return p < 0 || (_stpUp[p] && t >= _stpForwardAt[p]);
        }

        /// <summary>
        /// Asks the teaming engine which uplink every team uses at time t. Link status sees only the local link;
        /// beacon probing also sees a port that spanning tree is not forwarding and a VLAN the port does not carry,
        /// which is what the path state says.
        /// </summary>
        void ChooseUplinks(long t)
        {
            for (int r = 0; r < _runs.Length; r++)
            {
                var team = _runs[r].Team;
                bool beacon = team.Detection == NetworkFailoverDetectionPolicy.BeaconProbing;
                bool changed = !_chosen[r];
                int active = team.Active.Length;
                for (int k = 0; k < active + team.Standby.Length; k++)
                {
                    int l = k < active ? team.Active[k] : team.Standby[k - active];
                    bool pathUp = !beacon || (_t.TeamVlan[r][k] >= 0 && Forwarding(l, t));
                    var state = Failover.StateAt(_linkUp[l], pathUp, _upSince[l], t, _t.LinkUpDelayMs[l]);
                    _state[l] = state;
                    changed |= _seen[_seenStart[r] + k] != state;
                    _seen[_seenStart[r] + k] = state;
                }
                if (!changed) continue;
                _runs[r].Choose(_state);
                _chosen[r] = true;
            }
        }

        /// <summary>
        /// The slot an interface uses, as its team decided: -2 for all the team's usable uplinks (IP hash, where a
        /// destination may hash to any of them); -1 for none. With beacon probing on two uplinks that cannot tell
        /// which path failed, frames go out on both and the copies that arrive are those of the working one.
        /// </summary>
        int Select(int i)
        {
            var run = _runs[_t.InterfaceTeam[i]];
            if (run.Usable.Length == 0) return -1;
            if (run.Shotgun) return run.ShotgunDelivers < 0 ? _t.SlotOf(i, run.Usable[0]) : _t.SlotOf(i, run.ShotgunDelivers);
            if (run.Policy == LoadBalancingPolicy.LoadBalanceIP) return -2;
            int port = _t.InterfacePort[i];
            return port < 0 ? -1 : _t.SlotOf(i, run.PortUplink[port]);
        }

        void Attach(int i, long t)
        {
            _reasonSlot[i] = -1;
            _reasonTime[i] = 0;
            // A host that is down sends and answers nothing, whatever its teams would choose.
            if (_hostDown[_t.InterfaceHost[i]] > 0) { Detached(i, Detach.HostDown); return; }
            int selected = _selected[i];
            if (selected == -1) { Detached(i, Detach.NoUplink); return; }
            if (selected >= 0) { AttachSlot(i, selected, t); return; }
            // IP hash: a destination may hash to any active uplink, so every working one has to carry the frames.
            int vlan = -2;
            foreach (int link in _runs[_t.InterfaceTeam[i]].Usable)
            {
                AttachSlot(i, _t.SlotOf(i, link), t);
                if (_av[i] < 0 || (vlan != -2 && vlan != _av[i])) { if (_av[i] >= 0) Detached(i, Detach.VlanNotCarried); return; }
                vlan = _av[i];
            }
        }

        void AttachSlot(int i, int slot, long t)
        {
            int link = _t.SlotLink[slot];
            _reasonSlot[i] = slot;
            if (_t.SlotVlan[slot] < 0) { Detached(i, Detach.VlanNotCarried); return; }
            if (!Forwarding(link, t))
            {
                Detached(i, Detach.NotForwarding);
                _reasonTime[i] = _stpForwardAt[_t.LinkStp[link]];
                return;
            }
            _av[i] = _t.SlotVlan[slot];
            _reason[i] = Detach.None;
        }

        void Detached(int i, Detach reason)
        {
            _av[i] = -1;
            _reason[i] = reason;
        }

        void Evaluate(long t)
        {
            for (int i = 0; i < _interfaces; i++) Attach(i, t);
            for (int e = 0; e < _present.Length; e++)
                _present[e] = _endpointDown[e] == 0 && _switchDown[_t.EndpointSwitch[e]] == 0;

            int previous = SegmentCount - 1;
            bool connectivityChanged = previous < 0 || _hostsChanged, anyChange = connectivityChanged;
            _hostsChanged = false;
            if (previous >= 0)
            {
                int baseI = previous * _interfaces;
                for (int i = 0; i < _interfaces && !connectivityChanged; i++) connectivityChanged = Attached[baseI + i] != _av[i];
                int baseE = previous * _present.Length;
                for (int e = 0; e < _present.Length && !connectivityChanged; e++) connectivityChanged = Present[baseE + e] != _present[e];
                anyChange |= connectivityChanged;
                for (int i = 0; i < _interfaces && !anyChange; i++)
                    anyChange = Reason[baseI + i] != _reason[i] || ReasonSlot[baseI + i] != _reasonSlot[i] || ReasonTime[baseI + i] != _reasonTime[i];
            }
            if (!anyChange) return;

            int s = SegmentCount++;
            Grow();
            SegmentStart[s] = t;
            Array.Copy(_av, 0, Attached, s * _interfaces, _interfaces);
            Array.Copy(_reason, 0, Reason, s * _interfaces, _interfaces);
            Array.Copy(_reasonSlot, 0, ReasonSlot, s * _interfaces, _interfaces);
            Array.Copy(_reasonTime, 0, ReasonTime, s * _interfaces, _interfaces);
            Array.Copy(_present, 0, Present, s * _present.Length, _present.Length);
            if (connectivityChanged) ComputeSignals(s);
            else
            {
                Array.Copy(Flags, previous * _n, Flags, s * _n, _n);
                Array.Copy(Leader, previous * _n, Leader, s * _n, _n);
            }
        }

        void Grow()
        {
            if (SegmentCount <= SegmentStart.Length) return;
            int size = SegmentStart.Length * 2;
            Array.Resize(ref SegmentStart, size);
            Array.Resize(ref Flags, size * _n);
            Array.Resize(ref Leader, size * _n);
            Array.Resize(ref Attached, size * _interfaces);
            Array.Resize(ref Reason, size * _interfaces);
            Array.Resize(ref ReasonSlot, size * _interfaces);
            Array.Resize(ref ReasonTime, size * _interfaces);
            Array.Resize(ref Present, size * Math.Max(1, _present.Length));
        }

        bool PathUp(ref HaTopology.NetPath path)
        {
            int vlan = _av[path.Source];
            if (vlan < 0) return false;
            int destinationVlan = path.DestinationInterface >= 0 ? _av[path.DestinationInterface]
                : _present[path.DestinationEndpoint] ? _t.EndpointVlan[path.DestinationEndpoint] : -1;
            if (destinationVlan < 0) return false;
            if (path.Gateway < 0) return destinationVlan == vlan;
            // Routed: the first gateway must be in the source's VLAN; all gateway endpoints together are taken to be
            // one router, which reaches every VLAN that has a gateway endpoint present.
            return _present[path.Gateway] && _t.EndpointVlan[path.Gateway] == vlan && _gatewayVlan[destinationVlan];
        }

        bool AnyUp(HaTopology.NetPath[] paths, int start, int count)
        {
            for (int k = start; k < start + count; k++)
                if (PathUp(ref paths[k])) return true;
            return false;
        }

        void ComputeSignals(int s)
        {
            if (_t.HasRoutedPaths)
            {
                Array.Clear(_gatewayVlan, 0, _gatewayVlan.Length);
                for (int e = 0; e < _present.Length; e++)
                    if (_present[e] && _t.EndpointIsGateway[e]) _gatewayVlan[_t.EndpointVlan[e]] = true;
            }
            int n = _n;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    _hear[a * n + b] = a != b && AnyUp(_t.HeartbeatPaths, _t.HeartbeatStart[a * n + b], _t.HeartbeatCount[a * n + b]);

            // Groups of hosts that hear each other both ways (union-find by lowest index).
            for (int h = 0; h < n; h++) { _group[h] = h; _groupSize[h] = 0; }
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++)
                    if (_hear[a * n + b] && _hear[b * n + a])
                    {
                        int ra = Root(a), rb = Root(b);
                        if (ra != rb) { if (ra < rb) _group[rb] = ra; else _group[ra] = rb; }
                    }
            for (int h = 0; h < n; h++) _groupSize[Root(h)]++;
            // The cluster's side is the largest group of running hosts; on a tie, the master's (host 0), else the lowest host.
            int main = -1;
            for (int h = 0; h < n; h++)
                if (_hostDown[h] == 0 && (main < 0 || _groupSize[h] > _groupSize[main])) main = h;

            bool fdm = _t.Cluster.HaAgent == HaAgent.Fdm;
            for (int h = 0; h < n; h++)
            {
                if (_hostDown[h] > 0)
                {
                    Flags[s * n + h] = Down;
                    Leader[s * n + h] = Root(h);
                    continue;
                }
                byte flags = 0;
                for (int b = 0; b < n; b++)
                {
                    if (b == h) continue;
                    bool hears = _hear[h * n + b], heard = _hear[b * n + h];
                    if (hears)
                    {
                        flags |= HearsAny;
                        // AAM: secondaries heartbeat only to primaries (HA Deepdive 4.1, Pearson).
                        if (fdm || _t.Primary[b] || _t.Primary[h]) flags |= HearsPeer;
                    }
                    if (heard && _t.Primary[b]) flags |= HeardByPrimary;
                    if (hears && heard && (h == 0 || b == 0)) flags |= MasterContact;
                }
                if (Root(h) == main) flags |= InMainGroup;
                if (AnyUp(_t.PingPaths, _t.PingStart[h], _t.PingCount[h])) flags |= PingOk;
                if (_t.StorageAlways[h] || AnyUp(_t.StoragePaths, _t.StorageStart[h], _t.StorageCount[h])) flags |= DatastoreOk;
                Flags[s * n + h] = flags;
                Leader[s * n + h] = Root(h);
            }
        }

        int Root(int h)
        {
            while (_group[h] != h) h = _group[h] = _group[_group[h]];
            return h;
        }
    }
}
