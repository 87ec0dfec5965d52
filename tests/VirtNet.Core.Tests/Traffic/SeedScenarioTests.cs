using System.Linq;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    /// <summary>What Scott Lowe's NIC utilization and HA articles establish, on the core.</summary>
    public class SeedScenarioTests
    {
        [Fact]
        public void Port_id_keeps_one_VMkernel_port_on_one_uplink_for_two_iSCSI_targets()
        {
            var lab = new Lab(2);
            var result = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20", "10.0.0.21"));
            Assert.Single(result.Flows.Select(f => f.Uplink).Distinct());
            Assert.Equal(1, result.Uplinks.Count(u => u.TxMbps > 0));
            Assert.Equal(1000, result.AggregateThroughputMbps);
        }

        [Theory]
        [InlineData("10.0.0.21", 2, 2000)]
        [InlineData("10.0.0.22", 1, 1000)]
        public void IP_hash_with_a_static_channel_spreads_only_over_targets_that_hash_apart(string second, int uplinksUsed, double aggregate)
        {
            var lab = new Lab(2);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var result = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20", second));
            Assert.Equal(uplinksUsed, result.Uplinks.Count(u => u.TxMbps > 0));
            Assert.Equal(aggregate, result.AggregateThroughputMbps);
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
        }

        [Fact]
        public void IP_hash_keeps_one_source_target_pair_on_one_uplink()
        {
            var lab = new Lab(4);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) }, new[] { Net.IPv4AddressRange.Parse("10.0.0.20") },
                sourcePorts: Enumerable.Range(49152, 64).ToList(), destinationPorts: new[] { 2049 });
            var result = lab.Simulate(flows);
            Assert.Single(result.Flows.Select(f => f.Uplink).Distinct());
        }

        [Theory]
        [InlineData(LoadBalancingPolicy.LoadBalanceSrcId)]
        [InlineData(LoadBalancingPolicy.LoadBalanceIP)]
        public void One_source_to_one_target_never_exceeds_one_uplink(LoadBalancingPolicy policy)
        {
            var lab = new Lab(4);
            lab.Channel();
            lab.Policy(policy);
            var flows = Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), 10000, "10.0.0.20");
            var result = lab.Simulate(flows, new TrafficScenario { AssumeMatchingPhysicalSwitch = true });
            Assert.Equal(1000, result.Flows[0].ThroughputMbps);
            Assert.Equal(1000, result.AggregateThroughputMbps);
        }

        [Fact]
        public void Port_id_failover_moves_only_the_flows_of_the_failed_uplink()
        {
            var lab = new Lab(2);
            var flows = Lab.Combine(Enumerable.Range(0, 4).Select(i => Lab.Flows(lab.Vm("vm" + i, "10.0.0." + (11 + i)), 200, "10.0.1.1", "10.0.1.2")).ToArray());
            var healthy = lab.Simulate(flows);
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(lab.Uplink(0));
            var failed = lab.Simulate(flows, scenario);
            var wasOnFailed = healthy.Flows.Select(f => f.Uplink.Name == "vmnic0").ToArray();
            Assert.Equal(wasOnFailed, failed.Flows.Select(f => f.Moved).ToArray());
            Assert.Equal(4, failed.MovedFlowCount);
            Assert.All(failed.Flows, f => Assert.Equal("vmnic1", f.Uplink.Name));
            // Eight flows of 200 Mbps on the one uplink left share its 1000 Mbps.
            Assert.Equal(1000, failed.AggregateThroughputMbps);
            Assert.All(failed.Flows, f => Assert.Equal(125, f.ThroughputMbps));
        }

        [Fact]
        public void A_failed_stack_member_takes_down_only_the_uplinks_cabled_to_it()
        {
            var lab = new Lab(4, stack: 2);
            var simulation = new TrafficSimulation(new[] { lab.Switch }, Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20"));
            Assert.Equal(new[] { "vmnic1", "vmnic3" }, simulation.FindSwitchUplinks("core1/2").Select(u => u.Name).ToArray());
            Assert.Equal(4, simulation.FindSwitchUplinks("CORE1").Count);
            var e = Assert.Throws<VirtNetException>(() => simulation.FindSwitchUplinks("core1/3"));
            Assert.Equal(ErrorIds.PhysicalSwitchNotFound, e.ErrorId);
            Assert.Contains("core1/2", e.Message);
        }

        [Fact]
        public void Both_directions_are_shared_separately_on_full_duplex_links()
        {
            var lab = new Lab(1);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) }, new[] { Net.IPv4AddressRange.Parse("10.0.0.20") },
                direction: FlowDirection.Both);
            var result = lab.Simulate(flows);
            Assert.Equal(1000, result.Flows[0].OutboundMbps);
            Assert.Equal(1000, result.Flows[0].InboundMbps);
            Assert.Equal(1000, result.Uplinks[0].TxMbps);
            Assert.Equal(1000, result.Uplinks[0].RxMbps);
            Assert.Equal(100, result.Uplinks[0].UtilizationPercent);
        }
    }
}
