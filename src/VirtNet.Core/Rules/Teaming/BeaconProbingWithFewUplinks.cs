using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNT007. vSphere Networking guide: "Use beacon probing with three or more NICs"; with two, ESX cannot
    /// tell which failed and sends "all packets ... to both uplinks".
    /// </summary>
    internal sealed class BeaconProbingWithFewUplinks : RuleDefinition
    {
        public BeaconProbingWithFewUplinks() : base("VNT007", Severity.Warning,
            "Beacon probing with fewer than three uplinks",
            "Beacon probing sends a beacon out of every uplink each second and declares an uplink failed when its " +
            "beacons stop arriving on the others. With two uplinks a lost beacon cannot say which side failed, so " +
            "ESX sends every frame on both (shotgun mode); with one there is nothing to compare. It tolerates " +
            "n - 2 failures, so it needs at least three uplinks.",
            "Use beacon probing only on teams of three or more uplinks; otherwise set network failure detection " +
            "to link status only.",
            "vSphere Networking guide (network failure detection); VMware KB 1005577")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.FailureDetection | TeamingFields.FailoverOrder))
            {
                var message = Message(team.Subject, team.Policy.CheckBeacon, team.Members.Count, team.Policy.ActiveNic, team.Policy.StandbyNic);
                if (message != null) yield return Finding(team.Target, message);
            }
        }

        /// <summary>The finding's message for a team; null when the rule holds. The traffic simulation asks too.</summary>
        internal static string Message(string subject, bool beacon, int members, IReadOnlyList<string> active, IReadOnlyList<string> standby)
        {
            if (!beacon || members == 0 || members >= 3) return null;
            return $"{subject} detects failures by beacon probing over {members} uplink{(members == 1 ? "" : "s")} " +
                   $"({Describe.List(active)}{(standby.Count > 0 ? ", standby " + Describe.List(standby) : "")}); " +
                   "beacon probing needs three to tell which uplink failed.";
        }
    }
}
