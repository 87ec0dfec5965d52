using System.Linq;
using Xunit;

namespace VirtNet.Tests
{
    public class SwitchPortChangeTests
    {
        [Fact]
        public void Only_the_given_settings_change()
        {
            var port = new VNPhysicalSwitch("core1").GetOrAddPort("Gi0/1");
            new SwitchPortChange { Mode = SwitchPortMode.Trunk, NativeVLan = 20, AllowedVLan = new[] { "20,30-32" } }.Apply(port);
            new SwitchPortChange { PortFast = PortFastMode.Trunk }.Apply(port);
            Assert.Equal(SwitchPortMode.Trunk, port.Mode);
            Assert.Equal(1, port.AccessVLan);
            Assert.Equal(20, port.NativeVLan);
            Assert.Equal("20,30-32", port.AllowedVLan);
            Assert.Equal(PortFastMode.Trunk, port.PortFast);
            Assert.Equal(1500, port.Mtu);
        }

        [Theory]
        [InlineData(4095, null, 1500, ErrorIds.InvalidVLanId)]
        [InlineData(10, "10,5000", 1500, ErrorIds.InvalidVLanId)]
        [InlineData(10, "10", 9217, ErrorIds.InvalidMtu)]
        public void One_bad_value_changes_nothing(int accessVLan, string allowed, int mtu, string errorId)
        {
            var port = new VNPhysicalSwitch("core1").GetOrAddPort("Gi0/1");
            var change = new SwitchPortChange
            {
                Mode = SwitchPortMode.Trunk, AccessVLan = accessVLan, AllowedVLan = allowed == null ? null : new[] { allowed }, Mtu = mtu,
            };
            Assert.Equal(errorId, Assert.Throws<VirtNetException>(() => change.Apply(port)).ErrorId);
            Assert.Equal(SwitchPortMode.Access, port.Mode);
            Assert.Equal(1, port.AccessVLan);
            Assert.Equal("all", port.AllowedVLan);
            Assert.Equal(1500, port.Mtu);
        }
    }

    public class PortNameAndChannelTests
    {
        [Theory]
        [InlineData("GigabitEthernet2/0/7", "Gi2/0/7")]
        [InlineData("te1/1/1", "Te1/1/1")]
        public void NormalizePortName_gives_the_short_form_without_creating_the_port(string name, string shortName)
        {
            var sw = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            Assert.Equal(shortName, sw.NormalizePortName(name));
            Assert.Empty(sw.Ports);
        }

        [Theory]
        [InlineData("Gi3/0/1")]
        [InlineData("Po1")]
        [InlineData("Vlan10")]
        public void NormalizePortName_refuses_what_cannot_be_a_physical_port_of_the_switch(string name)
        {
            var sw = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            Assert.Equal(ErrorIds.InvalidSwitchPortName, Assert.Throws<VirtNetException>(() => sw.NormalizePortName(name)).ErrorId);
        }

        [Fact]
        public void A_refused_channel_creates_none_of_its_new_member_ports()
        {
            var sw = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            sw.AddPortChannel("Po1", new[] { "Gi1/0/1" }, PortChannelMode.On);
            Assert.Equal(ErrorIds.SwitchPortInUse,
                Assert.Throws<VirtNetException>(() => sw.AddPortChannel("Po2", new[] { "Gi1/0/2", "Gi1/0/1" }, PortChannelMode.On)).ErrorId);
            Assert.Equal(ErrorIds.InvalidSwitchPortName,
                Assert.Throws<VirtNetException>(() => sw.AddPortChannel("Po2", new[] { "Gi1/0/2", "Gi3/0/1" }, PortChannelMode.On)).ErrorId);
            Assert.Equal(new[] { "Gi1/0/1" }, sw.Ports.Select(p => p.Name));
            Assert.Equal(new[] { "Po1" }, sw.PortChannels.Select(p => p.Name));
        }
    }

    public class LoadBasedTeamingTests
    {
        [Theory]
        [InlineData("4.1", VirtualSwitchType.Standard, false)]
        [InlineData("4.0", VirtualSwitchType.Distributed, false)]
        [InlineData("4.1", VirtualSwitchType.Distributed, true)]
        public void Load_based_teaming_needs_a_distributed_switch_on_ESX_41(string version, VirtualSwitchType type, bool allowed)
        {
            var vs = new VNHost("esx01", Hypervisor.Esx, version).AddVirtualSwitch("vSwitch1", type);
            var change = new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceLoadBased };
            if (allowed)
            {
                TeamingPolicyChange.Apply(vs, null, change);
                Assert.Equal(LoadBalancingPolicy.LoadBalanceLoadBased, vs.TeamingPolicy.LoadBalancingPolicy);
            }
            else
            {
                Assert.Equal(ErrorIds.UnsupportedOnSwitch, Assert.Throws<VirtNetException>(() => TeamingPolicyChange.Apply(vs, null, change)).ErrorId);
                Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, vs.TeamingPolicy.LoadBalancingPolicy);
            }
        }
    }
}
