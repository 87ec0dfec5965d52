using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNVirtualSwitch", SupportsShouldProcess = true)]
    [OutputType(typeof(VNVirtualSwitch))]
    public sealed class AddVNVirtualSwitchCommand : VNCmdlet
    {
        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost Host { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        // Nullable, not IsBound: a value bound by property name stays in BoundParameters for later pipeline objects.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? NumPorts { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? Mtu { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VirtualSwitchType? Type { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] Nic { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public HyperVSwitchType? SwitchType { get; set; }

        // A Boolean, as New-VMSwitch -EnableEmbeddedTeaming takes it; Get-VMSwitch objects carry EmbeddedTeamingEnabled.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("EmbeddedTeamingEnabled")]
        public bool? EnableEmbeddedTeaming { get; set; }

        // SET takes two of the five algorithms (Set-VMSwitchTeam); the set also narrows tab completion to them.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(nameof(VirtNet.LoadBalancingAlgorithm.HyperVPort), nameof(VirtNet.LoadBalancingAlgorithm.Dynamic))]
        public LoadBalancingAlgorithm? LoadBalancingAlgorithm { get; set; }

        // Text, not the enum: the kernel's names (802.3ad) and numbers (4) are accepted, and the core reports a bad one.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(BondModeCompleter))]
        public string BondMode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(XmitHashPolicyCompleter))]
        public string XmitHashPolicy { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PrimaryCompleter))]
        public string Primary { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PrimaryReselect? PrimaryReselect { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public AdSelect? AdSelect { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool? TlbDynamicLb { get; set; }

        // Milliseconds, as the kernel's miimon, updelay and downdelay options take them.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? MiiMon { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? UpDelay { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? DownDelay { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(Host), Host.Name, "virtual switch");
                var settings = new VirtualSwitchSettings
                {
                    SwitchType = SwitchType,
                    EnableEmbeddedTeaming = EnableEmbeddedTeaming,
                    LoadBalancingAlgorithm = LoadBalancingAlgorithm,
                    BondMode = string.IsNullOrEmpty(BondMode) ? (BondMode?)null : LinuxBonding.ParseBondMode(BondMode),
                    XmitHashPolicy = string.IsNullOrEmpty(XmitHashPolicy) ? (XmitHashPolicy?)null : LinuxBonding.ParseXmitHashPolicy(XmitHashPolicy),
                    Primary = Primary,
                    PrimaryReselect = PrimaryReselect,
                    AdSelect = AdSelect,
                    TlbDynamicLb = TlbDynamicLb,
                    MiiMon = MiiMon,
                    UpDelay = UpDelay,
                    DownDelay = DownDelay,
                };
                if (!ShouldProcess(Host.Name + "/" + Name, "Add virtual switch")) return;
                var vswitch = Host.AddVirtualSwitch(Name, Type ?? Host.DefaultVirtualSwitchType, NumPorts, Mtu, Nic, settings);
                if (UpDelay.HasValue && UpDelay != vswitch.UpDelay || DownDelay.HasValue && DownDelay != vswitch.DownDelay)
                    WriteWarning($"Bond {vswitch.Path}: updelay and downdelay count in miimon polls of {vswitch.MiiMon} ms, so the kernel rounds them " +
                        $"down to updelay {vswitch.UpDelay} ms and downdelay {vswitch.DownDelay} ms" + (vswitch.MiiMon == 0 ? " (without miimon they have no effect)." : "."));
                WriteVerbose($"Added virtual switch {vswitch.Path} ({vswitch.Type}, {vswitch.NumPorts} ports, MTU {vswitch.Mtu}).");
                if (vswitch.BondMode.HasValue)
                    WriteVerbose($"Bond {vswitch.Path}: mode {LinuxBonding.Name(vswitch.BondMode.Value)}, xmit_hash_policy {LinuxBonding.Name(vswitch.XmitHashPolicy.Value)}" +
                        (vswitch.Primary != null ? $", primary {vswitch.Primary} (primary_reselect {vswitch.PrimaryReselect.ToString().ToLowerInvariant()})" : "") +
                        (vswitch.BondMode == VirtNet.BondMode.Ieee8023ad ? $", ad_select {vswitch.AdSelect.ToString().ToLowerInvariant()}" : "") +
                        $", miimon {vswitch.MiiMon} ms, updelay {vswitch.UpDelay} ms, downdelay {vswitch.DownDelay} ms" +
                        $"; transmit as kernel {Host.Version} does.");
                WriteObject(vswitch);
            });
        }
    }
}
