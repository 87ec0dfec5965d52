using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>
    /// A migrated VM keeps its MAC address; Hyper-V gives it a new dynamic one at power-on only when the address is
    /// outside the host's range (KB 2804678).
    /// </summary>
    public sealed class VirtualMachineMoveTests
    {
        static VNHost HyperV(string name, string ip)
        {
            var host = new VNHost(name, Hypervisor.HyperV, "2019") { IPAddress = IPv4Address.Parse(ip) };
            host.AddVirtualSwitch("External", VirtualSwitchType.HyperV, nic: new[] { "NIC1" }).AddPortGroup("LAN");
            return host;
        }

        static VNVirtualMachine AddVM(VNHost host, string name, MacAddress? mac = null) =>
            host.AddVirtualMachine(name, new[] { new VNVirtualMachine.AdapterSpec(host.GetPortGroup("LAN"), mac) });

        static string MacOf(VNVirtualMachine vm) => vm.NetworkAdapters[0].MacAddress.Value.ToHyphenString();

        [Fact]
        public void A_moved_VM_keeps_its_MAC_and_connects_to_the_port_group_of_the_same_name()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.1.134");
            AddVM(hv02, "resident");
            var vm = AddVM(hv01, "app01");

            vm.Move(hv02);

            Assert.Same(hv02, vm.Host);
            Assert.Equal(new[] { "resident", "app01" }, hv02.VirtualMachines.Select(v => v.Name));
            Assert.Empty(hv01.VirtualMachines);
            Assert.Equal("00-15-5D-01-85-00", MacOf(vm));
            Assert.Same(hv02.GetPortGroup("LAN"), vm.NetworkAdapters[0].PortGroup);
            Assert.Equal(1, vm.NetworkAdapters[0].PortId);
            Assert.Empty(hv01.GetPortGroup("LAN").Ports);
            Assert.Equal("hv02/app01", vm.Path);
        }

        [Fact]
        public void A_restart_gives_a_dynamic_address_from_outside_the_range_a_new_one_from_the_pool()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.20.1");
            AddVM(hv02, "resident");
            var vm = AddVM(hv01, "app01");
            vm.Move(hv02);

            var changed = vm.Restart();

            Assert.Equal(new[] { vm.NetworkAdapters[0] }, changed);
            Assert.Equal("00-15-5D-14-01-01", MacOf(vm));
            Assert.True(vm.NetworkAdapters[0].DynamicMacAddressEnabled);
        }

        [Fact]
        public void A_restart_keeps_a_dynamic_address_inside_the_range_even_when_another_host_gave_it()
        {
            // Same last two octets: both hosts derive 00-15-5D-01-85-xx, so the moved address is "inside" and stays.
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "10.10.1.133");
            var vm = AddVM(hv01, "app01");
            vm.Move(hv02);

            Assert.Empty(vm.Restart());
            Assert.Equal("00-15-5D-01-85-00", MacOf(vm));
        }

        [Fact]
        public void A_restart_never_changes_a_static_address()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.20.1");
            var vm = AddVM(hv01, "app01", MacAddress.Parse("00-15-5D-01-85-40"));
            vm.Move(hv02);

            Assert.Empty(vm.Restart());
            Assert.Equal("00-15-5D-01-85-40", MacOf(vm));
        }

        [Fact]
        public void The_source_host_hands_a_migrated_address_out_again_after_wrapping_round()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.20.1");
            hv01.SetMacAddressRange(MacAddress.Parse("00-15-5D-01-85-00"), MacAddress.Parse("00-15-5D-01-85-01"));
            var migrated = AddVM(hv01, "app01");
            AddVM(hv01, "app02");
            migrated.Move(hv02);

            var newcomer = AddVM(hv01, "app03");

            Assert.Equal(MacOf(migrated), MacOf(newcomer));
        }

        [Fact]
        public void A_move_that_cannot_reconnect_every_adapter_leaves_the_VM_where_it_was()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            hv01.GetVirtualSwitch("External").AddPortGroup("Storage");
            var hv02 = HyperV("hv02", "192.168.1.134");
            var vm = hv01.AddVirtualMachine("app01", new[]
            {
                new VNVirtualMachine.AdapterSpec(hv01.GetPortGroup("LAN")),
                new VNVirtualMachine.AdapterSpec(hv01.GetPortGroup("Storage")),
            });

            var e = Assert.Throws<VirtNetException>(() => vm.Move(hv02));

            Assert.Equal(ErrorIds.PortGroupNotFound, e.ErrorId);
            Assert.Contains("Storage", e.Message);
            Assert.Same(hv01, vm.Host);
            Assert.Equal(new[] { 0, 1 }, vm.NetworkAdapters.Select(a => a.PortId));
            Assert.Empty(hv02.VirtualMachines);
        }

        [Fact]
        public void A_move_to_the_same_host_another_hypervisor_or_onto_a_name_in_use_is_refused()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.1.134");
            var esx = new VNHost("esx01", Hypervisor.Esx);
            var vm = AddVM(hv01, "app01");
            AddVM(hv02, "APP01");

            Assert.Equal(ErrorIds.InvalidMove, Assert.Throws<VirtNetException>(() => vm.Move(hv01)).ErrorId);
            Assert.Equal(ErrorIds.UnsupportedOnHost, Assert.Throws<VirtNetException>(() => vm.Move(esx)).ErrorId);
            Assert.Equal(ErrorIds.DuplicateName, Assert.Throws<VirtNetException>(() => vm.Move(hv02)).ErrorId);
            Assert.Same(hv01, vm.Host);
        }

        [Fact]
        public void A_removed_VM_cannot_move_or_restart()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var vm = AddVM(hv01, "app01");
            hv01.RemoveVirtualMachine(vm);

            Assert.Equal(ErrorIds.VirtualMachineNotFound, Assert.Throws<VirtNetException>(() => vm.Move(HyperV("hv02", "192.168.1.134"))).ErrorId);
            Assert.Equal(ErrorIds.VirtualMachineNotFound, Assert.Throws<VirtNetException>(() => vm.Restart()).ErrorId);
        }

        [Fact]
        public void ESX_keeps_every_address_across_a_vMotion_and_a_restart()
        {
            var esx01 = new VNHost("esx01", Hypervisor.Esx);
            var esx02 = new VNHost("esx02", Hypervisor.Esx);
            foreach (var h in new[] { esx01, esx02 }) h.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network");
            var vm = esx01.AddVirtualMachine("web01", new[] { new VNVirtualMachine.AdapterSpec(esx01.GetPortGroup("VM Network")) });
            var mac = vm.NetworkAdapters[0].MacAddress;

            vm.Move(esx02);

            Assert.Empty(vm.Restart());
            Assert.Equal(mac, vm.NetworkAdapters[0].MacAddress);
        }
    }
}
