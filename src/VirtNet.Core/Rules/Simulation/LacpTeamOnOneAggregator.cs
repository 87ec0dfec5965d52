namespace VirtNet.Rules
{
    /// <summary>
    /// VNF008. Linux bonding.rst (ad_select) and bond_3ad.c ad_agg_selection_logic; Windows Server NIC Teaming
    /// (switch dependent teams: one switch or a multi-chassis switch); vSphere LACP on a distributed switch (a LAG's
    /// ports on one switch, stack or MLAG pair).
    /// </summary>
    internal sealed class LacpTeamOnOneAggregator : SimulationRule
    {
        public LacpTeamOnOneAggregator() : base("VNF008", Severity.Warning,
            "LACP team split over aggregators: only one carries traffic",
            "An LACP team whose members go to two switches that are no stack and no vPC/MLAG pair (or to two channels) " +
            "negotiates with two partners and forms one aggregator per partner. The team is one MAC client and transmits " +
            "on one aggregator only, chosen by ad_select for a Linux bond; the links of the others stay idle until the " +
            "active aggregator loses its links, so the team has a fraction of the bandwidth it seems to have.",
            "Bundle all members in one channel on one switch, a stack or a vPC/MLAG pair, or use a switch independent " +
            "teaming (active-backup, balance-tlb or balance-alb for a bond; Switch Independent for Hyper-V; route based on " +
            "originating virtual port for ESX) when the switches cannot be paired.",
            "Linux kernel bonding guide (Documentation/networking/bonding.rst, ad_select); drivers/net/bonding/bond_3ad.c " +
            "(ad_agg_selection_logic); Windows Server NIC Teaming (switch dependent modes); vSphere Networking guide (LACP support on a vSphere Distributed Switch)")
        { }
    }
}
