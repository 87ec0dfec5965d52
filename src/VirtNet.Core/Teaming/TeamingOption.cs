using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Teaming;

namespace VirtNet
{
    /// <summary>
    /// How a team spreads traffic, on any platform: an ESX load balancing policy, a Hyper-V teaming mode with its
    /// load balancing algorithm (SET or LBFO), or a Linux bonding mode with its transmit hash policy. The traffic
    /// simulation runs a team under its configured option; Compare-VNTeamingPolicy runs it under each option its
    /// platform offers.
    /// </summary>
    public sealed class TeamingOption : IEquatable<TeamingOption>
    {
        TeamingOption(Hypervisor platform, LoadBalancingPolicy? policy, TeamingMode? mode, LoadBalancingAlgorithm? algorithm,
            BondMode? bondMode, XmitHashPolicy? xmitHashPolicy)
        {
            Platform = platform;
            LoadBalancingPolicy = policy;
            TeamingMode = mode;
            LoadBalancingAlgorithm = algorithm;
            BondMode = bondMode;
            XmitHashPolicy = xmitHashPolicy;
        }

        public static TeamingOption Esx(LoadBalancingPolicy policy) => new TeamingOption(Hypervisor.Esx, policy, null, null, null, null);

        public static TeamingOption HyperV(TeamingMode mode, LoadBalancingAlgorithm algorithm) =>
            new TeamingOption(Hypervisor.HyperV, null, mode, algorithm, null, null);

        /// <summary>
        /// A bond; the transmit hash policy counts only for the modes that hash: balance-xor and 802.3ad, and balance-tlb
        /// and balance-alb, which hash with it for their buckets or, with tlb_dynamic_lb=0, for the slave.
        /// </summary>
        public static TeamingOption Bond(BondMode mode, XmitHashPolicy xmitHashPolicy) =>
            new TeamingOption(Hypervisor.Linux, null, null, null, mode, Hashes(mode) ? xmitHashPolicy : (XmitHashPolicy?)null);

        public Hypervisor Platform { get; }
        /// <summary>ESX teams only.</summary>
        public LoadBalancingPolicy? LoadBalancingPolicy { get; }
        /// <summary>Hyper-V teams only.</summary>
        public TeamingMode? TeamingMode { get; }
        /// <summary>Hyper-V teams only.</summary>
        public LoadBalancingAlgorithm? LoadBalancingAlgorithm { get; }
        /// <summary>Linux bonds only.</summary>
        public BondMode? BondMode { get; }
        /// <summary>Linux bonds in balance-xor, 802.3ad, balance-tlb or balance-alb mode only: the other modes do not hash.</summary>
        public XmitHashPolicy? XmitHashPolicy { get; }

        /// <summary>The port channel the option expects on the physical switch: ESX IP hash a static one (KB 1004048).</summary>
        public RequiredPortChannel RequiredPortChannel =>
            Platform == Hypervisor.Esx ? (LoadBalancingPolicy == VirtNet.LoadBalancingPolicy.LoadBalanceIP ? RequiredPortChannel.Static : RequiredPortChannel.None)
            : Platform == Hypervisor.HyperV ? HyperVTeaming.RequiredChannel(TeamingMode.Value)
            : LinuxBonding.RequiredChannel(BondMode.Value);

        /// <summary>The option a port group's team runs under as configured.</summary>
        public static TeamingOption Of(VNPortGroup portGroup)
        {
            var vswitch = portGroup.VirtualSwitch;
            if (vswitch.BondMode.HasValue) return Bond(vswitch.BondMode.Value, vswitch.XmitHashPolicy.Value);
            if (vswitch.Type == VirtualSwitchType.HyperV)
                // One NIC without a team is a team of one: any option places everything on it.
                return vswitch.TeamingMode.HasValue ? HyperV(vswitch.TeamingMode.Value, vswitch.LoadBalancingAlgorithm.Value)
                    : HyperV(VirtNet.TeamingMode.SwitchIndependent, VirtNet.LoadBalancingAlgorithm.HyperVPort);
            return Esx(portGroup.TeamingPolicy.LoadBalancingPolicy);
        }

