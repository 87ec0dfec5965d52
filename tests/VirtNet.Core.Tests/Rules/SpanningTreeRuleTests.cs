using System;
using Xunit;

namespace VirtNet.Tests.Rules
{
    public class SpanningTreeRuleTests
    {
        [Fact]
        public void VNS001_reports_a_host_facing_port_without_PortFast()
        {
            var lab = new RuleLab();
            lab.Port(0).PortFast = PortFastMode.Disabled;
            var finding = Assert.Single(lab.Check("VNS001"));
            Assert.Equal("core1/Gi1/0/1", finding.Target);
            Assert.Equal("core1/Gi1/0/1 faces esx01/vSwitch1/vmnic0 without PortFast: after each link-up it forwards only after " +
                         "30 s (listening and learning, 2 x forward delay 15 s).", finding.Message);
        }

        [Fact]
        public void VNS001_takes_the_delay_from_the_switch_forward_delay()
        {
            var lab = new RuleLab();
            lab.Switch.ForwardDelay = TimeSpan.FromSeconds(4);
            lab.Port(0).PortFast = PortFastMode.Disabled;
            Assert.EndsWith("8 s (listening and learning, 2 x forward delay 4 s).", Assert.Single(lab.Check("VNS001")).Message);
        }

        [Fact]
        public void VNS001_is_silent_for_PortFast_and_for_ports_that_face_no_host()
        {
            var lab = new RuleLab();
            lab.Port(0).Mode = SwitchPortMode.Access;
            lab.Port(0).PortFast = PortFastMode.Enabled;
            lab.Switch.GetOrAddPort("Gi1/0/24");
            Assert.Empty(lab.Check("VNS001", lab.Host, lab.Switch));
        }

        [Fact]
        public void VNS002_reports_plain_PortFast_on_a_trunk()
        {
            var lab = new RuleLab();
            lab.Port(1).PortFast = PortFastMode.Enabled;
            var finding = Assert.Single(lab.Check("VNS002"));
            Assert.Equal("core1/Gi2/0/1", finding.Target);
            Assert.StartsWith("core1/Gi2/0/1 is a trunk with plain spanning-tree portfast, which IOS ignores on trunks", finding.Message);
        }

        [Fact]
        public void VNS002_is_silent_for_portfast_trunk_and_for_plain_PortFast_on_an_access_port()
        {
            var lab = new RuleLab();
            lab.Port(1).Mode = SwitchPortMode.Access;
            lab.Port(1).PortFast = PortFastMode.Enabled;
            Assert.Empty(lab.Check("VNS002"));
        }

        [Fact]
        public void VNS003_reports_failback_to_an_active_management_uplink_without_PortFast()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } }, lab.Management);
            lab.Port(0).PortFast = PortFastMode.Enabled; // plain portfast on a trunk: no effect
            var finding = Assert.Single(lab.Check("VNS003"));
            Assert.Equal("esx01/vSwitch1/Management Network", finding.Target);
            Assert.Equal("Port group Management Network carries management (vmk0) with failback on, but the active uplink " +
                         "vmnic0 (core1/Gi1/0/1) faces ports without effective PortFast: failback returns, 100 ms (Net.TeamPolicyUpDelay) " +
                         "after the link comes up, to a port that forwards only after 30 s (listening and learning, 2 x forward delay 15 s).", finding.Message);
        }

        [Fact]
        public void VNS003_is_cleared_by_an_up_delay_at_least_as_long_as_listening_and_learning()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } }, lab.Management);
            lab.Port(0).PortFast = PortFastMode.Disabled;
            // 2 x forward delay 15 s = 30 s: 29999 ms still fails back onto a blocked port, 30000 ms waits for it.
            lab.Host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 29999);
            Assert.Single(lab.Check("VNS003"));
            lab.Host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 30000);
            Assert.Empty(lab.Check("VNS003"));
            // A switch with forward delay 20 s listens and learns for 40 s: 30000 ms is not enough there.
            lab.Switch.ForwardDelay = System.TimeSpan.FromSeconds(20);
            Assert.Single(lab.Check("VNS003"));
        }

        [Fact]
        public void VNS003_is_silent_with_failback_off_or_when_only_the_standby_port_lacks_PortFast()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } }, lab.Management);
            lab.Port(1).PortFast = PortFastMode.Disabled;
            Assert.Empty(lab.Check("VNS003"));

            lab.Port(0).PortFast = PortFastMode.Disabled;
            Assert.Single(lab.Check("VNS003"));
            lab.SetTeaming(new TeamingPolicyChange { FailbackEnabled = false }, lab.Management);
            Assert.Empty(lab.Check("VNS003"));
        }

        [Fact]
        public void VNS003_ignores_a_management_port_group_with_a_single_uplink()
        {
            var lab = new RuleLab(uplinks: 1);
            lab.Port(0).PortFast = PortFastMode.Disabled;
            Assert.Empty(lab.Check("VNS003"));
        }
    }
}
