using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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
            CheckName(name);
            var host = portGroup.Host ?? throw new VirtNetException(ErrorIds.PortGroupNotFound, VirtNetErrorKind.ObjectNotFound,
                $"Port group '{portGroup.Name}' has been removed from its virtual switch. Use a port group that exists (Get-VNPortGroup).", portGroup.Name);
            IPv4Address.MaskFromPrefix(prefixLength);
            VNVirtualSwitch.CheckMtu(mtu);
            bool serviceConsole = IsServiceConsoleName(name);
            var purposes = (purpose != null && purpose.Count > 0 ? purpose : DefaultPurpose(name)).Distinct().ToArray();
            if (host.Hypervisor != Hypervisor.Esx)
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"VMkernel adapters exist only on ESX hosts; '{host.Name}' is {host.Hypervisor}.", name);
            // ESXi 5.0 and later have no Service Console; management runs over a VMkernel port.
            if ((serviceConsole || purposes.Contains(AdapterPurpose.ServiceConsole)) && host.VersionInfo.IsAtLeast(5, 0))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"ESXi {host.Version} has no Service Console. Use -Purpose Management on a vmk adapter.", name);
            // vswifN interfaces belong to the Service Console and carry nothing else; VMkernel ports (vmkN) carry
            // VMotion, IP storage, fault tolerance logging and (ESXi) management, never the Service Console.
            if (serviceConsole && purposes.Any(p => p != AdapterPurpose.ServiceConsole))
                throw new VirtNetException(ErrorIds.InvalidAdapterPurpose, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(name)}' is a Service Console interface; its only purpose is ServiceConsole. " +
                    $"Put {string.Join(", ", purposes.Where(p => p != AdapterPurpose.ServiceConsole))} on a VMkernel adapter (vmkN).", name);
            if (!serviceConsole && purposes.Contains(AdapterPurpose.ServiceConsole))
                throw new VirtNetException(ErrorIds.InvalidAdapterPurpose, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(name)}' is a VMkernel adapter and cannot carry the Service Console. Name the Service Console interface vswifN " +
                    "(ESX 3.x and 4.x), or use -Purpose Management for a VMkernel management port.", name);
            if (gateway.HasValue && !gateway.Value.IsInSubnet(ip, prefixLength))
                throw new VirtNetException(ErrorIds.InvalidIPAddress, VirtNetErrorKind.InvalidArgument,
                    $"Gateway {gateway} is not in the subnet {ip}/{prefixLength} of adapter '{Echo.Cut(name)}'. Use a gateway inside that subnet.", gateway.ToString());
            var adapter = new VNVMKernelAdapter(host, name, ip, prefixLength, gateway, mtu, purposes, mac);
            host.RegisterVMKernelAdapter(adapter);
            try { portGroup.Connect(adapter, portId); }
            catch { host.UnregisterVMKernelAdapter(adapter); throw; }
            return adapter;
        }

        /// <summary>
        /// The address and prefix length from the forms admins write them in: CIDR ("10.0.0.5/24"), a subnet mask
        /// (as esxcfg-vmknic -n and PowerCLI -SubnetMask take it) or a prefix length. Forms given together must agree.
        /// With none the subnet is unknown, and the model does not guess a classful one.
        /// </summary>
        public static (IPv4Address Address, int PrefixLength) ParseAddress(string address, string subnetMask = null, int? prefixLength = null)
        {
            var ip = IPv4Address.ParseCidr(address, out var cidrPrefix);
            var forms = new List<(string Form, int Prefix)>();
            if (cidrPrefix.HasValue) forms.Add(($"-IPAddress {address}", cidrPrefix.Value));
            if (!string.IsNullOrEmpty(subnetMask)) forms.Add(($"-SubnetMask {subnetMask}", IPv4Address.PrefixFromMask(subnetMask)));
            if (prefixLength.HasValue)
            {
                IPv4Address.MaskFromPrefix(prefixLength.Value);
                forms.Add(($"-PrefixLength {prefixLength.Value}", prefixLength.Value));
            }
            if (forms.Count == 0)
                throw new VirtNetException(ErrorIds.InvalidSubnet, VirtNetErrorKind.InvalidArgument,
                    $"No subnet given for {address}. Use -SubnetMask (such as 255.255.255.0), -PrefixLength (such as 24) " +
                    "or the CIDR form of the address (such as 10.0.0.5/24).", address);
            if (forms.Any(f => f.Prefix != forms[0].Prefix))
                throw new VirtNetException(ErrorIds.InvalidSubnet, VirtNetErrorKind.InvalidArgument,
                    $"The subnet is given more than once and disagrees: {string.Join(" vs. ", forms.Select(f => $"{f.Form} (/{f.Prefix})"))}. Give it once.", address);
            return (ip, forms[0].Prefix);
        }

        static readonly Regex AdapterName = new Regex(@"^(vmk|vswif)[0-9]+\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>ESX names VMkernel ports vmkN and Service Console interfaces vswifN, and accepts no other names.</summary>
        static void CheckName(string name)
        {
            if (name == null || !AdapterName.IsMatch(name))
                throw new VirtNetException(ErrorIds.InvalidName, VirtNetErrorKind.InvalidArgument,
                    $"'{Echo.Cut(name)}' is not a valid VMkernel adapter name. Use vmkN for a VMkernel port (vmk0, vmk1 ...) " +
                    "or vswifN for a Service Console interface (vswif0 ...).", name);
        }

        static bool IsServiceConsoleName(string name) => name.StartsWith("vswif", StringComparison.OrdinalIgnoreCase);

        static AdapterPurpose[] DefaultPurpose(string name) =>
            IsServiceConsoleName(name) ? new[] { AdapterPurpose.ServiceConsole }
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
