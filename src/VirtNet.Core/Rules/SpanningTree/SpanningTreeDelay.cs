using System.Globalization;

namespace VirtNet.Rules
{
    internal static class SpanningTreeDelay
    {
        /// <summary>
        /// "30 s (listening and learning, 2 x forward delay 15 s)". A non-edge Rapid PVST+ port facing a host gets
        /// no proposal/agreement answer and falls back to the same timers (IEEE 802.1w; Cisco, Understanding Rapid Spanning Tree Protocol).
        /// </summary>
        public static string Text(VNSwitchPort port)
        {
            double delay = port.PhysicalSwitch.ForwardDelay.TotalSeconds;
            return (2 * delay).ToString(CultureInfo.InvariantCulture) + " s (listening and learning, 2 x forward delay " +
                   delay.ToString(CultureInfo.InvariantCulture) + " s)";
        }
    }
}
