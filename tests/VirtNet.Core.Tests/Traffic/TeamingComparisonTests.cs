using System.Linq;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    public class TeamingComparisonTests
    {
        static (Lab lab, VNFlowList flows) Storage()
        {
            var lab = new Lab(2);
            return (lab, Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20", "10.0.0.21"));
        }

        [Fact]
        public void Compares_every_policy_by_default_in_enum_order()
        {
            var (lab, flows) = Storage();
            var rows = TeamingComparison.Compare(lab.Switch, flows);
            Assert.Equal(new[] { LoadBalancingPolicy.LoadBalanceSrcId, LoadBalancingPolicy.LoadBalanceSrcMac, LoadBalancingPolicy.LoadBalanceIP,
                LoadBalancingPolicy.ExplicitFailover, LoadBalancingPolicy.LoadBalanceLoadBased }, rows.Select(r => r.LoadBalancingPolicy.Value).ToArray());
        }

        [Fact]
        public void Port_id_keeps_the_storage_port_on_one_uplink_and_survives_a_failure()
        {
            var (lab, flows) = Storage();
            var row = TeamingComparison.Compare(lab.Switch, flows, new[] { LoadBalancingPolicy.LoadBalanceSrcId }).Single();
            Assert.True(row.Valid);
            Assert.Empty(row.Reason);
            Assert.Equal(1000, row.AggregateThroughputMbps);
            Assert.Equal(1, row.UplinksUsed);
            Assert.Equal(100, row.MaxUtilizationPercent);
            // One of two uplinks busy: Jain's index 1/n.
            Assert.Equal(0.5, row.BalanceIndex, 9);
            Assert.Equal(1000, row.WorstSingleFailureThroughputMbps);
            Assert.Equal("vmnic0", row.WorstSingleFailureUplink.Name);
            Assert.Equal(2, row.FlowsMovedByWorstFailure);
        }

        [Fact]
        public void IP_hash_without_a_channel_is_not_valid_and_names_the_reason()
        {
            var (lab, flows) = Storage();
            var row = TeamingComparison.Compare(lab.Switch, flows, new[] { LoadBalancingPolicy.LoadBalanceIP }).Single();
            Assert.False(row.Valid);
            Assert.Equal(new[] { "IP hash without a static port channel" }, row.Reason);
            Assert.Equal(0, row.AggregateThroughputMbps);
        }

        [Fact]
        public void IP_hash_with_a_matching_switch_spreads_two_targets_over_both_uplinks()
        {
            var (lab, flows) = Storage();
            var row = TeamingComparison.Compare(lab.Switch, flows, new[] { LoadBalancingPolicy.LoadBalanceIP }, assumeMatchingPhysicalSwitch: true).Single();
            Assert.True(row.Valid);
            Assert.Equal(2000, row.AggregateThroughputMbps);
            Assert.Equal(2, row.UplinksUsed);
            Assert.Equal(1, row.BalanceIndex, 9);
            // Either failure leaves one uplink for both flows; the hash over one uplink moves the flow of the failed one.
            Assert.Equal(1000, row.WorstSingleFailureThroughputMbps);
            Assert.Equal(1, row.FlowsMovedByWorstFailure);
        }

        [Fact]
        public void Load_based_teaming_is_not_valid_on_a_standard_switch()
        {
            var (lab, flows) = Storage();
            var row = TeamingComparison.Compare(lab.Switch, flows, new[] { LoadBalancingPolicy.LoadBalanceLoadBased }).Single();
            Assert.False(row.Valid);
            Assert.Contains("Load-based teaming on a standard vSwitch", row.Reason);
        }

        [Fact]
        public void Flows_from_another_vSwitch_are_an_error()
        {
            var (lab, flows) = Storage();
            var other = lab.Host.AddVirtualSwitch("vSwitch2", VirtualSwitchType.Standard);
            var e = Assert.Throws<VirtNetException>(() => TeamingComparison.Compare(other, flows));
            Assert.Equal(ErrorIds.FlowNotInScope, e.ErrorId);
        }
    }
}
