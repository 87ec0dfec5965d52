using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet
{
    /// <summary>A VMkernel port (vmkN) or an ESX Service Console interface (vswifN).</summary>
    public sealed class VNVMKernelAdapter : VNVirtualAdapter
    {
        VNVMKernelAdapter(VNHost host, string name, IPv4Address ip, int prefixLength, IPv4Address? gateway, int mtu,
            AdapterPurpose[] purpose, MacAddress? mac)
            : base(name, mac, ip)
        {
            Host = host;
            PrefixLength = prefixLength;
            Gateway = gateway;
            Mtu = mtu;
            Purpose = purpose;
        }

        public VNHost Host { get; private set; }
        public int PrefixLength { get; }
        public IPv4Address SubnetMask => IPv4Address.MaskFromPrefix(PrefixLength);
        public IPv4Address? Gateway { get; }
        public int Mtu { get; }
        public AdapterPurpose[] Purpose { get; }
        public bool IsServiceConsole => Purpose.Contains(AdapterPurpose.ServiceConsole);
        public bool IsManagement => Purpose.Contains(AdapterPurpose.Management) || IsServiceConsole;
        public override string Path => Host == null ? Name : Host.Name + "/" + Name;

        /// <summary>
        /// Creates the adapter on a port group. Without -Purpose, vswifN is a Service Console port and vmk0 the
        /// management port, as ESX sets them up at installation.
        /// </summary>
        public static VNVMKernelAdapter Create(VNPortGroup portGroup, string name, IPv4Address ip, int prefixLength,
            IPv4Address? gateway = null, int mtu = 1500, IReadOnlyList<AdapterPurpose> purpose = null, MacAddress? mac = null, int? portId = null)
        {
            Names.Check(name, "VMkernel adapter");
            var host = portGroup.Host;
            IPv4Address.MaskFromPrefix(prefixLength);
            VNVirtualSwitch.CheckMtu(mtu);
            var purposes = (purpose != null && purpose.Count > 0 ? purpose : DefaultPurpose(name)).Distinct().ToArray();
            if (host.Hypervisor != Hypervisor.Esx)
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"VMkernel adapters exist only on ESX hosts; '{host.Name}' is {host.Hypervisor}.", name);
            // ESXi 5.0 and later have no Service Console; management runs over a VMkernel port.
            if (purposes.Contains(AdapterPurpose.ServiceConsole) && host.VersionInfo.IsAtLeast(5, 0))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"ESXi {host.Version} has no Service Console. Use -Purpose Management on a vmk adapter.", name);
            if (gateway.HasValue && !gateway.Value.IsInSubnet(ip, prefixLength))
                throw new VirtNetException(ErrorIds.InvalidIPAddress, VirtNetErrorKind.InvalidArgument,
                    $"Gateway {gateway} is not in the subnet {ip}/{prefixLength} of adapter '{name}'. Use a gateway inside that subnet.", gateway.ToString());
            var adapter = new VNVMKernelAdapter(host, name, ip, prefixLength, gateway, mtu, purposes, mac);
            host.RegisterVMKernelAdapter(adapter);
            try { portGroup.Connect(adapter, portId); }
            catch { host.UnregisterVMKernelAdapter(adapter); throw; }
            return adapter;
        }

        static AdapterPurpose[] DefaultPurpose(string name) =>
            name.StartsWith("vswif", StringComparison.OrdinalIgnoreCase) ? new[] { AdapterPurpose.ServiceConsole }
            : string.Equals(name, "vmk0", StringComparison.OrdinalIgnoreCase) ? new[] { AdapterPurpose.Management }
            : new AdapterPurpose[0];

        public void Remove()
        {
            Disconnect();
            Host?.UnregisterVMKernelAdapter(this);
            Host = null;
        }
    }
}
