namespace VirtNet.Rules
{
    /// <summary>VNF006. Linux bonding.rst, balance-rr: the only mode that lets one TCP connection use several slaves, at the cost of reordering.</summary>
    internal sealed class RoundRobinReordersTcp : SimulationRule
    {
        public RoundRobinReordersTcp() : base("VNF006", Severity.Information,
            "balance-rr delivers TCP segments out of order",
            "A balance-rr bond sends packet n of every flow on slave n mod (slaves), so the segments of one TCP " +
            "connection travel over several links and arrive out of order. TCP takes reordering for loss and slows " +
            "down, so one connection may get less than the throughput the simulation shows, which is what the slaves carry.",
            "Raise net.ipv4.tcp_reordering on the receivers, or keep each connection on one slave with balance-xor or 802.3ad and layer3+4.",
            "Linux kernel bonding guide (Documentation/networking/bonding.rst, balance-rr)")
        { }
    }
}
