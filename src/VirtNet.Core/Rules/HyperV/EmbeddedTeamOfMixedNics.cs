using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNW002. Microsoft, RDMA and Switch Embedded Teaming: all NICs of a SET team must be identical.</summary>
    internal sealed class EmbeddedTeamOfMixedNics : RuleDefinition
    {
        public EmbeddedTeamOfMixedNics() : base("VNW002", Severity.Error,
            "Switch Embedded Teaming with NICs that are not identical",
            "Switch Embedded Teaming needs identical NICs: same make, model, firmware and driver, and so the same " +
            "speed. Microsoft does not support a SET team of mixed NICs, and SET balances as if every member had " +
            "the same bandwidth, so a slower member caps the flows placed on it. The model sees NICs by their speed.",
            "Team NICs of one model and speed in each SET switch; give NICs of another speed a switch of their own.",
            "Microsoft guide: Remote Direct Memory Access (RDMA) and Switch Embedded Teaming (SET)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                if (!vswitch.EmbeddedTeamingEnabled) continue;
                var speeds = vswitch.Uplinks.GroupBy(u => u.SpeedMbps).ToList();
                if (speeds.Count < 2) continue;
                yield return Finding(vswitch.Path,
                    $"SET switch {vswitch.Path} teams NICs of different speeds: " +
                    $"{string.Join("; ", speeds.Select(g => $"{Describe.List(g.Select(u => u.Name))} at {g.Key} Mbps"))}.");
            }
        }
    }
}
