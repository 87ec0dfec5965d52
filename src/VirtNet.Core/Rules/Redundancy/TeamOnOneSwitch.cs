using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNR002. Scott Lowe, "Understanding NIC Utilization in VMware ESX" (2008): redundancy with link aggregation
    /// needs "physical switches that support cross-stack link aggregation"; without aggregation, separate switches.
    /// </summary>
    internal sealed class TeamOnOneSwitch : RuleDefinition
    {
        public TeamOnOneSwitch() : base("VNR002", Severity.Warning,
            "All uplinks of a team on one physical switch",
            "A team protects against a failed NIC or cable, but when all its uplinks go to one standalone switch, " +
            "or to one member of a stack, that switch is a single point of failure: when it fails or reloads the " +
            "team loses every uplink at once. A stack survives the loss of one member only for teams spread over " +
            "several members.",
            "Cable the team's uplinks to two switches (port ID or explicit failover teaming), or to two members of " +
            "one stack (also possible with an IP hash EtherChannel across the stack).",
            "Scott Lowe, Understanding NIC Utilization in VMware ESX (2008); VMware KB 1004048")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.FailoverOrder))
            {
                var cabled = team.CabledMembers.ToList();
                if (cabled.Count < 2) continue;
                var physicalSwitch = cabled[0].PhysicalSwitch;
                if (cabled.Any(u => u.PhysicalSwitch != physicalSwitch)) continue;
                int member = cabled[0].SwitchPort.StackMember;
                if (physicalSwitch.IsStack && cabled.Any(u => u.SwitchPort.StackMember != member)) continue;
                string where = physicalSwitch.IsStack
                    ? $"member {member.ToString(CultureInfo.InvariantCulture)} of stack {physicalSwitch.Name}"
                    : $"switch {physicalSwitch.Name}, which is not a stack";
                yield return Finding(team.Target,
                    $"All uplinks of {team.Name} ({Describe.Uplinks(cabled)}) go to {where}: it fails them all at once.");
            }
        }
    }
}
