using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    /// <summary>The traffic simulation and the teaming comparison on Hyper-V switches and Linux bonds.</summary>
    public class PlatformTrafficTests
    {
        readonly VNPhysicalSwitch _core = new VNPhysicalSwitch("core1", "WS-C3750G-24T");

        /// <summary>A Hyper-V 2019 host with an External switch of NIC1..NICn cabled to Gi1/0/1.., and port group LAN.</summary>
        VNVirtualSwitch HyperV(int nics = 2, VirtualSwitchSettings settings = null)
        {
            var host = new VNHost("hv01", Hypervisor.HyperV, "2019") { IPAddress = IPv4Address.Parse("192.168.1.133") };
            var vswitch = host.AddVirtualSwitch("External", VirtualSwitchType.HyperV, settings: settings);
            for (int i = 1; i <= nics; i++) vswitch.AddUplink("NIC" + i).ConnectTo(_core, "Gi1/0/" + i);
            vswitch.AddPortGroup("LAN");
            return vswitch;
        }

        VNVirtualSwitch Bond(BondMode mode, XmitHashPolicy policy = XmitHashPolicy.Layer2, int slaves = 2)
        {
            var host = new VNHost("lx01", Hypervisor.Linux);
            var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = mode, XmitHashPolicy = policy });
            for (int i = 0; i < slaves; i++) bond.AddUplink("eth" + i).ConnectTo(_core, "Gi1/0/" + (i + 11));
            bond.AddPortGroup("br0");
            return bond;
        }

        static VNVMNetworkAdapter Vm(VNVirtualSwitch vswitch, string name, string ip) =>
            vswitch.Host.AddVirtualMachine(name, new[] { new VNVirtualMachine.AdapterSpec(vswitch.PortGroups[0], null, IPv4Address.Parse(ip)) }).NetworkAdapters[0];

        VNPortChannel Channel(VNVirtualSwitch vswitch, PortChannelMode mode) =>
            _core.AddPortChannel("Po1", vswitch.Uplinks.Select(u => u.SwitchPort.Name).ToList(), mode);

        static VNTrafficResult Simulate(VNVirtualSwitch vswitch, VNFlowList flows, TrafficScenario scenario = null) =>
            new TrafficSimulation(new[] { vswitch }, flows).Run(scenario);

        static string[] Out(VNTrafficResult result) => result.Flows.Select(f => f.Uplink?.Name).ToArray();
        static string[] In(VNTrafficResult result) => result.Flows.Select(f => f.InboundUplink?.Name).ToArray();
        static string[] Rules(VNTrafficResult result) => result.Findings.Select(f => f.RuleId).ToArray();

        [Fact]
        public void SET_with_HyperVPort_keeps_each_VM_on_the_NIC_of_its_switch_port_both_ways()
        {
            var vswitch = HyperV(settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true, LoadBalancingAlgorithm = LoadBalancingAlgorithm.HyperVPort });
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");
            var vm1 = Vm(vswitch, "vm1", "10.0.0.11");

            var result = Simulate(vswitch, Lab.Combine(Lab.Flows(vm0, "10.0.0.20", "10.0.0.21"), Lab.Flows(vm1, "10.0.0.20", "10.0.0.21")));

            Assert.Equal(new[] { "NIC1", "NIC1", "NIC2", "NIC2" }, Out(result));
            Assert.Equal(Out(result), In(result));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            Assert.Equal("SwitchIndependent HyperVPort", result.Flows[0].Teaming.ToString());
            Assert.Null(result.Flows[0].LoadBalancingPolicy);
            Assert.Empty(result.Findings);
        }

        [Fact]
        public void SET_with_Dynamic_sends_each_flow_by_its_hash_and_receives_on_the_switch_ports_NIC()
        {
            var vswitch = HyperV(settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true });
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");

            // 10.0.0.10 ^ 10.0.0.20 = 0x1e (even), ^ 10.0.0.21 = 0x1f (odd); no ports, so the port word is 0.
            var result = Simulate(vswitch, Lab.Flows(vm0, "10.0.0.20", "10.0.0.21"));

            Assert.Equal(new[] { "NIC1", "NIC2" }, Out(result));
            Assert.Equal(new[] { "NIC1", "NIC1" }, In(result));
            Assert.Empty(result.Findings);
        }

        [Fact]
        public void A_switch_independent_address_hash_team_receives_everything_on_its_primary_member()
        {
            var vswitch = HyperV(3);
            vswitch.Host.NewTeam("Team0", new[] { "NIC2", "NIC1", "NIC3" }, TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.IPAddresses);
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");

            // 0x1e, 0x1f and 0x1c (10.0.0.22) mod 3 = 0, 1, 1 over the team order NIC2, NIC1, NIC3.
            var result = Simulate(vswitch, Lab.Flows(vm0, "10.0.0.20", "10.0.0.21", "10.0.0.22"));

            Assert.Equal(new[] { "NIC2", "NIC1", "NIC1" }, Out(result));
            Assert.Equal(new[] { "NIC2", "NIC2", "NIC2" }, In(result));
            Assert.Empty(result.Findings);
        }

        [Fact]
        public void An_LACP_team_in_an_LACP_channel_is_hashed_inbound_by_the_switch()
        {
            var vswitch = HyperV();
            vswitch.Host.NewTeam("Team0", vswitch.Nic, TeamingMode.Lacp, LoadBalancingAlgorithm.TransportPorts);
            Channel(vswitch, PortChannelMode.Active);
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");

            // src-mac (the Catalyst default) of a remote station: its address stands in, .20 is bucket 4 and .21 bucket 5.
            var result = Simulate(vswitch, Lab.Flows(vm0, "10.0.0.20", "10.0.0.21"));

            Assert.Equal(new[] { "NIC1", "NIC2" }, Out(result));
            Assert.Equal(new[] { "NIC1", "NIC2" }, In(result));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            Assert.Empty(result.Findings);
        }

        [Fact]
        public void An_LACP_team_hashing_addresses_without_a_channel_makes_its_MACs_flap()
        {
            var vswitch = HyperV();
            vswitch.Host.NewTeam("Team0", vswitch.Nic, TeamingMode.Lacp, LoadBalancingAlgorithm.Dynamic);
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");

            var result = Simulate(vswitch, Lab.Flows(vm0, "10.0.0.20", "10.0.0.21"));

            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.MacFlap, f.Status));
            Assert.Equal(2, result.LostFlowCount);
            Assert.Equal(new[] { "VNW004" }, Rules(result));
        }

        [Fact]
        public void A_switch_dependent_team_pinning_ports_with_HyperVPort_does_not_flap_without_a_channel()
        {
            var vswitch = HyperV();
            vswitch.Host.NewTeam("Team0", vswitch.Nic, TeamingMode.Static, LoadBalancingAlgorithm.HyperVPort);
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");

            var result = Simulate(vswitch, Lab.Flows(vm0, "10.0.0.20", "10.0.0.21"));

            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
            Assert.Equal(new[] { "NIC1", "NIC1" }, Out(result));
        }

        [Fact]
        public void An_LACP_team_towards_a_static_channel_and_a_static_team_towards_an_LACP_one_do_not_work()
        {
            var lacp = HyperV();
            lacp.Host.NewTeam("Team0", lacp.Nic, TeamingMode.Lacp, LoadBalancingAlgorithm.Dynamic);
            Channel(lacp, PortChannelMode.On);
            var result = Simulate(lacp, Lab.Flows(Vm(lacp, "vm0", "10.0.0.10"), "10.0.0.20"));
            Assert.Equal(FlowStatus.ChannelMismatch, result.Flows[0].Status);
            var finding = Assert.Single(result.Findings);
            Assert.Equal("VNW004", finding.RuleId);
            Assert.Equal("core1/Po1", finding.Target);

            var core2 = new VNPhysicalSwitch("core2");
            var host = new VNHost("hv02", Hypervisor.HyperV, "2019") { IPAddress = IPv4Address.Parse("192.168.1.134") };
            var staticTeam = host.AddVirtualSwitch("External", VirtualSwitchType.HyperV);
            staticTeam.AddUplink("NIC1").ConnectTo(core2, "Gi0/1");
            staticTeam.AddUplink("NIC2").ConnectTo(core2, "Gi0/2");
            staticTeam.AddPortGroup("LAN");
            host.NewTeam("Team0", staticTeam.Nic, TeamingMode.Static, LoadBalancingAlgorithm.HyperVPort);
            core2.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
            result = Simulate(staticTeam, Lab.Flows(Vm(staticTeam, "vm0", "10.0.0.10"), "10.0.0.20"));
            Assert.Equal(FlowStatus.ChannelNotFormed, result.Flows[0].Status);
            Assert.Equal(new[] { "VNW004" }, Rules(result));
        }

        [Fact]
        public void SET_towards_a_port_channel_is_a_mismatch()
        {
            var vswitch = HyperV(settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true, LoadBalancingAlgorithm = LoadBalancingAlgorithm.HyperVPort });
            Channel(vswitch, PortChannelMode.On);

            var result = Simulate(vswitch, Lab.Flows(Vm(vswitch, "vm0", "10.0.0.10"), "10.0.0.20"));

            Assert.Equal(FlowStatus.ChannelMismatch, result.Flows[0].Status);
            Assert.Equal(new[] { "VNW005" }, Rules(result));
        }

        [Fact]
        public void A_switch_with_two_NICs_and_no_team_sends_on_the_first_only()
        {
            var vswitch = HyperV();
            var vm0 = Vm(vswitch, "vm0", "10.0.0.10");
            var vm1 = Vm(vswitch, "vm1", "10.0.0.11");

            var result = Simulate(vswitch, Lab.Combine(Lab.Flows(vm0, "10.0.0.20"), Lab.Flows(vm1, "10.0.0.20")));

            Assert.Equal(new[] { "NIC1", "NIC1" }, Out(result));
            Assert.Equal(1000, result.AggregateThroughputMbps);
            Assert.Equal(new[] { "VNW003" }, Rules(result));
        }

        [Theory]
        [InlineData(2, "eth1")]
        [InlineData(3, "eth0")]
        public void An_802_3ad_bond_with_layer3_4_places_the_kernel_vector_on_its_slave(int slaves, string expected)
        {
            // bond_main.c layer3+4: 10.0.0.1:40000 -> 10.0.0.2:80 hashes to 698976711: slave 1 of 2, slave 0 of 3.
            var bond = Bond(BondMode.Ieee8023ad, XmitHashPolicy.Layer3Plus4, slaves);
            Channel(bond, PortChannelMode.Active);
            var vm = Vm(bond, "guest", "10.0.0.1");
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vm, vm.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("10.0.0.2") },
                sourcePorts: new[] { 40000 }, destinationPorts: new[] { 80 });

            var result = Simulate(bond, flows);

            Assert.Equal(new[] { expected }, Out(result));
            Assert.Equal(FlowStatus.Ok, result.Flows[0].Status);
            Assert.Equal("802.3ad layer3+4", result.Flows[0].Teaming.ToString());
            Assert.Empty(result.Findings);
        }

        [Fact]
        public void An_802_3ad_bond_on_plain_ports_flaps_and_an_active_backup_bond_in_a_channel_mismatches()
        {
            var lacp = Bond(BondMode.Ieee8023ad, XmitHashPolicy.Layer2Plus3);
            var result = Simulate(lacp, Lab.Flows(Vm(lacp, "guest", "10.0.0.1"), "10.0.0.2", "10.0.0.3"));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.MacFlap, f.Status));
            // The VM's peers have no MAC in the model, so layer2+3 also meets an unknown destination MAC.
            Assert.Equal(new[] { "VNL001", "VNF007" }, Rules(result));

            var core2 = new VNPhysicalSwitch("core2");
            var host = new VNHost("lx02", Hypervisor.Linux);
            var backup = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = BondMode.ActiveBackup });
            backup.AddUplink("eth0").ConnectTo(core2, "Gi0/1");
            backup.AddUplink("eth1").ConnectTo(core2, "Gi0/2");
            backup.AddPortGroup("br0");
            core2.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.On);
            result = Simulate(backup, Lab.Flows(Vm(backup, "guest", "10.0.0.1"), "10.0.0.2"));
            Assert.Equal(FlowStatus.ChannelMismatch, result.Flows[0].Status);
            Assert.Equal(new[] { "VNL002" }, Rules(result));
        }

        [Fact]
        public void Active_backup_sends_and_receives_on_the_first_slave_until_it_fails()
        {
            var bond = Bond(BondMode.ActiveBackup);
            var vm = Vm(bond, "guest", "10.0.0.1");
            var flows = Lab.Flows(vm, "10.0.0.2", "10.0.0.3");
            Assert.Equal(new[] { "eth0", "eth0" }, Out(Simulate(bond, flows)));

            var scenario = new TrafficScenario();
            scenario.FailedUplinks.Add(bond.Uplinks[0]);
            var failed = Simulate(bond, flows, scenario);

            Assert.Equal(new[] { "eth1", "eth1" }, Out(failed));
            Assert.Equal(new[] { "eth1", "eth1" }, In(failed));
            Assert.Equal(2, failed.MovedFlowCount);
        }

        [Fact]
        public void Balance_rr_sprays_each_flow_over_the_slaves_of_a_static_channel()
        {
            var bond = Bond(BondMode.BalanceRR, slaves: 3);
            Channel(bond, PortChannelMode.On);

            var result = Simulate(bond, Lab.Flows(Vm(bond, "guest", "10.0.0.1"), "10.0.0.2-10.0.0.5"));

            // Each flow's packets go to every slave; the flow is listed on the first, where its share is computed.
            Assert.Equal(new[] { "eth0", "eth0", "eth0", "eth0" }, Out(result));
            Assert.Equal(new[] { 4, 4, 4 }, result.Uplinks.Select(u => u.FlowCount));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
        }

        [Fact]
        public void Balance_alb_and_balance_tlb_receive_a_bridged_VMs_traffic_on_the_active_slave()
        {
            var alb = Bond(BondMode.BalanceAlb);
            var result = Simulate(alb, Lab.Flows(Vm(alb, "guest", "10.0.0.1"), "10.0.0.2", "10.0.0.3", "10.0.0.4"));
            // Buckets 10^2 = 8, 9 and 14 (the destination's bytes XORed): eth0, then eth1 with more room, then eth0.
            Assert.Equal(new[] { "eth0", "eth1", "eth0" }, Out(result));
            Assert.Equal(new[] { "eth0", "eth0", "eth0" }, In(result));
            Assert.Empty(result.Findings);

            var core2 = new VNPhysicalSwitch("core2");
            var host = new VNHost("lx02", Hypervisor.Linux);
            var tlb = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = BondMode.BalanceTlb });
            tlb.AddUplink("eth0").ConnectTo(core2, "Gi0/1");
            tlb.AddUplink("eth1").ConnectTo(core2, "Gi0/2");
            tlb.AddPortGroup("br0");
            result = Simulate(tlb, Lab.Flows(Vm(tlb, "guest", "10.0.0.1"), "10.0.0.2", "10.0.0.3"));
            Assert.Equal(new[] { "eth0", "eth0" }, In(result));
        }

        [Fact]
        public void The_comparison_of_an_LBFO_switch_covers_every_teaming_mode_with_every_algorithm()
        {
            var vswitch = HyperV();
            vswitch.Host.NewTeam("Team0", vswitch.Nic, TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.HyperVPort);
            var flows = Lab.Flows(Vm(vswitch, "vm0", "10.0.0.10"), "10.0.0.20", "10.0.0.21");

            var rows = TeamingComparison.Compare(vswitch, flows, TeamingOption.For(vswitch));

            Assert.Equal(15, rows.Count);
            Assert.Equal("SwitchIndependent TransportPorts", rows[0].Teaming.ToString());
            Assert.Equal("Lacp Dynamic", rows[14].Teaming.ToString());
            // Without a channel: switch independent works; static and LACP hashing addresses flap; HyperVPort pins the VM.
            Assert.All(rows.Where(r => r.Teaming.TeamingMode == TeamingMode.SwitchIndependent), r => Assert.True(r.Valid));
            Assert.False(rows.Single(r => r.Teaming.ToString() == "Static IPAddresses").Valid);
            Assert.True(rows.Single(r => r.Teaming.ToString() == "Lacp HyperVPort").Valid);
            Assert.Equal(2000, rows.Single(r => r.Teaming.ToString() == "SwitchIndependent Dynamic").AggregateThroughputMbps);
            Assert.Equal(1000, rows.Single(r => r.Teaming.ToString() == "SwitchIndependent HyperVPort").AggregateThroughputMbps);
        }

        [Fact]
        public void The_comparison_of_a_SET_switch_covers_its_two_algorithms_and_of_a_bond_every_mode()
        {
            var set = HyperV(settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true });
            Assert.Equal(new[] { "SwitchIndependent HyperVPort", "SwitchIndependent Dynamic" }, TeamingOption.For(set).Select(o => o.ToString()));

            var bond = Bond(BondMode.BalanceXor);
            var options = TeamingOption.For(bond);
            // balance-rr, active-backup and broadcast once; balance-xor, 802.3ad, balance-tlb and balance-alb with each of 5 policies.
            Assert.Equal(23, options.Count);
            Assert.Equal(new[] { "balance-rr", "active-backup", "balance-xor layer2" }, options.Take(3).Select(o => o.ToString()));
            Assert.Equal(new[] { "802.3ad layer2", "802.3ad layer2+3" },
                TeamingOption.For(bond, bondModes: new[] { BondMode.Ieee8023ad }, xmitHashPolicies: new[] { XmitHashPolicy.Layer2, XmitHashPolicy.Layer2Plus3 }).Select(o => o.ToString()));
        }

        [Fact]
        public void A_filter_of_another_platform_is_refused()
        {
            var vswitch = HyperV();
            var e = Assert.Throws<VirtNetException>(() => TeamingOption.For(vswitch, policies: new[] { LoadBalancingPolicy.LoadBalanceIP }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, Assert.Throws<VirtNetException>(() => TeamingOption.For(new Lab().Switch, bondModes: new[] { BondMode.BalanceRR })).ErrorId);
        }

        [Fact]
        public void An_ESX_what_if_policy_leaves_Hyper_V_teams_as_configured()
        {
            var vswitch = HyperV(settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true, LoadBalancingAlgorithm = LoadBalancingAlgorithm.HyperVPort });
            var scenario = new TrafficScenario { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP };

            var result = Simulate(vswitch, Lab.Flows(Vm(vswitch, "vm0", "10.0.0.10"), "10.0.0.20", "10.0.0.21"), scenario);

            Assert.Equal(new[] { "NIC1", "NIC1" }, Out(result));
            Assert.Equal(TeamingOption.HyperV(TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.HyperVPort), result.Flows[0].Teaming);
        }
    }
}
