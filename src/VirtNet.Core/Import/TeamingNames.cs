namespace VirtNet.Import
{
    /// <summary>Load balancing policy names as exports write them.</summary>
    static class TeamingNames
    {
        /// <summary>PowerCLI's enum names (LoadBalanceSrcId) or the vSphere API's strings (loadbalance_srcid), as RVTools writes them.</summary>
        public static LoadBalancingPolicy? LoadBalancing(string text)
        {
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "loadbalancesrcid": case "loadbalance_srcid": return LoadBalancingPolicy.LoadBalanceSrcId;
                case "loadbalancesrcmac": case "loadbalance_srcmac": return LoadBalancingPolicy.LoadBalanceSrcMac;
                case "loadbalanceip": case "loadbalance_ip": return LoadBalancingPolicy.LoadBalanceIP;
                case "explicitfailover": case "failover_explicit": return LoadBalancingPolicy.ExplicitFailover;
                case "loadbalanceloadbased": case "loadbalance_loadbased": return LoadBalancingPolicy.LoadBalanceLoadBased;
                default: return null;
            }
        }
    }
}
