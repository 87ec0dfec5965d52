namespace VirtNet
{
    /// <summary>The condition of an uplink as a team sees it.</summary>
    public enum UplinkState
    {
        Up,
        /// <summary>Failed earlier and up again: with failback it takes its slot back, without it stays idle until needed.</summary>
        Recovered,
        /// <summary>Link down (NIC, cable or switch): both link status and beacon probing see it.</summary>
        Failed,
        /// <summary>Link up, path beyond the switch port down: only beacon probing sees it.</summary>
        UpstreamFailed,
        /// <summary>Link up again, but the host's Net.TeamPolicyUpDelay has not run out: the team does not use it yet.</summary>
        UpDelay,
    }
}
