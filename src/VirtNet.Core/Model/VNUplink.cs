using VirtNet.Net;

namespace VirtNet
{
    /// <summary>A physical NIC (vmnic) serving as an uplink of a virtual switch, optionally cabled to a physical switch port.</summary>
    public sealed class VNUplink
    {
        /// <summary>The fastest link speed the model takes: 400 Gb Ethernet.</summary>
        internal const int MaxSpeedMbps = 400000;

        internal VNUplink(VNVirtualSwitch vswitch, string name, int speedMbps, MacAddress? mac)
        {
            if (speedMbps <= 0 || speedMbps > MaxSpeedMbps)
                throw new VirtNetException(ErrorIds.InvalidSpeed, VirtNetErrorKind.InvalidArgument,
                    $"Speed {speedMbps} Mbps is not valid. Use a link speed in Mbps from 1 to {MaxSpeedMbps}, such as 1000 or 10000.", speedMbps);
            VirtualSwitch = vswitch;
            Name = name;
            SpeedMbps = speedMbps;
            MacAddress = mac;
        }

        public string Name { get; }
        public int SpeedMbps { get; }
        public MacAddress? MacAddress { get; }
        public VNVirtualSwitch VirtualSwitch { get; private set; }
        public VNHost Host => VirtualSwitch?.Host;
        public VNPhysicalSwitch PhysicalSwitch => SwitchPort?.PhysicalSwitch;
        public VNSwitchPort SwitchPort { get; private set; }
        public string Path => VirtualSwitch == null ? Name : VirtualSwitch.Path + "/" + Name;

        /// <summary>Cables this uplink to a physical switch port (creating the port with switch defaults if new).</summary>
        public VNSwitchPort ConnectTo(VNPhysicalSwitch physicalSwitch, string portName)
        {
            var port = physicalSwitch.GetOrAddPort(portName);
            if (port.Uplink != null && port.Uplink != this)
                throw new VirtNetException(ErrorIds.SwitchPortInUse, VirtNetErrorKind.ResourceExists,
                    $"Switch port '{port.Path}' is already cabled to uplink '{port.Uplink.Path}'.", portName);
            if (port.SwitchLink != null)
                throw new VirtNetException(ErrorIds.SwitchPortInUse, VirtNetErrorKind.ResourceExists,
                    $"Switch port '{port.Path}' is a port of switch link {port.SwitchLink.Name}; cable the uplink to a free port.", portName);
            SwitchPort?.Unplug();
            port.Plug(this);
            SwitchPort = port;
            return port;
        }

        /// <summary>Removes this uplink from its vSwitch and its failover lists, and unplugs its switch port; nothing to do once removed.</summary>
        public void Remove() => VirtualSwitch?.RemoveUplink(this);

        internal void Detach()
        {
            SwitchPort?.Unplug();
            SwitchPort = null;
            VirtualSwitch = null;
        }

        public override string ToString() => Name;
    }
}
