namespace VirtNet.Rules
{
    /// <summary>VNF003. An uplink without a switch port in the model: the simulation cannot check the physical switch side.</summary>
    internal sealed class UplinkNotCabled : SimulationRule
    {
        public UplinkNotCabled() : base("VNF003", Severity.Information,
            "Uplink not cabled: its physical switch side is not simulated",
            "An uplink that carries simulated traffic has no switch port in the model, so its inbound traffic is taken " +
            "to arrive on it, and no port channel, MAC learning or spanning tree is checked for it.",
            "Cable it (Add-VNUplink -PhysicalSwitch -SwitchPort) to simulate the physical switch side.",
            "vSphere Networking guide (NIC teaming and the physical switch)")
        { }
    }
}
