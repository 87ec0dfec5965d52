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
        public const int MinMtu = 1280, MaxMtu = 9000;

        readonly List<VNUplink> _uplinks = new List<VNUplink>();
        readonly List<VNPortGroup> _portGroups = new List<VNPortGroup>();

        internal VNVirtualSwitch(VNHost host, string name, VirtualSwitchType type, int? numPorts, int? mtu)
        {
            Host = host;
            Name = name;
            Type = type;
            CheckTypeOnHost(host, type);
            IsElastic = ComputeElastic(host, type);
            NumPorts = CheckNumPorts(host, type, numPorts);
            Mtu = CheckMtu(mtu ?? 1500);
            Teaming = TeamingSettings.VirtualSwitchDefaults();
        }

        public VNHost Host { get; private set; }
        public string Name { get; }
        public VirtualSwitchType Type { get; }
        /// <summary>Configured usable ports. On an elastic switch (ESXi 5.5+ standard, distributed) it is kept but not enforced.</summary>
        public int NumPorts { get; }
        public bool IsElastic { get; }
        /// <summary>Uplinks plus connected VM adapters and VMkernel/Service Console ports.</summary>
        public int UsedPorts => _uplinks.Count + _portGroups.Sum(p => p.Ports.Count);
        public int NumPortsAvailable => (IsElastic ? HostPortMaximum : NumPorts) - UsedPorts;
        public int Mtu { get; set; }
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

        /// <summary>Port count rules of domain.md section 1 (Mastering VI3; PowerCLI New-VirtualSwitch).</summary>
        static int CheckNumPorts(VNHost host, VirtualSwitchType type, int? numPorts)
        {
            bool legacy = type == VirtualSwitchType.Standard && !host.VersionInfo.IsAtLeast(4, 1);
            if (numPorts == null) return legacy ? 56 : 128;
            int n = numPorts.Value;
            if (legacy && !LegacyUsablePortCounts.Contains(n))
                throw new VirtNetException(ErrorIds.InvalidNumPorts, VirtNetErrorKind.InvalidArgument,
                    $"ESX {host.Version} accepts only the usable port counts {string.Join(", ", LegacyUsablePortCounts)} (2^k - 8); {n} is not one of them.", n);
            if (n < 8 || n > 4088)
                throw new VirtNetException(ErrorIds.InvalidNumPorts, VirtNetErrorKind.InvalidArgument,
                    $"NumPorts {n} is not valid. Use 8 to 4088.", n);
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
            var other = Host.FindUplink(name);
            if (other != null && other.VirtualSwitch == this)
                throw new VirtNetException(ErrorIds.DuplicateName, VirtNetErrorKind.ResourceExists,
                    $"Uplink '{name}' is already on virtual switch '{Path}'.", name);
            if (other != null)
                throw new VirtNetException(ErrorIds.UplinkInUse, VirtNetErrorKind.ResourceExists,
                    $"Uplink '{name}' is already on virtual switch '{other.VirtualSwitch.Path}'. Remove it there first (Remove-VNUplink).", name);
            ReservePort();
            var uplink = new VNUplink(this, name, speedMbps, mac);
            _uplinks.Add(uplink);
            Teaming.FailoverOrder.Active.Add(uplink.Name);
            foreach (var pg in _portGroups) pg.Teaming.FailoverOrder?.Unused.Add(uplink.Name);
            if (physicalSwitch != null)
            {
                try { uplink.ConnectTo(physicalSwitch, switchPort); }
                catch { RemoveUplink(uplink); throw; }
            }
            return uplink;
        }

        public void RemoveUplink(VNUplink uplink)
        {
            if (!_uplinks.Remove(uplink)) return;
            Teaming.FailoverOrder.Remove(uplink.Name);
            foreach (var pg in _portGroups) pg.Teaming.FailoverOrder?.Remove(uplink.Name);
            uplink.Detach();
        }

        public VNUplink GetUplink(string name) =>
            Names.Find(_uplinks, u => u.Name, name)
            ?? throw Names.NotFound(ErrorIds.UplinkNotFound, "uplink", name, "virtual switch " + Path, _uplinks, u => u.Name);

        public VNPortGroup GetPortGroup(string name) =>
            Names.Find(_portGroups, p => p.Name, name)
            ?? throw Names.NotFound(ErrorIds.PortGroupNotFound, "port group", name, "virtual switch " + Path, _portGroups, p => p.Name);

        public VNPortGroup AddPortGroup(string name, int vlanId = 0)
        {
            Names.Check(name, "port group");
            Host.CheckPortGroupNameFree(name);
            var pg = new VNPortGroup(this, name, Net.VLan.CheckPortGroupVLan(vlanId));
            _portGroups.Add(pg);
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

        internal void Detach() => Host = null;

        public override string ToString() => Name;
    }
}
