namespace VirtNet.Rules
{
    /// <summary>VNF007. Linux bond_xmit_hash: the layer2, layer2+3 and encap2+3 policies hash the destination MAC, that of the next hop.</summary>
    internal sealed class BondHashWithoutNextHopMac : SimulationRule
    {
        public BondHashWithoutNextHopMac() : base("VNF007", Severity.Warning,
            "Bond hash without the next hop's MAC address",
            "The bond's transmit hash policy (layer2, layer2+3, encap2+3) or balance-alb hashes the destination MAC of " +
            "each frame: the peer's when it is on the subnet, else the gateway's. When no adapter or endpoint of the " +
            "model owns that MAC, the flow is placed as if it were 00:00:00:00:00:00, which may not be where the kernel sends it.",
            "Give the endpoints their MAC addresses (Add-VNEndpoint -MacAddress), or the flows theirs (New-VNFlow -DestinationMacAddress).",
            "Linux kernel bonding guide (Documentation/networking/bonding.rst, xmit_hash_policy); drivers/net/bonding/bond_main.c (bond_xmit_hash)")
        { }
    }
}
