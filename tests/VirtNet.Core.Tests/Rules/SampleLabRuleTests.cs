using System.Linq;
using VirtNet.Labs;
using Xunit;

namespace VirtNet.Tests.Rules
{
    public class SampleLabRuleTests
    {
        static ConfigurationCheck CheckOf(VNSampleLab lab)
        {
            var check = new ConfigurationCheck();
            foreach (var host in lab.Hosts) check.Add(host);
            foreach (var physicalSwitch in lab.PhysicalSwitches) check.Add(physicalSwitch);
            return check;
        }

        /// <summary>
        /// "Understanding NIC Utilization in VMware ESX": port ID teaming without link aggregation needs no switch
        /// configuration, so teaming, VLANs, MTU, PortFast and redundancy (two stack members) are all in order;
        /// what the article measured is that "each VMkernel NIC will only use a single network uplink", even
        /// towards two targets. That is the lab's one finding.
        /// </summary>
        [Fact]
        public void The_NIC_teaming_lab_gives_only_the_one_uplink_IP_storage_finding_the_article_measured()
        {
            var finding = Assert.Single(CheckOf(SampleLab.Build(SampleLabName.NicTeaming)).Run());
            Assert.Equal("VNT010", finding.RuleId);
            Assert.Equal(Severity.Information, finding.Severity);
            Assert.Equal("esx01/vmk0", finding.Target);
            Assert.Equal("vmk0 (10.0.0.10) sends the traffic to its 2 storage targets (NFS1 10.0.0.20, NFS2 10.0.0.21) over one of " +
                         "the 2 active uplinks of port group IP Storage: route based on originating port ID keeps each VMkernel port on one uplink.",
                         finding.Message);
        }

        [Fact]
        public void The_NIC_teaming_lab_is_clean_at_warning_level_and_with_the_article_s_cross_stack_EtherChannel()
        {
            Assert.Empty(CheckOf(SampleLab.Build(SampleLabName.NicTeaming)).Run(minimumSeverity: Severity.Warning));

            // "Only with link aggregation and multiple targets will multiple uplinks get used": IP hash plus a
            // static EtherChannel across the 3750 stack clears the finding too.
            var lab = SampleLab.Build(SampleLabName.NicTeaming);
            var vswitch = lab.Hosts[0].GetVirtualSwitch("vSwitch0");
            TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            lab.PhysicalSwitches[0].AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi2/0/1" }, PortChannelMode.On);
            Assert.Empty(CheckOf(lab).Run());
        }

        /// <summary>"VMware HA Configuration Notes": PortFast forgotten on esx03's ports, with failback on for its Service Console.</summary>
        [Fact]
        public void The_HA_lab_reports_the_ports_without_PortFast_and_the_failback_onto_them()
        {
            var findings = CheckOf(SampleLab.Build(SampleLabName.HaCluster)).Run(RuleCatalogue.Select(new[] { "VNS*" }, null));
            Assert.Equal(new[] { "VNS001 cat-a/Gi0/3", "VNS001 cat-b/Gi0/3", "VNS003 esx03/vSwitch0/Service Console" },
                findings.Select(f => f.RuleId + " " + f.Target));
        }
    }
}
