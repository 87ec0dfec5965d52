namespace VirtNet.Rules
{
    /// <summary>VNF005. Source MAC hash places a port by its MAC address; the model needs the addresses to place ports as ESX does.</summary>
    internal sealed class SourceMacHashWithoutMac : SimulationRule
    {
        public SourceMacHashWithoutMac() : base("VNF005", Severity.Warning,
            "Source MAC hash without the ports' MAC addresses",
            "Route based on source MAC hash chooses each port's uplink from its MAC address. Ports whose adapters have " +
            "no MAC address in the model are placed as if their MAC were 00:00:00:00:00:00, which may not be where ESX " +
            "places them.",
            "Give the adapters their MAC addresses (-MacAddress).",
            "vSphere Networking guide (route based on source MAC hash)")
        { }
    }
}
