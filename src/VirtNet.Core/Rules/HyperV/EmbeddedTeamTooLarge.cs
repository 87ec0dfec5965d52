using System.Collections.Generic;
using System.Globalization;

namespace VirtNet.Rules
{
    /// <summary>VNW001. Microsoft, RDMA and Switch Embedded Teaming: a SET team takes one to eight NICs.</summary>
    internal sealed class EmbeddedTeamTooLarge : RuleDefinition
    {
        public EmbeddedTeamTooLarge() : base("VNW001", Severity.Error,
            "Switch Embedded Teaming with more than eight NICs",
            "Switch Embedded Teaming (SET) groups one to eight physical NICs into the Hyper-V switch. Windows " +
            "refuses to create a SET switch with more, and a model that has them describes a host that cannot exist, " +
            "so what the simulation says of it does not hold for any real one.",
            "Keep at most eight NICs in the SET switch; put others into a second switch.",
            "Microsoft guide: Remote Direct Memory Access (RDMA) and Switch Embedded Teaming (SET)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                if (!vswitch.EmbeddedTeamingEnabled || vswitch.Uplinks.Count <= HyperVTeaming.MaxEmbeddedTeamMembers) continue;
                yield return Finding(vswitch.Path,
                    $"SET switch {vswitch.Path} teams {vswitch.Uplinks.Count.ToString(CultureInfo.InvariantCulture)} NICs " +
                    $"({Describe.List(vswitch.Nic)}); SET takes at most {HyperVTeaming.MaxEmbeddedTeamMembers.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }
}
