namespace VirtNet.Rules
{
    /// <summary>VNF002. KB 1005577: link status sees only the local link; beacon probing needs three uplinks to tell which path failed.</summary>
    internal sealed class UndetectedUpstreamFailure : SimulationRule
    {
        public UndetectedUpstreamFailure() : base("VNF002", Severity.Error,
            "Failure detection does not see the upstream failure",
            "In the simulation, the path behind an uplink's switch port is down while its link stays up. Link status " +
            "failure detection sees only the link, and beacon probing with fewer than three uplinks cannot tell which " +
            "path failed, so the team keeps sending on the uplink and those flows are lost.",
            "Use beacon probing with three or more uplinks, or link-state tracking on the physical switch.",
            "vSphere Networking guide (network failure detection); VMware KB 1005577")
        { }
    }
}
