using System.Linq;
using VirtNet.Labs;
using VirtNet.Report;
using VirtNet.Serialization;
using Xunit;

namespace VirtNet.Tests.Report
{
    public class TopologyTextTests
    {
        static ConfigContents Lab(SampleLabName name)
        {
            var lab = SampleLab.Build(name);
            var contents = new ConfigContents();
            foreach (var h in lab.Hosts) contents.Add(h);
            foreach (var s in lab.PhysicalSwitches) contents.Add(s);
            return contents;
        }

        [Fact]
        public void Switch_links_show_under_both_their_switches_with_each_end_s_cost()
        {
            var d1 = new VNPhysicalSwitch("dist-1");
            var acc = new VNPhysicalSwitch("acc-1");
            VNSwitchLink.Create(acc, "Gi1/0/49", d1, "Te1/1/1");
            var contents = new ConfigContents();
            contents.Add(acc);
            // acc-1 alone brings dist-1 along; the cable runs at the slower end's 1 Gb/s: short cost 4 at both ends.
            Assert.Equal(new[]
            {
                "acc-1 (switch, 1 port(s))",
                "`-- Gi1/0/49 -> dist-1 Te1/1/1 (switch link, cost 4)",
                "dist-1 (switch, 1 port(s))",
                "`-- Te1/1/1 -> acc-1 Gi1/0/49 (switch link, cost 4)",
            }, TopologyText.Lines(contents, 200));
        }

        [Fact]
        public void The_NicTeaming_lab_as_a_tree()
        {
            var lines = TopologyText.Lines(Lab(SampleLabName.NicTeaming), 200);
            Assert.Equal(new[]
            {
                "esx01 (Esx 3.5, 192.168.10.11)",
                "`-- vSwitch0 [LoadBalanceSrcId]",
                "    |-- vmnic0 1G up -> cat3750 Gi1/0/1 (member 1, trunk, PortFast) | active in Service Console, IP Storage, VM Network",
                "    `-- vmnic1 1G up -> cat3750 Gi2/0/1 (member 2, trunk, PortFast) | active in Service Console, IP Storage, VM Network",
                "cat3750 (Catalyst 3750, stack of 2, 2 port(s))",
                "|-- gateway 192.168.10.1 (Gateway)",
                "|-- NFS1 10.0.0.20 (Storage)",
                "`-- NFS2 10.0.0.21 (Storage)",
            }, lines);
        }

        [Theory]
        [InlineData(40)]
        [InlineData(60)]
        [InlineData(80)]
        [InlineData(120)]
        public void No_line_is_wider_than_asked_and_no_word_is_lost(int width)
        {
            var lines = TopologyText.Lines(Lab(SampleLabName.HaCluster), width);
            Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
            var text = string.Join(" ", lines);
            foreach (var word in new[] { "esx03", "vmnic0", "cat-a", "Gi0/3", "standby", "VMotion", "no" })
                Assert.Contains(word, text);
        }

        [Fact]
        public void Roles_are_grouped_per_uplink_as_the_port_groups_set_them()
        {
            var lines = TopologyText.Lines(Lab(SampleLabName.HaCluster), 300);
            Assert.Contains("    |-- vmnic0 1G up -> cat-a Gi0/3 (trunk, no PortFast) | active in Service Console, VM Network; standby in VMotion", lines);
            Assert.Contains("    `-- vmnic1 1G up -> cat-b Gi0/3 (trunk, no PortFast) | active in VMotion, VM Network; standby in Service Console", lines);
        }
    }
}
