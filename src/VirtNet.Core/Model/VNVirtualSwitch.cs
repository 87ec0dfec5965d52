using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet
{
    /// <summary>A virtual switch: ESX standard or distributed vSwitch, Hyper-V switch or Linux bond.</summary>
    public sealed class VNVirtualSwitch
    {
        /// <summary>ESX 3.x to 4.0 accept only these usable port counts (2^k - 8: eight ports of each switch are reserved).</summary>
        public static readonly IReadOnlyList<int> LegacyUsablePortCounts = new[] { 8, 24, 56, 120, 248, 504, 1016 };
        /// <summary>Elastic switches grow on demand up to the per-host port maximum.</summary>
        public const int HostPortMaximum = 4096;
        /// <summary>The largest port count an elastic switch keeps (it is reported, not enforced).</summary>
        public const int MaxElasticNumPorts = 65535;
        public const int MinMtu = 1280, MaxMtu = 9000;

        readonly List<VNUplink> _uplinks = new List<VNUplink>();
        readonly List<VNPortGroup> _portGroups = new List<VNPortGroup>();
        // Port group names are unique among a host's switches of one type (a standard and a distributed switch may each
        // have one of a name); the index keeps adding and finding them constant-time, so that 100,000 port groups build
        // in linear time.
        readonly Dictionary<string, VNPortGroup> _portGroupsByName = new Dictionary<string, VNPortGroup>(Names.Comparer);

        internal VNVirtualSwitch(VNHost host, string name, VirtualSwitchType type, int? numPorts, int? mtu, VirtualSwitchSettings settings)
        {
            Host = host;
            Name = name;
            Type = type;
            CheckTypeOnHost(host, type);
            IsElastic = ComputeElastic(host, type);
            NumPorts = CheckNumPorts(host, type, numPorts);
            Mtu = CheckMtu(mtu ?? 1500);
            Teaming = TeamingSettings.VirtualSwitchDefaults();
            ApplyPlatformSettings(settings ?? new VirtualSwitchSettings());
        }

        int _mtu;

        public VNHost Host { get; private set; }
        public string Name { get; }
        public VirtualSwitchType Type { get; }
        /// <summary>Configured usable ports. On an elastic switch (ESXi 5.5+ standard, distributed) it is kept but not enforced.</summary>
        public int NumPorts { get; }
        public bool IsElastic { get; }
        /// <summary>Uplinks plus connected VM adapters and VMkernel/Service Console ports.</summary>
        public int UsedPorts => _uplinks.Count + _portGroups.Sum(p => p.Ports.Count);
        public int NumPortsAvailable => (IsElastic ? HostPortMaximum : NumPorts) - UsedPorts;
        public int Mtu { get => _mtu; set => _mtu = CheckMtu(value); }
        /// <summary>Uplink names in the order they were added, like PowerCLI's VirtualSwitch.Nic.</summary>
        public string[] Nic => _uplinks.Select(u => u.Name).ToArray();
        public IReadOnlyList<VNUplink> Uplinks => _uplinks;
        public IReadOnlyList<VNPortGroup> PortGroups => _portGroups;
        public VNTeamingPolicy TeamingPolicy => VNTeamingPolicy.For(this);
        public string Path => Host == null ? Name : Host.Name + "/" + Name;
        /// <summary>The next virtual port id: ids are handed out in connection order and never reused.</summary>
        public int NextPortId { get; internal set; }
        /// <summary>Connected adapters in port id order.</summary>
        public IEnumerable<VNVirtualAdapter> ConnectedAdapters => _portGroups.SelectMany(p => p.Ports).OrderBy(a => a.PortId);

        internal TeamingSettings Teaming { get; }

        /// <summary>Hyper-V switches: External, Internal or Private; null for other types.</summary>
        public HyperVSwitchType? SwitchType { get; private set; }
        /// <summary>Hyper-V switches: Switch Embedded Teaming (SET), as Get-VMSwitch shows EmbeddedTeamingEnabled.</summary>
        public bool EmbeddedTeamingEnabled { get; private set; }
        /// <summary>The LBFO team the switch is bound to (New-VNTeam); null without one.</summary>
        public VNTeam Team { get; internal set; }
        /// <summary>Hyper-V teaming mode: SwitchIndependent for SET, the team's for an LBFO team, null for neither.</summary>
        public TeamingMode? TeamingMode => EmbeddedTeamingEnabled ? VirtNet.TeamingMode.SwitchIndependent : Team?.TeamingMode;
        /// <summary>Hyper-V load balancing algorithm: SET's own or the LBFO team's, null for neither.</summary>
        public LoadBalancingAlgorithm? LoadBalancingAlgorithm => EmbeddedTeamingEnabled ? _embeddedTeamingAlgorithm : Team?.LoadBalancingAlgorithm;
        /// <summary>Linux bonds: the bonding mode; null for other types.</summary>
        public BondMode? BondMode { get; private set; }
        /// <summary>Linux bonds: xmit_hash_policy; null for other types.</summary>
        public XmitHashPolicy? XmitHashPolicy { get; private set; }
        /// <summary>Linux bonds in active-backup, balance-tlb or balance-alb: the primary slave's name; null for none.</summary>
        public string Primary { get; private set; }
        /// <summary>Linux bonds: primary_reselect, which counts when a primary is set; null for other types.</summary>
        public PrimaryReselect? PrimaryReselect { get; private set; }
        /// <summary>Linux bonds: ad_select, which counts in 802.3ad; null for other types.</summary>
        public AdSelect? AdSelect { get; private set; }
        /// <summary>Linux bonds: tlb_dynamic_lb, which counts in balance-tlb and balance-alb; null for other types.</summary>
        public bool? TlbDynamicLb { get; private set; }
        /// <summary>Linux bonds: miimon, the MII link poll interval in ms (0: no link monitoring); null for other types.</summary>
        public int? MiiMon { get; private set; }
        /// <summary>Linux bonds: updelay in ms, a multiple of miimon; null for other types.</summary>
        public int? UpDelay { get; private set; }
        /// <summary>Linux bonds: downdelay in ms, a multiple of miimon; null for other types.</summary>
        public int? DownDelay { get; private set; }

        /// <summary>
        /// The port channel a Hyper-V team or a Linux bond needs on the physical switch. Null for ESX switches, where
        /// it depends on each port group's teaming policy, and for Hyper-V switches without a team.
        /// </summary>
        public RequiredPortChannel? RequiredPortChannel =>
            Type == VirtualSwitchType.LinuxBond ? LinuxBonding.RequiredChannel(BondMode.Value)
            : TeamingMode.HasValue ? HyperVTeaming.RequiredChannel(TeamingMode.Value)
            : (RequiredPortChannel?)null;

        /// <summary>Which member inbound traffic arrives on, for a Hyper-V team or a Linux bond; null otherwise (see <see cref="RequiredPortChannel"/>).</summary>
        public InboundDistribution? InboundDistribution =>
            Type == VirtualSwitchType.LinuxBond ? LinuxBonding.Inbound(BondMode.Value)
            : TeamingMode.HasValue ? HyperVTeaming.Inbound(TeamingMode.Value, LoadBalancingAlgorithm.Value)
            : (InboundDistribution?)null;

        LoadBalancingAlgorithm? _embeddedTeamingAlgorithm;

        /// <summary>New-VMSwitch rules for Hyper-V switches and the kernel's defaults for bonds (New-VMSwitch documentation; the kernel's bonding.rst).</summary>
        void ApplyPlatformSettings(VirtualSwitchSettings settings)
        {
            bool hyperV = Type == VirtualSwitchType.HyperV, bond = Type == VirtualSwitchType.LinuxBond;
            if (!hyperV && (settings.SwitchType.HasValue || settings.EnableEmbeddedTeaming.HasValue || settings.LoadBalancingAlgorithm.HasValue))
                throw NotForThisType("-SwitchType, -EnableEmbeddedTeaming and -LoadBalancingAlgorithm", "Hyper-V");
            if (!bond && (settings.BondMode.HasValue || settings.XmitHashPolicy.HasValue || settings.Primary != null
                || settings.PrimaryReselect.HasValue || settings.AdSelect.HasValue || settings.TlbDynamicLb.HasValue || settings.MiiMon.HasValue || settings.UpDelay.HasValue
                || settings.DownDelay.HasValue))
                throw NotForThisType("-BondMode, -XmitHashPolicy, -Primary, -PrimaryReselect, -AdSelect, -TlbDynamicLb, -MiiMon, -UpDelay and -DownDelay", "Linux bond");
            if (bond)
            {
                BondMode = settings.BondMode ?? LinuxBonding.DefaultMode;
                XmitHashPolicy = settings.XmitHashPolicy ?? LinuxBonding.DefaultXmitHashPolicy;
                LinuxBonding.CheckOptions(Host, BondMode.Value, XmitHashPolicy.Value, settings.Primary, settings.TlbDynamicLb);
                Primary = string.IsNullOrEmpty(settings.Primary) ? null : settings.Primary;
                PrimaryReselect = settings.PrimaryReselect ?? VirtNet.PrimaryReselect.Always;
                AdSelect = settings.AdSelect ?? VirtNet.AdSelect.Stable;
                TlbDynamicLb = settings.TlbDynamicLb ?? true;
                (MiiMon, UpDelay, DownDelay) = LinuxBonding.LinkMonitoring(settings.MiiMon, settings.UpDelay, settings.DownDelay);
            }
            if (!hyperV) return;
            SwitchType = settings.SwitchType ?? HyperVSwitchType.External;
            EmbeddedTeamingEnabled = settings.EnableEmbeddedTeaming ?? false;
            if (EmbeddedTeamingEnabled)
            {
                if (SwitchType != HyperVSwitchType.External)
                    throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                        $"Switch Embedded Teaming teams physical NICs, so it needs an External switch; '{Name}' would be {SwitchType}.", SwitchType);
                var algorithm = settings.LoadBalancingAlgorithm ?? HyperVTeaming.DefaultEmbeddedTeamingAlgorithm;
                HyperVTeaming.CheckEmbeddedTeaming(Host, algorithm);
                _embeddedTeamingAlgorithm = algorithm;
            }
            else if (settings.LoadBalancingAlgorithm.HasValue)
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"-LoadBalancingAlgorithm applies to Switch Embedded Teaming (-EnableEmbeddedTeaming $true). " +
                    "For an LBFO team, give it to New-VNTeam.", settings.LoadBalancingAlgorithm);
        }

        VirtNetException NotForThisType(string parameters, string platform) =>
            new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                $"{parameters} apply to {platform} switches only; '{Name}' is a {Type} switch.", Type);

        static void CheckTypeOnHost(VNHost host, VirtualSwitchType type)
        {
            bool ok = host.Hypervisor == Hypervisor.Esx ? type == VirtualSwitchType.Standard || type == VirtualSwitchType.Distributed
                : host.Hypervisor == Hypervisor.HyperV ? type == VirtualSwitchType.HyperV
                : type == VirtualSwitchType.LinuxBond;
            if (!ok)
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"A {type} switch cannot be created on {host.Hypervisor} host '{host.Name}'. " +
                    (host.Hypervisor == Hypervisor.Esx ? "Use Standard or Distributed." : host.Hypervisor == Hypervisor.HyperV ? "Use HyperV." : "Use LinuxBond."), type);
            // The vNetwork Distributed Switch arrived with vSphere 4.0.
            if (type == VirtualSwitchType.Distributed && !host.VersionInfo.IsAtLeast(4, 0))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"Host '{host.Name}' runs ESX {host.Version}; distributed switches need ESX 4.0 or later.", type);
        }

        static bool ComputeElastic(VNHost host, VirtualSwitchType type) =>
            type != VirtualSwitchType.Standard || host.VersionInfo.IsAtLeast(5, 5);

        /// <summary>Port count rules (Mastering VMware VI3; PowerCLI New-VirtualSwitch).</summary>
        static int CheckNumPorts(VNHost host, VirtualSwitchType type, int? numPorts)
        {
            bool legacy = type == VirtualSwitchType.Standard && !host.VersionInfo.IsAtLeast(4, 1);
            if (numPorts == null) return legacy ? 56 : 128;
            int n = numPorts.Value;
            if (legacy && !LegacyUsablePortCounts.Contains(n))
                throw new VirtNetException(ErrorIds.InvalidNumPorts, VirtNetErrorKind.InvalidArgument,
                    $"ESX {host.Version} accepts only the usable port counts {string.Join(", ", LegacyUsablePortCounts)} (2^k - 8); {n} is not one of them.", n);
            // An elastic switch ignores the setting, and the vSphere API then reports counts such as 8960 or 9216 (RVTools
            // "# Ports" on ESXi 5.5+): valid data, kept as reported. The upper bound only stops damaged values.
            int max = ComputeElastic(host, type) ? MaxElasticNumPorts : 4088;
            if (n < 8 || n > max)
                throw new VirtNetException(ErrorIds.InvalidNumPorts, VirtNetErrorKind.InvalidArgument,
                    $"NumPorts {n} is not valid. Use 8 to {max}.", n);
            return n;
        }

        internal static int CheckMtu(int mtu)
        {
            if (mtu < MinMtu || mtu > MaxMtu)
                throw new VirtNetException(ErrorIds.InvalidMtu, VirtNetErrorKind.InvalidArgument,
                    $"MTU {mtu} is not valid for a virtual switch or adapter. Use {MinMtu} to {MaxMtu} (1500 standard, 9000 jumbo frames).", mtu);
            return mtu;
        }

        /// <summary>Adds an uplink. It joins the vSwitch's active list (last in failover order); port groups that
        /// override the failover order see it as unused, as the vSphere client shows them. Given a physical switch
        /// and port, it is cabled there too, all or nothing: if the port cannot take it, the uplink is not added.</summary>
        public VNUplink AddUplink(string name, int speedMbps = 1000, Net.MacAddress? mac = null,
            VNPhysicalSwitch physicalSwitch = null, string switchPort = null)
        {
            Names.Check(name, "uplink");
            if (SwitchType.HasValue && SwitchType != HyperVSwitchType.External)
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"'{Path}' is an {SwitchType} Hyper-V switch, which has no physical NIC. Only External switches take uplinks.", name);
            var other = Host.FindUplink(name);
            if (other != null && other.VirtualSwitch == this)
                throw new VirtNetException(ErrorIds.DuplicateName, VirtNetErrorKind.ResourceExists,
                    $"Uplink '{Echo.Cut(name)}' is already on virtual switch '{Path}'.", name);
            if (other != null)
                throw new VirtNetException(ErrorIds.UplinkInUse, VirtNetErrorKind.ResourceExists,
                    $"Uplink '{Echo.Cut(name)}' is already on virtual switch '{other.VirtualSwitch.Path}'. Remove it there first (Remove-VNUplink).", name);
            ReservePort();
            var uplink = new VNUplink(this, name, speedMbps, mac);
            _uplinks.Add(uplink);
            Team?.AddMember(uplink);
            Teaming.FailoverOrder.Active.Add(uplink.Name);
            foreach (var pg in _portGroups) pg.Teaming.FailoverOrder?.Unused.Add(uplink.Name);
            if (physicalSwitch != null)
            {
                try { uplink.ConnectTo(physicalSwitch, switchPort); }
                catch { RemoveUplink(uplink); throw; }
            }
            Host.TakeUnusedNic(name);
            return uplink;
        }

        public void RemoveUplink(VNUplink uplink)
        {
            if (!_uplinks.Remove(uplink)) return;
            if (Team != null)
            {
                Team.RemoveMember(uplink);
                // A team cannot live without members (New-NetLbfoTeam needs one): the last one leaving dissolves it.
                if (Team.Members.Count == 0) RemoveTeam();
            }
            Teaming.FailoverOrder.Remove(uplink.Name);
            foreach (var pg in _portGroups) pg.Teaming.FailoverOrder?.Remove(uplink.Name);
            uplink.Detach();
        }

        public VNUplink GetUplink(string name) =>
            Names.Find(_uplinks, u => u.Name, name)
            ?? throw Names.NotFound(ErrorIds.UplinkNotFound, "uplink", name, "virtual switch " + Path, _uplinks, u => u.Name);

        internal VNPortGroup FindPortGroup(string name) => name != null && _portGroupsByName.TryGetValue(name, out var found) ? found : null;

        public VNPortGroup GetPortGroup(string name) =>
            FindPortGroup(name)
            ?? throw Names.NotFound(ErrorIds.PortGroupNotFound, "port group", name, "virtual switch " + Path, _portGroups, p => p.Name);

        public VNPortGroup AddPortGroup(string name, int vlanId = 0)
        {
            Names.Check(name, "port group");
            // ESX refuses a standard port group name another standard vSwitch of the host has, and vCenter a distributed
            // port group name another distributed switch of the datacenter has; a standard and a distributed port group
            // may share a name (as while VMs move from one to the other).
            foreach (var vswitch in Host.VirtualSwitches)
                if (vswitch.Type == Type)
                    Names.CheckUnique(vswitch._portGroupsByName.ContainsKey(name), name, "port group", "virtual switch " + vswitch.Path);
            var pg = new VNPortGroup(this, name, Net.VLan.CheckPortGroupVLan(vlanId));
            _portGroups.Add(pg);
            _portGroupsByName[name] = pg;
            return pg;
        }

        public void RemovePortGroup(VNPortGroup portGroup, bool force)
        {
            if (portGroup.VirtualSwitch != this) return;
            if (portGroup.Ports.Count > 0 && !force)
                throw new VirtNetException(ErrorIds.PortGroupInUse, VirtNetErrorKind.InvalidOperation,
                    $"Port group '{portGroup.Path}' has {portGroup.Ports.Count} port(s) in use ({string.Join(", ", portGroup.Ports.Select(a => a.Path))}). " +
                    "Remove them first, or use -Force to remove the VMkernel adapters and disconnect the VM adapters.", portGroup);
            foreach (var adapter in portGroup.Ports.ToList())
            {
                if (adapter is VNVMKernelAdapter vmk) vmk.Remove();
                else adapter.Disconnect();
            }
            _portGroups.Remove(portGroup);
            _portGroupsByName.Remove(portGroup.Name);
            portGroup.Detach();
        }

        /// <summary>Takes one usable port or refuses, as ESX refuses to power on a vNIC on a full vSwitch.</summary>
        internal void ReservePort() => CheckFreePorts(1);

        /// <summary>Refuses unless <paramref name="count"/> usable ports are free.</summary>
        internal void CheckFreePorts(int count)
        {
            if (NumPortsAvailable >= count) return;
            int usable = IsElastic ? HostPortMaximum : NumPorts;
            throw new VirtNetException(ErrorIds.VirtualSwitchFull, VirtNetErrorKind.ResourceUnavailable,
                (NumPortsAvailable <= 0
                    ? $"Virtual switch '{Path}' is full: all {usable} usable ports are in use. "
                    : $"Virtual switch '{Path}' has {NumPortsAvailable} of its {usable} usable ports free and {count} are needed. ") +
                "Create it with a larger -NumPorts, or connect to another switch.", this);
        }

        internal int AllocatePortId() => NextPortId++;

        /// <summary>Removes this switch from its host (see <see cref="VNHost.RemoveVirtualSwitch"/>); nothing to do once removed.</summary>
        public void Remove(bool force) => Host?.RemoveVirtualSwitch(this, force);

        void RemoveTeam()
        {
            Team?.Detach();
            Team = null;
        }

        internal void Detach() => Host = null;

        public override string ToString() => Name;
    }
}
