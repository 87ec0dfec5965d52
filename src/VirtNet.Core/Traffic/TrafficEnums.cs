namespace VirtNet
{
    /// <summary>Seen from the host: Outbound is sent by the source adapter (Tx on its uplink), Inbound is received by it
    /// (Rx on the uplink the physical switch chooses), Both is a flow with that demand in each direction.</summary>
    public enum FlowDirection { Outbound, Inbound, Both }

    public enum FlowProtocol { Tcp, Udp, Icmp }

    /// <summary>
    /// What happens to a flow, from best to worst. Ok, Shotgun and ChannelNotFormed deliver traffic; the others are
    /// errors, and the model counts them as delivering nothing rather than pretend an unreliable path works.
    /// </summary>
    public enum FlowStatus
    {
        /// <summary>Delivered on the uplinks shown.</summary>
        Ok,
        /// <summary>Beacon probing with two uplinks cannot tell which path failed and sends every frame on both.</summary>
        Shotgun,
        /// <summary>The uplink's switch port is in an LACP or PAgP channel that never forms with this vSwitch; the port runs on its own.</summary>
        ChannelNotFormed,
        /// <summary>The source MAC leaves on uplinks that are not one port channel: the physical switch sees it flap between ports.</summary>
        MacFlap,
        /// <summary>A port channel meets a vSwitch policy that does not match it, or hashes frames to a NIC that does not serve the port.</summary>
        ChannelMismatch,
        /// <summary>The path behind the uplink is down but its link is up, and failure detection does not see it.</summary>
        Blackholed,
        /// <summary>No active or standby uplink of the port's team is usable.</summary>
        NoUplink,
    }
}
