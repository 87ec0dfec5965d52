using System.Globalization;

namespace VirtNet.Rules
{
    internal static class PortUse
    {
        /// <summary>"2 uplinks, 5 virtual adapters": what takes the ports of a vSwitch.</summary>
        public static string Describe(VNVirtualSwitch vswitch)
        {
            int uplinks = vswitch.Uplinks.Count, adapters = vswitch.UsedPorts - uplinks;
            return uplinks.ToString(CultureInfo.InvariantCulture) + (uplinks == 1 ? " uplink, " : " uplinks, ") +
                   adapters.ToString(CultureInfo.InvariantCulture) + (adapters == 1 ? " virtual adapter" : " virtual adapters");
        }
    }
}
