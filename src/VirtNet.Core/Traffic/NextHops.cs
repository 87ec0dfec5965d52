using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Traffic
{
    /// <summary>
    /// The destination MAC of the frames a flow's source sends, for the hashes that read it: the next hop's. A
    /// destination on the source's subnet is reached directly, so the frames carry the MAC of the adapter or endpoint
    /// that owns the address; any other goes through the gateway, so they carry the gateway's MAC (RFC 1122 3.3.1).
    /// The broadcast address maps to ff:ff:ff:ff:ff:ff, an IPv4 multicast group to 01:00:5e and its low 23 bits
    /// (RFC 1112 6.4). The owners are the adapters of the simulated hosts and the endpoints of the physical switches
    /// their uplinks are cabled to. A source knows its subnet and gateway when it is a VMkernel adapter; for a VM a
    /// destination with a known owner is taken to be on its subnet, and its gateway is the one Gateway endpoint of
    /// its VLAN. An address owned twice with different MACs, or a gateway that is not one, counts as unknown.
    /// </summary>
    internal sealed class NextHops
    {
        public const ulong Broadcast = 0xFFFF_FFFF_FFFFUL;
        /// <summary>What a frame is taken to carry when the model does not know its destination MAC.</summary>
        public const ulong Unknown = 0;

        /// <summary>An address two owners claim with different MACs: more than 48 bits, so no MAC.</summary>
        const ulong Ambiguous = ulong.MaxValue;

        readonly Dictionary<uint, ulong> _owners = new Dictionary<uint, ulong>();
        readonly uint[] _network, _mask;
        readonly ulong?[] _gateway;

        public NextHops(VNVirtualSwitch[] switches, VNUplink[] uplinks, VNVirtualAdapter[] sources)
        {
            var endpoints = uplinks.Where(u => u.SwitchPort != null).Select(u => u.SwitchPort.PhysicalSwitch).Distinct()
                .SelectMany(s => s.Endpoints).ToList();
            foreach (var host in switches.Select(s => s.Host).Where(h => h != null).Distinct())
            {
                foreach (var vmk in host.VMKernelAdapters) Own(vmk.IPAddress?.Value, vmk.MacAddress?.Value);
                foreach (var adapter in host.VirtualMachines.SelectMany(vm => vm.NetworkAdapters)) Own(adapter.IPAddress?.Value, adapter.MacAddress?.Value);
            }
            foreach (var endpoint in endpoints) Own(endpoint.IPAddress.Value, endpoint.MacAddress?.Value);

            _network = new uint[sources.Length];
            _mask = new uint[sources.Length];
            _gateway = new ulong?[sources.Length];
            for (int s = 0; s < sources.Length; s++)
            {
                if (sources[s] is VNVMKernelAdapter vmk && vmk.IPAddress.HasValue)
                {
                    _mask[s] = vmk.SubnetMask.Value;
                    _network[s] = vmk.IPAddress.Value.Value & _mask[s];
                    _gateway[s] = vmk.Gateway.HasValue ? Owner(vmk.Gateway.Value.Value) : null;
                    continue;
                }
                int vlan = sources[s].PortGroup?.VLanId ?? 0;
                var gateways = endpoints.Where(e => e.Role == EndpointRole.Gateway && (e.VLanId ?? 0) == vlan).ToList();
                _gateway[s] = gateways.Count == 1 ? Owner(gateways[0].IPAddress.Value) : null;
            }
        }

        void Own(uint? ip, ulong? mac)
        {
            if (!ip.HasValue || !mac.HasValue) return;
            _owners[ip.Value] = _owners.TryGetValue(ip.Value, out var known) && known != mac.Value ? Ambiguous : mac.Value;
        }

        ulong? Owner(uint ip) => _owners.TryGetValue(ip, out var mac) && mac != Ambiguous ? mac : (ulong?)null;

        /// <summary>The destination MAC of frames from source s to the destination; false when the model does not know it.</summary>
        public bool TryGet(int s, uint destination, out ulong mac)
        {
            uint mask = _mask[s];
            if (destination == 0xFFFF_FFFFu || (mask != 0 && (destination & mask) == _network[s] && (destination | mask) == 0xFFFF_FFFFu))
            {
                mac = Broadcast;
                return true;
            }
            if ((destination >> 28) == 0xE)
            {
                mac = 0x01005E000000UL | (destination & 0x7F_FFFFu);
                return true;
            }
            var owner = Owner(destination);
            bool onLink = mask != 0 ? (destination & mask) == _network[s] : owner.HasValue;
            var next = onLink ? owner : _gateway[s];
            mac = next ?? Unknown;
            return next.HasValue;
        }
    }
}
