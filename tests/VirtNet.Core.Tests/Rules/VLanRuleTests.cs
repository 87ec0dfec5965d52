using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Rules
{
    public class VLanRuleTests
    {
        [Fact]
        public void VNV001_reports_each_uplink_whose_trunk_lacks_a_port_group_VLAN()
        {
            var lab = new RuleLab();
            lab.Port(0).SetAllowedVLan(new[] { "10" });
            var finding = Assert.Single(lab.Check("VNV001"));
            Assert.Equal("esx01/vSwitch1/vmnic0", finding.Target);
            Assert.Equal("Trunk core1/Gi1/0/1 of vmnic0 allows VLANs 10, not the VLAN 30 (VM Network) of port groups that use vmnic0: " +
                         "the switch drops their frames.", finding.Message);
        }

        [Fact]
        public void VNV001_is_silent_when_the_trunk_allows_every_VLAN_in_use()
        {
            var lab = new RuleLab();
            lab.Port(0).SetAllowedVLan(new[] { "10,30" });
            lab.Port(1).SetAllowedVLan(new[] { "1-100" });
            Assert.Empty(lab.Check("VNV001"));
        }

        [Fact]
        public void VNV001_ignores_a_port_group_for_which_the_uplink_is_unused()
        {
            var lab = new RuleLab();
            lab.Port(1).SetAllowedVLan(new[] { "10" });
            lab.SetTeaming(new TeamingPolicyChange { MakeNicUnused = new[] { "vmnic1" } }, lab.VMNetwork);
            Assert.Empty(lab.Check("VNV001"));
        }

        [Fact]
        public void VNV002_reports_tagged_port_groups_on_an_access_port()
        {
            var lab = new RuleLab();
            lab.Port(1).Mode = SwitchPortMode.Access;
            lab.Port(1).AccessVLan = 10;
            var finding = Assert.Single(lab.Check("VNV002"));
            Assert.Equal("esx01/vSwitch1/vmnic1", finding.Target);
            Assert.Contains("is an access port in VLAN 10, but the port groups Management Network (VLAN 10), VM Network (VLAN 30) send tagged frames", finding.Message);
        }

        [Fact]
        public void VNV002_is_silent_for_untagged_port_groups_on_access_ports()
        {
            var lab = new RuleLab();
            lab.Management.VLanId = 0;
            lab.VMNetwork.VLanId = 0;
            foreach (var uplink in lab.VSwitch.Uplinks) uplink.SwitchPort.Mode = SwitchPortMode.Access;
            Assert.Empty(lab.Check("VNV002"));
        }

        [Fact]
        public void VNV003_reports_a_VMkernel_port_on_VLAN_4095()
        {
            var lab = new RuleLab();
            lab.AddStorage(portGroup: lab.VSwitch.AddPortGroup("Trunk", 4095));
            var finding = Assert.Single(lab.Check("VNV003"));
            Assert.Equal("esx01/vmk1", finding.Target);
            Assert.Contains("port group Trunk, whose VLAN 4095", finding.Message);
        }

        [Fact]
        public void VNV003_accepts_VLAN_4095_for_a_VM_that_tags_its_own_frames()
        {
            var lab = new RuleLab();
            var trunk = lab.VSwitch.AddPortGroup("Trunk", 4095);
            lab.Host.AddVirtualMachine("router", new[] { new VNVirtualMachine.AdapterSpec(trunk) });
            Assert.Empty(lab.Check("VNV003"));
        }

        [Fact]
        public void VNV004_reports_different_native_VLANs_in_one_team()
        {
            var lab = new RuleLab();
            lab.Port(1).NativeVLan = 99;
            var finding = Assert.Single(lab.Check("VNV004"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.EndsWith("vmnic0 (core1/Gi1/0/1) VLAN 1, vmnic1 (core1/Gi2/0/1) VLAN 99.", finding.Message);
        }

        [Fact]
        public void VNV004_compares_an_access_VLAN_with_a_native_VLAN()
        {
            var lab = new RuleLab();
            lab.Port(1).Mode = SwitchPortMode.Access;
            lab.Port(1).AccessVLan = 1;
            Assert.Empty(lab.Check("VNV004"));
            lab.Port(1).AccessVLan = 10;
            Assert.Single(lab.Check("VNV004"));
        }

        [Fact]
        public void VNV004_only_checks_the_port_group_whose_order_leaves_out_the_odd_uplink()
        {
            var lab = new RuleLab(uplinks: 3);
            lab.Port(2).NativeVLan = 99;
            lab.SetTeaming(new TeamingPolicyChange { MakeNicUnused = new[] { "vmnic2" } }, lab.Management);
            Assert.Equal(new[] { "esx01/vSwitch1" }, lab.Check("VNV004").Select(f => f.Target));
        }
    }

    public class MtuRuleTests
    {
        [Fact]
        public void VNM001_reports_a_jumbo_VMkernel_port_on_a_1500_vSwitch()
        {
            var lab = new RuleLab();
            lab.AddStorage(mtu: 9000);
            var finding = Assert.Single(lab.Check("VNM001"));
            Assert.Equal("esx01/vmk1", finding.Target);
            Assert.Equal("vmk1 has MTU 9000, but its vSwitch vSwitch1 has MTU 1500: the vSwitch drops its larger frames.", finding.Message);
        }

        [Fact]
        public void VNM001_reports_each_uplink_whose_switch_port_has_a_smaller_MTU()
        {
            var lab = new RuleLab();
            lab.VSwitch.Mtu = 9000;
            lab.Port(0).Mtu = 9216;
            var finding = Assert.Single(lab.Check("VNM001"));
            Assert.Equal("esx01/vSwitch1/vmnic1", finding.Target);
            Assert.Contains("vSwitch1 has MTU 9000, but core1/Gi2/0/1 of vmnic1 has MTU 1500", finding.Message);
        }

        [Fact]
        public void VNM001_is_silent_for_jumbo_frames_end_to_end()
        {
            var lab = new RuleLab();
            lab.VSwitch.Mtu = 9000;
            lab.Port(0).Mtu = 9000;
            lab.Port(1).Mtu = 9216;
            lab.AddStorage(mtu: 9000);
            Assert.Empty(lab.Check("VNM001"));
        }
    }

    public class RedundancyRuleTests
    {
        [Fact]
        public void VNR001_reports_a_management_vSwitch_with_one_uplink()
        {
            var lab = new RuleLab(uplinks: 1);
            var finding = Assert.Single(lab.Check("VNR001"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.Equal("vSwitch1 carries management vmk0 on one uplink, vmnic0 (core1/Gi1/0/1).", finding.Message);
        }

        [Fact]
        public void VNR001_reports_a_storage_port_group_that_leaves_only_one_uplink_in_use()
        {
            var lab = new RuleLab();
            var vmk = lab.AddStorage();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicUnused = new[] { "vmnic1" } }, vmk.PortGroup);
            var finding = Assert.Single(lab.Check("VNR001"));
            Assert.Equal("esx01/vSwitch1/NFS", finding.Target);
            Assert.Equal("Port group NFS carries storage vmk1 on one uplink, vmnic0 (core1/Gi1/0/1); its other uplinks (vmnic1) are unused.", finding.Message);
        }

        [Fact]
        public void VNR001_accepts_a_standby_uplink_and_ignores_VM_only_vSwitches()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } }, lab.Management);
            Assert.Empty(lab.Check("VNR001"));

            var vmOnly = lab.Host.AddVirtualSwitch("vSwitch2", VirtualSwitchType.Standard);
            vmOnly.AddUplink("vmnic7");
            lab.Host.AddVirtualMachine("vm02", new[] { new VNVirtualMachine.AdapterSpec(vmOnly.AddPortGroup("DMZ", 40)) });
            Assert.Empty(lab.Check("VNR001"));
        }

        [Fact]
        public void VNR002_reports_a_team_on_one_standalone_switch()
        {
            var lab = new RuleLab(stack: 1);
            var finding = Assert.Single(lab.Check("VNR002"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.EndsWith("go to switch core1, which is not a stack: it fails them all at once.", finding.Message);
        }

        [Fact]
        public void VNR002_reports_a_team_on_one_member_of_a_stack()
        {
            var lab = new RuleLab(uplinks: 1, stack: 2);
            lab.AddUplink("Gi1/0/2");
            Assert.Contains("go to member 1 of stack core1", Assert.Single(lab.Check("VNR002")).Message);
        }

        [Fact]
        public void VNR002_is_silent_for_a_team_over_two_stack_members_or_two_switches()
        {
            Assert.Empty(new RuleLab(stack: 2).Check("VNR002"));
            var lab = new RuleLab(uplinks: 1, stack: 1);
            lab.AddUplink("Gi0/1", physicalSwitch: new VNPhysicalSwitch("core2"));
            Assert.Empty(lab.Check("VNR002"));
        }
    }

    public class PortRuleTests
    {
        static void AddVMs(RuleLab lab, int count)
        {
            for (int i = 0; i < count; i++)
                lab.Host.AddVirtualMachine("filler" + i, new[] { new VNVirtualMachine.AdapterSpec(lab.VMNetwork) });
        }

        [Fact]
        public void VNP001_reports_a_full_vSwitch()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard, numPorts: 8);
            vswitch.AddUplink("vmnic0");
            vswitch.AddUplink("vmnic1");
            var pg = vswitch.AddPortGroup("VM Network", 0);
            for (int i = 0; i < 6; i++) host.AddVirtualMachine("vm" + i, new[] { new VNVirtualMachine.AdapterSpec(pg) });
            var check = new ConfigurationCheck();
            check.Add(host);
            var finding = Assert.Single(check.Run(RuleCatalogue.Select(new[] { "VNP*" }, null)));
            Assert.Equal("VNP001", finding.RuleId);
            Assert.Equal("vSwitch1 uses all 8 usable ports (2 uplinks, 6 virtual adapters): the next adapter cannot connect.", finding.Message);
        }

        [Theory]
        [InlineData(21, null)]
        [InlineData(22, "VNP002")]
        [InlineData(23, "VNP002")]
        [InlineData(24, "VNP001")]
        public void VNP_rules_warn_strictly_above_90_percent_and_report_a_full_vSwitch_as_full_only(int used, string expected)
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard, numPorts: 24);
            vswitch.AddUplink("vmnic0");
            var pg = vswitch.AddPortGroup("VM Network", 0);
            for (int i = 0; i < used - 1; i++) host.AddVirtualMachine("vm" + i, new[] { new VNVirtualMachine.AdapterSpec(pg) });
            var check = new ConfigurationCheck();
            check.Add(host);
            var findings = check.Run(RuleCatalogue.Select(new[] { "VNP*" }, null));
            Assert.Equal(expected == null ? new string[0] : new[] { expected }, findings.Select(f => f.RuleId));
        }

        [Fact]
        public void VNP002_names_the_ports_left()
        {
            var lab = new RuleLab("3.5");
            var vswitch = lab.Host.AddVirtualSwitch("vSwitch2", VirtualSwitchType.Standard, numPorts: 24);
            var pg = vswitch.AddPortGroup("Lab", 0);
            for (int i = 0; i < 22; i++) lab.Host.AddVirtualMachine("lab" + i, new[] { new VNVirtualMachine.AdapterSpec(pg) });
            var finding = Assert.Single(lab.Check("VNP002"));
            Assert.Equal("esx01/vSwitch2", finding.Target);
            Assert.Equal("vSwitch2 uses 22 of its 24 usable ports (0 uplinks, 22 virtual adapters); 2 left.", finding.Message);
        }

        [Fact]
        public void VNP_rules_ignore_elastic_vSwitches()
        {
            var lab = new RuleLab("6.7");
            Assert.True(lab.VSwitch.IsElastic);
            AddVMs(lab, 200);
            Assert.Empty(lab.Check("VNP*"));
        }
    }
}
