using System;
using System.Collections.Generic;
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
        /// Cables an uplink to a trunk port that carries the given VLANs: the VLAN trunking of the articles, where
        /// the vSwitch tags every port group (VST) and the physical port must allow each of those VLANs.
        /// </summary>
        internal static VNSwitchPort CableToTrunk(VNUplink uplink, VNPhysicalSwitch physicalSwitch, string port, PortFastMode portFast, params int[] vlans)
        {
            var switchPort = uplink.ConnectTo(physicalSwitch, port);
            switchPort.Mode = SwitchPortMode.Trunk;
            switchPort.SetAllowedVLan(new[] { string.Join(",", vlans.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) });
            switchPort.PortFast = portFast;
            return switchPort;
        }
    }
}
