using System.Collections.Generic;

namespace VirtNet.Teaming
{
    /// <summary>
    /// A port group's team as the simulation sees it: the port group's effective teaming policy, its uplinks as
    /// indices into the simulation's uplink table, and every port connected to it (with or without flows), in
    /// port id order, because port id placement counts them all.
    /// </summary>
    internal sealed class Team
    {
        public Team(int index, VNPortGroup portGroup, VNTeamingPolicy policy, int[] active, int[] standby, int[] unused,
            int[] portIds, ulong[] portMacs)
        {
            Index = index;
            PortGroup = portGroup;
            LoadBalancingPolicy = policy.LoadBalancingPolicy;
            Detection = policy.NetworkFailoverDetectionPolicy;
            FailbackEnabled = policy.FailbackEnabled;
            IpHashVariant = policy.IpHashVariant;
            Active = active;
            Standby = standby;
            Unused = unused;
            PortIds = portIds;
            PortMacs = portMacs;
        }

        public int Index { get; }
        public VNPortGroup PortGroup { get; }
        public VNVirtualSwitch VirtualSwitch => PortGroup.VirtualSwitch;
        public string Path => PortGroup.Path;
        public LoadBalancingPolicy LoadBalancingPolicy { get; }
        public NetworkFailoverDetectionPolicy Detection { get; }
        public bool FailbackEnabled { get; }
        public IpHashVariant IpHashVariant { get; }
        public int[] Active { get; }
        public int[] Standby { get; }
        public int[] Unused { get; }
        /// <summary>Virtual port ids of every connected adapter, ascending.</summary>
        public int[] PortIds { get; }
        public ulong[] PortMacs { get; }
        /// <summary>Paths of the ports whose adapter has no MAC address (source MAC hash cannot place them as ESX would).</summary>
        public string[] PortsWithoutMac { get; set; } = new string[0];
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

    /// <summary>One team in one simulation run: the policy in force and the uplinks that carry its traffic.</summary>
    internal sealed class TeamRun
    {
        public TeamRun(Team team, LoadBalancingPolicy policy)
        {
            Team = team;
            Policy = policy;
            Algorithm = TeamingAlgorithm.For(policy);
            PortUplink = new int[team.PortIds.Length];
        }

        public Team Team { get; }
        public LoadBalancingPolicy Policy { get; }
        public TeamingAlgorithm Algorithm { get; }
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

        public void SetUsable(int[] usable, bool shotgun, int shotgunDelivers)
        {
            Usable = usable;
            Modulus = new FastModulus(usable.Length == 0 ? 1 : usable.Length);
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
