using System.Linq;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    /// <summary>The physical switch's side of each flow (Cisco EtherChannel load balancing; KB 1004048): MAC learning, channel hashing, mismatches.</summary>
    public class PhysicalSwitchSideTests
    {
        [Fact]
        public void Without_a_channel_inbound_traffic_follows_MAC_learning_to_the_sending_uplink()
        {
            var lab = new Lab(2);
            var flows = Lab.Combine(Lab.Flows(lab.Vm("vm0", "10.0.0.11"), "10.0.1.1"), Lab.Flows(lab.Vm("vm1", "10.0.0.12"), "10.0.1.1"));
            var result = lab.Simulate(flows);
            Assert.All(result.Flows, f => Assert.Same(f.Uplink, f.InboundUplink));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
        }

        [Fact]
        public void With_a_static_channel_the_switch_hash_picks_the_inbound_member()
        {
            var lab = new Lab(2);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            lab.Core.LoadBalance = EtherChannelLoadBalance.DstMac;
            // Every frame to vmk1 carries its MAC: 00:50:56:00:00:07 is bucket 7, member 7 mod 2 = 1 (vmnic1).
            var vmk = VNVMKernelAdapter.Create(lab.PortGroup, "vmk1", Net.IPv4Address.Parse("10.0.0.10"), 24, mac: Net.MacAddress.Parse("00:50:56:00:00:07"));
            var result = lab.Simulate(Lab.Flows(vmk, "10.0.0.20", "10.0.0.21"));
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, Lab.UplinkNames(result));
            Assert.All(result.Flows, f => Assert.Equal("vmnic1", f.InboundUplink.Name));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
        }

        [Fact]
        public void Traffic_received_through_a_channel_is_shared_on_the_member_the_switch_picks()
        {
            var lab = new Lab(2);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            lab.Core.LoadBalance = EtherChannelLoadBalance.SrcDstIp;
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) },
                new[] { Net.IPv4AddressRange.Parse("10.0.0.20-10.0.0.21") }, direction: FlowDirection.Both);
            var result = lab.Simulate(flows);
            // src-dst-ip buckets 0x1E & 7 = 6 and 0x1F & 7 = 7 go to members 0 and 1: the same uplinks IP hash sends on.
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, result.Flows.Select(f => f.InboundUplink.Name).ToArray());
            Assert.All(result.Uplinks, u => Assert.Equal(1000, u.RxMbps));
            Assert.Equal(4000, result.AggregateThroughputMbps);
        }

        [Fact]
        public void A_failed_member_leaves_the_channel_and_its_buckets_go_to_the_others()
        {
            var lab = new Lab(3);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            lab.Core.LoadBalance = EtherChannelLoadBalance.SrcIp;
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(lab.Uplink(0));
            // Remote .22 is bucket 6: member 6 mod 3 = vmnic0 when healthy; 6 mod 2 over vmnic1, vmnic2 = vmnic1.
            Assert.Equal("vmnic0", lab.Simulate(Lab.Flows(vmk, "10.0.0.22")).Flows[0].InboundUplink.Name);
            Assert.Equal("vmnic1", lab.Simulate(Lab.Flows(vmk, "10.0.0.22"), scenario).Flows[0].InboundUplink.Name);
        }

        [Fact]
        public void A_hot_standby_member_carries_nothing_until_a_bundled_member_fails()
        {
            var lab = new Lab(3, VirtualSwitchType.Distributed);
            var channel = lab.Channel(PortChannelMode.Active);
            channel.SetMemberState(channel.Members[0], PortChannelMemberState.Bundled);
            channel.SetMemberState(channel.Members[1], PortChannelMemberState.Bundled);
            channel.SetMemberState(channel.Members[2], PortChannelMemberState.HotStandby);
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            lab.Core.LoadBalance = EtherChannelLoadBalance.SrcIp;
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            // src-ip buckets are the remote's last 3 bits: .16 to .23 fill buckets 0 to 7.
            var flows = Lab.Flows(vmk, Enumerable.Range(16, 8).Select(i => "10.0.0." + i).ToArray());

            // Healthy, the switch hashes over the two bundled members: bucket b goes to member b mod 2.
            var healthy = lab.Simulate(flows);
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic0", "vmnic1", "vmnic0", "vmnic1", "vmnic0", "vmnic1" }, healthy.Flows.Select(f => f.InboundUplink.Name));
            // The host's LAG does not distribute on the hot-standby vmnic2 either: IP hash over (vmnic0, vmnic1),
            // (10 XOR 16..23) mod 2 = 26, 27, 24, 25, 30, 31, 28, 29 mod 2: even, odd, ...
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic0", "vmnic1", "vmnic0", "vmnic1", "vmnic0", "vmnic1" }, healthy.Flows.Select(f => f.Uplink.Name));
            Assert.All(healthy.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            // vmnic0 fails: the hot-standby vmnic2 takes its place, after vmnic1, so bucket b goes to (vmnic1, vmnic2)[b mod 2].
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(lab.Uplink(0));
            var failed = lab.Simulate(flows, scenario);
            Assert.Equal(new[] { "vmnic1", "vmnic2", "vmnic1", "vmnic2", "vmnic1", "vmnic2", "vmnic1", "vmnic2" }, failed.Flows.Select(f => f.InboundUplink.Name));
            // ... and the host sends over (vmnic1, vmnic2) by the same parity.
            Assert.Equal(new[] { "vmnic1", "vmnic2", "vmnic1", "vmnic2", "vmnic1", "vmnic2", "vmnic1", "vmnic2" }, failed.Flows.Select(f => f.Uplink.Name));
        }

        [Fact]
        public void Suspended_stand_alone_down_and_waiting_members_carry_nothing_for_the_channel()
        {
            var lab = new Lab(3);
            var channel = lab.Channel();
            channel.SetMemberState(channel.Members[0], PortChannelMemberState.Bundled);
            channel.SetMemberState(channel.Members[1], PortChannelMemberState.Suspended);
            channel.SetMemberState(channel.Members[2], PortChannelMemberState.Bundled);
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            lab.Core.LoadBalance = EtherChannelLoadBalance.SrcIp;
            var vmk = lab.Vmk("vmk1", "10.0.0.10");

            var result = lab.Simulate(Lab.Flows(vmk, Enumerable.Range(16, 8).Select(i => "10.0.0." + i).ToArray()));

            // Two members carry: bucket b goes to (vmnic0, vmnic2)[b mod 2]; the suspended vmnic1 receives nothing.
            Assert.Equal(new[] { "vmnic0", "vmnic2", "vmnic0", "vmnic2", "vmnic0", "vmnic2", "vmnic0", "vmnic2" }, result.Flows.Select(f => f.InboundUplink.Name));
            foreach (var state in new[] { PortChannelMemberState.StandAlone, PortChannelMemberState.Down, PortChannelMemberState.Waiting, PortChannelMemberState.HotStandby })
            {
                channel.SetMemberState(channel.Members[1], state);
                Assert.DoesNotContain(lab.Simulate(Lab.Flows(vmk, Enumerable.Range(16, 8).Select(i => "10.0.0." + i).ToArray())).Flows, f => f.InboundUplink.Name == "vmnic1");
            }
        }

        [Fact]
        public void IP_hash_without_a_channel_makes_the_MAC_flap_when_one_source_spreads()
        {
            var lab = new Lab(2);
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var result = lab.Simulate(Lab.Flows(vmk, "10.0.0.20", "10.0.0.21"));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.MacFlap, f.Status));
            Assert.Equal(0, result.AggregateThroughputMbps);
            var finding = Assert.Single(result.Findings, f => f.RuleId == "VNT001");
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Equal("esx01/vSwitch1/Storage", finding.Target);
            Assert.Contains("core1/Gi1/0/1, core1/Gi1/0/2", finding.Recommendation);
        }

        [Fact]
        public void IP_hash_without_a_channel_does_not_flap_while_a_source_stays_on_one_uplink()
        {
            var lab = new Lab(2);
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var result = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20", "10.0.0.22"));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
        }

        [Fact]
        public void A_channel_with_port_id_is_a_mismatch()
        {
            var lab = new Lab(2);
            lab.Channel();
            var result = lab.Simulate(Lab.Flows(lab.Vm("vm0", "10.0.0.11"), "10.0.1.1"));
            Assert.Equal(FlowStatus.ChannelMismatch, result.Flows[0].Status);
            var finding = Assert.Single(result.Findings, f => f.RuleId == "VNT003");
            Assert.Equal("core1/Po1", finding.Target);
        }

        [Fact]
        public void A_channel_finding_counts_the_flows_of_every_port_group_that_sends_through_it()
        {
            // Three VMs on three port groups of vSwitch1, one flow each, all into Po1 under port id: the one VNT003
            // finding on core1/Po1 concerns 1 + 1 + 1 = 3 flows.
            var lab = new Lab(2);
            lab.Channel();
            var flows = Lab.Combine(
                Lab.Flows(lab.Vm("vm0", "10.0.0.11"), "10.0.1.1"),
                Lab.Flows(lab.Vm("vm1", "10.0.0.12", portGroup: lab.Switch.AddPortGroup("Web")), "10.0.1.1"),
                Lab.Flows(lab.Vm("vm2", "10.0.0.13", portGroup: lab.Switch.AddPortGroup("App")), "10.0.1.1"));
            var result = lab.Simulate(flows);
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.ChannelMismatch, f.Status));
            var finding = Assert.Single(result.Findings, f => f.RuleId == "VNT003");
            Assert.EndsWith("(3 flow(s) affected).", finding.Message);
        }

        [Theory]
        [InlineData(PortChannelMode.Active)]
        [InlineData(PortChannelMode.Desirable)]
        public void LACP_or_PAgP_towards_a_standard_vSwitch_never_forms(PortChannelMode mode)
        {
            var lab = new Lab(2);
            lab.Channel(mode);
            var portId = lab.Simulate(Lab.Flows(lab.Vm("vm0", "10.0.0.11"), "10.0.1.1"));
            Assert.Equal(FlowStatus.ChannelNotFormed, portId.Flows[0].Status);
            Assert.Equal(1000, portId.AggregateThroughputMbps);
            Assert.Contains(portId.Findings, f => f.RuleId == "VNT003" && f.Target == "core1/Po1");

            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var ipHash = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20", "10.0.0.21"));
            Assert.All(ipHash.Flows, f => Assert.Equal(FlowStatus.MacFlap, f.Status));
        }

        [Fact]
        public void LACP_with_IP_hash_works_towards_a_distributed_switch_from_5_1()
        {
            var lab = new Lab(2, VirtualSwitchType.Distributed, "5.1");
            lab.Channel(PortChannelMode.Active);
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var result = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20", "10.0.0.21"));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            Assert.Equal(2000, result.AggregateThroughputMbps);
        }

        [Fact]
        public void IP_hash_with_a_standby_uplink_in_the_channel_gets_frames_on_the_wrong_NIC()
        {
            var lab = new Lab(3);
            lab.Channel();
            lab.Teaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP, MakeNicStandby = new[] { "vmnic2" } });
            lab.Core.LoadBalance = EtherChannelLoadBalance.SrcIp;
            // Remote .22 is bucket 6: member 6 mod 3 is vmnic0; remote .21 is bucket 5: member 2, the standby vmnic2.
            var result = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.22", "10.0.0.21"));
            Assert.Equal(new[] { FlowStatus.Ok, FlowStatus.ChannelMismatch }, result.Flows.Select(f => f.Status).ToArray());
            Assert.Contains(result.Findings, f => f.RuleId == "VNT004");
            Assert.Contains(result.Findings, f => f.RuleId == "VNT005" && f.Target == "core1/Po1");
        }

        [Fact]
        public void Assuming_a_matching_switch_evaluates_IP_hash_as_if_a_static_channel_existed()
        {
            var lab = new Lab(2);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var scenario = new TrafficScenario { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP, AssumeMatchingPhysicalSwitch = true };
            var result = lab.Simulate(Lab.Flows(vmk, "10.0.0.20", "10.0.0.21"), scenario);
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            // src-dst-ip on the switch and IP hash on the host agree for two members: inbound on the sending uplink.
            Assert.All(result.Flows, f => Assert.Same(f.Uplink, f.InboundUplink));
            Assert.Equal(2000, result.AggregateThroughputMbps);
        }

        [Fact]
        public void When_every_channel_member_has_failed_a_standby_uplink_carries_the_flows_on_its_own()
        {
            var lab = new Lab(2);
            lab.Teaming(new TeamingPolicyChange { MakeNicActive = new[] { "vmnic1" }, MakeNicStandby = new[] { "vmnic0" } });
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var scenario = new TrafficScenario { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP, AssumeMatchingPhysicalSwitch = true };
            scenario.FailedUplinks.Add(lab.Uplink(1));
            var result = lab.Simulate(Lab.Flows(vmk, "10.0.0.20", "10.0.0.21"), scenario);
            Assert.All(result.Flows, f => Assert.Equal("vmnic0", f.Uplink.Name));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            Assert.Contains(result.Findings, f => f.RuleId == "VNT004");
        }

        [Fact]
        public void An_uncabled_uplink_is_noted_and_its_inbound_taken_as_outbound()
        {
            var host = new VNHost("esx02", Hypervisor.Esx);
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            vswitch.AddUplink("vmnic0");
            var pg = vswitch.AddPortGroup("VM Network");
            var vmk = VNVMKernelAdapter.Create(pg, "vmk0", Net.IPv4Address.Parse("10.0.0.5"), 24);
            var result = new TrafficSimulation(new[] { vswitch }, Lab.Flows(vmk, "10.0.0.1")).Run();
            Assert.Equal("vmnic0", result.Flows[0].InboundUplink.Name);
            var finding = Assert.Single(result.Findings);
            Assert.Equal("VNF003", finding.RuleId);
            Assert.Equal(Severity.Information, finding.Severity);
        }
    }
}
