using System.Linq;
using Xunit;

namespace VirtNet.Tests
{
    public class VirtualSwitchModelTests
    {
        [Theory]
        [InlineData(Hypervisor.Esx, VirtualSwitchType.Standard)]
        [InlineData(Hypervisor.HyperV, VirtualSwitchType.HyperV)]
        [InlineData(Hypervisor.Linux, VirtualSwitchType.LinuxBond)]
        public void Each_hypervisor_has_its_own_default_switch_type(Hypervisor hypervisor, VirtualSwitchType type)
        {
            Assert.Equal(type, new VNHost("h", hypervisor).DefaultVirtualSwitchType);
        }

        [Fact]
        public void A_switch_whose_uplinks_do_not_fit_is_not_created()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var nics = Enumerable.Range(0, 9).Select(i => "vmnic" + i).ToList();
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard, 8, null, nics));
            Assert.Equal(ErrorIds.VirtualSwitchFull, e.ErrorId);
            Assert.Empty(host.VirtualSwitches);
            Assert.Empty(host.Uplinks);
        }

        [Fact]
        public void A_switch_with_an_uplink_of_another_switch_is_not_created()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, nic: new[] { "vmnic0" });
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard, nic: new[] { "vmnic1", "vmnic0" }));
            Assert.Equal(ErrorIds.UplinkInUse, e.ErrorId);
            Assert.Equal(new[] { "vSwitch0" }, host.VirtualSwitches.Select(s => s.Name));
            Assert.Equal(new[] { "vmnic0" }, host.Uplinks.Select(u => u.Name));
        }

        [Fact]
        public void An_uplink_whose_switch_port_is_taken_is_not_added()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "4.1");
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            var core = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            vswitch.AddUplink("vmnic0", physicalSwitch: core, switchPort: "GigabitEthernet1/0/1");
            var e = Assert.Throws<VirtNetException>(() => vswitch.AddUplink("vmnic1", physicalSwitch: core, switchPort: "Gi1/0/1"));
            Assert.Equal(ErrorIds.SwitchPortInUse, e.ErrorId);
            Assert.Equal(new[] { "vmnic0" }, vswitch.Nic);
            Assert.Equal(new[] { "vmnic0" }, vswitch.TeamingPolicy.ActiveNic);
            Assert.Equal(127, vswitch.NumPortsAvailable);
            Assert.Equal("vmnic0", core.GetPort("Gi1/0/1").Uplink.Name);
        }

        [Fact]
        public void Removing_an_uplink_frees_its_switch_port_and_its_failover_slot()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "4.1");
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            var core = new VNPhysicalSwitch("core1");
            var uplink = vswitch.AddUplink("vmnic0", physicalSwitch: core, switchPort: "Gi1/0/1");
            vswitch.AddUplink("vmnic1");
            uplink.Remove();
            uplink.Remove();
            Assert.Null(core.GetPort("Gi1/0/1").Uplink);
            Assert.Equal(new[] { "vmnic1" }, vswitch.TeamingPolicy.ActiveNic);
            Assert.Null(uplink.VirtualSwitch);
        }

        [Fact]
        public void Lookups_by_name_ignore_case_and_name_what_exists_when_they_fail()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard, nic: new[] { "vmnic0" });
            vswitch.AddPortGroup("VM Network");
            Assert.Equal("vmnic0", host.GetUplink("VMNIC0").Name);
            Assert.Equal("VM Network", vswitch.GetPortGroup("vm network").Name);
            var e = Assert.Throws<VirtNetException>(() => host.GetUplink("vmnic9"));
            Assert.Equal(ErrorIds.UplinkNotFound, e.ErrorId);
            Assert.Contains("vmnic0", e.Message);
            e = Assert.Throws<VirtNetException>(() => vswitch.GetPortGroup("NFS"));
            Assert.Equal(ErrorIds.PortGroupNotFound, e.ErrorId);
            Assert.Contains("VM Network", e.Message);
        }
    }
}
