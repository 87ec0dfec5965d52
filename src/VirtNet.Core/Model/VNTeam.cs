using System.Collections.Generic;
using System.Linq;

namespace VirtNet
{
    /// <summary>
    /// A Windows NIC team (LBFO, New-NetLbfoTeam) under a Hyper-V External switch: the switch binds to the team, and
    /// the team's members are the switch's uplinks. At most one member is standby (Add-NetLbfoTeamMember).
    /// </summary>
    public sealed class VNTeam
    {
        readonly List<VNUplink> _members;

        internal VNTeam(VNVirtualSwitch vswitch, string name, IEnumerable<VNUplink> members, TeamingMode mode,
            LoadBalancingAlgorithm algorithm, VNUplink standby)
        {
            VirtualSwitch = vswitch;
            Name = name;
            _members = members.ToList();
            TeamingMode = mode;
            LoadBalancingAlgorithm = algorithm;
            Standby = standby;
        }

        public string Name { get; }
        public VNVirtualSwitch VirtualSwitch { get; private set; }
        public VNHost Host => VirtualSwitch?.Host;
        public TeamingMode TeamingMode { get; }
        public LoadBalancingAlgorithm LoadBalancingAlgorithm { get; }
        /// <summary>The member NICs in team order, as Get-NetLbfoTeam lists Members.</summary>
        public string[] TeamMembers => _members.Select(m => m.Name).ToArray();
        public IReadOnlyList<VNUplink> Members => _members;
        /// <summary>The standby member's name; null when every member is active.</summary>
        public string StandbyMember => Standby?.Name;
        /// <summary>The members that carry traffic while all are up, in team order.</summary>
        public IEnumerable<VNUplink> ActiveMembers => _members.Where(m => m != Standby);
        public RequiredPortChannel RequiredPortChannel => HyperVTeaming.RequiredChannel(TeamingMode);
        public InboundDistribution InboundDistribution => HyperVTeaming.Inbound(TeamingMode, LoadBalancingAlgorithm);
        public string Path => Host == null ? Name : Host.Name + "/" + Name;

        internal VNUplink Standby { get; private set; }

        /// <summary>A NIC added to the switch joins the team as an active member (Add-NetLbfoTeamMember).</summary>
        internal void AddMember(VNUplink uplink) => _members.Add(uplink);

        internal void RemoveMember(VNUplink uplink)
        {
            _members.Remove(uplink);
            if (Standby == uplink) Standby = null;
        }

        internal void Detach() => VirtualSwitch = null;

        public override string ToString() => Name;
    }
}
