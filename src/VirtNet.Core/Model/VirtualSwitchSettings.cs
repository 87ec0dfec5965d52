namespace VirtNet
{
    /// <summary>
    /// The platform settings of a new virtual switch. A null field takes the platform's default; a field set for
    /// another platform's switch is an error, so a Hyper-V setting is never silently dropped on an ESX switch.
    /// </summary>
    public sealed class VirtualSwitchSettings
    {
        /// <summary>Hyper-V: External (default), Internal or Private (New-VMSwitch -SwitchType).</summary>
        public HyperVSwitchType? SwitchType { get; set; }
        /// <summary>Hyper-V: Switch Embedded Teaming (New-VMSwitch -EnableEmbeddedTeaming). Default false.</summary>
        public bool? EnableEmbeddedTeaming { get; set; }
        /// <summary>Hyper-V SET: HyperVPort or Dynamic (default Dynamic).</summary>
        public LoadBalancingAlgorithm? LoadBalancingAlgorithm { get; set; }
        /// <summary>Linux bond: the bonding mode (default balance-rr).</summary>
        public BondMode? BondMode { get; set; }
        /// <summary>Linux bond: xmit_hash_policy (default layer2).</summary>
        public XmitHashPolicy? XmitHashPolicy { get; set; }
        /// <summary>Linux bond in active-backup, balance-tlb or balance-alb: the primary slave's name (default none).</summary>
        public string Primary { get; set; }
        /// <summary>Linux bond with a primary: primary_reselect (default always).</summary>
        public PrimaryReselect? PrimaryReselect { get; set; }
        /// <summary>Linux bond: ad_select, which counts in 802.3ad (default stable).</summary>
        public AdSelect? AdSelect { get; set; }
        /// <summary>Linux bond in balance-tlb or balance-alb: tlb_dynamic_lb (default true).</summary>
        public bool? TlbDynamicLb { get; set; }
        /// <summary>Linux bond: miimon, the link poll interval in ms (default 100).</summary>
        public int? MiiMon { get; set; }
        /// <summary>Linux bond: updelay in ms, how long a slave's link must stay up before it is used (default 0).</summary>
        public int? UpDelay { get; set; }
        /// <summary>Linux bond: downdelay in ms, how long a slave's link must stay down before it is dropped (default 0).</summary>
        public int? DownDelay { get; set; }
    }
}
