using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>The wording findings share, so that every message names things the same way.</summary>
    internal static class Describe
    {
        /// <summary>The vSphere client's wording of each policy.</summary>
        public static string Policy(LoadBalancingPolicy policy)
        {
            switch (policy)
            {
                case LoadBalancingPolicy.LoadBalanceSrcId: return "route based on originating port ID";
                case LoadBalancingPolicy.LoadBalanceSrcMac: return "route based on source MAC hash";
                case LoadBalancingPolicy.LoadBalanceIP: return "route based on IP hash";
                case LoadBalancingPolicy.ExplicitFailover: return "use explicit failover order";
                default: return "route based on physical NIC load";
            }
        }

        /// <summary>"vmnic0 (core1/Gi1/0/1)", or "vmnic0 (not cabled)".</summary>
        public static string Uplink(VNUplink uplink) =>
            uplink.Name + " (" + (uplink.SwitchPort?.Path ?? "not cabled") + ")";

        public static string Uplinks(IEnumerable<VNUplink> uplinks) => List(uplinks.Select(Uplink));

        public static string List(IEnumerable<string> items)
        {
            var all = items.ToList();
            return all.Count == 0 ? "none" : string.Join(", ", all);
        }
    }
}