        /// <summary>
        /// What the switch's platform offers, for a comparison: every ESX policy; for Hyper-V every teaming mode with
        /// every algorithm, or SET's HyperVPort and Dynamic on a SET switch; for a bond every mode, the hashing ones
        /// with every transmit hash policy. An empty filter means all values of that setting; a filter that does not
        /// belong to the switch's platform is an error.
        /// </summary>
        public static IReadOnlyList<TeamingOption> For(VNVirtualSwitch vswitch, IReadOnlyCollection<LoadBalancingPolicy> policies = null,
            IReadOnlyCollection<TeamingMode> modes = null, IReadOnlyCollection<LoadBalancingAlgorithm> algorithms = null,
            IReadOnlyCollection<BondMode> bondModes = null, IReadOnlyCollection<XmitHashPolicy> xmitHashPolicies = null)
        {
            bool Given<T>(IReadOnlyCollection<T> filter) => filter != null && filter.Count > 0;
            IEnumerable<T> All<T>(IReadOnlyCollection<T> filter) => Given(filter) ? filter.Distinct() : Enum.GetValues(typeof(T)).Cast<T>();
            var platform = vswitch.BondMode.HasValue ? Hypervisor.Linux : vswitch.Type == VirtualSwitchType.HyperV ? Hypervisor.HyperV : Hypervisor.Esx;
            var foreign = new List<string>();
            if (platform != Hypervisor.Esx && Given(policies)) foreign.Add("-LoadBalancingPolicy (ESX)");
            if (platform != Hypervisor.HyperV && (Given(modes) || Given(algorithms))) foreign.Add("-TeamingMode and -LoadBalancingAlgorithm (Hyper-V)");
            if (platform != Hypervisor.Linux && (Given(bondModes) || Given(xmitHashPolicies))) foreign.Add("-BondMode and -XmitHashPolicy (Linux bonds)");
            if (foreign.Count > 0)
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"'{vswitch.Path}' is a {vswitch.Type} switch; {string.Join(" and ", foreign)} belong to another platform.", vswitch);
            switch (platform)
            {
                case Hypervisor.Esx:
                    return All(policies).Select(Esx).ToList();
                case Hypervisor.HyperV:
                    var setModes = new[] { VirtNet.TeamingMode.SwitchIndependent };
                    var setAlgorithms = new[] { VirtNet.LoadBalancingAlgorithm.HyperVPort, VirtNet.LoadBalancingAlgorithm.Dynamic };
                    return (from m in vswitch.EmbeddedTeamingEnabled ? All(modes).Intersect(setModes) : All(modes)
                            from a in vswitch.EmbeddedTeamingEnabled ? All(algorithms).Intersect(setAlgorithms) : All(algorithms)
                            select HyperV(m, a)).ToList();
                default:
                    return (from m in All(bondModes)
                            from p in Hashes(m) ? All(xmitHashPolicies) : new[] { LinuxBonding.DefaultXmitHashPolicy }
                            select Bond(m, p)).ToList();
            }
        }

        static bool Hashes(BondMode mode) =>
            mode == VirtNet.BondMode.BalanceXor || mode == VirtNet.BondMode.Ieee8023ad || mode == VirtNet.BondMode.BalanceTlb || mode == VirtNet.BondMode.BalanceAlb;

        // ---- What the simulation needs to know of an option ----

        /// <summary>
        /// Frames of one source MAC leave on several uplinks, so the physical switch needs the uplinks bundled in a
        /// channel or it sees the MAC flap: ESX IP hash (KB 1004048); Hyper-V switch dependent teams hashing on
        /// addresses (switch independent teams send from each member's own MAC, so they do not flap; nic-teaming
        /// settings); bonds in balance-rr, balance-xor, 802.3ad and broadcast (bonding.rst).
        /// </summary>
        internal bool SpreadsSourceMac =>
            Platform == Hypervisor.Esx ? LoadBalancingPolicy == VirtNet.LoadBalancingPolicy.LoadBalanceIP
            : Platform == Hypervisor.HyperV ? TeamingMode != VirtNet.TeamingMode.SwitchIndependent && LoadBalancingAlgorithm != VirtNet.LoadBalancingAlgorithm.HyperVPort
            : RequiredPortChannel != RequiredPortChannel.None;

