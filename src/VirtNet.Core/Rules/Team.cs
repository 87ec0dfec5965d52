using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>The teaming settings a rule may read; a port group is checked on its own only for those it overrides.</summary>
    [Flags]
    internal enum TeamingFields
    {
        LoadBalancing = 1,
        FailureDetection = 2,
        Failback = 4,
        FailoverOrder = 8,
    }

    /// <summary>
    /// A NIC team as ESX applies it: a vSwitch's own policy, or a port group's effective policy (its overrides
    /// resolved against the vSwitch), with the failover order resolved to uplink objects.
    /// </summary>
    internal sealed class Team
    {
        /// <param name="uplinksByName">The vSwitch's uplinks by name, built once per vSwitch for all its teams.</param>
        public Team(VNVirtualSwitch vswitch, VNPortGroup portGroup, IReadOnlyDictionary<string, VNUplink> uplinksByName)
        {
            VirtualSwitch = vswitch;
            PortGroup = portGroup;
            Policy = portGroup == null ? VNTeamingPolicy.For(vswitch) : VNTeamingPolicy.For(portGroup);
            Active = Resolve(Policy.ActiveNic, uplinksByName);
            Standby = Resolve(Policy.StandbyNic, uplinksByName);
            Members = Active.Concat(Standby).ToArray();
            if (portGroup != null)
            {
                if (!Policy.IsLoadBalancingInherited) Overridden |= TeamingFields.LoadBalancing;
                if (!Policy.IsNetworkFailoverDetectionInherited) Overridden |= TeamingFields.FailureDetection;
                if (!Policy.IsFailbackInherited) Overridden |= TeamingFields.Failback;
                if (!Policy.IsFailoverOrderInherited) Overridden |= TeamingFields.FailoverOrder;
            }
        }

        public VNVirtualSwitch VirtualSwitch { get; }
        /// <summary>Null for the vSwitch's own policy.</summary>
        public VNPortGroup PortGroup { get; }
        public VNTeamingPolicy Policy { get; }
        public IReadOnlyList<VNUplink> Active { get; }
        public IReadOnlyList<VNUplink> Standby { get; }
        /// <summary>The uplinks that can carry traffic: active, then standby. Unused uplinks never do.</summary>
        public IReadOnlyList<VNUplink> Members { get; }
        public TeamingFields Overridden { get; }
        public string Target => PortGroup?.Path ?? VirtualSwitch.Path;
        /// <summary>"vSwitch1" or "Port group NFS": what a message about the team starts with.</summary>
        public string Subject => PortGroup == null ? VirtualSwitch.Name : "Port group " + PortGroup.Name;
        /// <summary>"vSwitch1" or "port group NFS", inside a sentence.</summary>
        public string Name => PortGroup == null ? VirtualSwitch.Name : "port group " + PortGroup.Name;
        public LoadBalancingPolicy LoadBalancing => Policy.LoadBalancingPolicy;
        public IEnumerable<VNUplink> CabledActive => Active.Where(u => u.SwitchPort != null);
        public IEnumerable<VNUplink> CabledMembers => Members.Where(u => u.SwitchPort != null);

        static VNUplink[] Resolve(IEnumerable<string> names, IReadOnlyDictionary<string, VNUplink> byName) =>
            names.Select(n => byName.TryGetValue(n, out var u) ? u : null).Where(u => u != null).ToArray();
    }
}
