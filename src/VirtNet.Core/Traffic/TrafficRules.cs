using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.Traffic
{
    /// <summary>The findings a traffic simulation raises: stable ids (scripts match on them), severity and a short title.</summary>
    internal static class TrafficRules
    {
        public sealed class Rule
        {
            public Rule(string id, FindingSeverity severity, string title) { Id = id; Severity = severity; Title = title; }
            public string Id { get; }
            public FindingSeverity Severity { get; }
            public string Title { get; }
        }

        public static readonly Rule MacFlap = new Rule("VNT001", FindingSeverity.Error, "IP hash needs a static EtherChannel of all its uplinks");
        public static readonly Rule ChannelNeedsIpHash = new Rule("VNT002", FindingSeverity.Error, "A port channel needs IP hash on the vSwitch");
        public static readonly Rule ChannelNeverForms = new Rule("VNT003", FindingSeverity.Warning, "The vSwitch does not negotiate this channel (LACP or PAgP)");
        public static readonly Rule IpHashStandby = new Rule("VNT004", FindingSeverity.Error, "IP hash needs every uplink active, none standby or unused");
        public static readonly Rule IpHashBeacon = new Rule("VNT005", FindingSeverity.Error, "IP hash needs link status failure detection, not beacon probing");
        public static readonly Rule BeaconTooFewUplinks = new Rule("VNT006", FindingSeverity.Warning, "Beacon probing needs three or more uplinks");
        public static readonly Rule NoUplink = new Rule("VNT007", FindingSeverity.Error, "No usable uplink");
        public static readonly Rule UndetectedFailure = new Rule("VNT008", FindingSeverity.Error, "Failure detection does not see the upstream failure");
        public static readonly Rule LoadBasedNeedsDistributed = new Rule("VNT009", FindingSeverity.Error, "LBT needs a distributed switch (ESX 4.1 or later)");
        public static readonly Rule ChannelMembers = new Rule("VNT010", FindingSeverity.Error, "Port channel members must be exactly the IP hash uplinks");
        public static readonly Rule NotCabled = new Rule("VNT011", FindingSeverity.Information, "Uplink not cabled: its physical switch side is not simulated");
        public static readonly Rule LoadBasedMoves = new Rule("VNT012", FindingSeverity.Information, "Load-based teaming moved ports");
        public static readonly Rule MacUnknown = new Rule("VNT013", FindingSeverity.Warning, "Source MAC hash needs the ports' MAC addresses");

        static readonly Rule[] All =
        {
            MacFlap, ChannelNeedsIpHash, ChannelNeverForms, IpHashStandby, IpHashBeacon, BeaconTooFewUplinks, NoUplink,
            UndetectedFailure, LoadBasedNeedsDistributed, ChannelMembers, NotCabled, LoadBasedMoves, MacUnknown,
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

            public VNFinding[] ToArray()
            {
                // Errors first, then by rule: the order an admin works through them.
                return _findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
            }
        }
    }
}
