namespace VirtNet.Labs
{
    /// <summary>The built-in sample labs. New-VNSampleLab binds to this enum, so it is the one list of labs.</summary>
    public enum SampleLabName
    {
        /// <summary>One ESX 3.5 host, two uplinks to a Catalyst 3750 stack, IP storage: see <see cref="NicTeamingLab"/>.</summary>
        NicTeaming,
        /// <summary>Three ESX 3.5 hosts whose Service Consoles face switch ports with and without PortFast: see <see cref="HaClusterLab"/>.</summary>
        HaCluster,
    }
}
