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
