using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Labs
{
    /// <summary>Builds the sample labs that reproduce the setups of the articles VirtNet grew from.</summary>
    public static class SampleLab
    {
        public static IReadOnlyList<SampleLabName> KnownNames { get; } = (SampleLabName[])Enum.GetValues(typeof(SampleLabName));

        public static VNSampleLab Build(SampleLabName name)
        {
            switch (name)
            {
                case SampleLabName.NicTeaming: return NicTeamingLab.Build();
                case SampleLabName.HaCluster: return HaClusterLab.Build();
                default: throw Unknown(name.ToString());
            }
        }

        /// <summary>Builds a lab by name, case-insensitively. Only the names count: Enum.Parse would also take "1" or "NicTeaming, HaCluster".</summary>
        public static VNSampleLab Build(string name)
        {
            foreach (var known in KnownNames)
                if (string.Equals(known.ToString(), name, StringComparison.OrdinalIgnoreCase))
                    return Build(known);
            throw Unknown(name);
        }

        static VirtNetException Unknown(string name) =>
            new VirtNetException(ErrorIds.UnknownSampleLab, VirtNetErrorKind.ObjectNotFound,
                $"There is no sample lab named '{name}'. Known labs: {string.Join(", ", KnownNames)}.", name);

        /// <summary>
        /// Cables an uplink to an 802.1Q trunk port that allows the given VLANs: the vSwitch tags each port group's
        /// VLAN (virtual switch tagging), so the port must allow every one of them (vSphere Networking guide, VLAN tagging).
        /// </summary>
        internal static void CableToTrunk(VNUplink uplink, VNPhysicalSwitch physicalSwitch, string port, PortFastMode portFast, params int[] vlans)
        {
            var switchPort = uplink.ConnectTo(physicalSwitch, port);
            switchPort.Mode = SwitchPortMode.Trunk;
            switchPort.SetAllowedVLan(new[] { string.Join(",", vlans.Select(v => v.ToString(CultureInfo.InvariantCulture))) });
            switchPort.PortFast = portFast;
        }
    }
}
