using System.Linq;
using Xunit;

namespace VirtNet.Tests.Rules
{
    public class ConfigurationCheckTests
    {
        [Fact]
        public void A_host_and_its_switch_given_together_report_a_port_once()
        {
            var lab = new RuleLab();
            lab.Port(0).PortFast = PortFastMode.Disabled;
            var findings = lab.CheckAll(lab.Host, lab.Switch, lab.Host, lab.VSwitch);
            Assert.Equal(new[] { "VNS001 core1/Gi1/0/1", "VNS003 esx01/vSwitch1/Management Network" }, findings.Select(f => f.RuleId + " " + f.Target));
        }

        [Fact]
        public void A_physical_switch_alone_is_checked_on_the_switch_side_only()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            lab.Port(1).PortFast = PortFastMode.Disabled;
            Assert.Equal(new[] { "VNS001 core1/Gi2/0/1" }, lab.CheckAll(lab.Switch).Select(f => f.RuleId + " " + f.Target));
            Assert.Equal(new[] { "VNS001 core1/Gi2/0/1", "VNT001 esx01/vSwitch1", "VNS003 esx01/vSwitch1/Management Network" },
                lab.CheckAll(lab.Host).Select(f => f.RuleId + " " + f.Target));
        }

        [Fact]
        public void A_vSwitch_brings_only_its_own_uplinks_ports()
        {
            var lab = new RuleLab();
            var other = lab.Host.AddVirtualSwitch("vSwitch2", VirtualSwitchType.Standard);
            other.AddUplink("vmnic5").ConnectTo(lab.Switch, "Gi1/0/5");
            Assert.Equal(new[] { "core1/Gi1/0/5" }, lab.CheckAll(other).Select(f => f.Target));
            Assert.Equal(new[] { "core1/Gi1/0/5" }, lab.CheckAll(lab.Host).Select(f => f.Target));
            Assert.Empty(lab.CheckAll(lab.VSwitch));
        }

        [Fact]
        public void Findings_are_ordered_by_target_with_numbers_compared_as_numbers_then_by_rule()
        {
            var lab = new RuleLab(uplinks: 1, stack: 1);
            for (int i = 2; i <= 10; i++) lab.AddUplink("Gi1/0/" + i);
            foreach (var uplink in lab.VSwitch.Uplinks) uplink.SwitchPort.PortFast = PortFastMode.Disabled;
            lab.Port(9).PortFast = PortFastMode.Enabled;
            lab.VSwitch.Mtu = 9000;
            foreach (var uplink in lab.VSwitch.Uplinks) uplink.SwitchPort.Mtu = 9000;
            lab.Port(1).Mtu = 1500;
            var findings = lab.CheckAll();
            Assert.Equal(new[]
            {
                "VNS001 core1/Gi1/0/1", "VNS001 core1/Gi1/0/2", "VNS001 core1/Gi1/0/3", "VNS001 core1/Gi1/0/4", "VNS001 core1/Gi1/0/5",
                "VNS001 core1/Gi1/0/6", "VNS001 core1/Gi1/0/7", "VNS001 core1/Gi1/0/8", "VNS001 core1/Gi1/0/9", "VNS002 core1/Gi1/0/10",
                "VNR002 esx01/vSwitch1", "VNS003 esx01/vSwitch1/Management Network", "VNM001 esx01/vSwitch1/vmnic1",
            }, findings.Select(f => f.RuleId + " " + f.Target));
        }

        [Fact]
        public void The_minimum_severity_leaves_out_lower_findings()
        {
            var lab = new RuleLab();
            lab.Port(0).PortFast = PortFastMode.Disabled;
            lab.AddStorage(mtu: 9000);
            var check = new ConfigurationCheck();
            check.Add(lab.Host);
            Assert.Equal(new[] { "VNS001", "VNM001", "VNT010", "VNS003" }, check.Run().Select(f => f.RuleId));
            Assert.Equal(new[] { "VNS001", "VNM001", "VNS003" }, check.Run(minimumSeverity: Severity.Warning).Select(f => f.RuleId));
            Assert.Equal(new[] { "VNM001" }, check.Run(minimumSeverity: Severity.Error).Select(f => f.RuleId));
        }

        [Fact]
        public void Hyper_V_switches_bring_only_their_switch_ports()
        {
            var host = new VNHost("hv01", Hypervisor.HyperV, "2019");
            var vswitch = host.AddVirtualSwitch("External", VirtualSwitchType.HyperV);
            var core = new VNPhysicalSwitch("core1");
            vswitch.AddUplink("NIC1", 10000).ConnectTo(core, "Te1/0/1");
            vswitch.AddUplink("NIC2", 1000).ConnectTo(core, "Gi1/0/1");
            vswitch.AddPortGroup("VMs", 30);
            var check = new ConfigurationCheck();
            check.Add(host);
            Assert.Equal(new[] { "VNS001 core1/Gi1/0/1", "VNS001 core1/Te1/0/1" }, check.Run().Select(f => f.RuleId + " " + f.Target));
        }

        [Theory]
        [InlineData("esx01")]
        [InlineData(42)]
        [InlineData(null)]
        public void Anything_but_hosts_and_switches_is_UnsupportedCheckInput(object input)
        {
            var e = Assert.Throws<VirtNetException>(() => new ConfigurationCheck().Add(input));
            Assert.Equal(ErrorIds.UnsupportedCheckInput, e.ErrorId);
            Assert.Contains("Give hosts", e.Message);
        }
    }
}
