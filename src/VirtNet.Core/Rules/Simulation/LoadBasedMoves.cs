namespace VirtNet.Rules
{
    /// <summary>VNF004. vSphere Networking guide: load-based teaming moves a port off an uplink at 75 % load, every 30 s.</summary>
    internal sealed class LoadBasedMoves : SimulationRule
    {
        public LoadBasedMoves() : base("VNF004", Severity.Information,
            "Load-based teaming moved ports",
            "In the simulation, route based on physical NIC load found an uplink at 75 % of its speed or more and moved " +
            "ports to less loaded uplinks, in rounds of 30 s, until no uplink was that busy or no move helped.",
            "No action needed.",
            "vSphere Networking guide (route based on physical NIC load)")
        { }
    }
}
