using System.Collections.Generic;
using System.Linq;
using VirtNet.Traffic;

namespace VirtNet.Report
{
    /// <summary>What an uplink does for one team of its switch: carry traffic, wait as standby, or nothing.</summary>
    public enum UplinkRole { Active, Standby, Unused }

    /// <summary>
    /// One failover order of a virtual switch as the pictures show it: an ESX port group's effective order (or the
    /// vSwitch's own when it has no port groups), or the one team of a Hyper-V switch or Linux bond, which every
    /// port group on it shares.
    /// </summary>
    public sealed class TeamOrder
    {
        readonly HashSet<string> _active, _standby;

        internal TeamOrder(string name, string path, IEnumerable<string> active, IEnumerable<string> standby)
        {
            Name = name;
            Path = path;
            _active = new HashSet<string>(active, Names.Comparer);
            _standby = new HashSet<string>(standby, Names.Comparer);
        }

        public string Name { get; }
        public string Path { get; }

        /// <summary>ESX: a NIC in neither list is unused (vSphere Networking, "Teaming and Failover Policy").</summary>
        public UplinkRole RoleOf(VNUplink uplink) =>
            _active.Contains(uplink.Name) ? UplinkRole.Active : _standby.Contains(uplink.Name) ? UplinkRole.Standby : UplinkRole.Unused;
    }

    /// <summary>The facts the topology pictures (the report's diagrams, Show-VNTopology's tree) share.</summary>
    public static class Topology
    {
        public static IReadOnlyList<TeamOrder> TeamOrders(VNVirtualSwitch vswitch)
        {
            bool esx = vswitch.Type == VirtualSwitchType.Standard || vswitch.Type == VirtualSwitchType.Distributed;
            if (!esx)
            {
                var (active, standby, _) = VirtNet.Teaming.Team.PlatformMembers(vswitch);
                return new[] { new TeamOrder(vswitch.Team?.Name ?? vswitch.Name, vswitch.Path, active, standby) };
            }
            if (vswitch.PortGroups.Count == 0)
            {
                var own = vswitch.TeamingPolicy;
                return new[] { new TeamOrder(vswitch.Name, vswitch.Path, own.ActiveNic, own.StandbyNic) };
            }
            return vswitch.PortGroups.Select(pg =>
            {
                var policy = pg.TeamingPolicy;
                return new TeamOrder(pg.Name, pg.Path, policy.ActiveNic, policy.StandbyNic);
            }).ToList();
        }

        /// <summary>"LoadBalanceSrcId"; "SET Dynamic"; "LBFO Team0 Lacp Dynamic"; "bond 802.3ad layer3+4"; "External".</summary>
        public static string Teaming(VNVirtualSwitch vswitch)
        {
            if (vswitch.BondMode.HasValue)
                return "bond " + LinuxBonding.Name(vswitch.BondMode.Value) + (vswitch.XmitHashPolicy.HasValue ? " " + LinuxBonding.Name(vswitch.XmitHashPolicy.Value) : "");
            if (vswitch.Type == VirtualSwitchType.HyperV)
                return vswitch.EmbeddedTeamingEnabled ? "SET " + vswitch.LoadBalancingAlgorithm
                    : vswitch.Team != null ? $"LBFO {vswitch.Team.Name} {vswitch.Team.TeamingMode} {vswitch.Team.LoadBalancingAlgorithm}"
                    : vswitch.SwitchType.ToString();
            return vswitch.TeamingPolicy.LoadBalancingPolicy.ToString();
        }

        /// <summary>"up" for a cabled uplink (the model has no link down outside failure scenarios), "not cabled" otherwise.</summary>
        public static string State(VNUplink uplink) => uplink.SwitchPort == null ? "not cabled" : "up";

        /// <summary>"1G", "10G", "100M": link speeds as switch and NIC listings abbreviate them.</summary>
        public static string Speed(int mbps) =>
            mbps >= 1000 && mbps % 1000 == 0 ? (mbps / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "G"
            : mbps.ToString(System.Globalization.CultureInfo.InvariantCulture) + "M";

        public static string Letter(UplinkRole role) => role == UplinkRole.Active ? "A" : role == UplinkRole.Standby ? "S" : "U";

        /// <summary>"trunk, PortFast trunk, MTU 9000, VLANs 10,20" or "access VLAN 20, no PortFast, MTU 1500".</summary>
        public static string Describe(VNSwitchPort port)
        {
            var mode = port.Mode == SwitchPortMode.Trunk
                ? $"trunk, native VLAN {port.NativeVLan}, VLANs {port.AllowedVLan}"
                : $"access VLAN {port.AccessVLan}";
            var portFast = port.IsPortFastEffective ? (port.PortFast == PortFastMode.Trunk ? "PortFast trunk" : "PortFast")
                : port.PortFast == PortFastMode.Disabled ? "no PortFast" : "PortFast ignored on a trunk";
            var channel = port.PortChannel == null ? "" : $", {port.PortChannel.Name} mode {port.PortChannel.Mode}";
            return $"{mode}, {portFast}, MTU {port.Mtu}{channel}";
        }
    }
}
