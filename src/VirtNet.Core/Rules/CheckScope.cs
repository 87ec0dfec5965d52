using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Rules
{
    /// <summary>
    /// What one check looks at, resolved once so that rules do not walk the model again: the ESX vSwitches
    /// (with every team, port group and VMkernel port), the Hyper-V switches and Linux bonds, the hosts given
    /// themselves (for the MAC address rules), the physical switch ports, and the HA clusters.
    /// </summary>
    internal sealed class CheckScope
    {
        readonly Dictionary<VNPortGroup, Team> _teamOfPortGroup = new Dictionary<VNPortGroup, Team>();
        readonly Dictionary<VNUplink, List<VNPortGroup>> _portGroupsUsing = new Dictionary<VNUplink, List<VNPortGroup>>();

        public CheckScope(IReadOnlyList<VNVirtualSwitch> virtualSwitches, IReadOnlyList<VNSwitchPort> switchPorts, IReadOnlyList<VNCluster> clusters)
        {
            VirtualSwitches = virtualSwitches;
            SwitchPorts = switchPorts;
            Clusters = clusters;
            var teams = new List<Team>();
            foreach (var vswitch in virtualSwitches)
            {
                var uplinksByName = vswitch.Uplinks.ToDictionary(u => u.Name, Names.Comparer);
                teams.Add(new Team(vswitch, null, uplinksByName));
                foreach (var uplink in vswitch.Uplinks) _portGroupsUsing[uplink] = new List<VNPortGroup>();
                foreach (var portGroup in vswitch.PortGroups)
                {
                    var team = new Team(vswitch, portGroup, uplinksByName);
                    teams.Add(team);
                    _teamOfPortGroup[portGroup] = team;
                    foreach (var uplink in team.Members) _portGroupsUsing[uplink].Add(portGroup);
                }
            }
            Teams = teams;
        }

        /// <summary>ESX standard and distributed vSwitches, in input order.</summary>
        public IReadOnlyList<VNVirtualSwitch> VirtualSwitches { get; }
        /// <summary>Hyper-V switches and Linux bonds, in input order: their teaming follows the platform, not ESX policies.</summary>
        public IReadOnlyList<VNVirtualSwitch> PlatformSwitches { get; set; } = new VNVirtualSwitch[0];
        /// <summary>The hosts given as such, in input order; MAC address pools and addresses are compared among them.</summary>
        public IReadOnlyList<VNHost> Hosts { get; set; } = new VNHost[0];

        /// <summary>The MAC address conflicts among <see cref="Hosts"/>, found once for the three rules that report them.</summary>
        public IReadOnlyList<VNMacAddressConflict> MacAddressConflicts => _macAddressConflicts ?? (_macAddressConflicts = VNMacAddressConflict.Find(Hosts));
        IReadOnlyList<VNMacAddressConflict> _macAddressConflicts;
        /// <summary>Ports of the physical switches given, and the ports the given vSwitches' uplinks are cabled to.</summary>
        public IReadOnlyList<VNSwitchPort> SwitchPorts { get; }
        /// <summary>HA clusters, in input order; their hosts' vSwitches are among <see cref="VirtualSwitches"/>.</summary>
        public IReadOnlyList<VNCluster> Clusters { get; }
        /// <summary>Every vSwitch's own team, then each of its port groups' effective teams.</summary>
        public IReadOnlyList<Team> Teams { get; }

        public IEnumerable<VNPortGroup> PortGroups => VirtualSwitches.SelectMany(s => s.PortGroups);

        public IEnumerable<VNUplink> Uplinks => VirtualSwitches.SelectMany(s => s.Uplinks);

        public IEnumerable<VNVMKernelAdapter> VMKernelAdapters => PortGroups.SelectMany(p => p.Ports.OfType<VNVMKernelAdapter>());

        /// <summary>
        /// The teams a rule that reads these settings must check: every vSwitch, and the port groups that override
        /// at least one of them. A port group that inherits them behaves as its vSwitch, whose finding covers it.
        /// </summary>
        public IEnumerable<Team> TeamsReading(TeamingFields fields) =>
            Teams.Where(t => t.PortGroup == null || (t.Overridden & fields) != 0);

        public Team TeamOf(VNPortGroup portGroup) => _teamOfPortGroup[portGroup];

        /// <summary>The port groups whose traffic can use the uplink (it is active or standby for them).</summary>
        public IReadOnlyList<VNPortGroup> PortGroupsUsing(VNUplink uplink) => _portGroupsUsing[uplink];
    }
}
