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
                if (!team.Policy.CheckBeacon || team.Members.Count == 0 || team.Members.Count >= 3) continue;
                yield return Finding(team.Target,
                    $"{team.Subject} detects failures by beacon probing over {team.Members.Count} uplink" +
                    $"{(team.Members.Count == 1 ? "" : "s")} ({Describe.List(team.Policy.ActiveNic)}{(team.Policy.StandbyNic.Length > 0 ? ", standby " + Describe.List(team.Policy.StandbyNic) : "")}); " +
                    "beacon probing needs three to tell which uplink failed.");
            }
        }
    }
}
