using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>VNW004. NIC Teaming settings: Static and LACP teams need the matching port channel on one switch.</summary>
    internal sealed class SwitchDependentTeamWithoutChannel : RuleDefinition
    {
        public SwitchDependentTeamWithoutChannel() : base("VNW004", Severity.Error,
            "Static or LACP team without a matching port channel",
            "A switch dependent NIC team needs the switch ports of all its members in one port channel on one " +
            "switch or stack: Static teaming a static channel (channel-group mode on), LACP teaming an LACP channel " +
            "(mode active or passive). Without it the switch sees each VM's MAC address on several ports and sends " +
            "the return traffic to whichever it learned last; an LACP team towards ports that do not speak LACP " +
            "never forms its aggregate.",
            "Put the switch ports of every team member, and no other port, into one port channel of the matching kind, " +
            "or make the team switch independent.",
            "Microsoft guide: NIC Teaming settings; Microsoft New-NetLbfoTeam reference")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                var team = vswitch.Team;
                if (team == null || team.RequiredPortChannel == RequiredPortChannel.None) continue;
                var platformTeam = PlatformTeam.Of(vswitch);
                var problem = platformTeam.ChannelProblem();
                if (problem == null) continue;
                yield return Finding(vswitch.Path, $"{platformTeam.Subject} needs {(team.TeamingMode == TeamingMode.Lacp ? "an LACP" : "a static")} port channel, but {problem}.");
            }
        }
    }
}
