using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNT009. Teaming policies spread by count, not by speed; Cisco EtherChannel members must share speed.</summary>
    internal sealed class MixedUplinkSpeeds : RuleDefinition
    {
        public MixedUplinkSpeeds() : base("VNT009", Severity.Warning,
            "Mixed uplink speeds in one team",
            "Every teaming policy places ports or flows on uplinks by count, never by speed, so a slower uplink " +
            "saturates first while a faster one idles, and a failover onto the slower uplink cuts the throughput " +
            "of everything that moves. An EtherChannel behind the team suspends members whose speed differs.",
            "Team uplinks of one speed. Keep a slower NIC out of the team, or make it a standby uplink only where " +
            "a degraded failover path is intended.",
            "vSphere Networking guide (NIC teaming); Cisco Catalyst 3750 EtherChannel configuration guide")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.FailoverOrder))
            {
                if (team.Members.Select(u => u.SpeedMbps).Distinct().Count() < 2) continue;
                yield return Finding(team.Target,
                    $"{team.Subject} teams uplinks of different speeds: " +
                    Describe.List(team.Members.Select(u => u.Name + " " + u.SpeedMbps.ToString(CultureInfo.InvariantCulture) + " Mbps")) + ".");
            }
        }
    }
}
