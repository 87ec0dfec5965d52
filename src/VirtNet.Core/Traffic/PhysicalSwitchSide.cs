using System.Collections.Generic;
using VirtNet.Teaming;

namespace VirtNet.Traffic
{
    /// <summary>
    /// What the physical switches make of one team's uplinks (Cisco, Understanding EtherChannel Load Balancing; VMware KB 1004048). Each uplink's switch port is
    /// either on its own, where the switch learns MAC addresses and sends a MAC's frames to the port it last
    /// learned it on, or a member of a port channel that has formed, where the switch hashes every frame onto one
    /// member (<see cref="EtherChannelHash"/>). A channel is one logical port to MAC learning.
    /// </summary>
    internal sealed class PhysicalSwitchSide
    {
        /// <summary>A formed channel as this team sees it.</summary>
        internal sealed class Channel
        {
            public Channel(VNPortChannel real, VNPhysicalSwitch physicalSwitch, EtherChannelLoadBalance method, int[] members, bool[] onSecondary = null)
            {
                Real = real; PhysicalSwitch = physicalSwitch; Method = method; Members = members;
                // A channel whose members are all down has no bucket to send to.
                Fill(BucketUplink, members);
                if (onSecondary == null) return;
                // vPC local preference: each peer hashes over its own members while any is up, else over the peer's.
                OnSecondary = onSecondary;
                var primary = new List<int>();
                var secondary = new List<int>();
                for (int m = 0; m < members.Length; m++) (onSecondary[m] ? secondary : primary).Add(members[m]);
                PrimaryBucketUplink = new int[EtherChannelHash.Buckets];
                SecondaryBucketUplink = new int[EtherChannelHash.Buckets];
                Fill(PrimaryBucketUplink, primary.Count > 0 ? primary.ToArray() : secondary.ToArray());
                Fill(SecondaryBucketUplink, secondary.Count > 0 ? secondary.ToArray() : primary.ToArray());
            }

            static void Fill(int[] buckets, int[] members)
            {
                for (int b = 0; b < EtherChannelHash.Buckets; b++)
                    buckets[b] = members.Length == 0 ? -1 : members[EtherChannelHash.Member(b, members.Length)];
            }

            /// <summary>
            /// The member a frame in bucket b leaves on. A multi-chassis channel's frames leave the peer they arrived
            /// at; the model takes the remote end's frames to arrive at the peer the host sent the flow to (an
            /// upstream that routes symmetrically), so the peer of <paramref name="sentOn"/>.
            /// </summary>
            public int Inbound(int b, int sentOn)
            {
                if (OnSecondary == null) return BucketUplink[b];
                for (int m = 0; m < Members.Length; m++)
                    if (Members[m] == sentOn) return OnSecondary[m] ? SecondaryBucketUplink[b] : PrimaryBucketUplink[b];
                return BucketUplink[b];
            }

            /// <summary>Per member of a multi-chassis channel: on the pair's secondary; null for a one-switch channel.</summary>
            public bool[] OnSecondary { get; }
            public int[] PrimaryBucketUplink { get; }
            public int[] SecondaryBucketUplink { get; }
            /// <summary>Null for the channel assumed by -AssumeMatchingPhysicalSwitch.</summary>
            public VNPortChannel Real { get; }
            public VNPhysicalSwitch PhysicalSwitch { get; }
            public EtherChannelLoadBalance Method { get; }
            /// <summary>Uplink index of each member whose link is up, in configured order; -1 for a NIC outside the simulation.</summary>
            public int[] Members { get; }
            /// <summary>The member uplink each of the 8 buckets goes to.</summary>
            public readonly int[] BucketUplink = new int[EtherChannelHash.Buckets];
            public string Target => Real?.Path ?? PhysicalSwitch.Name;
            public int Flows;
            public int Mismatched;
        }

        // Per uplink of the team, from the team's lowest uplink index on: the team's uplinks are those of one
        // switch, which the model numbers consecutively, so the arrays grow with the team, not with the model.
        readonly int _first;
        readonly int[] _channelOf;
        readonly bool[] _cabled, _serves;
        readonly VNPortChannel[] _notFormed;
        public readonly List<Channel> Channels = new List<Channel>();

        /// <summary>The channel the uplink belongs to (index into <see cref="Channels"/>), or -1.</summary>
        public int ChannelOf(int uplink) => Local(uplink) is int k ? _channelOf[k] : -1;
        /// <summary>False when the uplink is not cabled (or not the team's), so the switch side is unknown.</summary>
        public bool Cabled(int uplink) => Local(uplink) is int k && _cabled[k];
        /// <summary>The uplink carries this team's traffic now, so frames for the team may arrive on it.</summary>
        public bool Serves(int uplink) => Local(uplink) is int k && _serves[k];
        /// <summary>An LACP or PAgP channel the uplink's port is in that never forms with this vSwitch; else null.</summary>
        public VNPortChannel NotFormed(int uplink) => Local(uplink) is int k ? _notFormed[k] : null;

        int? Local(int uplink)
        {
            int k = uplink - _first;
            return k >= 0 && k < _channelOf.Length ? k : (int?)null;
        }

