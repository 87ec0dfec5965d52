using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Traffic
{
    /// <summary>
    /// The findings a traffic simulation raises. Where the simulation meets a configuration rule of the catalogue
    /// (Get-VNRule), the finding carries that rule's id, severity and title, so Invoke-VNTrafficSimulation and
    /// Test-VNConfiguration speak of one problem with one id. What only a simulation can see (lost flows, an
    /// undetected failure, load-based moves) has its own ids, VNF001 and up, which are not configuration rules.
    /// </summary>
    internal static class TrafficRules
    {
        public sealed class Rule
        {
            public Rule(string id, Severity severity, string title) { Id = id; Severity = severity; Title = title; }
            public string Id { get; }
            public Severity Severity { get; }
            public string Title { get; }
        }

        static Rule Catalogue(string id)
        {
            var rule = RuleCatalogue.Rules.Single(r => r.RuleId == id);
            return new Rule(rule.RuleId, rule.Severity, rule.Title);
        }

        public static readonly Rule MacFlap = Catalogue("VNT001");
        public static readonly Rule IpHashTowardsNegotiatedChannel = Catalogue("VNT002");
        public static readonly Rule ChannelNeedsIpHash = Catalogue("VNT003");
        public static readonly Rule IpHashStandbyOrBeacon = Catalogue("VNT004");
        public static readonly Rule ChannelMembers = Catalogue("VNT005");
        public static readonly Rule BeaconTooFewUplinks = Catalogue("VNT007");
        public static readonly Rule LoadBasedNeedsDistributed = Catalogue("VNT008");
        public static readonly Rule HyperVNicsWithoutTeam = Catalogue("VNW003");
        public static readonly Rule HyperVTeamWithoutChannel = Catalogue("VNW004");
        public static readonly Rule HyperVTeamInChannel = Catalogue("VNW005");
        public static readonly Rule BondWithoutChannel = Catalogue("VNL001");
        public static readonly Rule BondInChannel = Catalogue("VNL002");

        public static readonly Rule NoUplink = new Rule("VNF001", Severity.Error, "No usable uplink");
        public static readonly Rule UndetectedFailure = new Rule("VNF002", Severity.Error, "Failure detection does not see the upstream failure");
        public static readonly Rule NotCabled = new Rule("VNF003", Severity.Information, "Uplink not cabled: its physical switch side is not simulated");
        public static readonly Rule LoadBasedMoves = new Rule("VNF004", Severity.Information, "Load-based teaming moved ports");
        public static readonly Rule MacUnknown = new Rule("VNF005", Severity.Warning, "Source MAC hash without the ports' MAC addresses");
        public static readonly Rule RoundRobinReorders = new Rule("VNF006", Severity.Information, "balance-rr delivers TCP segments out of order");
        public static readonly Rule DestinationMacUnknown = new Rule("VNF007", Severity.Warning, "Bond hash without the next hop's MAC address");

        static readonly Rule[] All =
        {
            MacFlap, IpHashTowardsNegotiatedChannel, ChannelNeedsIpHash, IpHashStandbyOrBeacon, ChannelMembers, BeaconTooFewUplinks,
            LoadBasedNeedsDistributed, HyperVNicsWithoutTeam, HyperVTeamWithoutChannel, HyperVTeamInChannel, BondWithoutChannel, BondInChannel,
            NoUplink, UndetectedFailure, NotCabled, LoadBasedMoves, MacUnknown, RoundRobinReorders, DestinationMacUnknown,
        };

        public static string TitleOf(string ruleId) => All.First(r => r.Id == ruleId).Title;

        /// <summary>Findings of one run, one per rule and target.</summary>
        public sealed class FindingSet
        {
            readonly List<VNFinding> _findings = new List<VNFinding>();
            readonly HashSet<(string, string)> _seen = new HashSet<(string, string)>();

            public void Add(Rule rule, string target, string message, string recommendation)
            {
                if (_seen.Add((rule.Id, target))) _findings.Add(new VNFinding(rule.Id, rule.Severity, target, message, recommendation));
            }

            public VNFinding[] ToArray() =>
                // Errors first, then by rule: the order an admin works through them.
                _findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
        }
    }
}
