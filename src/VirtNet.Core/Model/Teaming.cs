using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet
{
    /// <summary>Active, standby and unused uplink names. The order of each list is the failover order.</summary>
    public sealed class FailoverOrder
    {
        public List<string> Active { get; } = new List<string>();
        public List<string> Standby { get; } = new List<string>();
        public List<string> Unused { get; } = new List<string>();

        public FailoverOrder Clone()
        {
            var copy = new FailoverOrder();
            copy.Active.AddRange(Active);
            copy.Standby.AddRange(Standby);
            copy.Unused.AddRange(Unused);
            return copy;
        }

        internal void Remove(string uplink)
        {
            Active.RemoveAll(n => Names.Comparer.Equals(n, uplink));
            Standby.RemoveAll(n => Names.Comparer.Equals(n, uplink));
            Unused.RemoveAll(n => Names.Comparer.Equals(n, uplink));
        }

        /// <summary>Moves uplinks to the end of one list, in the order given (PowerCLI's MakeNicActive/Standby/Unused).</summary>
        internal void MoveTo(List<string> target, IEnumerable<string> uplinks)
        {
            foreach (var name in uplinks)
            {
                Remove(name);
                target.Add(name);
            }
        }
    }

    /// <summary>
    /// Teaming fields as stored. On a vSwitch every field is set; on a port group a null field is inherited
    /// from the vSwitch, field by field, as the vSphere API's HostNicTeamingPolicy does.
    /// </summary>
    internal sealed class TeamingSettings
    {
        public LoadBalancingPolicy? LoadBalancingPolicy;
        public NetworkFailoverDetectionPolicy? NetworkFailoverDetectionPolicy;
        public bool? NotifySwitches;
        public bool? FailbackEnabled;
        public IpHashVariant? IpHashVariant;
        public FailoverOrder FailoverOrder;

        /// <summary>ESX defaults: originating port id, link status, notify switches, failback (vSphere networking guide).</summary>
        public static TeamingSettings VirtualSwitchDefaults() => new TeamingSettings
        {
            LoadBalancingPolicy = VirtNet.LoadBalancingPolicy.LoadBalanceSrcId,
            NetworkFailoverDetectionPolicy = VirtNet.NetworkFailoverDetectionPolicy.LinkStatus,
            NotifySwitches = true,
            FailbackEnabled = true,
            IpHashVariant = VirtNet.IpHashVariant.FullAddress,
            FailoverOrder = new FailoverOrder(),
        };

        public void Clear()
        {
            LoadBalancingPolicy = null;
            NetworkFailoverDetectionPolicy = null;
            NotifySwitches = null;
            FailbackEnabled = null;
            IpHashVariant = null;
            FailoverOrder = null;
        }
    }

    /// <summary>A change to a teaming policy: null fields are left as they are.</summary>
    public sealed class TeamingPolicyChange
    {
        public LoadBalancingPolicy? LoadBalancingPolicy { get; set; }
        public NetworkFailoverDetectionPolicy? NetworkFailoverDetectionPolicy { get; set; }
        public bool? NotifySwitches { get; set; }
        public bool? FailbackEnabled { get; set; }
        public IpHashVariant? IpHashVariant { get; set; }
        public IReadOnlyList<string> MakeNicActive { get; set; }
        public IReadOnlyList<string> MakeNicStandby { get; set; }
        public IReadOnlyList<string> MakeNicUnused { get; set; }
        /// <summary>Port groups only: drop every override first, so the port group follows its vSwitch again.</summary>
        public bool Inherit { get; set; }

        internal bool ChangesAnything =>
            LoadBalancingPolicy.HasValue || NetworkFailoverDetectionPolicy.HasValue || NotifySwitches.HasValue || FailbackEnabled.HasValue
            || IpHashVariant.HasValue || MakeNicActive != null || MakeNicStandby != null || MakeNicUnused != null || Inherit;

        /// <summary>Applies the change to a vSwitch or port group, all or nothing.</summary>
        public static void Apply(VNVirtualSwitch vswitch, VNPortGroup portGroup, TeamingPolicyChange change)
        {
            // The vSphere teaming policy is ESX's; the other platforms team by their own settings.
            if ((vswitch.Type == VirtualSwitchType.HyperV || vswitch.Type == VirtualSwitchType.LinuxBond) && change.ChangesAnything)
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"'{vswitch.Path}' is a {vswitch.Type} switch, and the teaming policy applies to ESX vSwitches only. " +
                    (vswitch.Type == VirtualSwitchType.HyperV
                        ? "Team Hyper-V NICs with Switch Embedded Teaming (Add-VNVirtualSwitch -EnableEmbeddedTeaming $true) or an LBFO team (New-VNTeam)."
                        : "A Linux bond teams by its -BondMode and -XmitHashPolicy (Add-VNVirtualSwitch)."), vswitch);
            if (portGroup == null && change.Inherit)
                throw new VirtNetException(ErrorIds.InheritOnVirtualSwitch, VirtNetErrorKind.InvalidArgument,
                    $"-Inherit applies to port groups only; virtual switch '{vswitch.Path}' has nothing to inherit from.", vswitch);
            // Route based on physical NIC load is a vDS feature from vSphere 4.1 (vSphere Networking guide).
            if (change.LoadBalancingPolicy == VirtNet.LoadBalancingPolicy.LoadBalanceLoadBased
                && (vswitch.Type != VirtualSwitchType.Distributed || (vswitch.Host != null && !vswitch.Host.VersionInfo.IsAtLeast(4, 1))))
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"LoadBalanceLoadBased (route based on physical NIC load) needs a distributed switch on ESX 4.1 or later; '{vswitch.Path}' is a {vswitch.Type} switch " +
                    $"(host version {vswitch.Host?.Version ?? "unknown"}). Use LoadBalanceSrcId, LoadBalanceSrcMac, LoadBalanceIP or ExplicitFailover.", vswitch);
            var moves = new[] { change.MakeNicActive, change.MakeNicStandby, change.MakeNicUnused }
                .Where(l => l != null).SelectMany(l => l).ToList();
            var canonical = new Dictionary<string, string>(Names.Comparer);
            foreach (var name in moves)
            {
                var uplink = vswitch.GetUplink(name);
                if (canonical.ContainsKey(name))
                    throw new VirtNetException(ErrorIds.ConflictingFailoverOrder, VirtNetErrorKind.InvalidArgument,
                        $"Uplink '{uplink.Name}' is named more than once in -MakeNicActive, -MakeNicStandby and -MakeNicUnused. Name each uplink once.", name);
                canonical[name] = uplink.Name;
            }

            var settings = portGroup?.Teaming ?? vswitch.Teaming;
            if (change.Inherit) settings.Clear();
            if (change.LoadBalancingPolicy.HasValue) settings.LoadBalancingPolicy = change.LoadBalancingPolicy;
            if (change.NetworkFailoverDetectionPolicy.HasValue) settings.NetworkFailoverDetectionPolicy = change.NetworkFailoverDetectionPolicy;
            if (change.NotifySwitches.HasValue) settings.NotifySwitches = change.NotifySwitches;
            if (change.FailbackEnabled.HasValue) settings.FailbackEnabled = change.FailbackEnabled;
            if (change.IpHashVariant.HasValue) settings.IpHashVariant = change.IpHashVariant;
            if (moves.Count > 0)
            {
                // A port group that inherited the order starts from a copy of its vSwitch's order (PowerCLI InheritFailoverOrder).
                var order = settings.FailoverOrder ?? (settings.FailoverOrder = vswitch.Teaming.FailoverOrder.Clone());
                if (change.MakeNicActive != null) order.MoveTo(order.Active, change.MakeNicActive.Select(n => canonical[n]));
                if (change.MakeNicStandby != null) order.MoveTo(order.Standby, change.MakeNicStandby.Select(n => canonical[n]));
                if (change.MakeNicUnused != null) order.MoveTo(order.Unused, change.MakeNicUnused.Select(n => canonical[n]));
            }
        }
    }

    /// <summary>
    /// The effective teaming policy of a vSwitch or port group, as PowerCLI's NicTeamingPolicy and
    /// NicTeamingVirtualPortGroupPolicy show it: port group values resolved against the vSwitch, with Is*Inherited flags.
    /// A snapshot: it does not change when the policy is changed later.
    /// </summary>
    public sealed class VNTeamingPolicy
    {
        VNTeamingPolicy() { }

        public VNVirtualSwitch VirtualSwitch { get; private set; }
        /// <summary>Null for a vSwitch's own policy.</summary>
        public VNPortGroup PortGroup { get; private set; }
        public string Target => PortGroup?.Path ?? VirtualSwitch.Path;
        public LoadBalancingPolicy LoadBalancingPolicy { get; private set; }
        public NetworkFailoverDetectionPolicy NetworkFailoverDetectionPolicy { get; private set; }
        public bool CheckBeacon => NetworkFailoverDetectionPolicy == NetworkFailoverDetectionPolicy.BeaconProbing;
        public bool NotifySwitches { get; private set; }
        public bool FailbackEnabled { get; private set; }
        public IpHashVariant IpHashVariant { get; private set; }
        public string[] ActiveNic { get; private set; }
        public string[] StandbyNic { get; private set; }
        public string[] UnusedNic { get; private set; }
        public bool IsLoadBalancingInherited { get; private set; }
        public bool IsNetworkFailoverDetectionInherited { get; private set; }
        public bool IsNotifySwitchesInherited { get; private set; }
        public bool IsFailbackInherited { get; private set; }
        public bool IsIpHashVariantInherited { get; private set; }
        public bool IsFailoverOrderInherited { get; private set; }

        public static VNTeamingPolicy For(VNVirtualSwitch vswitch) => Resolve(vswitch, null);

        public static VNTeamingPolicy For(VNPortGroup portGroup) => Resolve(portGroup.VirtualSwitch, portGroup);

        static VNTeamingPolicy Resolve(VNVirtualSwitch vswitch, VNPortGroup portGroup)
        {
            var sw = vswitch.Teaming;
            var own = portGroup?.Teaming ?? sw;
            var order = own.FailoverOrder ?? sw.FailoverOrder;
            return new VNTeamingPolicy
            {
                VirtualSwitch = vswitch,
                PortGroup = portGroup,
                LoadBalancingPolicy = own.LoadBalancingPolicy ?? sw.LoadBalancingPolicy.Value,
                NetworkFailoverDetectionPolicy = own.NetworkFailoverDetectionPolicy ?? sw.NetworkFailoverDetectionPolicy.Value,
                NotifySwitches = own.NotifySwitches ?? sw.NotifySwitches.Value,
                FailbackEnabled = own.FailbackEnabled ?? sw.FailbackEnabled.Value,
                IpHashVariant = own.IpHashVariant ?? sw.IpHashVariant.Value,
                ActiveNic = order.Active.ToArray(),
                StandbyNic = order.Standby.ToArray(),
                UnusedNic = order.Unused.ToArray(),
                IsLoadBalancingInherited = portGroup != null && own.LoadBalancingPolicy == null,
                IsNetworkFailoverDetectionInherited = portGroup != null && own.NetworkFailoverDetectionPolicy == null,
                IsNotifySwitchesInherited = portGroup != null && own.NotifySwitches == null,
                IsFailbackInherited = portGroup != null && own.FailbackEnabled == null,
                IsIpHashVariantInherited = portGroup != null && own.IpHashVariant == null,
                IsFailoverOrderInherited = portGroup != null && own.FailoverOrder == null,
            };
        }

        public override string ToString() => Target + ": " + LoadBalancingPolicy;
    }
}
