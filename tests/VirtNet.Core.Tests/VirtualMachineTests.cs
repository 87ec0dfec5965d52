using System.Linq;
using VirtNet.Net;
using Xunit;
using Spec = VirtNet.VNVirtualMachine.AdapterSpec;

namespace VirtNet.Tests
{
    public class VirtualMachineTests
    {
        static VNHost Host(string name = "esx01") => new VNHost(name, Hypervisor.Esx, "3.5");

        static string ErrorOf(System.Action action) => Assert.Throws<VirtNetException>(action).ErrorId;

        [Fact]
        public void Addresses_align_with_port_groups_and_missing_ones_stay_empty()
        {
            var host = Host();
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var a = vswitch.AddPortGroup("A");
            var b = vswitch.AddPortGroup("B");
            var specs = Spec.ForPortGroups(new[] { a, b }, new MacAddress?[] { MacAddress.Parse("00:50:56:00:00:01") }, new IPv4Address?[0]);
            Assert.Equal(new[] { a, b }, specs.Select(s => s.PortGroup));
            Assert.Equal("00:50:56:00:00:01", specs[0].MacAddress.ToString());
            Assert.Null(specs[1].MacAddress);
            Assert.All(specs, s => Assert.Null(s.IPAddress));
        }

        [Fact]
        public void More_addresses_than_port_groups_is_ParameterCountMismatch()
        {
            var pg = Host().AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("A");
            Assert.Equal(ErrorIds.ParameterCountMismatch, ErrorOf(() => Spec.ForPortGroups(new[] { pg }, new MacAddress?[0],
                new IPv4Address?[] { IPv4Address.Parse("10.0.0.1"), IPv4Address.Parse("10.0.0.2") })));
        }

        [Fact]
        public void A_port_group_of_another_host_is_refused_and_nothing_is_created()
        {
            var host = Host();
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network");
            var foreign = Host("esx02").AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network");
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualMachine("vm1", new[] { new Spec(foreign) }));
            Assert.Equal(ErrorIds.PortGroupNotFound, e.ErrorId);
            Assert.Contains("esx02", e.Message);
            Assert.Empty(host.VirtualMachines);
            Assert.Equal(56, foreign.VirtualSwitch.NumPortsAvailable);
        }

        [Fact]
        public void A_VM_that_does_not_fit_on_its_vSwitch_is_not_created_and_takes_no_port_or_port_id()
        {
            var host = Host();
            var pg = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, numPorts: 8).AddPortGroup("VM Network");
            for (int i = 0; i < 7; i++) host.AddVirtualMachine("vm" + i, new[] { new Spec(pg) });
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualMachine("big", new[] { new Spec(pg), new Spec(pg) }));
            Assert.Equal(ErrorIds.VirtualSwitchFull, e.ErrorId);
            Assert.Contains("has 1 of its 8 usable ports free and 2 are needed", e.Message);
            Assert.DoesNotContain(host.VirtualMachines, v => v.Name == "big");
            Assert.Equal(1, pg.VirtualSwitch.NumPortsAvailable);
            Assert.Equal(7, pg.VirtualSwitch.NextPortId);
        }

        [Fact]
        public void A_generated_MAC_avoids_the_given_MAC_of_a_later_adapter()
        {
            // The same path ("esx01/vm1/Network adapter 1") in another model generates the same MAC, so it can be
            // given to the second adapter here.
            var probe = Host();
            var probePg = probe.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network");
            var generated = probe.AddVirtualMachine("vm1", new[] { new Spec(probePg) }).NetworkAdapters[0].MacAddress.Value;

            var host = Host();
            var pg = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network");
            var vm = host.AddVirtualMachine("vm1", new[] { new Spec(pg), new Spec(pg, generated) });
            Assert.Equal(generated, vm.NetworkAdapters[1].MacAddress.Value);
            Assert.Equal(generated.Value + 1, vm.NetworkAdapters[0].MacAddress.Value.Value);
        }

        [Fact]
        public void Removing_a_VM_frees_its_ports_and_detaches_it_from_the_host()
        {
            var host = Host();
            var pg = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network");
            var vm = host.AddVirtualMachine("vm1", new[] { new Spec(pg), new Spec(pg) });
            host.RemoveVirtualMachine(vm);
            Assert.Null(vm.Host);
            Assert.Empty(host.VirtualMachines);
            Assert.Equal(56, pg.VirtualSwitch.NumPortsAvailable);
            Assert.All(vm.NetworkAdapters, a => Assert.False(a.Connected));
        }
    }
}
