using System.Linq;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    /// <summary>The teaming policies, failover order, failback and failure detection of the vSphere Networking guide.</summary>
    public class TeamingPolicyTests
    {
        static (Lab lab, VNFlowList flows) SixVms(int uplinks = 3)
        {
            var lab = new Lab(uplinks);
            var flows = Lab.Combine(Enumerable.Range(0, 6).Select(i => Lab.Flows(lab.Vm("vm" + i, "10.0.0." + (11 + i)), 100, "10.0.1.1")).ToArray());
            return (lab, flows);
        }

        [Fact]
        public void Port_id_sends_port_k_to_active_k_mod_n()
        {
            var (lab, flows) = SixVms();
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic2", "vmnic0", "vmnic1", "vmnic2" }, Lab.UplinkNames(lab.Simulate(flows)));
        }

        [Fact]
        public void Port_id_failover_moves_only_the_ports_of_the_failed_uplink_round_robin_in_port_order()
        {
            var (lab, flows) = SixVms();
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(lab.Uplink(1));
            var result = lab.Simulate(flows, scenario);
            // Ports 1 and 4 were on vmnic1: the first goes to the first remaining uplink, the second to the next.
            Assert.Equal(new[] { "vmnic0", "vmnic0", "vmnic2", "vmnic0", "vmnic2", "vmnic2" }, Lab.UplinkNames(result));
            Assert.Equal(2, result.MovedFlowCount);
            Assert.Equal(new[] { false, true, false, false, true, false }, result.Flows.Select(f => f.Moved).ToArray());
            Assert.Equal("vmnic1", result.Flows[1].HealthyUplink.Name);
        }

        [Fact]
        public void Port_id_follows_the_port_groups_own_active_list()
        {
            var (lab, flows) = SixVms();
            lab.Teaming(new TeamingPolicyChange { MakeNicActive = new[] { "vmnic2", "vmnic0" }, MakeNicUnused = new[] { "vmnic1" } }, lab.PortGroup);
            Assert.Equal(new[] { "vmnic2", "vmnic0", "vmnic2", "vmnic0", "vmnic2", "vmnic0" }, Lab.UplinkNames(lab.Simulate(flows)));
        }

        [Fact]
        public void Source_MAC_hash_rehashes_every_port_over_the_remaining_uplinks()
        {
            var lab = new Lab(3);
            // 00:50:56:00:00:02 to :07 are 0x005056000002 + i: mod 3 gives 0,1,2,0,1,2; mod 2 gives 0,1,0,1,0,1.
            var flows = Lab.Combine(Enumerable.Range(0, 6)
                .Select(i => Lab.Flows(lab.Vm("vm" + i, "10.0.0." + (11 + i), "00:50:56:00:00:0" + (i + 2)), 100, "10.0.1.1")).ToArray());
            lab.Policy(LoadBalancingPolicy.LoadBalanceSrcMac);
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic2", "vmnic0", "vmnic1", "vmnic2" }, Lab.UplinkNames(lab.Simulate(flows)));
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(lab.Uplink(0));
            var failed = lab.Simulate(flows, scenario);
            Assert.Equal(new[] { "vmnic1", "vmnic2", "vmnic1", "vmnic2", "vmnic1", "vmnic2" }, Lab.UplinkNames(failed));
            // A hash over the uplinks left moves ports that were not on the failed uplink too (vm1 and vm2).
            Assert.Equal(4, failed.MovedFlowCount);
        }

        [Fact]
        public void Explicit_failover_uses_the_first_active_then_the_first_standby_and_never_unused()
        {
            var (lab, flows) = SixVms();
            lab.Teaming(new TeamingPolicyChange
            {
                LoadBalancingPolicy = LoadBalancingPolicy.ExplicitFailover,
                MakeNicActive = new[] { "vmnic1" }, MakeNicStandby = new[] { "vmnic2" }, MakeNicUnused = new[] { "vmnic0" },
            });
            Assert.All(lab.Simulate(flows).Flows, f => Assert.Equal("vmnic1", f.Uplink.Name));

            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(lab.Uplink(1));
            Assert.All(lab.Simulate(flows, scenario).Flows, f => Assert.Equal("vmnic2", f.Uplink.Name));

            scenario.FailedUplinks.Add(lab.Uplink(2));
            var none = lab.Simulate(flows, scenario);
            Assert.All(none.Flows, f => Assert.Equal(FlowStatus.NoUplink, f.Status));
            Assert.Equal(0, none.AggregateThroughputMbps);
            Assert.Contains(none.Findings, f => f.RuleId == "VNF001" && f.Severity == Severity.Error);
        }

        [Theory]
        [InlineData(true, "vmnic0")]
        [InlineData(false, "vmnic1")]
        public void A_recovered_active_uplink_takes_its_slot_back_only_with_failback(bool failback, string expected)
        {
            var (lab, flows) = SixVms(2);
            lab.Teaming(new TeamingPolicyChange
            {
                LoadBalancingPolicy = LoadBalancingPolicy.ExplicitFailover, FailbackEnabled = failback,
                MakeNicActive = new[] { "vmnic0" }, MakeNicStandby = new[] { "vmnic1" },
            });
            var scenario = new TrafficScenario();
            scenario.RecoveredUplinks.Add(lab.Uplink(0));
            Assert.All(lab.Simulate(flows, scenario).Flows, f => Assert.Equal(expected, f.Uplink.Name));
        }

        [Fact]
        public void Link_status_does_not_see_an_upstream_failure_and_blackholes_its_flows()
        {
            var (lab, flows) = SixVms();
            var scenario = new TrafficScenario();
            scenario.UpstreamFailedUplinks.Add(lab.Uplink(1));
            var result = lab.Simulate(flows, scenario);
            Assert.Equal(new[] { FlowStatus.Ok, FlowStatus.Blackholed, FlowStatus.Ok, FlowStatus.Ok, FlowStatus.Blackholed, FlowStatus.Ok },
                result.Flows.Select(f => f.Status).ToArray());
            Assert.Equal(400, result.AggregateThroughputMbps);
            Assert.Contains(result.Findings, f => f.RuleId == "VNF002" && f.Target == "esx01/vSwitch1/vmnic1");
        }

        [Fact]
        public void Beacon_probing_with_three_uplinks_sees_an_upstream_failure_and_fails_over()
        {
            var (lab, flows) = SixVms();
            lab.Teaming(new TeamingPolicyChange { NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing });
            var scenario = new TrafficScenario();
            scenario.UpstreamFailedUplinks.Add(lab.Uplink(1));
            var result = lab.Simulate(flows, scenario);
            Assert.Equal(new[] { "vmnic0", "vmnic0", "vmnic2", "vmnic0", "vmnic2", "vmnic2" }, Lab.UplinkNames(result));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            Assert.Equal(600, result.AggregateThroughputMbps);
        }

        [Fact]
        public void Beacon_probing_with_two_uplinks_goes_to_shotgun_and_delivers_through_the_healthy_path()
        {
            var (lab, flows) = SixVms(2);
            lab.Teaming(new TeamingPolicyChange { NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing });
            Assert.Contains(lab.Simulate(flows).Findings, f => f.RuleId == "VNT007" && f.Severity == Severity.Warning);

            var scenario = new TrafficScenario();
            scenario.UpstreamFailedUplinks.Add(lab.Uplink(0));
            var result = lab.Simulate(flows, scenario);
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Shotgun, f.Status));
            Assert.All(result.Flows, f => Assert.Equal("vmnic1", f.Uplink.Name));
            Assert.Equal(600, result.AggregateThroughputMbps);
            // The finding counts the flows now sent twice: all six VMs' flows.
            Assert.EndsWith("it now sends every frame on both (shotgun): 6 flow(s).", Assert.Single(result.Findings, f => f.RuleId == "VNT007").Message);
        }

        [Fact]
        public void Load_based_teaming_moves_the_busiest_port_of_a_busy_uplink_until_steady()
        {
            var lab = new Lab(2, VirtualSwitchType.Distributed);
            lab.Policy(LoadBalancingPolicy.LoadBalanceLoadBased);
            // Port id start: port 0 (800) and port 2 (300) on vmnic0 = 110 %, port 1 (100) on vmnic1 = 10 %.
            var flows = Lab.Combine(
                Lab.Flows(lab.Vm("vm0", "10.0.0.11"), 800, "10.0.1.1"),
                Lab.Flows(lab.Vm("vm1", "10.0.0.12"), 100, "10.0.1.1"),
                Lab.Flows(lab.Vm("vm2", "10.0.0.13"), 300, "10.0.1.1"));
            var result = lab.Simulate(flows);
            // vm0 moves to vmnic1 (90 %); moving it back would not make vmnic0 less busy than vmnic1 is, so it stays.
            Assert.Equal(new[] { "vmnic1", "vmnic1", "vmnic0" }, Lab.UplinkNames(result));
            Assert.Equal(1200, result.AggregateThroughputMbps);
            var moves = Assert.Single(result.Findings, f => f.RuleId == "VNF004");
            Assert.Contains("moved 1 port(s) in 1 round(s)", moves.Message);
        }

        [Fact]
        public void Load_based_teaming_on_a_standard_switch_is_an_error()
        {
            var (lab, flows) = SixVms(2);
            var scenario = new TrafficScenario { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceLoadBased };
            Assert.Contains(lab.Simulate(flows, scenario).Findings, f => f.RuleId == "VNT008" && f.Severity == Severity.Error);
        }

        [Fact]
        public void Each_port_group_uses_its_effective_policy()
        {
            var lab = new Lab(2);
            var vms = lab.Switch.AddPortGroup("VM Network");
            lab.Policy(LoadBalancingPolicy.ExplicitFailover, vms);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var vm = lab.Vm("vm0", "10.0.0.11", portGroup: vms);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var result = lab.Simulate(Lab.Combine(Lab.Flows(vmk, "10.0.0.20", "10.0.0.21"), Lab.Flows(vm, "10.0.0.20", "10.0.0.21")));
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic0", "vmnic0" }, Lab.UplinkNames(result));
            Assert.Equal(new[] { LoadBalancingPolicy.LoadBalanceIP, LoadBalancingPolicy.LoadBalanceIP, LoadBalancingPolicy.ExplicitFailover, LoadBalancingPolicy.ExplicitFailover },
                result.Flows.Select(f => f.LoadBalancingPolicy.Value).ToArray());
        }
    }
}
