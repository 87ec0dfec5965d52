using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Rules
{
    /// <summary>VNW003. New-VMSwitch: an External switch binds to one network adapter unless SET teams several.</summary>
    internal sealed class SeveralNicsWithoutTeam : RuleDefinition
    {
        public SeveralNicsWithoutTeam() : base("VNW003", Severity.Error,
            "Hyper-V External switch with several NICs and no team",
            "A Hyper-V External switch binds to exactly one network adapter: one physical NIC, the interface of an " +
            "LBFO team, or, with Switch Embedded Teaming, the NICs it teams itself. A switch with several NICs and " +
            "neither cannot be built in Windows; the model sends its traffic over the first NIC only, and the " +
            "others add no bandwidth and no redundancy.",
            "Team the NICs: Switch Embedded Teaming on Windows Server 2016 and later (Add-VNVirtualSwitch " +
            "-EnableEmbeddedTeaming $true), or an LBFO team on 2012 to 2019 (New-VNTeam); or keep one NIC per switch.",
            "Microsoft New-VMSwitch reference; Microsoft guide: NIC Teaming")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var vswitch in scope.PlatformSwitches)
            {
                var message = Message(vswitch);
                if (message != null) yield return Finding(vswitch.Path, message);
            }
        }

        /// <summary>The finding's message for a Hyper-V switch; null when the rule holds. The traffic simulation asks too.</summary>
        internal static string Message(VNVirtualSwitch vswitch)
        {
            if (vswitch.SwitchType != HyperVSwitchType.External || vswitch.EmbeddedTeamingEnabled || vswitch.Team != null || vswitch.Uplinks.Count < 2) return null;
            return $"External switch {vswitch.Path} has the NICs {Describe.Uplinks(vswitch.Uplinks)} but neither SET nor an LBFO team: " +
                   $"only {vswitch.Uplinks[0].Name} carries traffic.";
        }
    }
}