        /// <summary>
        /// Every flow's frames leave on every usable member, whatever uplink the flow is placed on: broadcast (mode 3)
        /// copies each frame to every slave, balance-rr (mode 0) sends the packets in turn.
        /// </summary>
        internal bool SendsOnEveryMember => BondMode == VirtNet.BondMode.Broadcast || BondMode == VirtNet.BondMode.BalanceRR;

        /// <summary>Speaks LACP, so an LACP channel forms towards it (ESX: distributed switches from 5.1, decided by the switch).</summary>
        internal bool SpeaksLacp => RequiredPortChannel == RequiredPortChannel.Lacp;

        /// <summary>Whether a formed channel suits the option: ESX IP hash takes any formed channel; the others need their kind.</summary>
        internal bool AcceptsChannel(VNPortChannel channel) =>
            Platform == Hypervisor.Esx ? LoadBalancingPolicy == VirtNet.LoadBalancingPolicy.LoadBalanceIP
            : RequiredPortChannel == RequiredPortChannel.Static ? channel == null || channel.IsStatic
            : RequiredPortChannel == RequiredPortChannel.Lacp && (channel == null || channel.IsLacp);

        /// <summary>Where traffic for the team arrives when its ports are on their own (see <see cref="InboundDistribution"/>).</summary>
        internal InboundDistribution InboundOnOwnPorts =>
            Platform == Hypervisor.HyperV && TeamingMode == VirtNet.TeamingMode.SwitchIndependent
                ? HyperVTeaming.Inbound(TeamingMode.Value, LoadBalancingAlgorithm.Value)
            : Platform == Hypervisor.Linux && (BondMode == VirtNet.BondMode.BalanceTlb || BondMode == VirtNet.BondMode.BalanceAlb)
                ? LinuxBonding.Inbound(BondMode.Value)
            : InboundDistribution.SendingMember;

        /// <summary>Hyper-V Dynamic in switch independent mode: out by hash, in on the member its switch port is assigned to.</summary>
        internal bool InboundOnPortMember => TeamingMode == VirtNet.TeamingMode.SwitchIndependent && LoadBalancingAlgorithm == VirtNet.LoadBalancingAlgorithm.Dynamic;

        internal TeamingAlgorithm Algorithm
        {
            get
            {
                switch (Platform)
                {
                    case Hypervisor.Esx: return TeamingAlgorithm.For(LoadBalancingPolicy.Value);
                    case Hypervisor.HyperV: return HyperVPlacement.For(LoadBalancingAlgorithm.Value);
                    default: return BondPlacement.For(BondMode.Value, XmitHashPolicy ?? LinuxBonding.DefaultXmitHashPolicy);
                }
            }
        }

        public bool Equals(TeamingOption other) =>
            other != null && Platform == other.Platform && LoadBalancingPolicy == other.LoadBalancingPolicy && TeamingMode == other.TeamingMode
            && LoadBalancingAlgorithm == other.LoadBalancingAlgorithm && BondMode == other.BondMode && XmitHashPolicy == other.XmitHashPolicy;

        public override bool Equals(object obj) => Equals(obj as TeamingOption);

        public override int GetHashCode() => ToString().GetHashCode();

        /// <summary>LoadBalanceIP; Lacp Dynamic; 802.3ad layer3+4; active-backup.</summary>
        public override string ToString() =>
            Platform == Hypervisor.Esx ? LoadBalancingPolicy.ToString()
            : Platform == Hypervisor.HyperV ? TeamingMode + " " + LoadBalancingAlgorithm
            : LinuxBonding.Name(BondMode.Value) + (XmitHashPolicy.HasValue ? " " + LinuxBonding.Name(XmitHashPolicy.Value) : "");
    }
}
