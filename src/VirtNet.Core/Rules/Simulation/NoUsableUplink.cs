namespace VirtNet.Rules
{
    /// <summary>VNF001. vSphere Networking guide, teaming and failover: with no active or standby uplink up, a port group has no path.</summary>
    internal sealed class NoUsableUplink : SimulationRule
    {
        public NoUsableUplink() : base("VNF001", Severity.Error,
            "No usable uplink",
            "In the simulation, every active and standby uplink of a port group's team (every NIC of a Hyper-V team or " +
            "bond) has failed, so the flows of its ports have nowhere to go and are lost.",
            "Restore an uplink, or give the team more uplinks (standby uplinks take over when the active ones fail).",
            "vSphere Networking guide (teaming and failover policy)")
        { }
    }
}
