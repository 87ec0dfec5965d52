using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Labs;
using VirtNet.Report;
using Xunit;

namespace VirtNet.Tests.Report
{
    public class TopologyLayoutTests
    {
        static IReadOnlyList<TopologyDiagram> LayOut(VNSampleLab lab, params VNCluster[] clusters) =>
            TopologyLayout.Build(lab.Hosts, lab.PhysicalSwitches, clusters);

        static VNCluster HaCluster(VNSampleLab lab) =>
            VNCluster.Create(new VNClusterSpec { Name = "HaCluster", Hosts = lab.Hosts }, new List<string>());

        [Fact]
        public void The_sample_labs_draw_without_a_box_or_label_crossing_another()
        {
            foreach (var name in SampleLab.KnownNames)
            {
                var lab = SampleLab.Build(name);
                foreach (var diagram in LayOut(lab))
                    Assert.Empty(ReportGeometry.Overlaps(diagram.Nodes));
            }
        }

        [Fact]
        public void Sixty_four_hosts_with_four_uplinks_make_eight_clean_diagrams_of_eight()
        {
            var (hosts, switches, _) = GeneratedEstate.Build(64, clusters: false);
            var diagrams = TopologyLayout.Build(hosts, switches, new VNCluster[0]);
            // 64 hosts in no cluster, 8 to a diagram: 64 / 8 = 8.
            Assert.Equal(8, diagrams.Count);
            Assert.Equal("Hosts: hosts 1 to 8 of 64", diagrams[0].Title);
            foreach (var diagram in diagrams)
            {
                Assert.Equal(8, diagram.Nodes.Count(n => n.Kind == DiagramNodeKind.Host));
                Assert.Empty(ReportGeometry.Overlaps(diagram.Nodes));
                // Ports follow their uplinks, so the only crossings left are those the stacks force: every member holds
                // the same NIC of every host (tor a: vmnic0 on member 1, vmnic1 on member 2; tor b: vmnic2, vmnic3), so
                // the cables of hosts i < j cross exactly when host i's NIC goes lower than host j's, that is for NICs
                // c > d: C(8,2) host pairs x C(4,2) NIC pairs = 28 x 6 = 168. Any other port order adds crossings.
                Assert.Equal(168, diagram.CountCrossings());
            }
        }

        [Fact]
        public void Each_host_uplink_and_switch_port_is_drawn_once_as_the_object_findings_link_to()
        {
            var (hosts, switches, clusters) = GeneratedEstate.Build(40, clusters: true);
            var diagrams = TopologyLayout.Build(hosts, switches, clusters);
            var primary = diagrams.SelectMany(d => d.Nodes).Where(n => n.IsPrimary).ToList();
            Assert.Equal(hosts, primary.Where(n => n.Kind == DiagramNodeKind.Host).Select(n => n.Model));
            Assert.Equal(hosts.SelectMany(h => h.Uplinks).OrderBy(u => u.Path), primary.Where(n => n.Kind == DiagramNodeKind.Uplink).Select(n => (VNUplink)n.Model).OrderBy(u => u.Path));
            var ports = switches.SelectMany(s => s.Ports).ToList();
            Assert.Equal(ports.Count, primary.Count(n => n.Kind == DiagramNodeKind.SwitchPort));
            Assert.Equal(ports.Count, primary.Where(n => n.Kind == DiagramNodeKind.SwitchPort).Select(n => n.Model).Distinct().Count());
            // Clusters of 16, 16 and 8 hosts: two diagrams, two and one.
            Assert.Equal(new[] { "Cluster rack01: hosts 1 to 8 of 16", "Cluster rack01: hosts 9 to 16 of 16", "Cluster rack02: hosts 1 to 8 of 16",
                "Cluster rack02: hosts 9 to 16 of 16", "Cluster rack03" }, diagrams.Select(d => d.Title));
        }

        [Fact]
        public void Switch_ports_follow_the_uplinks_so_crossed_cabling_draws_without_crossings()
        {
            // vmnic0 goes to Gi1/0/2 and vmnic1 to Gi1/0/1: drawn in name order the two cables would cross once.
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            var vs = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var core = new VNPhysicalSwitch("core1", "Catalyst 3750", 1);
            vs.AddUplink("vmnic0").ConnectTo(core, "Gi1/0/2");
            vs.AddUplink("vmnic1").ConnectTo(core, "Gi1/0/1");
            var diagram = Assert.Single(TopologyLayout.Build(new[] { host }, new[] { core }, new VNCluster[0]));
            var ports = diagram.Nodes.Where(n => n.Kind == DiagramNodeKind.SwitchPort).OrderBy(n => n.Box.Y).Select(n => n.Label);
            Assert.Equal(new[] { "Gi1/0/2", "Gi1/0/1" }, ports);
            Assert.Equal(0, diagram.CountCrossings());
        }

