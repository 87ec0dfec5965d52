using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNL002. bonding.rst: active-backup, balance-tlb and balance-alb need no switch configuration.</summary>
    internal sealed class BondInChannel : RuleDefinition
    {
        public BondInChannel() : base("VNL002", Severity.Error,
            "Bond mode that needs no port channel, towards one",
            "active-backup, balance-tlb and balance-alb (modes 1, 5 and 6) work with plain switch ports: each slave " +
            "keeps its own MAC address or the bond moves its address with a gratuitous ARP, and receive traffic comes " +
            "to the slave the switch learned it on. A port channel makes the switch hash receive traffic over all " +
            "members, so frames arrive on slaves the bond is not receiving on (active-backup drops them), and an LACP " +
            "channel never forms because the bond does not speak LACP.",
            "Remove the port channel from the slaves' switch ports, or switch the bond to 802.3ad (with an LACP channel) " +
            "or balance-xor (with a static one).",
            "Linux kernel bonding guide (Documentation/networking/bonding.rst)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                if (!vswitch.BondMode.HasValue) continue;
                var bond = PlatformTeam.Of(vswitch);
                if (bond.Required != RequiredPortChannel.None) continue;
                var inChannel = bond.Cabled.Where(u => u.SwitchPort.PortChannel != null).ToList();
                if (inChannel.Count == 0) continue;
                yield return Finding(vswitch.Path,
                    $"{bond.Subject} needs no port channel, but its slaves {Describe.Uplinks(inChannel)} are members of " +
                    $"{Describe.List(inChannel.Select(u => u.SwitchPort.PortChannel.Path).Distinct())}.");
            }
        }
    }
}
