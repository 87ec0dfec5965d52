using System;
using System.Globalization;

namespace VirtNet
{
    /// <summary>
    /// The kernel's names for bonding modes and transmit hash policies (Documentation/networking/bonding.rst), and
    /// what each mode asks of the physical switch and does with inbound traffic.
    /// </summary>
    public static class LinuxBonding
    {
        static readonly string[] ModeNames = { "balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb" };
        static readonly string[] PolicyNames = { "layer2", "layer2+3", "layer3+4", "encap2+3", "encap3+4" };

        /// <summary>balance-rr is the kernel's default mode, layer2 its default transmit hash policy.</summary>
        public const BondMode DefaultMode = BondMode.BalanceRR;
        public const XmitHashPolicy DefaultXmitHashPolicy = XmitHashPolicy.Layer2;

        /// <summary>The kernel's name: 802.3ad, balance-rr ...</summary>
        public static string Name(BondMode mode) => ModeNames[(int)mode];

        /// <summary>The kernel's name: layer2, layer2+3 ...</summary>
        public static string Name(XmitHashPolicy policy) => PolicyNames[(int)policy];

        /// <summary>All mode names in mode order, for completion.</summary>
        public static string[] BondModeNames => (string[])ModeNames.Clone();

        /// <summary>All transmit hash policy names, for completion.</summary>
        public static string[] XmitHashPolicyNames => (string[])PolicyNames.Clone();

        /// <summary>
        /// A mode as the kernel's sysfs file and ip-link take it: the name (802.3ad, balance-rr) or the number (0 to 6).
        /// The enum names (Ieee8023ad) are accepted too, in any letter case.
        /// </summary>
        public static BondMode ParseBondMode(string text)
        {
            var trimmed = (text ?? "").Trim();
            int index = Array.FindIndex(ModeNames, n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number <= 6)
                index = number;
            if (index < 0 && !int.TryParse(trimmed, out _) && Enum.TryParse(trimmed, ignoreCase: true, out BondMode named))
                index = (int)named;
            if (index < 0)
                throw new VirtNetException(ErrorIds.InvalidBondMode, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(text)}' is not a bonding mode. Use a name ({string.Join(", ", ModeNames)}) or a number from 0 to 6.", text);
            return (BondMode)index;
        }

        /// <summary>A transmit hash policy by the kernel's name (layer3+4) or the enum's (Layer3Plus4), in any letter case.</summary>
        public static XmitHashPolicy ParseXmitHashPolicy(string text)
        {
            var trimmed = (text ?? "").Trim();
            int index = Array.FindIndex(PolicyNames, n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && !int.TryParse(trimmed, out _) && Enum.TryParse(trimmed, ignoreCase: true, out XmitHashPolicy named))
                index = (int)named;
            if (index < 0)
                throw new VirtNetException(ErrorIds.InvalidXmitHashPolicy, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(text)}' is not a transmit hash policy. Use one of {string.Join(", ", PolicyNames)}.", text);
            return (XmitHashPolicy)index;
        }

        /// <summary>
        /// The options the kernel refuses (drivers/net/bonding/bond_options.c): encap2+3 and encap3+4 before 3.13,
        /// where they did not exist; primary outside active-backup, balance-tlb and balance-alb; tlb_dynamic_lb outside
        /// balance-tlb and balance-alb.
        /// </summary>
        public static void CheckOptions(VNHost host, BondMode mode, XmitHashPolicy policy, string primary, bool? tlbDynamicLb)
        {
            if ((policy == XmitHashPolicy.Encap2Plus3 || policy == XmitHashPolicy.Encap3Plus4) && !Teaming.BondKernel.Of(host.VersionInfo).HasEncapPolicies)
                throw new VirtNetException(ErrorIds.InvalidXmitHashPolicy, VirtNetErrorKind.InvalidArgument,
                    $"Host '{host.Name}' runs kernel {host.Version}; {Name(policy)} arrived in 3.13. Use layer2, layer2+3 or layer3+4.", policy);
            bool tlb = mode == BondMode.BalanceTlb || mode == BondMode.BalanceAlb;
            if (!string.IsNullOrEmpty(primary) && !(tlb || mode == BondMode.ActiveBackup))
                throw new VirtNetException(ErrorIds.InvalidBondOption, VirtNetErrorKind.InvalidArgument,
                    $"A primary slave applies to active-backup, balance-tlb and balance-alb; this bond is {Name(mode)}.", primary);
            if (tlbDynamicLb.HasValue && !tlb)
                throw new VirtNetException(ErrorIds.InvalidBondOption, VirtNetErrorKind.InvalidArgument,
                    $"tlb_dynamic_lb applies to balance-tlb and balance-alb; this bond is {Name(mode)}.", tlbDynamicLb);
        }

        /// <summary>The kernel's miimon when a bond is created without miimon or arp_interval (BOND_DEFAULT_MIIMON).</summary>
        public const int DefaultMiiMon = 100;

        /// <summary>
        /// miimon, updelay and downdelay as the kernel keeps them (bond_options.c): each 0 or more ms; updelay and
        /// downdelay are counted in miimon polls, so a value that is not a multiple of miimon is rounded down to one
        /// (the kernel warns "value rounded"); without miimon they have no effect and are 0.
        /// </summary>
        public static (int MiiMon, int UpDelay, int DownDelay) LinkMonitoring(int? miimon, int? updelay, int? downdelay)
        {
            int Check(int? value, string name)
            {
                if (value < 0)
                    throw new VirtNetException(ErrorIds.InvalidBondOption, VirtNetErrorKind.InvalidArgument,
                        $"{name} {value} is not valid. Use 0 or more milliseconds.", value);
                return value ?? 0;
            }
            int poll = Check(miimon ?? DefaultMiiMon, "miimon");
            int up = Check(updelay, "updelay"), down = Check(downdelay, "downdelay");
            return poll == 0 ? (0, 0, 0) : (poll, up / poll * poll, down / poll * poll);
        }

        /// <summary>
        /// bonding.rst: 802.3ad needs the switch ports in an 802.3ad (LACP) aggregation; balance-rr, balance-xor and
        /// broadcast need them grouped statically (EtherChannel); active-backup, balance-tlb and balance-alb need no
        /// switch configuration, and a channel would break them (the switch would hash frames to any slave).
        /// </summary>
        public static RequiredPortChannel RequiredChannel(BondMode mode)
        {
            switch (mode)
            {
                case BondMode.Ieee8023ad: return RequiredPortChannel.Lacp;
                case BondMode.BalanceRR:
                case BondMode.BalanceXor:
                case BondMode.Broadcast: return RequiredPortChannel.Static;
                default: return RequiredPortChannel.None;
            }
        }

        /// <summary>
        /// bonding.rst: active-backup receives on the active slave and balance-tlb on the current slave; balance-alb
        /// answers ARP for the bond's own addresses so that peers are spread over the slaves (traffic of VMs bridged
        /// over it still arrives on the active slave); the channel modes receive where the switch hashes.
        /// </summary>
        public static InboundDistribution Inbound(BondMode mode)
        {
            switch (mode)
            {
                case BondMode.ActiveBackup:
                case BondMode.BalanceTlb: return InboundDistribution.PrimaryMember;
                case BondMode.BalanceAlb: return InboundDistribution.PerPeer;
                default: return InboundDistribution.PortChannel;
            }
        }
    }
}
