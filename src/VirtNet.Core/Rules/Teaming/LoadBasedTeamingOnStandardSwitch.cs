using System.Collections.Generic;

namespace VirtNet.Rules
{
    /// <summary>
    /// VNT008. vSphere Networking guide: route based on physical NIC load is a distributed switch policy, from 4.1.
    /// Set-VNTeamingPolicy and Import-VNConfig already refuse it elsewhere (TeamingPolicyChange); the rule keeps
    /// the catalogue complete for a model that holds the setting all the same.
    /// </summary>
    internal sealed class LoadBasedTeamingOnStandardSwitch : RuleDefinition
    {
        public LoadBasedTeamingOnStandardSwitch() : base("VNT008", Severity.Error,
            "Load-based teaming on a standard vSwitch",
            "Route based on physical NIC load (load-based teaming) exists only on distributed switches, from " +
            "vSphere 4.1: every 30 seconds it moves a port off an uplink loaded at 75 % or more. A standard vSwitch, " +
            "or a distributed switch of an earlier release, has no such policy, so the configuration cannot be applied.",
            "On a standard vSwitch use route based on originating port ID; use load-based teaming on distributed " +
            "switches of vSphere 4.1 or later.",
            "vSphere Networking guide (load balancing algorithms)")
        { }

        public override IEnumerable<VNFinding> Evaluate(CheckScope scope)
        {
            foreach (var team in scope.TeamsReading(TeamingFields.LoadBalancing))
            {
                var message = Message(team.Subject, team.LoadBalancing, team.VirtualSwitch);
                if (message != null) yield return Finding(team.Target, message);
            }
        }

        /// <summary>The finding's message for a team under <paramref name="policy"/>; null when the rule holds. The traffic simulation asks too, for the policy in force.</summary>
        internal static string Message(string subject, LoadBalancingPolicy policy, VNVirtualSwitch vswitch)
        {
            if (policy != LoadBalancingPolicy.LoadBalanceLoadBased) return null;
            if (vswitch.Type == VirtualSwitchType.Standard)
                return $"{subject} is set to route based on physical NIC load, which a standard vSwitch does not offer.";
            if (!vswitch.Host.VersionInfo.IsAtLeast(4, 1))
                return $"{subject} is set to route based on physical NIC load, which distributed switches offer from 4.1; " +
                       $"host {vswitch.Host.Name} runs ESX {vswitch.Host.Version}.";
            return null;
        }
    }
}
