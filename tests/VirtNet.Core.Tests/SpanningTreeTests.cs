using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using VirtNet.SpanningTree;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>
    /// Switch links and spanning tree (IEEE 802.1D-1998; Cisco "Understanding and Configuring Spanning Tree Protocol",
    /// UplinkFast and BackboneFast notes; KB 1003804 "30-50 seconds").
    /// </summary>
    public class SpanningTreeTests
    {
        /// <summary>
        /// A triangle: dist-1 (priority 4096) and dist-2 (8192) joined by a 10 Gb/s link (Te1/1/1, short cost 2);
        /// access switch acc-1 (32768) uplinked by 1 Gb/s links (cost 4) to dist-1 (acc-1 Gi1/0/49) and dist-2
        /// (acc-1 Gi1/0/50). The gateway 192.168.1.1 is on dist-1. FDM 5.1 hosts: esx01 (the master) on the switch
        /// given, esx02 and esx03 on the other ones given; management on VLAN 1, access ports with PortFast.
        /// </summary>
        sealed class Triangle
        {
            public readonly VNPhysicalSwitch Dist1 = new VNPhysicalSwitch("dist-1", "Catalyst 4500") { BridgePriority = 4096 };
            public readonly VNPhysicalSwitch Dist2 = new VNPhysicalSwitch("dist-2", "Catalyst 4500") { BridgePriority = 8192 };
            public readonly VNPhysicalSwitch Acc1 = new VNPhysicalSwitch("acc-1", "Catalyst 2960");
            public readonly VNSwitchLink Core, Up1, Up2;
            public readonly List<VNHost> Hosts = new List<VNHost>();

            public Triangle(string masterOn = "dist-2", string slavesOn = "acc-1", SpanningTreeMode mode = SpanningTreeMode.Pvst)
            {
                var switches = new[] { Dist1, Dist2, Acc1 };
                foreach (var sw in new[] { Dist1, Dist2, Acc1 }) sw.SpanningTree = mode;
                Core = VNSwitchLink.Create(Dist1, "Te1/1/1", Dist2, "Te1/1/1");
                Up1 = VNSwitchLink.Create(Acc1, "Gi1/0/49", Dist1, "Gi1/0/49");
                Up2 = VNSwitchLink.Create(Acc1, "Gi1/0/50", Dist2, "Gi1/0/49");
                foreach (var port in new[] { Core, Up1, Up2 }.SelectMany(l => l.Ports.Concat(l.PeerPorts))) port.Mode = SwitchPortMode.Trunk;
                Dist1.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
                for (int n = 1; n <= 3; n++)
                {
                    var host = new VNHost("esx0" + n, Hypervisor.Esx, "6.7") { Fqdn = $"esx0{n}.lab.local" };
                    var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                    Cable(vswitch.AddUplink("vmnic0"), switches.Single(s => s.Name == (n == 1 ? masterOn : slavesOn)), "Gi1/0/" + n, PortFastMode.Enabled);
                    Management(vswitch.AddPortGroup("Management Network"), "vmk0", "192.168.1.1" + n, "192.168.1.1");
                    Hosts.Add(host);
                }
            }

            public VNCluster Cluster() => VNCluster.Create(new VNClusterSpec { Name = "cluster", Hosts = Hosts, AdvancedSetting = new Dictionary<string, object>() }, new List<string>());

            public static VNFailureScenario Down(VNSwitchLink link) =>
                new VNFailureScenario(link.Name + " down", link.Ports.Select(p => new VNFailureEvent(FailureEventKind.LinkDown, p, TimeSpan.Zero)));
        }

        static SpanningTreeRole Role(IReadOnlyList<VNSpanningTreePort> rows, string path, int vlan = 1) =>
            rows.Single(r => r.VLanId == vlan && r.Path == path).Role;

        [Fact]
        public void The_lowest_priority_is_root_and_the_redundant_uplink_blocks_at_the_access_switch()
        {
            var lab = new Triangle();
            var rows = SpanningTreeView.Compute(new[] { lab.Dist1, lab.Dist2, lab.Acc1 }, new[] { 1 });
            // Root: dist-1 (4096 < 8192 < 32768). dist-2: direct over Te1/1/1 costs 2, through acc-1 4 + 4 = 8, so
            // Te1/1/1 is its root port. acc-1: direct 4, through dist-2 2 + 4 = 6, so Gi1/0/49 is its root port.
            // dist-2 - acc-1 holds no root port; dist-2 (root path cost 2) beats acc-1 (4), so acc-1's end blocks.
            Assert.Equal(SpanningTreeRole.Designated, Role(rows, "dist-1/Te1/1/1"));
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "dist-2/Te1/1/1"));
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "acc-1/Gi1/0/49"));
            Assert.Equal(SpanningTreeRole.Designated, Role(rows, "dist-1/Gi1/0/49"));
            Assert.Equal(SpanningTreeRole.Designated, Role(rows, "dist-2/Gi1/0/49"));
            Assert.Equal(SpanningTreeRole.Alternate, Role(rows, "acc-1/Gi1/0/50"));
            Assert.Equal(SpanningTreeState.Blocking, rows.Single(r => r.Path == "acc-1/Gi1/0/50").State);
            Assert.All(rows, r => Assert.Same(lab.Dist1, r.RootBridge));
            Assert.Equal(new[] { 0, 2, 4 }, new[] { "dist-1/Te1/1/1", "dist-2/Te1/1/1", "acc-1/Gi1/0/49" }.Select(p => rows.Single(r => r.Path == p).RootPathCost.Value));
        }

        [Fact]
        public void Each_VLAN_has_its_own_root_and_equal_priorities_fall_to_the_lower_name()
        {
            var lab = new Triangle();
            lab.Dist2.SetBridgePriority(20, 0);
            lab.Acc1.BridgePriority = 4096;
            var rows = SpanningTreeView.Compute(new[] { lab.Dist1, lab.Dist2, lab.Acc1 }, new[] { 1, 20 });
            // VLAN 20: dist-2 (0) is root. dist-1: direct 2, through acc-1 4 + 4 = 8. acc-1: direct to dist-2 4,
            // through dist-1 2 + 4 = 6: Gi1/0/50 is the root port and Gi1/0/49 (facing dist-1, cost 2 < 4) blocks.
            Assert.All(rows.Where(r => r.VLanId == 20), r => Assert.Same(lab.Dist2, r.RootBridge));
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "acc-1/Gi1/0/50", 20));
            Assert.Equal(SpanningTreeRole.Alternate, Role(rows, "acc-1/Gi1/0/49", 20));
            // VLAN 1: acc-1 and dist-1 both 4096; "acc-1" sorts before "dist-1", so acc-1 is root.
            Assert.All(rows.Where(r => r.VLanId == 1), r => Assert.Same(lab.Acc1, r.RootBridge));
            // dist-1: direct 4, through dist-2 4 + 2 = 6; dist-2: direct 4, through dist-1 4 + 2 = 6. Te1/1/1 holds
            // no root port; both ends cost 4, and dist-1 (4096) beats dist-2 (8192), so dist-2's end blocks.
            Assert.Equal(SpanningTreeRole.Alternate, Role(rows, "dist-2/Te1/1/1", 1));
        }

        [Fact]
        public void A_VLAN_the_trunks_do_not_carry_splits_the_switches()
        {
            var lab = new Triangle();
            foreach (var port in lab.Up2.Ports.Concat(lab.Up2.PeerPorts)) port.SetAllowedVLan(new[] { "1" });
            // Only acc-1's ports are asked for: the rows are its side of each link.
            var rows = SpanningTreeView.Compute(new[] { lab.Acc1 }, new[] { 30 });
            Assert.All(rows, r => Assert.Same(lab.Acc1, r.PhysicalSwitch));
            Assert.All(rows.Where(r => r.SwitchLink == lab.Up2), r => Assert.Equal(SpanningTreeRole.Disabled, r.Role));
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "acc-1/Gi1/0/49", 30));
        }

        [Fact]
        public void A_link_joins_ports_or_channels_and_refuses_what_no_cable_could_do()
        {
            var a = new VNPhysicalSwitch("a");
            var b = new VNPhysicalSwitch("b");
            a.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi1/0/2" }, PortChannelMode.Active);
            b.AddPortChannel("Po7", new[] { "Gi1/0/47", "Gi1/0/48" }, PortChannelMode.Active);
            var link = VNSwitchLink.Create(a, "Po1", b, "port-channel7");
            Assert.Equal("a/Po1-b/Po7", link.Name);
            // Two 1 Gb/s cables: 2000 Mb/s, in the 1 Gb/s row of the short costs: 4.
            Assert.Equal(2000, link.SpeedMbps);
            Assert.Equal(4, link.Cost);
            Assert.Same(link, a.FindPort("Gi1/0/2").SwitchLink);
            Assert.Equal(new[] { link }, b.SwitchLinks);

            b.AddPortChannel("Po8", new[] { "Gi1/0/45" }, PortChannelMode.On);
            var e = Assert.Throws<VirtNetException>(() => VNSwitchLink.Create(a, "Gi1/0/3", b, "Po8"));
            Assert.Equal(ErrorIds.InvalidSwitchLink, e.ErrorId);
            e = Assert.Throws<VirtNetException>(() => VNSwitchLink.Create(a, "Gi1/0/1", b, "Gi1/0/9"));
            Assert.Equal(ErrorIds.SwitchPortInUse, e.ErrorId);
            e = Assert.Throws<VirtNetException>(() => VNSwitchLink.Create(a, "Gi1/0/5", a, "Gi1/0/6"));
            Assert.Equal(ErrorIds.InvalidSwitchLink, e.ErrorId);
            var host = new VNHost("esx01", Hypervisor.Esx, "7.0");
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddUplink("vmnic0").ConnectTo(a, "Gi1/0/10");
            e = Assert.Throws<VirtNetException>(() => VNSwitchLink.Create(a, "Gi1/0/10", b, "Gi1/0/10"));
            Assert.Equal(ErrorIds.SwitchPortInUse, e.ErrorId);
            // A refused link created nothing.
            Assert.Null(b.FindPort("Gi1/0/9"));

            link.Remove();
            Assert.Empty(a.SwitchLinks);
            Assert.Null(a.FindPort("Gi1/0/1").SwitchLink);
        }

        [Fact]
        public void Short_costs_follow_the_802_1D_table_and_a_port_cost_overrides_them()
        {
            Assert.Equal(new[] { 100, 19, 4, 2, 1 }, new[] { 10, 100, 1000, 10000, 100000 }.Select(SpanningTreeCosts.Short));
            var lab = new Triangle();
            Assert.Equal(2, lab.Core.Cost);
            Assert.Equal(4, lab.Up1.Cost);
            // acc-1's uplink to dist-1 made expensive (cost 10): through dist-2 it is 2 + 4 = 6 < 10, so the
            // root port moves to Gi1/0/50 and Gi1/0/49 blocks.
            lab.Acc1.FindPort("Gi1/0/49").SpanningTreeCost = 10;
            var rows = SpanningTreeView.Compute(new[] { lab.Acc1 }, new[] { 1 });
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "acc-1/Gi1/0/50"));
            Assert.Equal(SpanningTreeRole.Alternate, Role(rows, "acc-1/Gi1/0/49"));
            Assert.Throws<VirtNetException>(() => lab.Acc1.FindPort("Gi1/0/49").SpanningTreeCost = 0);
            Assert.Throws<VirtNetException>(() => lab.Acc1.BridgePriority = 1000);
        }

        [Fact]
        public void FDM_master_behind_an_indirect_failure_is_back_at_50_s_after_its_35_s_response()
        {
            // esx01 (master) on dist-2; the slaves on acc-1; the gateway on dist-1. The dist-1 - dist-2 link fails at
            // 0 s. dist-2 loses its root port; its only other port, towards acc-1, is designated. The port that must
            // take over is acc-1's Gi1/0/50, which was blocking: acc-1 kept its own root port, so the failure is
            // indirect for it and it waits for the stored BPDU to age out: max age 20 s + listening 15 s + learning
            // 15 s = 50 s. FDM 5.1+ master: isolated 5 s after losing every slave and the gateway, response
            // das.config.fdm.isolationPolicyDelaySec (30 s) later at 35 s, before the path is back at 50 s.
            var lab = new Triangle();
            var results = new HaSimulator(lab.Cluster()).Run(Triangle.Down(lab.Core));
            var master = For(results, lab.Hosts[0]);
            Assert.Equal(HaVerdict.Isolated, master.Verdict);
            Assert.Equal(S(5), master.IsolationDeclaredAt);
            Assert.Equal(S(35), master.ResponseAt);
            Assert.Equal(S(50), At(master, HaEventKind.SpanningTreeForwarding));
            Assert.Contains("max age", master.Explanation);
        }

        [Fact]
        public void FDM_master_behind_a_direct_failure_is_back_at_30_s_before_its_response()
        {
            // esx01 (master) on acc-1, the slaves on dist-2. acc-1's root port Gi1/0/49 fails at 0 s: acc-1 lost its
            // own root port, so its blocked Gi1/0/50 listens and learns: 2 x 15 s = 30 s. The master, isolated at
            // 5 s, hears the slaves at 30 s, before the 35 s response: no response.
            var lab = new Triangle(masterOn: "acc-1", slavesOn: "dist-2");
            var results = new HaSimulator(lab.Cluster()).Run(Triangle.Down(lab.Up1));
            var master = For(results, lab.Hosts[0]);
            Assert.Equal(S(30), At(master, HaEventKind.SpanningTreeForwarding));
            Assert.Null(master.ResponseAt);
            Assert.Equal(S(5), At(master, HaEventKind.IsolationDeclared));
            Assert.Equal(S(30), At(master, HaEventKind.IsolationCancelled));
        }

        [Fact]
        public void Rapid_PVST_reconverges_in_about_a_second_and_HA_sees_nothing()
        {
            var lab = new Triangle(mode: SpanningTreeMode.RapidPvst);
            var results = new HaSimulator(lab.Cluster()).Run(Triangle.Down(lab.Core));
            var master = For(results, lab.Hosts[0]);
            // Lost at 0 s, forwarding again at 1 s: before the 5 s master isolation.
            Assert.Equal(S(1), At(master, HaEventKind.SpanningTreeForwarding));
            Assert.Equal(HaVerdict.NotIsolated, master.Verdict);
            Assert.Null(At(master, HaEventKind.IsolationDeclared));
        }

        [Fact]
        public void Without_switch_links_every_switch_is_one_fabric_as_before()
        {
            // HaLab: hosts on cat-a; a host moved to cat-b hears the others though no link joins the switches.
            var lab = new HaLab(hosts: 2, version: "6.7", portFast: PortFastMode.Enabled);
            lab[2].FindUplink("vmnic0").ConnectTo(lab.SwitchB, "Gi1/0/2");
            // A 1 s flap at 100 s with PortFast: nothing before it, and nothing HA acts on.
            var results = new HaSimulator(lab.Cluster()).Run(LinkDown("esx01/vmnic0", 100, 101));
            Assert.All(results, r => Assert.Equal(HaVerdict.NotIsolated, r.Verdict));
            Assert.All(results, r => Assert.DoesNotContain(r.Timeline, e => e.Time < S(100) && e.Event == HaEventKind.HeartbeatsLost));
        }

        /// <summary>
        /// Access switches under a vPC pair (nx-a 4096 with the gateway, nx-b 8192, peer link Eth1/49): acc-1 by a
        /// port channel to both peers (vPC Po11), acc-2 by one trunk to each peer. FDM hosts: esx01 (master) on
        /// acc-1 Gi1/0/1, esx02 and esx03 on acc-2.
        /// </summary>
        static (VNCluster Cluster, VNPhysicalSwitch Acc1, VNPhysicalSwitch Acc2, VNPhysicalSwitch A) AccessPair()
        {
            var a = new VNPhysicalSwitch("nx-a") { BridgePriority = 4096 };
            var b = new VNPhysicalSwitch("nx-b") { BridgePriority = 8192 };
            var acc1 = new VNPhysicalSwitch("acc-1");
            var acc2 = new VNPhysicalSwitch("acc-2");
            a.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
            VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Eth1/49" });
            foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po11", new[] { "Eth1/1" }, PortChannelMode.Active);
            acc1.AddPortChannel("Po1", new[] { "Te1/1/1", "Te1/1/2" }, PortChannelMode.Active);
            var links = new[]
            {
                VNSwitchLink.Create(acc1, "Po1", a, "Po11"),
                VNSwitchLink.Create(acc2, "Te1/1/1", a, "Eth1/2"),
                VNSwitchLink.Create(acc2, "Te1/1/2", b, "Eth1/2"),
            };
            foreach (var port in links.SelectMany(l => l.Ports.Concat(l.PeerPorts))) port.Mode = SwitchPortMode.Trunk;
            var hosts = new List<VNHost>();
            for (int n = 1; n <= 3; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, "7.0");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                Cable(vswitch.AddUplink("vmnic0"), n == 1 ? acc1 : acc2, "Gi1/0/" + n, PortFastMode.Enabled);
                Management(vswitch.AddPortGroup("Management Network"), "vmk0", "192.168.1.1" + n, "192.168.1.1");
                hosts.Add(host);
            }
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "cluster", Hosts = hosts, AdvancedSetting = new Dictionary<string, object>() }, new List<string>());
            return (cluster, acc1, acc2, a);
        }

        [Fact]
        public void Under_a_vPC_pair_a_channel_to_both_peers_never_blocks_and_two_trunks_block_one()
        {
            var lab = AccessPair();
            var rows = SpanningTreeView.Compute(new[] { lab.Acc1, lab.Acc2 }, new[] { 1 });
            // The pair is one bridge (peer link up). acc-1's Po1 is its only way: Root. acc-2 has two 10 Gb/s trunks
            // to that bridge, both cost 2 from the same bridge and the same port number (Eth1/2 on each peer): its
            // own lower port Te1/1/1 is the root port and Te1/1/2 blocks.
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "acc-1/Po1"));
            Assert.Equal(SpanningTreeRole.Root, Role(rows, "acc-2/Te1/1/1"));
            Assert.Equal(SpanningTreeRole.Alternate, Role(rows, "acc-2/Te1/1/2"));
        }

        [Fact]
        public void Under_a_vPC_pair_a_channel_member_failure_changes_nothing_and_a_root_trunk_failure_takes_30_s()
        {
            var lab = AccessPair();
            var simulator = new HaSimulator(lab.Cluster);
            // One member of acc-1's Po1 down: the channel runs on the other, no tree change, no loss.
            var member = simulator.Run(LinkDown("acc-1/Te1/1/1", 0));
            Assert.All(member, r => Assert.Null(At(r, HaEventKind.HeartbeatsLost)));
            Assert.All(member, r => Assert.Null(At(r, HaEventKind.SpanningTreeForwarding)));
            // acc-2's root port Te1/1/1 down: acc-2 lost its own root port, Te1/1/2 listens and learns 2 x 15 s = 30 s.
            // The slaves lose the master at 0 s and hear it again at 30 s, after their 10 s election and 25 s
            // self-election, before their 30 s isolation; no response.
            var trunk = simulator.Run(LinkDown("acc-2/Te1/1/1", 0));
            var slave = For(trunk, lab.Cluster.Hosts[1]);
            Assert.Equal(S(30), At(slave, HaEventKind.SpanningTreeForwarding));
            Assert.Null(slave.ResponseAt);
        }

        static IReadOnlyList<VNFinding> Findings(VNCluster cluster, string ruleId)
        {
            var check = new ConfigurationCheck();
            check.Add(cluster);
            return check.Run(RuleCatalogue.Match(ruleId));
        }

        [Fact]
        public void VNS004_flags_a_switch_link_that_alone_carries_management_paths()
        {
            // The triangle: every link has a backup (the blocked one), so nothing depends on one link.
            var lab = new Triangle();
            Assert.Empty(Findings(lab.Cluster(), "VNS004"));
            // Without acc-1's second uplink, acc-1 - dist-1 alone joins the slaves on acc-1 to the master on dist-2
            // and to the gateway on dist-1; dist-1 - dist-2 alone joins the master to the gateway.
            lab.Up2.Remove();
            var findings = Findings(lab.Cluster(), "VNS004");
            Assert.Equal(new[] { "acc-1/Gi1/0/49-dist-1/Gi1/0/49", "dist-1/Te1/1/1-dist-2/Te1/1/1" }, findings.Select(f => f.Target));
            Assert.Contains("esx02 to isolation address dist-1/gateway", findings[0].Message);
            Assert.Contains("esx01 to isolation address dist-1/gateway", findings[1].Message);
        }

        [Fact]
        public void VNS005_flags_802_1D_blocking_that_outlasts_the_isolation_response_and_not_Rapid_PVST()
        {
            // FDM (6.7): the master responds at 5 s + 30 s = 35 s; 802.1D takes over an indirect failure after
            // 20 + 15 + 15 = 50 s >= 35 s: acc-1 Gi1/0/50, which blocks VLAN 1, is flagged.
            var findings = Findings(new Triangle().Cluster(), "VNS005");
            Assert.Equal("acc-1/Gi1/0/50", Assert.Single(findings).Target);
            Assert.Contains("after 50 s", findings[0].Message);
            Assert.Contains("35 s", findings[0].Message);
            Assert.Empty(Findings(new Triangle(mode: SpanningTreeMode.RapidPvst).Cluster(), "VNS005"));
        }

        [Fact]
        public void The_standard_scenarios_fail_each_switch_link()
        {
            var lab = new Triangle();
            var names = new HaSimulator(lab.Cluster()).StandardScenarios().Select(s => s.Name).ToList();
            Assert.Contains("dist-1/Te1/1/1-dist-2/Te1/1/1 down", names);
            Assert.Contains("acc-1/Gi1/0/50-dist-2/Gi1/0/49 down", names);
            // The distribution switches are part of the paths, though no host is cabled to dist-1.
            Assert.Contains("dist-1 down", names);
        }
    }
}
