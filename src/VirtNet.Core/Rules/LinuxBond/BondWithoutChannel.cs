using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>VNL001. bonding.rst: 802.3ad needs an LACP aggregation; balance-rr, balance-xor and broadcast a static one.</summary>
    internal sealed class BondWithoutChannel : RuleDefinition
    {
        public BondWithoutChannel() : base("VNL001", Severity.Error,
            "Bond mode without the port channel it needs",
            "The bonding modes that send one host's frames over several slaves need the switch to treat those ports " +
            "as one link: 802.3ad (mode 4) needs an 802.3ad (LACP) aggregation, and without an LACP partner the bond " +
            "falls back to one active slave; balance-rr, balance-xor and broadcast (modes 0, 2 and 3) need a static " +
            "EtherChannel, or the switch sees the bond's MAC address flap between ports.",
            "Put the switch ports of all the bond's slaves, and no other port, into one port channel: mode active " +
            "(LACP) for 802.3ad, mode on for balance-rr, balance-xor and broadcast. Or use active-backup, balance-tlb " +
            "or balance-alb, which need no switch configuration.",
            "Linux kernel bonding guide (Documentation/networking/bonding.rst)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                if (!vswitch.BondMode.HasValue) continue;
                var bond = PlatformTeam.Of(vswitch);
                if (bond.Required == RequiredPortChannel.None) continue;
                var problem = bond.ChannelProblem();
                if (problem == null) continue;
                yield return Finding(vswitch.Path,
                    $"{bond.Subject} needs {(bond.Required == RequiredPortChannel.Lacp ? "an LACP" : "a static")} port channel, but {problem}.");
            }
        }
    }
}
