using VirtNet.Net;

namespace VirtNet
{
    /// <summary>Anything that takes a virtual port on a vSwitch: a VM's network adapter or a VMkernel/Service Console port.</summary>
    public abstract class VNVirtualAdapter
    {
        protected VNVirtualAdapter(string name, MacAddress? mac, IPv4Address? ip)
        {
            Name = name;
            MacAddress = mac;
            IPAddress = ip;
        }

        public string Name { get; }
        public MacAddress? MacAddress { get; internal set; }
        public IPv4Address? IPAddress { get; }
        /// <summary>Null when disconnected.</summary>
        public VNPortGroup PortGroup { get; private set; }
        public VNVirtualSwitch VirtualSwitch => PortGroup?.VirtualSwitch;
        /// <summary>The virtual port id: 0, 1, 2 ... in connection order on its vSwitch (LoadBalanceSrcId hashes it). -1 when disconnected.</summary>
        public int PortId { get; private set; } = -1;
        public bool Connected => PortGroup != null;
        public abstract string Path { get; }

        internal void Attach(VNPortGroup portGroup, int portId)
        {
            PortGroup = portGroup;
            PortId = portId;
        }

        internal void Disconnect()
        {
            PortGroup?.Release(this);
            PortGroup = null;
            PortId = -1;
        }

        public override string ToString() => Name;
    }
}