        public PhysicalSwitchSide(TrafficModel model, TeamRun run, UplinkState[] state, bool assumeMatching)
        {
            int first = int.MaxValue, last = -1;
            foreach (var u in AllOf(run.Team)) { first = System.Math.Min(first, u); last = System.Math.Max(last, u); }
            _first = last < 0 ? 0 : first;
            int n = last < 0 ? 0 : last - first + 1;
            _channelOf = new int[n];
            _cabled = new bool[n];
            _notFormed = new VNPortChannel[n];
            _serves = new bool[n];
            for (int k = 0; k < n; k++) _channelOf[k] = -1;
            foreach (var u in run.Usable) _serves[u - _first] = true;
            var team = run.Team;
            var byReal = new Dictionary<VNPortChannel, int>();
            var bySwitch = new Dictionary<VNPhysicalSwitch, int>();
            foreach (var u in AllOf(team))
            {
                var port = model.SwitchPort[u];
                if (port == null) continue;
                _cabled[u - _first] = true;
                if (assumeMatching)
                {
                    if (run.Option.RequiredPortChannel == RequiredPortChannel.None || System.Array.IndexOf(team.Active, u) < 0) continue;
                    // The channel the teaming asks for (static for IP hash): this switch's ports of the active uplinks, src-dst-ip.
                    if (!bySwitch.TryGetValue(port.PhysicalSwitch, out int c))
                    {
                        var members = new List<int>();
                        foreach (var a in team.Active)
                            if (model.SwitchPort[a]?.PhysicalSwitch == port.PhysicalSwitch && state[a] != UplinkState.Failed) members.Add(a);
                        c = Channels.Count;
                        Channels.Add(new Channel(null, port.PhysicalSwitch, EtherChannelLoadBalance.SrcDstIp, members.ToArray()));
                        bySwitch.Add(port.PhysicalSwitch, c);
                    }
                    _channelOf[u - _first] = c;
                    continue;
                }
                // Both sides of a vPC or MLAG channel are one logical channel, its members on both peers.
                var real = port.PortChannel?.Logical;
                if (real == null) continue;
                if (!Forms(real, run)) { _notFormed[u - _first] = real; continue; }
                if (!byReal.TryGetValue(real, out int index))
                {
                    var members = new List<int>();
                    var onSecondary = new List<bool>();
                    // The switch hashes over the bundled members; a hot-standby one joins when a bundled one fails.
                    foreach (var member in real.CarryingMembers(p => p.Uplink != null && model.IndexOf(p.Uplink) is int i && i >= 0 && state[i] == UplinkState.Failed))
                    {
                        if (member.Uplink == null) continue;
                        int m = model.IndexOf(member.Uplink);
                        members.Add(m);
                        onSecondary.Add(member.PhysicalSwitch != real.PhysicalSwitch);
                    }
                    index = Channels.Count;
                    Channels.Add(new Channel(real, real.PhysicalSwitch, real.PhysicalSwitch.LoadBalance, members.ToArray(),
                        real.IsMultiChassis ? onSecondary.ToArray() : null));
                    byReal.Add(real, index);
                }
                _channelOf[u - _first] = index;
            }
            FindSingleLogicalPort(run);
        }

        /// <summary>True when all the team's usable uplinks are one logical port (or not cabled): no MAC can flap.</summary>
        public bool SingleLogicalPort { get; private set; }

        /// <summary>The formed channel every usable uplink is in, when each of its members serves the team; else null.</summary>
        public Channel OneServingChannel { get; private set; }

        void FindSingleLogicalPort(TeamRun run)
        {
            int first = -1;
            bool allCabled = true;
            foreach (var u in run.Usable)
            {
                int port = LogicalPort(u);
                if (port < 0) { allCabled = false; continue; }
                if (first < 0) first = port;
                else if (port != first) return;
            }
            SingleLogicalPort = true;
            if (!allCabled || first < 0 || first >= Channels.Count) return;
            foreach (var member in Channels[first].Members)
                if (member < 0 || !Serves(member)) return;
            OneServingChannel = Channels[first];
        }

        /// <summary>
        /// Whether a channel comes up towards this team. Mode on bundles without negotiation; LACP forms with the
        /// teams that speak it (<see cref="LacpAggregators.Negotiates"/>). Nothing here speaks PAgP. A channel that
        /// does not form leaves its ports on their own (IOS LACP/PAgP individual ports), which the model takes as the
        /// outcome.
        /// </summary>
        public static bool Forms(VNPortChannel channel, TeamRun run) => channel.IsStatic || (channel.IsLacp && LacpAggregators.Negotiates(run));

        /// <summary>The logical port MAC learning sees for an uplink: its channel or its own port; -1 when unknown.</summary>
        public int LogicalPort(int uplink) =>
            !Cabled(uplink) ? -1 : ChannelOf(uplink) >= 0 ? ChannelOf(uplink) : Channels.Count + uplink;

        static IEnumerable<int> AllOf(Team team)
        {
            foreach (var u in team.Active) yield return u;
            foreach (var u in team.Standby) yield return u;
            foreach (var u in team.Unused) yield return u;
        }
    }
}
