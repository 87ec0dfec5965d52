using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using VirtNet.Rules;
using VirtNet.Traffic;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>
    /// vPC and MLAG pairs (Cisco vPC design and configuration guides): a port channel of the same number on both peers
    /// is one channel to the host, valid for IP hash as across a stack; each peer hashes over its local members
    /// (local preference); when the peer link fails and both peers run, the secondary suspends its vPC member ports.
    /// </summary>
    public class SwitchPairTests
    {
        /// <summary>
        /// esx01 with vmnic0..3 alternating between nx-a and nx-b (vmnic0 nx-a Eth1/1, vmnic1 nx-b Eth1/1, vmnic2 nx-a
        /// Eth1/2, vmnic3 nx-b Eth1/2), IP hash, Po10 mode on over Eth1/1-2 on each switch.
        /// </summary>
        sealed class PairLab
        {
            public readonly VNPhysicalSwitch A = new VNPhysicalSwitch("nx-a", "Nexus 93180YC-EX");
            public readonly VNPhysicalSwitch B = new VNPhysicalSwitch("nx-b", "Nexus 93180YC-EX");
            public readonly VNHost Host = new VNHost("esx01", Hypervisor.Esx, "7.0");
            public readonly VNVirtualSwitch VSwitch;
            public readonly VNPortGroup PortGroup;

            public PairLab(bool pair = true)
            {
                VSwitch = Host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
                for (int i = 0; i < 4; i++)
                    VSwitch.AddUplink("vmnic" + i, 10000).ConnectTo(i % 2 == 0 ? A : B, "Eth1/" + (i / 2 + 1));
                foreach (var sw in new[] { A, B }) sw.AddPortChannel("Po10", new[] { "Eth1/1", "Eth1/2" }, PortChannelMode.On);
                TeamingPolicyChange.Apply(VSwitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
                PortGroup = VSwitch.AddPortGroup("NFS");
                if (pair) VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { A, B }, new[] { "Eth1/49", "Eth1/50" });
            }

            public IReadOnlyList<VNFinding> Check(string rule)
            {
                var check = new ConfigurationCheck();
                check.Add(Host);
                return check.Run(RuleCatalogue.Select(new[] { rule }, null));
            }
        }

        [Fact]
        public void The_first_switch_is_primary_unless_said_and_same_numbered_channels_are_one()
        {
            var lab = new PairLab();
            var pair = lab.A.Pair;
            Assert.Same(pair, lab.B.Pair);
            Assert.Same(lab.A, pair.Primary);
            Assert.Same(lab.B, pair.Secondary);
            Assert.Equal(new[] { "nx-a/Eth1/49", "nx-a/Eth1/50", "nx-b/Eth1/49", "nx-b/Eth1/50" }, pair.PeerLink.Select(p => p.Path));
            var po10 = lab.A.FindPortChannel("Po10");
            Assert.True(po10.IsMultiChassis);
            Assert.Same(lab.B.FindPortChannel("port-channel10"), po10.PeerChannel);
            Assert.Same(po10, lab.B.FindPortChannel("Po10").Logical);
            Assert.Equal(new[] { "nx-a/Eth1/1", "nx-a/Eth1/2", "nx-b/Eth1/1", "nx-b/Eth1/2" }, po10.AllMembers.Select(m => m.Path));
            Assert.Equal(new[] { "Po10" }, pair.PortChannels.Select(c => c.Name));

            var x = new VNPhysicalSwitch("x");
            var y = new VNPhysicalSwitch("y");
            var chosen = VNSwitchPair.Create("p", SwitchPairKind.Mlag, new[] { x, y }, new string[0], primary: y);
            Assert.Same(y, chosen.Primary);
        }

        [Fact]
        public void A_peer_link_port_channel_stands_for_its_members_and_is_no_multi_chassis_channel()
        {
            var a = new VNPhysicalSwitch("nx-a");
            var b = new VNPhysicalSwitch("nx-b");
            foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po1", new[] { "Eth1/53", "Eth1/54" }, PortChannelMode.Active);
            var pair = VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Po1" });
            Assert.Equal(new[] { "nx-a/Eth1/53", "nx-a/Eth1/54", "nx-b/Eth1/53", "nx-b/Eth1/54" }, pair.PeerLink.Select(p => p.Path));
            Assert.False(a.FindPortChannel("Po1").IsMultiChassis);
            Assert.Empty(pair.PortChannels);
        }

        [Fact]
        public void Bad_pairs_are_refused_with_what_is_valid_and_change_nothing()
        {
            var a = new VNPhysicalSwitch("nx-a");
            var b = new VNPhysicalSwitch("nx-b");
            var stack = new VNPhysicalSwitch("cat", stack: 2);
            Assert.Equal(ErrorIds.InvalidSwitchPair, Assert.Throws<VirtNetException>(() => VNSwitchPair.Create("p", SwitchPairKind.Vpc, new[] { a }, null)).ErrorId);
            Assert.Equal(ErrorIds.InvalidSwitchPair, Assert.Throws<VirtNetException>(() => VNSwitchPair.Create("p", SwitchPairKind.Vpc, new[] { a, a }, null)).ErrorId);
            Assert.Contains("stack of 2", Assert.Throws<VirtNetException>(() => VNSwitchPair.Create("p", SwitchPairKind.Vpc, new[] { a, stack }, null)).Message);
            var uneven = Assert.Throws<VirtNetException>(() => VNSwitchPair.Create("p", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Eth1/49", "nx-b/Eth1/50" }));
            Assert.Contains("1 port(s) on nx-a and 2 on nx-b", uneven.Message);
            Assert.Equal(ErrorIds.SwitchPortNotFound, Assert.Throws<VirtNetException>(() => VNSwitchPair.Create("p", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Po7" })).ErrorId);
            Assert.Null(a.Pair);
            Assert.Empty(a.Ports);
            VNSwitchPair.Create("p", SwitchPairKind.Vpc, new[] { a, b }, null);
            var again = Assert.Throws<VirtNetException>(() => VNSwitchPair.Create("q", SwitchPairKind.Vpc, new[] { b, new VNPhysicalSwitch("nx-c") }, null));
            Assert.Contains("already a peer of pair 'p'", again.Message);
        }

        [Fact]
        public void IP_hash_with_a_static_channel_across_a_vPC_pair_is_valid_and_across_unpaired_switches_is_not()
        {
            var paired = new PairLab();
            Assert.Empty(paired.Check("VNT006"));
            Assert.Empty(paired.Check("VNT005"));
            Assert.Empty(paired.Check("VNT001"));
            var unpaired = new PairLab(pair: false);
            var finding = Assert.Single(unpaired.Check("VNT006"));
            Assert.Contains("nx-a, nx-b: separate switches (no stack, no vPC or MLAG pair)", finding.Message);
        }

        [Fact]
        public void A_vPC_member_no_NIC_of_the_team_is_cabled_to_is_a_channel_mismatch()
        {
            Assert.Empty(new PairLab().Check("VNT005"));
            // nx-d's Po10 has Eth1/3 as well: the logical channel has five members for four uplinks.
            var c = new VNPhysicalSwitch("nx-c");
            var a = new VNPhysicalSwitch("nx-d");
            a.AddPortChannel("Po10", new[] { "Eth1/1", "Eth1/2", "Eth1/3" }, PortChannelMode.On);
            c.AddPortChannel("Po10", new[] { "Eth1/1", "Eth1/2" }, PortChannelMode.On);
            VNSwitchPair.Create("vpc-2", SwitchPairKind.Vpc, new[] { a, c }, null);
            var host = new VNHost("esx09", Hypervisor.Esx, "7.0");
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            for (int i = 0; i < 4; i++) vswitch.AddUplink("vmnic" + i).ConnectTo(i % 2 == 0 ? a : c, "Eth1/" + (i / 2 + 1));
            TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            vswitch.AddPortGroup("VM Network");
            var check = new ConfigurationCheck();
            check.Add(host);
            var finding = Assert.Single(check.Run(RuleCatalogue.Select(new[] { "VNT005" }, null)));
            Assert.Contains("nx-d/Po10 has members nx-d/Eth1/1, nx-d/Eth1/2, nx-d/Eth1/3, nx-c/Eth1/1, nx-c/Eth1/2", finding.Message);
        }

        [Fact]
        public void Each_peer_hashes_inbound_frames_over_its_own_members()
        {
            var lab = new PairLab();
            lab.A.LoadBalance = lab.B.LoadBalance = EtherChannelLoadBalance.SrcDstIp;
            var vmk = VNVMKernelAdapter.Create(lab.PortGroup, "vmk1", IPv4Address.Parse("10.0.0.10"), 24);
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) },
                new[] { IPv4AddressRange.Parse("10.0.0.20-10.0.0.23") }, direction: FlowDirection.Both);
            var result = new TrafficSimulation(new[] { lab.VSwitch }, flows).Run(null);
            // Outbound, IP hash over 4 uplinks: (10 XOR 20) = 30 mod 4 = 2 -> vmnic2 (nx-a); 10^21 = 31 -> 3 -> vmnic3 (nx-b);
            // 10^22 = 28 -> 0 -> vmnic0 (nx-a); 10^23 = 29 -> 1 -> vmnic1 (nx-b).
            Assert.Equal(new[] { "vmnic2", "vmnic3", "vmnic0", "vmnic1" }, result.Flows.Select(f => f.Uplink.Name));
            // Inbound, src-dst-ip bucket = (10 XOR d) & 7: 6, 7, 4, 5. The frames arrive at the peer the flow left on
            // and leave on that peer's own members (nx-a: vmnic0, vmnic2; nx-b: vmnic1, vmnic3), bucket mod 2:
            // .20 nx-a 6 mod 2 = 0 -> vmnic0; .21 nx-b 7 mod 2 = 1 -> vmnic3; .22 nx-a 4 -> 0 -> vmnic0; .23 nx-b 5 -> 1 -> vmnic3.
            // One channel over all four members would send bucket 6 to member 6 mod 4 = 2, on the other peer.
            Assert.Equal(new[] { "vmnic0", "vmnic3", "vmnic0", "vmnic3" }, result.Flows.Select(f => f.InboundUplink.Name));
            Assert.All(result.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));
        }

        [Fact]
        public void A_failed_peer_link_moves_the_flows_to_the_primarys_members_unless_a_peer_is_down()
        {
            var lab = new PairLab();
            var vmk = VNVMKernelAdapter.Create(lab.PortGroup, "vmk1", IPv4Address.Parse("10.0.0.10"), 24);
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("10.0.0.20-10.0.0.23") });
            var simulation = new TrafficSimulation(new[] { lab.VSwitch }, flows);
            string[] Out(VNTrafficResult r) => r.Flows.Select(f => f.Uplink?.Name).ToArray();

            // Healthy, IP hash over 4: (10 XOR d) mod 4: 30 -> 2, 31 -> 3, 28 -> 0, 29 -> 1; 4 x 10000 = 40000 Mbps.
            var healthy = simulation.Run();
            Assert.Equal(new[] { "vmnic2", "vmnic3", "vmnic0", "vmnic1" }, Out(healthy));
            Assert.Equal(40000, healthy.AggregateThroughputMbps, 6);

            // Peer link down, both peers up: nx-b (secondary) suspends its Po10 members Eth1/1-2, so vmnic1 and vmnic3
            // lose their link. IP hash over [vmnic0, vmnic2]: (10 XOR d) mod 2: 30 -> 0, 31 -> 1, 28 -> 0, 29 -> 1,
            // all on nx-a; two flows per 10000 Mbps uplink: 20000 Mbps.
            var peerLink = new TrafficScenario();
            peerLink.FailedPeerLinks.Add(lab.A.Pair);
            var suspended = simulation.Run(peerLink);
            Assert.Equal(new[] { "vmnic1", "vmnic3" }, suspended.FailedUplink.Select(u => u.Name));
            Assert.Equal(new[] { "vmnic0", "vmnic2", "vmnic0", "vmnic2" }, Out(suspended));
            Assert.All(suspended.Flows, f => Assert.Same(lab.A, f.Uplink.SwitchPort.PhysicalSwitch));
            Assert.Equal(20000, suspended.AggregateThroughputMbps, 6);
            Assert.All(suspended.Flows, f => Assert.Equal(FlowStatus.Ok, f.Status));

            // Peer link and primary down: the secondary keeps forwarding. nx-a's members are down with it; IP hash over
            // [vmnic1, vmnic3]: 30 -> 0 vmnic1, 31 -> 1 vmnic3, 28 -> vmnic1, 29 -> vmnic3.
            var primaryDown = new TrafficScenario();
            primaryDown.FailedPeerLinks.Add(lab.A.Pair);
            primaryDown.FailedSwitches.Add(lab.A);
            var survived = simulation.Run(primaryDown);
            Assert.Equal(new[] { "vmnic0", "vmnic2" }, survived.FailedUplink.Select(u => u.Name));
            Assert.Equal(new[] { "vmnic1", "vmnic3", "vmnic1", "vmnic3" }, Out(survived));
        }

        [Fact]
        public void The_traffic_simulation_finds_a_pair_and_its_peer_by_name_and_says_which_are_valid()
        {
            var lab = new PairLab();
            var vmk = VNVMKernelAdapter.Create(lab.PortGroup, "vmk1", IPv4Address.Parse("10.0.0.10"), 24);
            var simulation = new TrafficSimulation(new[] { lab.VSwitch }, VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) },
                new[] { IPv4AddressRange.Parse("10.0.0.20") }));
            Assert.Same(lab.A.Pair, simulation.FindPair("VPC-1"));
            var e = Assert.Throws<VirtNetException>(() => simulation.FindPair("vpc-9"));
            Assert.Equal(ErrorIds.SwitchPairNotFound, e.ErrorId);
            Assert.Contains("vpc-1", e.Message);
            Assert.Equal((lab.B, 0), simulation.FindSwitch("nx-b"));
        }

        /// <summary>
        /// Three ESXi 7.0 hosts: esx01 and esx02 with vmnic0 to nx-a and vmnic1 to nx-b in Po1/Po2 (vPC, IP hash);
        /// esx03 with its only NIC to nx-b Eth1/3 in Po3 (a vPC whose nx-a member Eth1/3 is empty). PortFast
        /// everywhere; the gateway 192.168.1.1 on nx-a; the peer link Eth1/49 on both.
        /// </summary>
        static (HaLab lab, VNPhysicalSwitch a, VNPhysicalSwitch b) PeerLinkLab(bool peerLink = true)
        {
            var lab = new HaLab(hosts: 0, version: "7.0");
            var a = new VNPhysicalSwitch("nx-a");
            var b = new VNPhysicalSwitch("nx-b");
            a.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
            for (int n = 1; n <= 3; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, "7.0");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                if (n < 3) Cable(vswitch.AddUplink("vmnic0"), a, "Eth1/" + n, PortFastMode.Trunk, SwitchPortMode.Trunk);
                Cable(vswitch.AddUplink("vmnic" + (n < 3 ? 1 : 0)), b, "Eth1/" + n, PortFastMode.Trunk, SwitchPortMode.Trunk);
                foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po" + n, new[] { "Eth1/" + n }, PortChannelMode.On);
                if (n < 3) TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
                Management(vswitch.AddPortGroup("Management Network"), "vmk0", "192.168.1.1" + n, "192.168.1.1");
                lab.Hosts.Add(host);
            }
            VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, peerLink ? new[] { "Eth1/49" } : null);
            return (lab, a, b);
        }

        [Fact]
        public void A_failed_peer_link_suspends_the_secondarys_vPC_ports_and_isolates_a_host_cabled_only_there()
        {
            var (lab, a, b) = PeerLinkLab();
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = lab.Hosts }, new List<string>());
            var scenario = new VNFailureScenario("peer link", new[] { new VNFailureEvent(FailureEventKind.LinkDown, "nx-b/Eth1/49", S(0)) });
            var results = new HaSimulator(cluster).Run(scenario);
            // esx03's only link is a vPC member port of the secondary: suspended at 0. FDM slave: master lost at 0,
            // election at 10 s, self-elected and pinging at 25 s (the gateway is behind nx-a), isolated at 30 s,
            // response after the 30 s policy delay at 60 s.
            var r3 = For(results, lab[3]);
            Assert.Equal(HaVerdict.Isolated, r3.Verdict);
            Assert.Equal(S(0), At(r3, HaEventKind.LinkDown));
            Assert.Contains("peer link of vpc-1 down, the secondary nx-b suspends its vPC member ports", r3.Timeline.First(e => e.Event == HaEventKind.LinkDown).Detail);
            Assert.Equal(S(30), r3.IsolationDeclaredAt);
            Assert.Equal(S(60), r3.ResponseAt);
            // esx01 and esx02 lose vmnic1 the same way; IP hash keeps sending on vmnic0 to nx-a.
            foreach (var n in new[] { 1, 2 })
            {
                var r = For(results, lab[n]);
                Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
                Assert.Equal(S(0), At(r, HaEventKind.LinkDown));
            }
        }

        [Fact]
        public void A_pair_whose_peer_link_is_not_modelled_never_suspends_the_secondarys_ports()
        {
            var (lab, a, b) = PeerLinkLab(peerLink: false);
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = lab.Hosts }, new List<string>());
            // esx01's vmnic0 fails; nothing touches nx-b, so esx03's only link, a vPC port of the secondary, stays up.
            var scenario = new VNFailureScenario("vmnic0", new[] { new VNFailureEvent(FailureEventKind.LinkDown, lab[1].VirtualSwitches[0].Uplinks[0], S(0)) });
            var r3 = For(new HaSimulator(cluster).Run(scenario), lab[3]);
            Assert.Equal(HaVerdict.NotIsolated, r3.Verdict);
            Assert.Null(At(r3, HaEventKind.LinkDown));
        }

        [Fact]
        public void VNR003_reports_a_team_on_vPC_ports_of_the_secondary_only()
        {
            var (lab, a, b) = PeerLinkLab();
            // esx03's only uplink is nx-b Eth1/3 in Po3, a vPC: reported. esx01 and esx02 reach both peers: not.
            var check = new ConfigurationCheck();
            foreach (var host in lab.Hosts) check.Add(host);
            var finding = Assert.Single(check.Run(RuleCatalogue.Select(new[] { "VNR003" }, null)));
            Assert.Equal("esx03/vSwitch0", finding.Target);
            Assert.Contains("are vPC member ports of nx-b, the secondary of vpc-1: when the peer link fails and nx-a still runs, nx-b suspends them all", finding.Message);
        }

        [Fact]
        public void With_the_primary_down_the_secondary_keeps_its_vPC_ports()
        {
            var (lab, a, b) = PeerLinkLab();
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = lab.Hosts }, new List<string>());
            // The primary's failure takes the peer link with it, but the secondary, hearing no peer-keepalive, stays up.
            var scenario = new VNFailureScenario("primary down", new[]
            {
                new VNFailureEvent(FailureEventKind.SwitchDown, a, S(0)),
                new VNFailureEvent(FailureEventKind.LinkDown, "nx-b/Eth1/49", S(0)),
            });
            var results = new HaSimulator(cluster).Run(scenario);
            Assert.All(results, r => Assert.Equal(HaVerdict.NotIsolated, r.Verdict));
            Assert.Null(At(For(results, lab[3]), HaEventKind.LinkDown));
        }

        /// <summary>lx01's 802.3ad bond: eth0, eth1 to sw-a Gi0/1-2 (Po1, LACP), eth2, eth3 to sw-b Gi0/1-2 (Po1, LACP).</summary>
        static (VNHost host, VNPhysicalSwitch a, VNPhysicalSwitch b) TwoAggregators(int speedA, int speedB)
        {
            var host = new VNHost("lx01", Hypervisor.Linux);
            var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = BondMode.Ieee8023ad });
            var a = new VNPhysicalSwitch("sw-a");
            var b = new VNPhysicalSwitch("sw-b");
            for (int i = 0; i < 4; i++) bond.AddUplink("eth" + i, i < 2 ? speedA : speedB).ConnectTo(i < 2 ? a : b, "Gi0/" + (i % 2 + 1));
            foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
            return (host, a, b);
        }

        [Theory]
        // eth0-2 to sw-a at 1000 Mbps (3 slaves, 3000 Mbps), eth3-4 to sw-b at 10000 (2 slaves, 20000 Mbps).
        // count: 3 slaves > 2, sw-a; bandwidth and stable: 20000 > 3000, sw-b.
        [InlineData(AdSelect.Count, "sw-a/Po1, ad_select count", "eth3 (sw-b/Gi0/1), eth4 (sw-b/Gi0/2) stay idle")]
        [InlineData(AdSelect.Bandwidth, "sw-b/Po1, ad_select bandwidth", "eth0 (sw-a/Gi0/1), eth1 (sw-a/Gi0/2), eth2 (sw-a/Gi0/3) stay idle")]
        [InlineData(AdSelect.Stable, "sw-b/Po1, ad_select stable", "eth0 (sw-a/Gi0/1), eth1 (sw-a/Gi0/2), eth2 (sw-a/Gi0/3) stay idle")]
        public void VNL001_names_the_aggregator_the_bonds_ad_select_chooses(AdSelect adSelect, string active, string idle)
        {
            var host = new VNHost("lx01", Hypervisor.Linux);
            var bond = host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = BondMode.Ieee8023ad, AdSelect = adSelect });
            var a = new VNPhysicalSwitch("sw-a");
            var b = new VNPhysicalSwitch("sw-b");
            for (int i = 0; i < 5; i++) bond.AddUplink("eth" + i, i < 3 ? 1000 : 10000).ConnectTo(i < 3 ? a : b, "Gi0/" + (i < 3 ? i + 1 : i - 2));
            a.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2", "Gi0/3" }, PortChannelMode.Active);
            b.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
            var finding = Assert.Single(CheckRule("VNL001", host));
            Assert.Contains($"the bond transmits only on the active one ({active}), so {idle}", finding.Message);
        }

        [Fact]
        public void VNW004_reports_an_LBFO_Lacp_team_on_two_unpaired_switches_with_its_idle_members()
        {
            var host = new VNHost("hv01", Hypervisor.HyperV, "2019");
            var vswitch = host.AddVirtualSwitch("External", VirtualSwitchType.HyperV);
            var a = new VNPhysicalSwitch("sw-a");
            var b = new VNPhysicalSwitch("sw-b");
            for (int i = 1; i <= 4; i++) vswitch.AddUplink("NIC" + i).ConnectTo(i <= 2 ? a : b, "Gi0/" + ((i - 1) % 2 + 1));
            foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po1", new[] { "Gi0/1", "Gi0/2" }, PortChannelMode.Active);
            host.NewTeam("Team0", new[] { "NIC1", "NIC2", "NIC3", "NIC4" }, TeamingMode.Lacp, LoadBalancingAlgorithm.Dynamic);
            var finding = Assert.Single(CheckRule("VNW004", host));
            // 2 x 1000 on each switch: the first member's aggregator, sw-a.
            Assert.Contains("LACP forms one aggregator per switch and the team transmits only on the active one (sw-a/Po1, kept while a member of it is up), " +
                "so NIC3 (sw-b/Gi0/1), NIC4 (sw-b/Gi0/2) stay idle", finding.Message);
        }

        static IReadOnlyList<VNFinding> CheckRule(string rule, VNHost host)
        {
            var check = new ConfigurationCheck();
            check.Add(host);
            return check.Run(RuleCatalogue.Select(new[] { rule }, null));
        }

        [Theory]
        // Equal speeds: 2 x 1000 = 2000 Mbps each side; ad_select stable keeps the first slave's aggregator (sw-a).
        [InlineData(1000, 1000, "sw-a/Po1", "eth2 (sw-b/Gi0/1), eth3 (sw-b/Gi0/2) stay idle")]
        // sw-b's 2 x 10000 = 20000 Mbps beats sw-a's 2000 Mbps.
        [InlineData(1000, 10000, "sw-b/Po1", "eth0 (sw-a/Gi0/1), eth1 (sw-a/Gi0/2) stay idle")]
        public void An_LACP_bond_on_two_unpaired_switches_forms_two_aggregators_and_half_its_links_idle(int speedA, int speedB, string active, string idle)
        {
            var (host, a, b) = TwoAggregators(speedA, speedB);
            var finding = Assert.Single(CheckRule("VNL001", host));
            Assert.Contains($"LACP forms one aggregator per switch and the bond transmits only on the active one ({active}, ad_select stable)", finding.Message);
            Assert.Contains(idle, finding.Message);
            // Paired, the two channels are one aggregator: nothing to report.
            VNSwitchPair.Create("mlag", SwitchPairKind.Mlag, new[] { a, b }, null);
            Assert.Empty(CheckRule("VNL001", host));
        }

        [Fact]
        public void Hosts_dual_homed_to_a_vPC_pair_survive_every_single_link_and_switch_failure()
        {
            // Eight FDM hosts, IP hash over Po(100+n) on both peers; the gateway on nx-a; peer link Eth1/49-50.
            var a = new VNPhysicalSwitch("nx-a");
            var b = new VNPhysicalSwitch("nx-b");
            a.AddEndpoint("gateway", IPv4Address.Parse("10.0.0.1"), null, true, EndpointRole.Gateway);
            var hosts = new List<VNHost>();
            for (int n = 1; n <= 8; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, "7.0");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                Cable(vswitch.AddUplink("vmnic0"), a, "Eth1/" + n, PortFastMode.Trunk, SwitchPortMode.Trunk);
                Cable(vswitch.AddUplink("vmnic1"), b, "Eth1/" + n, PortFastMode.Trunk, SwitchPortMode.Trunk);
                foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po" + (100 + n), new[] { "Eth1/" + n }, PortChannelMode.On);
                TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
                Management(vswitch.AddPortGroup("Management Network"), "vmk0", "10.0.0.1" + n, "10.0.0.1");
                hosts.Add(host);
            }
            var pair = VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Eth1/49", "Eth1/50" });
            var simulator = new HaSimulator(VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = hosts }, new List<string>()));
            var targets = hosts.SelectMany(h => h.Uplinks).Cast<object>().Concat(pair.PeerLink).ToList();
            // 16 uplinks and 4 peer-link ports: the other uplink, or the other peer-link cable, carries on.
            foreach (var target in targets)
                Assert.All(simulator.Run(new VNFailureScenario("one", new[] { new VNFailureEvent(FailureEventKind.LinkDown, target, S(0)) })),
                    r => Assert.Equal(HaVerdict.NotIsolated, r.Verdict));
            // Either peer down: the hosts keep each other through the other peer (with nx-a goes the gateway, unneeded).
            foreach (var sw in pair.PhysicalSwitches)
                Assert.All(simulator.Run(new VNFailureScenario("switch", new[] { new VNFailureEvent(FailureEventKind.SwitchDown, sw, S(0)) })),
                    r => Assert.Equal(HaVerdict.NotIsolated, r.Verdict));
        }
    }
}
