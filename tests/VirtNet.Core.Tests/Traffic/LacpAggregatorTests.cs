using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    /// <summary>
    /// LACP teams whose members reach two partners (two switches that are no stack and no vPC/MLAG pair): one
    /// aggregator per partner, and the team transmits on the active one only (bonding.rst, ad_select;
    /// bond_3ad.c ad_agg_selection_logic).
    /// </summary>
    public class LacpAggregatorTests
    {
        /// <summary>
        /// lx01's bond0 (802.3ad, layer3+4): eth0, eth1 to sw-a Gi0/1-2 (Po1, LACP active), eth2, eth3 to sw-b
        /// Gi0/1-2 (Po1, LACP active), all 1000 Mbps; vm0 (10.0.0.10) sends TCP to 10.0.0.20-23 without ports.
        /// <para>
        /// layer3+4 with both ports 0: hash = fold(native(src) ^ native(dst)) &gt;&gt; 1. The addresses differ in the last
        /// octet only, v = 10 ^ d, which native order puts in the top byte: v&lt;&lt;24, folded (^= &gt;&gt;16, ^= &gt;&gt;8) to
        /// v v v v, so the hash's lowest bit, the slave of two, is bit 1 of v.
        /// .20: v = 30 = 0b11110, bit 1 = 1; .21: 31 = 0b11111, 1; .22: 28 = 0b11100, 0; .23: 29 = 0b11101, 0.
        /// Over two slaves [x, y]: .20 and .21 on y, .22 and .23 on x.
        /// </para>
        /// </summary>
        sealed class SplitBond
        {
            public readonly VNPhysicalSwitch A = new VNPhysicalSwitch("sw-a");
            public readonly VNPhysicalSwitch B = new VNPhysicalSwitch("sw-b");
            public readonly VNVirtualSwitch Bond;
            public readonly VNFlowList Flows;

            public SplitBond(AdSelect adSelect = AdSelect.Stable)
            {
                var host = new VNHost("lx01", Hypervisor.Linux);
                Bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings
                    { BondMode = BondMode.Ieee8023ad, XmitHashPolicy = XmitHashPolicy.Layer3Plus4, AdSelect = adSelect });
                for (int i = 0; i < 4; i++) Bond.AddUplink("eth" + i, 1000).ConnectTo(i < 2 ? A : B, "Gi0/" + (i % 2 + 1));
                foreach (var sw in new[] { A, B }) sw.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
                var vm = host.AddVirtualMachine("vm0", new[] { new VNVirtualMachine.AdapterSpec(Bond.AddPortGroup("br0"), null, IPv4Address.Parse("10.0.0.10")) })
                    .NetworkAdapters[0];
                Flows = Lab.Flows(vm, "10.0.0.20-10.0.0.23");
            }

            public VNTrafficResult Run(TrafficScenario scenario = null) => new TrafficSimulation(new[] { Bond }, Flows).Run(scenario);

            public TrafficScenario Failed(params string[] uplinks)
            {
                var scenario = new TrafficScenario();
                scenario.FailedUplinks.AddRange(uplinks.Select(n => Bond.Uplinks.Single(u => u.Name == n)));
                return scenario;
            }
        }

        static string[] Out(VNTrafficResult result) => result.Flows.Select(f => f.Uplink?.Name).ToArray();
        static int[] FlowsPerUplink(VNTrafficResult result) => result.Uplinks.Select(u => u.FlowCount).ToArray();

        [Fact]
        public void A_bond_on_two_unpaired_switches_transmits_on_the_first_aggregator_only_and_says_half_its_links_idle()
        {
            var lab = new SplitBond();
            var result = lab.Run();
            // Both aggregators have 2 x 1000 = 2000 Mbps; on the tie the first slave's (sw-a/Po1) is chosen.
            Assert.Equal(new[] { "eth1", "eth1", "eth0", "eth0" }, Out(result));
            Assert.Equal(new[] { 2, 2, 0, 0 }, FlowsPerUplink(result));
            // Two unlimited flows share each 1000 Mbps slave: 2 x 1000 = 2000 Mbps, not the 4000 of four slaves.
            Assert.Equal(2000, result.AggregateThroughputMbps, 6);
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            var finding = Assert.Single(result.Findings, f => f.RuleId == "VNF008");
            Assert.Equal("lx01/bond0", finding.Target);
            Assert.Contains("transmits only on the active one (sw-a/Po1, ad_select stable)", finding.Message);
            Assert.Contains("eth2 (sw-b/Gi0/1), eth3 (sw-b/Gi0/2) stay idle, and its 4 flow(s) share 2 of 4 working link(s)", finding.Message);
            // No MAC flap: the bond sends on one channel.
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "VNL001" && f.Message.Contains("MAC flap"));
        }

        [Fact]
        public void Paired_switches_make_one_aggregator_and_every_slave_carries_traffic()
        {
            var lab = new SplitBond();
            VNSwitchPair.Create("mlag", SwitchPairKind.Mlag, new[] { lab.A, lab.B }, null);
            var result = lab.Run();
            // One channel of four: v mod 4 of the folded hash >> 1 is bits 1-2 of v: 30 -> 0b11 = 3, 31 -> 3, 28 -> 0b10 = 2, 29 -> 2.
            Assert.Equal(new[] { "eth3", "eth3", "eth2", "eth2" }, Out(result));
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "VNF008");
        }

        [Theory]
        // eth0 fails; sw-a has 1 slave up (1000 Mbps), sw-b 2 (2000 Mbps).
        // stable keeps sw-a while a slave of it is up: all four flows on eth1, 1000 Mbps.
        [InlineData(AdSelect.Stable, "eth1,eth1,eth1,eth1", 1000)]
        // bandwidth: 2000 > 1000, sw-b takes over: [eth2, eth3], .20/.21 on eth3, .22/.23 on eth2, 2 x 1000 = 2000 Mbps.
        [InlineData(AdSelect.Bandwidth, "eth3,eth3,eth2,eth2", 2000)]
        // count: 2 slaves > 1, sw-b as well.
        [InlineData(AdSelect.Count, "eth3,eth3,eth2,eth2", 2000)]
        public void A_partial_failure_of_the_active_aggregator_moves_the_bond_as_ad_select_says(AdSelect adSelect, string expected, double mbps)
        {
            var lab = new SplitBond(adSelect);
            var result = lab.Run(lab.Failed("eth0"));
            Assert.Equal(expected.Split(','), Out(result));
            Assert.Equal(mbps, result.AggregateThroughputMbps, 6);
        }

        [Theory]
        [InlineData(AdSelect.Stable)]
        [InlineData(AdSelect.Bandwidth)]
        [InlineData(AdSelect.Count)]
        public void When_the_active_aggregator_loses_every_link_the_other_one_takes_over_and_keeps_it_after_recovery(AdSelect adSelect)
        {
            var lab = new SplitBond(adSelect);
            // sw-a down: its aggregator has no slave up, so every policy chooses sw-b: .20/.21 on eth3, .22/.23 on eth2.
            var scenario = new TrafficScenario();
            scenario.FailedSwitches.Add(lab.A);
            var failed = lab.Run(scenario);
            Assert.Equal(new[] { "eth3", "eth3", "eth2", "eth2" }, Out(failed));
            Assert.Equal(2000, failed.AggregateThroughputMbps, 6);
            Assert.Equal(4, failed.MovedFlowCount);
            Assert.Equal(new[] { "eth0", "eth1" }, failed.FailedUplink.Select(u => u.Name));

            // sw-a back: stable keeps the active aggregator; bandwidth (2000 = 2000) and count (2 = 2) tie, and a tie
            // keeps the active one (ad_agg_selection_test replaces the best only when better).
            var recovered = new TrafficScenario();
            recovered.RecoveredUplinks.AddRange(lab.Bond.Uplinks.Take(2));
            Assert.Equal(new[] { "eth3", "eth3", "eth2", "eth2" }, Out(lab.Run(recovered)));
        }

        [Fact]
        public void With_bandwidth_a_recovered_faster_aggregator_takes_over_again_and_with_stable_it_does_not()
        {
            // sw-b's slaves at 10000 Mbps: sw-b (20000) is active from the start.
            foreach (var (adSelect, expected) in new[] { (AdSelect.Stable, "eth1,eth1,eth0,eth0"), (AdSelect.Bandwidth, "eth3,eth3,eth2,eth2") })
            {
                var host = new VNHost("lx02", Hypervisor.Linux);
                var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings
                    { BondMode = BondMode.Ieee8023ad, XmitHashPolicy = XmitHashPolicy.Layer3Plus4, AdSelect = adSelect });
                var a = new VNPhysicalSwitch("sw-a");
                var b = new VNPhysicalSwitch("sw-b");
                for (int i = 0; i < 4; i++) bond.AddUplink("eth" + i, i < 2 ? 1000 : 10000).ConnectTo(i < 2 ? a : b, "Gi0/" + (i % 2 + 1));
                foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
                var vm = host.AddVirtualMachine("vm0", new[] { new VNVirtualMachine.AdapterSpec(bond.AddPortGroup("br0"), null, IPv4Address.Parse("10.0.0.10")) })
                    .NetworkAdapters[0];
                // sw-b failed and came back: while it was down sw-a (2000) was chosen; now sw-b is 20000 again.
                // stable keeps sw-a (it still has slaves up); bandwidth chooses sw-b (20000 > 2000).
                var scenario = new TrafficScenario();
                scenario.RecoveredUplinks.AddRange(bond.Uplinks.Skip(2));
                var result = new TrafficSimulation(new[] { bond }, Lab.Flows(vm, "10.0.0.20-10.0.0.23")).Run(scenario);
                Assert.Equal(expected.Split(','), Out(result));
            }
        }

        [Fact]
        public void A_slave_on_a_port_in_no_LACP_channel_is_an_aggregator_without_partner_and_stays_idle_but_an_uncabled_one_is_not_judged()
        {
            foreach (var cabled in new[] { true, false })
            {
                var core = new VNPhysicalSwitch("core1");
                var host = new VNHost("lx03", Hypervisor.Linux);
                var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings
                    { BondMode = BondMode.Ieee8023ad, XmitHashPolicy = XmitHashPolicy.Layer3Plus4 });
                for (int i = 0; i < 3; i++)
                {
                    var uplink = bond.AddUplink("eth" + i, 1000);
                    if (i < 2 || cabled) uplink.ConnectTo(core, "Gi0/" + (i + 1));
                }
                core.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
                var vm = host.AddVirtualMachine("vm0", new[] { new VNVirtualMachine.AdapterSpec(bond.AddPortGroup("br0"), null, IPv4Address.Parse("10.0.0.10")) })
                    .NetworkAdapters[0];
                var result = new TrafficSimulation(new[] { bond }, Lab.Flows(vm, "10.0.0.20-10.0.0.23")).Run();
                if (cabled)
                {
                    // eth2's port Gi0/3 is in no channel: no partner answers, and Po1's aggregator, whose does, wins
                    // (ad_agg_selection_test). Over [eth0, eth1]: .20, .21 on eth1, .22, .23 on eth0.
                    Assert.Equal(new[] { "eth1", "eth1", "eth0", "eth0" }, Out(result));
                    Assert.Contains("eth2 (core1/Gi0/3) stay idle, and its 4 flow(s) share 2 of 3 working link(s)",
                        Assert.Single(result.Findings, f => f.RuleId == "VNF008").Message);
                }
                else
                {
                    // eth2 not cabled: its partner is unknown, so the bond hashes over all three as before.
                    // Mod 3 of the hash v v v v >> 1 (16 = 1 mod 3, so the sum of the hex digits mod 3):
                    // .20 0x0f0f0f0f: 60 -> 0 eth0; .21 0x0f8f8f8f: 84 -> 0 eth0; .22 0x0e0e0e0e: 56 -> 2 eth2; .23 0x0e8e8e8e: 80 -> 2 eth2.
                    Assert.Equal(new[] { "eth0", "eth0", "eth2", "eth2" }, Out(result));
                    Assert.DoesNotContain(result.Findings, f => f.RuleId == "VNF008");
                    Assert.Contains(result.Findings, f => f.RuleId == "VNF003");
                }
            }
        }

        [Fact]
        public void A_Hyper_V_LACP_team_on_two_unpaired_switches_uses_one_aggregator()
        {
            var a = new VNPhysicalSwitch("sw-a");
            var b = new VNPhysicalSwitch("sw-b");
            var host = new VNHost("hv01", Hypervisor.HyperV, "2019") { IPAddress = IPv4Address.Parse("192.168.1.133") };
            var vswitch = host.AddVirtualSwitch("External", VirtualSwitchType.HyperV);
            for (int i = 1; i <= 4; i++) vswitch.AddUplink("NIC" + i).ConnectTo(i <= 2 ? a : b, "Gi0/" + ((i - 1) % 2 + 1));
            foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
            host.NewTeam("Team0", new[] { "NIC1", "NIC2", "NIC3", "NIC4" }, TeamingMode.Lacp, LoadBalancingAlgorithm.IPAddresses);
            var vm = host.AddVirtualMachine("vm0", new[] { new VNVirtualMachine.AdapterSpec(vswitch.AddPortGroup("LAN"), null, IPv4Address.Parse("10.0.0.10")) })
                .NetworkAdapters[0];
            var result = new TrafficSimulation(new[] { vswitch }, Lab.Flows(vm, "10.0.0.20-10.0.0.23")).Run();
            // sw-a's aggregator (NIC1, NIC2) carries every flow; NIC3 and NIC4 none.
            Assert.Equal(4, result.Uplinks.Take(2).Sum(u => u.FlowCount));
            Assert.Equal(new[] { 0, 0 }, result.Uplinks.Skip(2).Select(u => u.FlowCount));
            Assert.Contains("NIC3 (sw-b/Gi0/1), NIC4 (sw-b/Gi0/2) stay idle", Assert.Single(result.Findings, f => f.RuleId == "VNF008").Message);
        }

        [Fact]
        public void A_distributed_switch_LAG_on_two_unpaired_switches_uses_one_aggregator_and_a_standard_vSwitch_none()
        {
            foreach (var type in new[] { VirtualSwitchType.Distributed, VirtualSwitchType.Standard })
            {
                var lab = new Lab(4, type, "6.7");
                var other = new VNPhysicalSwitch("core2");
                // vmnic2, vmnic3 move to core2 Gi1/0/1-2; LACP channels on both switches.
                lab.Uplink(2).ConnectTo(other, "Gi1/0/1");
                lab.Uplink(3).ConnectTo(other, "Gi1/0/2");
                lab.Core.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2" }, PortChannelMode.Active);
                other.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2" }, PortChannelMode.Active);
                lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
                var result = lab.Simulate(Lab.Flows(lab.Vmk("vmk1", "10.0.0.10"), "10.0.0.20-10.0.0.23"));
                if (type == VirtualSwitchType.Distributed)
                {
                    // One LAG on core1's Po1: IP hash over [vmnic0, vmnic1], (10 ^ d) mod 2: 30 -> 0, 31 -> 1, 28 -> 0, 29 -> 1.
                    Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic0", "vmnic1" }, Lab.UplinkNames(result));
                    Assert.Contains("The LAG of esx01/vSwitch1 (IP hash)", Assert.Single(result.Findings, f => f.RuleId == "VNF008").Message);
                }
                else
                {
                    // A standard vSwitch negotiates no LACP: no aggregator, IP hash over all four, and the channels never form.
                    Assert.Equal(new[] { "vmnic2", "vmnic3", "vmnic0", "vmnic1" }, Lab.UplinkNames(result));
                    Assert.DoesNotContain(result.Findings, f => f.RuleId == "VNF008");
                }
            }
        }
    }
}