        [Fact]
        public void Stack_members_hold_their_ports_and_a_cross_stack_channel_is_outlined_in_both()
        {
            var (hosts, switches, _) = GeneratedEstate.Build(2, clusters: false);
            var diagram = Assert.Single(TopologyLayout.Build(hosts, switches, new VNCluster[0]));
            var members = diagram.Nodes.Where(n => n.Kind == DiagramNodeKind.StackMember && n.Path.StartsWith("tor01b")).ToList();
            Assert.Equal(new[] { "tor01b/1", "tor01b/2" }, members.Select(m => m.Path));
            var te101 = diagram.Nodes.Single(n => n.Path == "tor01b/Te1/0/1");
            var te201 = diagram.Nodes.Single(n => n.Path == "tor01b/Te2/0/1");
            Assert.Same(members[0], te101.Parent);
            Assert.Same(members[1], te201.Parent);
            // Po1 bundles Te1/0/1 (member 1) and Te2/0/1 (member 2): one outline around each, the first one the object findings link to.
            var po1 = diagram.Nodes.Where(n => n.Path == "tor01b/Po1").ToList();
            Assert.Equal(2, po1.Count);
            Assert.True(po1[0].Box.Contains(te101.Box));
            Assert.True(po1[1].Box.Contains(te201.Box));
            Assert.Same(members[1], po1[1].Parent);
            Assert.Equal(new[] { true, false }, po1.Select(n => n.IsPrimary));
            Assert.Equal("Po1 on", po1[0].Label);
            Assert.Contains("across 2 stack members", po1[0].Tooltip);
        }

        [Fact]
        public void Role_chips_say_what_each_uplink_does_in_each_port_group()
        {
            var lab = SampleLab.Build(SampleLabName.HaCluster);
            var diagram = Assert.Single(LayOut(lab, HaCluster(lab)));
            Assert.Equal("Cluster HaCluster", diagram.Title);
            var vmnic0 = diagram.Nodes.Single(n => n.Path == "esx01/vSwitch0/vmnic0");
            var chips = diagram.Nodes.Where(n => n.Parent == vmnic0).Select(n => n.Label).ToList();
            // The article's layout: vmnic0 active for the Service Console, standby for VMotion, active for VMs.
            Assert.Equal(new[] { "1A", "2S", "3A" }, chips);
            var portGroups = diagram.Nodes.Where(n => n.Kind == DiagramNodeKind.PortGroup && n.Path.StartsWith("esx01/")).Select(n => ((VNPortGroup)n.Model).Name);
            Assert.Equal(new[] { "Service Console", "VMotion", "VM Network" }, portGroups);
        }

        [Fact]
        public void The_gateway_HA_pings_is_marked_as_an_isolation_address()
        {
            var lab = SampleLab.Build(SampleLabName.HaCluster);
            var diagram = Assert.Single(LayOut(lab, HaCluster(lab)));
            var gateway = diagram.Nodes.Single(n => n.Kind == DiagramNodeKind.Endpoint && n.Path == "cat-a/gateway");
            Assert.Equal("isolation", gateway.State);
            Assert.Contains("isolation address", gateway.Label);
            Assert.Equal("dns", diagram.Nodes.Single(n => n.Path == "cat-a/dns").State);
        }

        [Fact]
        public void Long_names_are_cut_to_their_box_and_stay_whole_in_the_tooltip()
        {
            var name = "esx-with-a-very-long-name-that-no-box-would-hold-whole.example.com";
            var host = new VNHost(name, Hypervisor.Esx, "6.7");
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddUplink("vmnic0");
            var diagram = Assert.Single(TopologyLayout.Build(new[] { host }, new VNPhysicalSwitch[0], new VNCluster[0]));
            var node = diagram.Nodes.Single(n => n.Kind == DiagramNodeKind.Host);
            Assert.EndsWith("\u2026", node.Label);
            Assert.True(node.Box.Contains(node.LabelBox));
            Assert.StartsWith(name, node.Tooltip);
            Assert.Equal("nocable", diagram.Nodes.Single(n => n.Kind == DiagramNodeKind.Uplink).State);
        }
    }
}
