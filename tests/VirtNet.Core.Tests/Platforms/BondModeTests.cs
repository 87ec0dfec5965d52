using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>
    /// The bonding modes that do not simply hash, per bond_main.c, bond_alb.c and bonding.rst, with the numbers
    /// worked out by hand. Slaves are 1000 Mbps unless said; flows without a demand take what they get.
    /// </summary>
    public sealed class BondModeTests
    {
        readonly VNPhysicalSwitch _core = new VNPhysicalSwitch("core1", "WS-C3750G-24T");
        int _cabled;

        VNVirtualSwitch Bond(VirtualSwitchSettings settings, params int[] speeds)
        {
            var host = new VNHost("lx01", Hypervisor.Linux, "6.1");
            var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: settings);
            for (int i = 0; i < speeds.Length; i++) bond.AddUplink("eth" + i, speeds[i]).ConnectTo(_core, "Gi1/0/" + ++_cabled);
            bond.AddPortGroup("br0");
            return bond;
        }

        static VNVMNetworkAdapter Vm(VNVirtualSwitch bond, string ip, string mac) =>
            bond.Host.AddVirtualMachine("vm" + bond.Host.VirtualMachines.Count,
                new[] { new VNVirtualMachine.AdapterSpec(bond.PortGroups[0], MacAddress.Parse(mac), IPv4Address.Parse(ip)) }).NetworkAdapters[0];

        static VNFlowList Flows(VNVMNetworkAdapter vm, double demand, string destinationMac, params string[] destinations) =>
            VNFlowList.Create(new[] { ((VNVirtualAdapter)vm, vm.IPAddress.Value) }, destinations.Select(IPv4AddressRange.Parse).ToList(), demand,
                destinationMac: destinationMac == null ? (MacAddress?)null : MacAddress.Parse(destinationMac));

        static VNTrafficResult Simulate(VNVirtualSwitch bond, VNFlowList flows, TrafficScenario scenario = null) =>
            new TrafficSimulation(new[] { bond }, flows).Run(scenario);

        static double Tx(VNTrafficResult result, string slave) => result.Uplinks.Single(u => u.Uplink.Name == slave).TxMbps;
        static string[] Out(VNTrafficResult result) => result.Flows.Select(f => f.Uplink?.Name).ToArray();
        static string[] In(VNTrafficResult result) => result.Flows.Select(f => f.InboundUplink?.Name).ToArray();

        [Fact]
        public void Balance_rr_sprays_every_flow_over_all_slaves_so_one_flow_exceeds_one_slave()
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceRR }, 1000, 1000, 1000);
            _core.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2", "Gi1/0/3" }, PortChannelMode.On);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");

            // One TCP flow: packet n goes to slave n mod 3, each gets a third of it, so it reaches 3 x 1000.
            var one = Simulate(bond, Flows(vm, double.PositiveInfinity, null, "10.0.0.2"));
            Assert.Equal(3000, one.Flows[0].OutboundMbps, 6);
            Assert.All(new[] { "eth0", "eth1", "eth2" }, s => Assert.Equal(1000, Tx(one, s), 6));
            Assert.Equal(new[] { 1, 1, 1 }, one.Uplinks.Select(u => u.FlowCount));
            var reorder = Assert.Single(one.Findings, f => f.RuleId == "VNF006");
            Assert.Contains("out of order", reorder.Message);

            // Four flows share the 3000 Mbps: 750 each.
            var four = Simulate(bond, Flows(vm, double.PositiveInfinity, null, "10.0.0.2-10.0.0.5"));
            Assert.All(four.Flows, f => Assert.Equal(750, f.OutboundMbps, 6));
            Assert.Equal(3000, four.AggregateThroughputMbps, 6);
        }

        [Fact]
        public void Balance_rr_gives_a_failed_slaves_turns_to_the_next_one_so_the_bond_carries_1500_of_2000()
        {
            // bond_get_slave_by_id: turns 0, 1, 2 go to eth0, eth2 (eth1 cannot), eth2: shares 1/3 and 2/3.
            // eth2 fills first: R * 2/3 = 1000 gives R = 1500, of which eth0 sends 500.
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceRR }, 1000, 1000, 1000);
            _core.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2", "Gi1/0/3" }, PortChannelMode.On);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");
            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(bond.Uplinks[1]);

            var result = Simulate(bond, Flows(vm, double.PositiveInfinity, null, "10.0.0.2-10.0.0.5"), scenario);

            Assert.Equal(500, Tx(result, "eth0"), 6);
            Assert.Equal(0, Tx(result, "eth1"), 6);
            Assert.Equal(1000, Tx(result, "eth2"), 6);
            Assert.All(result.Flows, f => Assert.Equal(375, f.OutboundMbps, 6));
        }

        [Theory]
        [InlineData(BondMode.BalanceRR)]
        [InlineData(BondMode.Broadcast)]
        public void A_bond_that_sends_every_flow_on_every_slave_makes_the_MAC_flap_without_a_static_channel(BondMode mode)
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = mode }, 1000, 1000);

            var result = Simulate(bond, Flows(Vm(bond, "10.0.0.1", "52:54:00:00:00:01"), double.PositiveInfinity, null, "10.0.0.2"));

            Assert.Equal(FlowStatus.MacFlap, result.Flows[0].Status);
            Assert.Contains(result.Findings, f => f.RuleId == "VNL001");
        }

        [Fact]
        public void Broadcast_loads_every_slave_with_every_frame_and_delivers_the_best_copy_once()
        {
            // eth0 1000, eth1 10000: two flows get 5000 each on eth1; eth0 carries 1000 of copies that add nothing.
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.Broadcast }, 1000, 10000);
            _core.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2" }, PortChannelMode.On);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");

            var result = Simulate(bond, Flows(vm, double.PositiveInfinity, null, "10.0.0.2", "10.0.0.3"));

            Assert.All(result.Flows, f => Assert.Equal(5000, f.OutboundMbps, 6));
            Assert.Equal(1000, Tx(result, "eth0"), 6);
            Assert.Equal(10000, Tx(result, "eth1"), 6);
            Assert.Equal(new[] { 2, 2 }, result.Uplinks.Select(u => u.FlowCount));
            Assert.Equal(10000, result.AggregateThroughputMbps, 6);
        }

        static TrafficScenario Recovered(VNUplink uplink)
        {
            var scenario = new TrafficScenario();
            scenario.RecoveredUplinks.Add(uplink);
            return scenario;
        }

        [Fact]
        public void Active_backup_without_a_primary_stays_on_the_slave_that_took_over()
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup }, 1000, 1000);
            var flows = Flows(Vm(bond, "10.0.0.1", "52:54:00:00:00:01"), double.PositiveInfinity, null, "10.0.0.2");

            Assert.Equal(new[] { "eth0" }, Out(Simulate(bond, flows)));
            // eth0 failed, eth1 took over; eth0 is back, and nothing makes the bond leave eth1.
            var back = Simulate(bond, flows, Recovered(bond.Uplinks[0]));
            Assert.Equal(new[] { "eth1" }, Out(back));
            Assert.Equal(new[] { "eth1" }, In(back));
        }

        [Theory]
        [InlineData(PrimaryReselect.Always, 1000, "eth1")]
        [InlineData(PrimaryReselect.Better, 1000, "eth0")]
        [InlineData(PrimaryReselect.Better, 10000, "eth1")]
        [InlineData(PrimaryReselect.Failure, 10000, "eth0")]
        public void Active_backup_takes_a_recovered_primary_back_as_primary_reselect_says(PrimaryReselect reselect, int primarySpeed, string expected)
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup, Primary = "eth1", PrimaryReselect = reselect }, 1000, primarySpeed);
            var flows = Flows(Vm(bond, "10.0.0.1", "52:54:00:00:00:01"), double.PositiveInfinity, null, "10.0.0.2");

            Assert.Equal(new[] { "eth1" }, Out(Simulate(bond, flows)));
            // eth1 failed and eth0 took over; eth1 is back. better: only when faster than eth0; failure: not while eth0 works.
            Assert.Equal(new[] { expected }, Out(Simulate(bond, flows, Recovered(bond.Uplinks[1]))));
        }

        [Fact]
        public void A_failed_slave_is_dropped_after_miimon_and_downdelay_and_a_recovered_one_used_after_miimon_and_updelay()
        {
            // miimon 100, downdelay 200, updelay 2000: eth0's failure is acted on within 100 + 200 = 300 ms, its
            // recovery within 100 + 2000 = 2100 ms. Until then the bond keeps sending on it, or keeps away from it.
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup, Primary = "eth0", MiiMon = 100, UpDelay = 2000, DownDelay = 200 }, 1000, 1000);
            var flows = Flows(Vm(bond, "10.0.0.1", "52:54:00:00:00:01"), double.PositiveInfinity, null, "10.0.0.2");
            TrafficScenario At(double seconds, bool recovered)
            {
                var scenario = new TrafficScenario { Elapsed = System.TimeSpan.FromSeconds(seconds) };
                (recovered ? scenario.RecoveredUplinks : scenario.FailedUplinks).Add(bond.Uplinks[0]);
                return scenario;
            }

            var unseen = Simulate(bond, flows, At(0.25, recovered: false));
            Assert.Equal(new[] { "eth0" }, Out(unseen));
            Assert.Equal(FlowStatus.Blackholed, unseen.Flows[0].Status);
            Assert.Contains("downdelay", Assert.Single(unseen.Findings, f => f.RuleId == "VNF002").Message);
            Assert.Equal(new[] { "eth1" }, Out(Simulate(bond, flows, At(0.3, recovered: false))));

            Assert.Equal(new[] { "eth1" }, Out(Simulate(bond, flows, At(1, recovered: true))));
            Assert.Equal(new[] { "eth0" }, Out(Simulate(bond, flows, At(2.1, recovered: true))));
        }

        [Theory]
        [InlineData(100, 250, 99, 100, 200, 0)]
        [InlineData(0, 2000, 200, 0, 0, 0)]
        [InlineData(null, null, null, 100, 0, 0)]
        public void Updelay_and_downdelay_count_in_miimon_polls(int? miimon, int? updelay, int? downdelay, int expectedMiiMon, int expectedUp, int expectedDown)
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup, MiiMon = miimon, UpDelay = updelay, DownDelay = downdelay }, 1000);
            Assert.Equal((expectedMiiMon, expectedUp, expectedDown), (bond.MiiMon.Value, bond.UpDelay.Value, bond.DownDelay.Value));
        }

        [Fact]
        public void Balance_tlb_gives_each_bucket_to_the_slave_with_the_most_spare_capacity()
        {
            // layer2 buckets (hash & 0xff, 0x0800 drops out): src ..:01 with peers ..:10, ..:11, ..:12 gives 0x11, 0x10, 0x13.
            // 600 Mbps to eth0 (equal gaps: the first); 300 to eth1 (more spare); 300 to eth1 (300 < 600 given): 600 / 600.
            // tlb_dynamic_lb=0 takes usable[hash mod 2]: 0x811, 0x810, 0x813 give eth1, eth0, eth1.
            var dynamic = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceTlb }, 1000, 1000);
            var vm = Vm(dynamic, "10.0.0.1", "52:54:00:00:00:01");
            var flows = VNFlowList.Combine(new object[]
            {
                Flows(vm, 600, "52:54:00:00:00:10", "10.0.0.2"), Flows(vm, 300, "52:54:00:00:00:11", "10.0.0.3"),
                Flows(vm, 300, "52:54:00:00:00:12", "10.0.0.4"),
            });

            var result = Simulate(dynamic, flows);
            Assert.Equal(new[] { "eth0", "eth1", "eth1" }, Out(result));
            Assert.Equal(600, Tx(result, "eth0"), 6);
            Assert.Equal(600, Tx(result, "eth1"), 6);
            Assert.Equal(new[] { "eth0", "eth0", "eth0" }, In(result));

            var hashed = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceTlb, TlbDynamicLb = false }, 1000, 1000);
            var vm2 = Vm(hashed, "10.0.0.1", "52:54:00:00:00:01");
            var flows2 = VNFlowList.Combine(new object[]
            {
                Flows(vm2, 600, "52:54:00:00:00:10", "10.0.0.2"), Flows(vm2, 300, "52:54:00:00:00:11", "10.0.0.3"),
                Flows(vm2, 300, "52:54:00:00:00:12", "10.0.0.4"),
            });
            Assert.Equal(new[] { "eth1", "eth0", "eth1" }, Out(Simulate(hashed, flows2)));
        }

        [Fact]
        public void Balance_tlb_weighs_a_bucket_by_all_its_flows_when_it_hands_it_out()
        {
            // Buckets A (0x11: flows 1 and 4, 200 + 600), B (0x10: 300), C (0x13: 100), in flow order A B C A.
            // A goes to eth0 with its 800 (load_history is the bucket's whole last interval), B to eth1 (300),
            // and C to eth1, which has 700 to spare against eth0's 200. Weighing flow by flow would give C to eth0.
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceTlb }, 1000, 1000);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");
            var flows = VNFlowList.Combine(new object[]
            {
                Flows(vm, 200, "52:54:00:00:00:10", "192.0.2.1"), Flows(vm, 300, "52:54:00:00:00:11", "192.0.2.2"),
                Flows(vm, 100, "52:54:00:00:00:12", "192.0.2.3"), Flows(vm, 600, "52:54:00:00:00:10", "192.0.2.4"),
            });

            var result = Simulate(bond, flows);

            Assert.Equal(new[] { "eth0", "eth1", "eth1", "eth0" }, Out(result));
            Assert.Equal(800, Tx(result, "eth0"), 6);
            Assert.Equal(400, Tx(result, "eth1"), 6);
        }

        [Fact]
        public void Balance_tlb_sends_multicast_on_the_active_slave()
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceTlb, Primary = "eth1" }, 1000, 1000);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");

            var result = Simulate(bond, Flows(vm, 100, null, "224.0.0.251", "239.1.1.1"));

            Assert.Equal(new[] { "eth1", "eth1" }, Out(result));
        }

        [Fact]
        public void Balance_alb_keeps_all_flows_to_one_peer_on_one_slave_and_bridged_VMs_receive_on_the_active_slave()
        {
            // _simple_hash of the destination: 10^0^0^2 = 8 for every port; 10.0.0.3 gives bucket 9, given to eth1 as
            // eth0 already carries bucket 8's 1000 Mbps.
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceAlb }, 1000, 1000);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");
            var onePeer = VNFlowList.Create(new[] { ((VNVirtualAdapter)vm, vm.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("10.0.0.2") },
                sourcePorts: new[] { 40000, 40001, 40002, 40003 }, destinationPorts: new[] { 80 });

            Assert.Equal(new[] { "eth0", "eth0", "eth0", "eth0" }, Out(Simulate(bond, onePeer)));

            var twoPeers = Simulate(bond, Flows(vm, double.PositiveInfinity, null, "10.0.0.2", "10.0.0.3"));
            Assert.Equal(new[] { "eth0", "eth1" }, Out(twoPeers));
            Assert.Equal(new[] { "eth0", "eth0" }, In(twoPeers));
        }

        [Fact]
        public void The_destination_MAC_is_the_peers_on_the_subnet_and_the_gateways_beyond_it()
        {
            // balance-xor layer2 from ..:01, hash 0x01 ^ MAC[5] ^ 0x0800 mod 2: the peer ..:10 gives 0x811 (eth1), the
            // gateway ..:21 0x820 (eth0), broadcast ff 0x8fe (eth0), group 224.0.0.6 (01:00:5e:00:00:06) 0x807 (eth1).
            // A constant ..:00 would put them all on eth1 (0x801).
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceXor }, 1000, 1000);
            _core.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2" }, PortChannelMode.On);
            _core.AddEndpoint("nfs", IPv4Address.Parse("10.0.0.50"), null, true, EndpointRole.Storage, MacAddress.Parse("00:1b:21:00:00:10"));
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");

            // No gateway yet: a destination nobody in the model owns has no known next hop.
            var unknown = Simulate(bond, Flows(vm, 10, null, "192.0.2.7"));
            Assert.Equal(new[] { "eth1" }, Out(unknown));
            Assert.Contains(unknown.Findings, f => f.RuleId == "VNF007");

            _core.AddEndpoint("gw", IPv4Address.Parse("10.0.0.254"), null, true, EndpointRole.Gateway, MacAddress.Parse("00:1b:21:00:00:21"));
            var result = Simulate(bond, Flows(vm, 10, null, "10.0.0.50", "192.0.2.7", "255.255.255.255", "224.0.0.6"));

            Assert.Equal(new[] { "eth1", "eth0", "eth0", "eth1" }, Out(result));
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "VNF007");
        }

        [Fact]
        public void The_kernel_refuses_options_outside_their_modes_and_encap_policies_before_3_13()
        {
            var host = new VNHost("lx01", Hypervisor.Linux, "3.10");
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond,
                settings: new VirtualSwitchSettings { BondMode = BondMode.BalanceXor, XmitHashPolicy = XmitHashPolicy.Encap3Plus4 }));
            Assert.Equal(ErrorIds.InvalidXmitHashPolicy, e.ErrorId);
            Assert.Contains("3.13", e.Message);
            Assert.Equal(ErrorIds.InvalidBondOption, Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("bond1", VirtualSwitchType.LinuxBond,
                settings: new VirtualSwitchSettings { BondMode = BondMode.BalanceXor, Primary = "eth0" })).ErrorId);
            Assert.Equal(ErrorIds.InvalidBondOption, Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("bond2", VirtualSwitchType.LinuxBond,
                settings: new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup, TlbDynamicLb = false })).ErrorId);
        }

        [Fact]
        public void ICMP_flows_carry_an_echo_identifier_and_no_ports()
        {
            var bond = Bond(new VirtualSwitchSettings { BondMode = BondMode.BalanceXor, XmitHashPolicy = XmitHashPolicy.Layer3Plus4 }, 1000, 1000);
            var vm = Vm(bond, "10.0.0.1", "52:54:00:00:00:01");
            var sources = new[] { ((VNVirtualAdapter)vm, vm.IPAddress.Value) };
            var targets = new[] { IPv4AddressRange.Parse("10.0.0.2") };

            var pings = VNFlowList.Create(sources, targets, protocol: FlowProtocol.Icmp, icmpIdentifiers: new[] { 1, 2 });
            Assert.Equal(new[] { 1, 2 }, pings.Select(f => f.IcmpIdentifier));
            Assert.All(pings, f => Assert.Equal(0, f.SourcePort));
            Assert.Equal(ErrorIds.InvalidFlow, Assert.Throws<VirtNetException>(() =>
                VNFlowList.Create(sources, targets, protocol: FlowProtocol.Icmp, sourcePorts: new[] { 1 })).ErrorId);
            Assert.Equal(ErrorIds.InvalidFlow, Assert.Throws<VirtNetException>(() =>
                VNFlowList.Create(sources, targets, icmpIdentifiers: new[] { 1 })).ErrorId);
        }
    }
}
