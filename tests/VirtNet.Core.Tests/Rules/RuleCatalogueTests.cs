using System;
using System.Linq;
using VirtNet.Rules;
using Xunit;

namespace VirtNet.Tests.Rules
{
    public class RuleCatalogueTests
    {
        /// <summary>The contract scripts filter on: every id with its severity, in catalogue order.</summary>
        static readonly string[] Expected =
        {
            "VNT001 Error", "VNT002 Error", "VNT003 Error", "VNT004 Error", "VNT005 Error", "VNT006 Error",
            "VNT007 Warning", "VNT008 Error", "VNT009 Warning", "VNT010 Information",
            "VNV001 Error", "VNV002 Error", "VNV003 Error", "VNV004 Warning",
            "VNM001 Error",
            "VNR001 Warning", "VNR002 Warning", "VNR003 Warning",
            "VNP001 Error", "VNP002 Warning",
            "VNS001 Warning", "VNS002 Warning", "VNS003 Warning",
            "VNH001 Warning", "VNH002 Error", "VNH003 Warning", "VNH004 Warning", "VNH005 Warning",
            "VNH006 Warning", "VNH007 Warning", "VNH008 Error", "VNH009 Warning", "VNH010 Warning", "VNH011 Information",
            "VNW001 Error", "VNW002 Error", "VNW003 Error", "VNW004 Error", "VNW005 Error",
            "VNL001 Error", "VNL002 Error",
            "VNA001 Warning", "VNA002 Error", "VNA003 Warning",
            "VNF001 Error", "VNF002 Error", "VNF003 Information", "VNF004 Information", "VNF005 Warning",
            "VNF006 Information", "VNF007 Warning", "VNF008 Warning",
        };

        [Fact]
        public void The_catalogue_lists_every_rule_by_area_then_id_with_its_severity()
        {
            Assert.Equal(Expected, RuleCatalogue.Rules.Select(r => r.RuleId + " " + r.Severity));
        }

        [Fact]
        public void Every_rule_id_starts_with_the_prefix_of_its_area()
        {
            foreach (var rule in RuleCatalogue.Rules)
                Assert.StartsWith(VNRule.PrefixOf(rule.Area), rule.RuleId);
            Assert.Equal(RuleArea.Teaming, RuleCatalogue.Match("VNT001")[0].Area);
            Assert.Equal(RuleArea.SpanningTree, RuleCatalogue.Match("VNS001")[0].Area);
            Assert.Equal(RuleArea.HA, RuleCatalogue.Match("VNH001")[0].Area);
            Assert.Equal(RuleArea.Simulation, RuleCatalogue.Match("VNF001")[0].Area);
        }

        [Fact]
        public void Every_rule_has_a_title_description_recommendation_and_source()
        {
            foreach (var rule in RuleCatalogue.Rules)
            {
                Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.RuleId);
                Assert.True(rule.Description.Length > 80, rule.RuleId + " needs a real description");
                Assert.False(string.IsNullOrWhiteSpace(rule.Recommendation), rule.RuleId);
                Assert.Matches("KB|[Gg]uide|Lowe|Deepdive|yellow-bricks", rule.Source);
            }
        }

        [Fact]
        public void A_rule_id_must_have_a_known_area_prefix_and_three_digits()
        {
            Assert.Throws<ArgumentException>(() => new VNRule(null, "VNX001", Severity.Error, "t", "d", "r", "s"));
            Assert.Throws<ArgumentException>(() => new VNRule(null, "VNT01", Severity.Error, "t", "d", "r", "s"));
        }

        [Theory]
        [InlineData("vnt00[1-3]", "VNT001,VNT002,VNT003")]
        [InlineData("VNS*", "VNS001,VNS002,VNS003")]
        [InlineData("VN?001", "VNT001,VNV001,VNM001,VNR001,VNP001,VNS001,VNH001,VNW001,VNL001,VNA001,VNF001")]
        [InlineData("VNX*", "")]
        [InlineData("vnm001", "VNM001")]
        public void Match_takes_ids_and_wildcards_case_insensitively(string pattern, string expected)
        {
            Assert.Equal(expected, string.Join(",", RuleCatalogue.Match(pattern).Select(r => r.RuleId)));
        }

        [Fact]
        public void An_unknown_plain_id_is_RuleNotFound_listing_the_valid_ids()
        {
            var e = Assert.Throws<VirtNetException>(() => RuleCatalogue.Match("VNT999"));
            Assert.Equal(ErrorIds.RuleNotFound, e.ErrorId);
            Assert.Equal(VirtNetErrorKind.ObjectNotFound, e.Kind);
            Assert.Contains("There is no rule 'VNT999'. Valid rule ids: VNT001, VNT002,", e.Message);
            Assert.EndsWith("VNF008.", e.Message);
        }

        [Fact]
        public void Select_includes_then_excludes_and_keeps_catalogue_order()
        {
            Assert.Equal(new[] { "VNT001", "VNT003", "VNS002" },
                RuleCatalogue.Select(new[] { "VNS002", "VNT00[1-3]" }, new[] { "VNT002" }).Select(r => r.RuleId));
            Assert.Equal(RuleCatalogue.Rules.Count - 10, RuleCatalogue.Select(null, new[] { "VNT*" }).Count);
            Assert.Throws<VirtNetException>(() => RuleCatalogue.Select(null, new[] { "VNT01" }));
            // A pattern that matches nothing would silently check (or exclude) nothing: refused too, either way.
            Assert.Equal(ErrorIds.RuleNotFound, Assert.Throws<VirtNetException>(() => RuleCatalogue.Select(new[] { "VTN*" }, null)).ErrorId);
            Assert.Equal(ErrorIds.RuleNotFound, Assert.Throws<VirtNetException>(() => RuleCatalogue.Select(null, new[] { "VTN*" })).ErrorId);
        }

        [Theory]
        [InlineData("core1/Gi1/0/2", "core1/Gi1/0/10")]
        [InlineData("esx01/vSwitch1/vmnic2", "esx01/vSwitch1/vmnic10")]
        [InlineData("CORE1/Gi1/0/9", "core2/Gi1/0/1")]
        [InlineData("esx01/vSwitch1", "esx01/vSwitch1/NFS")]
        [InlineData("a/007", "a/8")]
        public void Targets_order_case_insensitively_with_numbers_as_numbers(string first, string second)
        {
            Assert.True(TargetComparer.Instance.Compare(first, second) < 0);
            Assert.True(TargetComparer.Instance.Compare(second, first) > 0);
        }

        [Fact]
        public void Simulation_rules_are_in_the_catalogue_and_selectable_but_a_configuration_check_finds_nothing_for_them()
        {
            Assert.Equal(new[] { "VNF001", "VNF002", "VNF003", "VNF004", "VNF005", "VNF006", "VNF007", "VNF008" }, RuleCatalogue.Match("VNF*").Select(r => r.RuleId));
            Assert.DoesNotContain(RuleCatalogue.Select(null, new[] { "VNF*" }), r => r.Area == RuleArea.Simulation);
            var lab = new RuleLab();
            Assert.DoesNotContain(lab.CheckAll(lab.Host), f => f.RuleId.StartsWith("VNF", StringComparison.Ordinal));
            foreach (var rule in RuleCatalogue.Match("VNF*"))
                Assert.Empty(rule.Definition.Evaluate(new CheckScope(lab.Host.VirtualSwitches, new VNSwitchPort[0], new VirtNet.HA.VNCluster[0])));
        }
    }
}
