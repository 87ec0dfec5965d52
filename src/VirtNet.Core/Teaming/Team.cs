using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Teaming
{
    /// <summary>
    /// A port group's team as the simulation sees it: how it spreads traffic (the port group's effective ESX
    /// teaming policy, or its Hyper-V switch's or bond's teaming), its uplinks as indices into the simulation's uplink
    /// table, and every port connected to it (with or without flows), in port id order, because port id placement
    /// counts them all.
    /// </summary>
    internal sealed class Team
    {
        public Team(int index, VNPortGroup portGroup, TeamingOption option, NetworkFailoverDetectionPolicy detection, bool failbackEnabled,
            IpHashVariant ipHashVariant, int[] active, int[] standby, int[] unused, int[] portIds, ulong[] portMacs, long upDelayMs = 0)
        {
            UpDelayMs = upDelayMs;
            Index = index;
            PortGroup = portGroup;
            Option = option;
            Detection = detection;
            FailbackEnabled = failbackEnabled;
            IpHashVariant = ipHashVariant;
            Active = active;
            Standby = standby;
            Unused = unused;
            PortIds = portIds;
            PortMacs = portMacs;
        }

        /// <summary>
        /// Compiles a port group's team, the one way every simulator builds it. <paramref name="indexOf"/> gives the
        /// simulation's index of an uplink; an uplink it gives -1 for is left out of the team.
        /// </summary>
        public static Team Compile(int index, VNPortGroup portGroup, Func<VNUplink, int> indexOf)
        {
            var vswitch = portGroup.VirtualSwitch;
            var policy = portGroup.TeamingPolicy;
            List<VNUplink> Members(IEnumerable<string> names) => names
                .Select(n => vswitch.Uplinks.FirstOrDefault(x => Names.Comparer.Equals(x.Name, n)))
                .Where(x => x != null && indexOf(x) >= 0).ToList();
            int[] Indices(IEnumerable<string> names) => Members(names).Select(indexOf).ToArray();
            var ports = portGroup.Ports.OrderBy(a => a.PortId).ToArray();
            var option = TeamingOption.Of(portGroup);
            bool esx = option.Platform == Hypervisor.Esx;
            var (active, standby, unused) = esx ? (policy.ActiveNic, policy.StandbyNic, policy.UnusedNic) : PlatformMembers(vswitch);
            var activeUplinks = Members(active);
            // Hyper-V teams and bonds detect failures by link state and take a restored member back at once.
            return new Team(index, portGroup, option, esx ? policy.NetworkFailoverDetectionPolicy : NetworkFailoverDetectionPolicy.LinkStatus,
                !esx || policy.FailbackEnabled, policy.IpHashVariant, Indices(active), Indices(standby), Indices(unused),
                ports.Select(a => a.PortId).ToArray(), ports.Select(a => a.MacAddress?.Value ?? 0UL).ToArray(),
                UpDelayOf(vswitch))
            {
                PortsWithoutMac = ports.Where(a => a.MacAddress == null).Select(a => a.Path).ToArray(),
                Aggregators = LacpAggregators.Of(activeUplinks),
                ActivePorts = activeUplinks.Select(u => u.SwitchPort).ToArray(),
                HoldsMembersBack = activeUplinks.Any(u => u.SwitchPort?.PortChannel is VNPortChannel c && c.IsLacp
                    && c.AllMembers.Any(m => m.MemberState.HasValue && m.MemberState != PortChannelMemberState.Bundled)),
            };
        }

        /// <summary>
        /// How long, in ms, an uplink of the switch whose link came up stays out of use: ESX Net.TeamPolicyUpDelay
        /// (KB 2014075); for a Linux bond the next miimon poll and then updelay (bonding.rst; bond_miimon_inspect,
        /// BOND_LINK_BACK). A Hyper-V team takes a member back at once.
        /// </summary>
        public static long UpDelayOf(VNVirtualSwitch vswitch) =>
            vswitch.BondMode.HasValue ? vswitch.MiiMon.Value + vswitch.UpDelay.Value : vswitch.Host.TeamPolicyUpDelay ?? 0;

        /// <summary>
        /// How long, in ms, a team keeps choosing an uplink whose link went down: for a Linux bond up to miimon to see
        /// it and then downdelay (BOND_LINK_FAIL); ESX link status and Hyper-V teams see a link go down at once.
        /// Without miimon a bond never sees links change, and the model takes the change at once.
        /// </summary>
        public static long DownDelayOf(VNVirtualSwitch vswitch) =>
            vswitch.BondMode.HasValue ? vswitch.MiiMon.Value + vswitch.DownDelay.Value : 0;

        /// <summary>
        /// The members of a Hyper-V switch's team or of a bond: every NIC of a bond or a SET switch, in order; an LBFO
        /// team's members in team order, its standby apart. A Hyper-V switch without a team binds one adapter
        /// (New-VMSwitch -NetAdapterName), its first NIC, and the others carry nothing.
        /// </summary>
        internal static (string[] Active, string[] Standby, string[] Unused) PlatformMembers(VNVirtualSwitch vswitch)
        {
            var none = new string[0];
            if (vswitch.Team != null)
                return (vswitch.Team.ActiveMembers.Select(m => m.Name).ToArray(), vswitch.Team.StandbyMember == null ? none : new[] { vswitch.Team.StandbyMember }, none);
            if (vswitch.BondMode.HasValue || vswitch.EmbeddedTeamingEnabled || vswitch.Uplinks.Count < 2) return (vswitch.Nic, none, none);
            return (new[] { vswitch.Nic[0] }, none, vswitch.Nic.Skip(1).ToArray());
        }

        public int Index { get; }
        public VNPortGroup PortGroup { get; }
        public VNVirtualSwitch VirtualSwitch => PortGroup.VirtualSwitch;
        public string Path => PortGroup.Path;
        public TeamingOption Option { get; }
        public NetworkFailoverDetectionPolicy Detection { get; }
        public bool FailbackEnabled { get; }
        public IpHashVariant IpHashVariant { get; }
        public int[] Active { get; }
        public int[] Standby { get; }
        public int[] Unused { get; }
        /// <summary>Virtual port ids of every connected adapter, ascending.</summary>
        public int[] PortIds { get; }
        /// <summary>How long, in ms, an uplink whose link came up stays out of use (ESX Net.TeamPolicyUpDelay).</summary>
        public long UpDelayMs { get; }
        public ulong[] PortMacs { get; }
        /// <summary>Paths of the ports whose adapter has no MAC address (source MAC hash cannot place them as ESX would).</summary>
        public string[] PortsWithoutMac { get; set; } = new string[0];
        /// <summary>The LACP aggregators of the active uplinks, when they reach more than one partner; else null.</summary>
        public LacpAggregators Aggregators { get; private set; }
        /// <summary>Per active uplink, in <see cref="Active"/> order, the switch port it is cabled to; null when not cabled.</summary>
        public VNSwitchPort[] ActivePorts { get; private set; }

        /// <summary>Whether an LACP channel of the active uplinks' ports keeps a member out of the bundle (hot-standby, suspended ...).</summary>
        public bool HoldsMembersBack { get; private set; }
        /// <summary>Beacon probing compares the uplinks that may carry traffic: active and standby.</summary>
        public int BeaconUplinkCount => Active.Length + Standby.Length;

        public IEnumerable<int> TeamUplinks
        {
            get
            {
                foreach (var u in Active) yield return u;
                foreach (var u in Standby) yield return u;
            }
        }
    }

    /// <summary>One team in one simulation run: the teaming in force and the uplinks that carry its traffic.</summary>
    internal sealed class TeamRun
    {
        public TeamRun(Team team, TeamingOption option)
        {
            Team = team;
            Option = option;
            Algorithm = option.Algorithm;
            PortUplink = new int[team.PortIds.Length];
            Modulus = new FastModulus(1);
        }

        public Team Team { get; }
        public TeamingOption Option { get; }
        /// <summary>The ESX policy in force; null for a Hyper-V team or a bond.</summary>
        public LoadBalancingPolicy? Policy => Option.LoadBalancingPolicy;
        public TeamingAlgorithm Algorithm { get; }
        /// <summary>A bond's active slave (curr_active_slave), see <see cref="BondPlacement.SelectActiveSlave"/>; -1 for none and for other teams.</summary>
        public int ActiveSlave = -1;
        /// <summary>The aggregator the team transmits on (<see cref="LacpAggregators"/>, index of its first active uplink); -1 for none and for teams with one.</summary>
        public int ActiveAggregator = -1;
        /// <summary>Flows placed by a hash that reads the destination MAC when the model does not know it.</summary>
        public int UnknownDestinationMac;
        /// <summary>The balance-tlb/alb bucket table of the team's bond, shared by its port groups.</summary>
        public BondBuckets Buckets;
        /// <summary>The uplinks that carry traffic, in failover order (see <see cref="Failover"/>).</summary>
        public int[] Usable { get; private set; } = new int[0];
        public FastModulus Modulus { get; private set; }
        public uint KeyMask => IpHash.KeyMask(Team.IpHashVariant);
        /// <summary>Beacon probing with two uplinks saw a path fail and sends on both.</summary>
        public bool Shotgun { get; private set; }
        /// <summary>In shotgun mode: the uplink whose copies arrive (-1 when both paths are down).</summary>
        public int ShotgunDelivers { get; private set; } = -1;
        /// <summary>The uplink of each team port (aligned with <see cref="Team.PortIds"/>); -1 for none.</summary>
        public int[] PortUplink { get; }

        /// <summary>Decides, for the uplink states given, which uplinks the team uses and the uplink of each port.</summary>
        public void Choose(UplinkState[] state)
        {
            Failover.Select(this, state);
            Algorithm.AssignPorts(Team, this);
        }

        /// <summary>Room for the usable uplinks as <see cref="Failover"/> lists them: at most every active and standby uplink.</summary>
        internal int[] Buffer => _buffer ?? (_buffer = new int[Team.BeaconUplinkCount]);
        int[] _buffer;

        /// <summary>Room for whether each active uplink is up, for <see cref="LacpAggregators.Narrow"/>.</summary>
        internal bool[] MemberUp => _memberUp ?? (_memberUp = new bool[Team.Active.Length]);
        bool[] _memberUp;

        /// <summary>Takes the first <paramref name="count"/> uplinks of <see cref="Buffer"/> as the usable ones.</summary>
        public void SetUsable(int count, bool shotgun, int shotgunDelivers)
        {
            bool same = Usable.Length == count;
            for (int k = 0; k < count && same; k++) same = Usable[k] == _buffer[k];
            if (!same)
            {
                var usable = new int[count];
                System.Array.Copy(_buffer, usable, count);
                Usable = usable;
                Modulus = new FastModulus(count == 0 ? 1 : count);
            }
            Shotgun = shotgun;
            ShotgunDelivers = shotgunDelivers;
        }

        public bool IsUsable(int uplink)
        {
            foreach (var u in Usable) if (u == uplink) return true;
            return false;
        }
    }
}
