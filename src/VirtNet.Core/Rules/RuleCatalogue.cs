using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Rules;

namespace VirtNet
{
    /// <summary>
    /// Every rule Test-VNConfiguration knows, listed by Get-VNRule and printed into about_VirtNet_Rules by the
    /// build. To add a rule, write its class (see <see cref="RuleDefinition"/>) and register it below.
    /// </summary>
    public static class RuleCatalogue
    {
        static readonly RuleDefinition[] Definitions =
        {
            new IpHashWithoutStaticChannel(),
            new IpHashTowardsNegotiatedChannel(),
            new ChannelWithoutIpHash(),
            new IpHashWithStandbyOrBeacon(),
            new ChannelMembersDifferFromTeam(),
            new ChannelAcrossSwitches(),
            new BeaconProbingWithFewUplinks(),
            new LoadBasedTeamingOnStandardSwitch(),
            new MixedUplinkSpeeds(),
            new IpStorageOnOneUplink(),
            new VLanNotAllowedOnTrunk(),
            new TaggedPortGroupOnAccessPort(),
            new AllVLansOnVMKernelPort(),
            new NativeVLanMismatchInTeam(),
            new MtuMismatch(),
            new SingleUplinkForManagementOrStorage(),
            new TeamOnOneSwitch(),
            new TeamOnVpcSecondaryOnly(),
            new VirtualSwitchFull(),
            new VirtualSwitchAlmostFull(),
            new HostPortWithoutPortFast(),
            new PlainPortFastOnTrunk(),
            new FailbackWithoutPortFast(),
            new NoManagementRedundancy(),
            new HostNameNotResolving(),
            new NoIsolationAddressAnswers(),
            new IsolationAddressWithShortFailureDetection(),
            new SecondManagementPortSharesSubnetOrSwitch(),
            new SpanningTreeSlowerThanIsolation(),
            new IsolationPolicyDelayBelowMinimum(),
            new HeartbeatDatastoresOutOfRange(),
            new LeaveOnWithIpStorageOnManagementUplinks(),
            new SingleHostCluster(),
            new IsolationAddressNotModelled(),
            new EmbeddedTeamTooLarge(),
            new EmbeddedTeamOfMixedNics(),
            new SeveralNicsWithoutTeam(),
            new SwitchDependentTeamWithoutChannel(),
            new SwitchIndependentTeamInChannel(),
            new BondWithoutChannel(),
            new BondInChannel(),
            new OverlappingMacAddressPools(),
            new DuplicateMacAddress(),
            new ForeignDynamicMacAddress(),
            new NoUsableUplink(),
            new UndetectedUpstreamFailure(),
            new UplinkNotCabled(),
            new LoadBasedMoves(),
            new SourceMacHashWithoutMac(),
            new RoundRobinReordersTcp(),
            new BondHashWithoutNextHopMac(),
            new LacpTeamOnOneAggregator(),
        };

        /// <summary>The catalogue, by area (in <see cref="RuleArea"/> order), then by id.</summary>
        public static IReadOnlyList<VNRule> Rules { get; } = Build();

        static VNRule[] Build()
        {
            var duplicate = Definitions.GroupBy(d => d.Rule.RuleId).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new InvalidOperationException($"Rule id {duplicate.Key} is registered twice.");
            return Definitions.Select(d => d.Rule).OrderBy(r => r.Area).ThenBy(r => r.RuleId, StringComparer.Ordinal).ToArray();
        }

        /// <summary>
        /// The rules whose id matches a pattern (wildcards *, ? and [..]; case-insensitive), in catalogue order.
        /// A plain id that names no rule is an error (RuleNotFound) listing the valid ids, so a typo in a
        /// scheduled script fails loudly instead of silently checking nothing; a pattern may match none.
        /// </summary>
        public static IReadOnlyList<VNRule> Match(string ruleIdOrPattern)
        {
            var pattern = new RulePattern(ruleIdOrPattern);
            var matches = Rules.Where(r => pattern.Matches(r.RuleId)).ToArray();
            if (matches.Length == 0 && !pattern.HasWildcards)
                throw new VirtNetException(ErrorIds.RuleNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"There is no rule '{Echo.Cut(ruleIdOrPattern)}'. Valid rule ids: {string.Join(", ", Rules.Select(r => r.RuleId))}.", ruleIdOrPattern);
            return matches;
        }

        /// <summary>
        /// The rules a check runs: those matching any of <paramref name="include"/> (all rules when it is empty),
        /// less those matching any of <paramref name="exclude"/>, in catalogue order. Unlike a listing, a check
        /// refuses a pattern that matches no rule too (RuleNotFound): 'VTN*' for 'VNT*' in a nightly script would
        /// otherwise check nothing, or exclude nothing, and report a clean result.
        /// </summary>
        public static IReadOnlyList<VNRule> Select(IEnumerable<string> include, IEnumerable<string> exclude)
        {
            var includePatterns = (include ?? Enumerable.Empty<string>()).ToList();
            var selected = new HashSet<VNRule>(includePatterns.Count == 0 ? Rules : includePatterns.SelectMany(MatchSome));
            foreach (var pattern in exclude ?? Enumerable.Empty<string>())
                selected.ExceptWith(MatchSome(pattern));
            return Rules.Where(selected.Contains).ToArray();
        }

        static IReadOnlyList<VNRule> MatchSome(string ruleIdOrPattern)
        {
            var matches = Match(ruleIdOrPattern);
            if (matches.Count == 0)
                throw new VirtNetException(ErrorIds.RuleNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"The pattern '{ruleIdOrPattern}' matches no rule, so the check would silently leave out what was meant. " +
                    $"Valid rule ids: {string.Join(", ", Rules.Select(r => r.RuleId))}.", ruleIdOrPattern);
            return matches;
        }
    }
}
