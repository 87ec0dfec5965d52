using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNT004. vSphere Networking guide, IP hash requirements: "all uplinks Active", "Standby and Unused lists
    /// must be empty", "You must use Link Status Only"; "Do not use beacon probing with IP-hash".
    /// </summary>
    internal sealed class IpHashWithStandbyOrBeacon : RuleDefinition
    {
        public IpHashWithStandbyOrBeacon() : base("VNT004", Severity.Error,
            "IP hash with standby or unused uplinks, or with beacon probing",
            "The EtherChannel behind an IP hash team delivers traffic to every member, so every uplink of the " +
            "team must be active: a standby or unused uplink still receives frames from the switch that the " +
            "vSwitch then drops. Beacon probing cannot work either, because the switch hashes the beacons over the " +
            "channel instead of returning them on the uplinks they were sent from.",
            "Make every uplink of an IP hash team active, with network failure detection set to link status only. " +
            "Use the port channel's members exactly as the team's uplinks.",
            "vSphere Networking guide (route based on IP hash); VMware KB 1004048")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            var reads = TeamingFields.LoadBalancing | TeamingFields.FailoverOrder | TeamingFields.FailureDetection;
            foreach (var team in scope.TeamsReading(reads))
            {
                var message = Message(team.Subject, team.LoadBalancing, team.Policy.StandbyNic, team.Policy.UnusedNic, team.Policy.CheckBeacon);
                if (message != null) yield return Finding(team.Target, message);
            }
        }

        /// <summary>The finding's message for a team under <paramref name="policy"/>; null when the rule holds. The traffic simulation asks too, for the policy in force.</summary>
        internal static string Message(string subject, LoadBalancingPolicy policy, IReadOnlyList<string> standby, IReadOnlyList<string> unused, bool beacon)
        {
            if (policy != LoadBalancingPolicy.LoadBalanceIP) return null;
            var problems = new List<string>();
            if (standby.Count > 0) problems.Add("standby uplinks " + Describe.List(standby));
            if (unused.Count > 0) problems.Add("unused uplinks " + Describe.List(unused));
            if (beacon) problems.Add("beacon probing");
            return problems.Count == 0 ? null
                : $"{subject} routes based on IP hash with {string.Join(" and ", problems)}; IP hash needs every uplink active and link status only.";
        }
    }
}
