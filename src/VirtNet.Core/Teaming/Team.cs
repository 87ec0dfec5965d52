using System.Collections.Generic;

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
            IpHashVariant ipHashVariant, int[] active, int[] standby, int[] unused, int[] portIds, ulong[] portMacs)
        {
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

    /// <summary>One team in one simulation run: the teaming in force and the uplinks that carry its traffic.</summary>
    internal sealed class TeamRun
    {
        public TeamRun(Team team, TeamingOption option)
        {
            Team = team;
            Option = option;
            Algorithm = option.Algorithm;
            PortUplink = new int[team.PortIds.Length];
        }

        public Team Team { get; }
        public TeamingOption Option { get; }
        /// <summary>The ESX policy in force; null for a Hyper-V team or a bond.</summary>
        public LoadBalancingPolicy? Policy => Option.LoadBalancingPolicy;
        public TeamingAlgorithm Algorithm { get; }
        /// <summary>A bond's active slave (curr_active_slave), see <see cref="BondPlacement.SelectActiveSlave"/>; -1 for none and for other teams.</summary>
        public int ActiveSlave = -1;
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
