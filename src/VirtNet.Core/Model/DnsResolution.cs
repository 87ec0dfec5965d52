using System;

namespace VirtNet
{
    /// <summary>
    /// Which DNS lookups of a host work from the other hosts. Legacy HA (AAM) needs all four: every host's short
    /// name and FQDN must resolve forward and reverse from every other host, or "Configuring HA" fails
    /// (vSphere 4.1 HA checklist; HostShortNameToIpFailedEvent, HostIpToShortNameFailedEvent).
    /// </summary>
    [Flags]
    public enum DnsResolution
    {
        None = 0,
        /// <summary>The short name (esx01) resolves to the host's address.</summary>
        ShortNameForward = 1,
        /// <summary>The address resolves back to a name whose first label is the short name.</summary>
        ShortNameReverse = 2,
        /// <summary>The FQDN (esx01.lab.local) resolves to the host's address.</summary>
        FqdnForward = 4,
        /// <summary>The address resolves back to the FQDN.</summary>
        FqdnReverse = 8,
        ShortName = ShortNameForward | ShortNameReverse,
        Fqdn = FqdnForward | FqdnReverse,
        Forward = ShortNameForward | FqdnForward,
        Reverse = ShortNameReverse | FqdnReverse,
        All = ShortName | Fqdn,
    }
}
