using System.Collections.Generic;
using VirtNet.Teaming;

namespace VirtNet.Traffic
{
    /// <summary>
    /// What the physical switches make of one team's uplinks (domain.md section 2). Each uplink's switch port is
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

        /// <summary>Per uplink: the channel it belongs to (index into <see cref="Channels"/>), or -1.</summary>
        public readonly int[] ChannelOf;
        /// <summary>Per uplink: false when it is not cabled, so the switch side is unknown.</summary>
        public readonly bool[] Cabled;
        /// <summary>Per uplink: an LACP or PAgP channel its port is in that never forms with this vSwitch.</summary>
        public readonly VNPortChannel[] NotFormed;
        /// <summary>Per uplink: it carries this team's traffic now, so frames for the team may arrive on it.</summary>
        public readonly bool[] Serves;
        public readonly List<Channel> Channels = new List<Channel>();

        public PhysicalSwitchSide(TrafficModel model, TeamRun run, UplinkState[] state, bool assumeMatching)
        {
            int n = model.Uplinks.Length;
            ChannelOf = new int[n];
            Cabled = new bool[n];
            NotFormed = new VNPortChannel[n];
            Serves = new bool[n];
            for (int u = 0; u < n; u++) ChannelOf[u] = -1;
            foreach (var u in run.Usable) Serves[u] = true;
            var team = run.Team;
            var byReal = new Dictionary<VNPortChannel, int>();
            var bySwitch = new Dictionary<VNPhysicalSwitch, int>();
            foreach (var u in AllOf(team))
            {
                var port = model.SwitchPort[u];
                if (port == null) continue;
                Cabled[u] = true;
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
                    ChannelOf[u] = c;
                    continue;
                }
                // Both sides of a vPC or MLAG channel are one logical channel, its members on both peers.
                var real = port.PortChannel?.Logical;
                if (real == null) continue;
                if (!Forms(real, run)) { NotFormed[u] = real; continue; }
                if (!byReal.TryGetValue(real, out int index))
                {
                    var members = new List<int>();
                    var onSecondary = new List<bool>();
                    foreach (var member in real.AllMembers)
                    {
                        if (member.Uplink == null) continue;
                        int m = model.IndexOf(member.Uplink);
                        if (m >= 0 && state[m] == UplinkState.Failed) continue;
                        members.Add(m);
                        onSecondary.Add(member.PhysicalSwitch != real.PhysicalSwitch);
                    }
                    index = Channels.Count;
                    Channels.Add(new Channel(real, real.PhysicalSwitch, real.PhysicalSwitch.LoadBalance, members.ToArray(),
                        real.IsMultiChassis ? onSecondary.ToArray() : null));
                    byReal.Add(real, index);
                }
                ChannelOf[u] = index;
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
                if (member < 0 || !Serves[member]) return;
            OneServingChannel = Channels[first];
        }

        /// <summary>
        /// Whether a channel comes up towards this team. Mode on bundles without negotiation. A standard vSwitch
        /// speaks neither LACP nor PAgP; a distributed switch speaks LACP from vSphere 5.1 (one LAG with IP hash;
        /// 5.5 enhanced LACP). A Hyper-V team speaks LACP in Lacp mode, a bond in 802.3ad mode. Nothing here speaks
        /// PAgP. A channel that does not form leaves its ports on their own (IOS LACP/PAgP individual ports), which
        /// the model takes as the outcome.
        /// </summary>
        public static bool Forms(VNPortChannel channel, TeamRun run)
        {
            var vswitch = run.Team.VirtualSwitch;
            return channel.IsStatic || (channel.IsLacp && (run.Option.Platform == Hypervisor.Esx
                ? vswitch.Type == VirtualSwitchType.Distributed && vswitch.Host.VersionInfo.IsAtLeast(5, 1)
                : run.Option.SpeaksLacp));
        }

        /// <summary>The logical port MAC learning sees for an uplink: its channel or its own port; -1 when unknown.</summary>
        public int LogicalPort(int uplink) =>
            !Cabled[uplink] ? -1 : ChannelOf[uplink] >= 0 ? ChannelOf[uplink] : Channels.Count + uplink;

        static IEnumerable<int> AllOf(Team team)
        {
            foreach (var u in team.Active) yield return u;
            foreach (var u in team.Standby) yield return u;
            foreach (var u in team.Unused) yield return u;
        }
    }
}
