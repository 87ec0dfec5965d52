using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>Hyper-V dynamic MAC address pools: KB 2804678's behaviour.</summary>
    public sealed class MacAddressPoolTests
    {
        static MacAddress Mac(string text) => MacAddress.Parse(text);

        static VNHost HyperV(string name, string ip)
        {
            var host = new VNHost(name, Hypervisor.HyperV, "2019") { IPAddress = ip == null ? (IPv4Address?)null : IPv4Address.Parse(ip) };
            host.AddVirtualSwitch("External", VirtualSwitchType.HyperV, nic: new[] { "NIC1" }).AddPortGroup("LAN");
            return host;
        }

        static VNVirtualMachine AddVM(VNHost host, string name, int adapters = 1) =>
            host.AddVirtualMachine(name, Enumerable.Range(0, adapters).Select(_ => new VNVirtualMachine.AdapterSpec(host.GetPortGroup("LAN"))).ToList());

        static string MacOf(VNVirtualMachine vm, int adapter = 0) => vm.NetworkAdapters[adapter].MacAddress.Value.ToHyphenString();

        [Theory]
        [InlineData("192.168.1.133", "00-15-5D-01-85-00", "00-15-5D-01-85-FF")]
        [InlineData("192.168.20.1", "00-15-5D-14-01-00", "00-15-5D-14-01-FF")]
        [InlineData("10.0.255.254", "00-15-5D-FF-FE-00", "00-15-5D-FF-FE-FF")]
        public void The_pool_is_00_15_5D_then_the_last_two_octets_of_the_first_IP_then_00_to_FF(string ip, string minimum, string maximum)
        {
            var pool = HyperV("hv01", ip).GetMacAddressPool();

            Assert.Equal(minimum, pool.MacAddressMinimum.ToHyphenString());
            Assert.Equal(maximum, pool.MacAddressMaximum.ToHyphenString());
            Assert.Equal(MacAddressPoolSource.Derived, pool.Source);
            Assert.Equal(256, pool.Size);
            Assert.Equal(0, pool.InUse);
            Assert.Equal(256, pool.Free);
        }

        [Fact]
        public void Dynamic_addresses_are_handed_out_upward_from_00_in_adapter_order()
        {
            var host = HyperV("hv01", "192.168.1.133");

            var first = AddVM(host, "vm1", adapters: 2);
            var second = AddVM(host, "vm2");

            Assert.Equal("00-15-5D-01-85-00", MacOf(first, 0));
            Assert.Equal("00-15-5D-01-85-01", MacOf(first, 1));
            Assert.Equal("00-15-5D-01-85-02", MacOf(second));
            Assert.True(first.NetworkAdapters[0].DynamicMacAddressEnabled);
            var pool = host.GetMacAddressPool();
            Assert.Equal(3, pool.InUse);
            Assert.Equal("00-15-5D-01-85-03", pool.NextMacAddress.ToHyphenString());
        }

        [Fact]
        public void Static_addresses_are_kept_and_skipped_by_the_allocation()
        {
            var host = HyperV("hv01", "192.168.1.133");
            var pinned = host.AddVirtualMachine("pinned", new[] { new VNVirtualMachine.AdapterSpec(host.GetPortGroup("LAN"), Mac("00-15-5D-01-85-00")) });

            var next = AddVM(host, "vm1");

            Assert.False(pinned.NetworkAdapters[0].DynamicMacAddressEnabled);
            Assert.Equal("00-15-5D-01-85-01", MacOf(next));
        }

        [Fact]
        public void Allocation_continues_upward_past_a_freed_address_and_reaches_it_after_wrapping_round()
        {
            var host = HyperV("hv01", "192.168.1.133");
            host.SetMacAddressRange(Mac("00-15-5D-01-85-00"), Mac("00-15-5D-01-85-03"));
            AddVM(host, "vm1");
            AddVM(host, "vm2");
            AddVM(host, "vm3");
            host.RemoveVirtualMachine(host.GetVirtualMachine("vm1"));

            var fourth = AddVM(host, "vm4");
            var fifth = AddVM(host, "vm5");

            Assert.Equal("00-15-5D-01-85-03", MacOf(fourth));
            Assert.Equal("00-15-5D-01-85-00", MacOf(fifth));
        }

        [Fact]
        public void An_exhausted_pool_refuses_the_VM_and_leaves_nothing_behind()
        {
            var host = HyperV("hv01", "192.168.1.133");
            foreach (var i in Enumerable.Range(0, 256)) AddVM(host, "vm" + i);
            var lan = host.GetPortGroup("LAN");
            Assert.Equal("00-15-5D-01-85-FF", MacOf(host.GetVirtualMachine("vm255")));

            var e = Assert.Throws<VirtNetException>(() => AddVM(host, "vm256"));

            Assert.Equal(ErrorIds.MacAddressPoolExhausted, e.ErrorId);
            Assert.Contains("Attempt to access invalid address", e.Message);
            Assert.Equal(256, host.VirtualMachines.Count);
            Assert.Equal(256, lan.Ports.Count);
            Assert.Equal(0, host.GetMacAddressPool().Free);
            // A VM that brings its own address still fits.
            host.AddVirtualMachine("static", new[] { new VNVirtualMachine.AdapterSpec(lan, Mac("00-15-5D-AA-00-01")) });
        }

        [Fact]
        public void A_two_adapter_VM_that_finds_one_free_address_is_refused_whole()
        {
            var host = HyperV("hv01", "192.168.1.133");
            host.SetMacAddressRange(Mac("00-15-5D-01-85-00"), Mac("00-15-5D-01-85-01"));
            AddVM(host, "vm1");

            Assert.Equal(ErrorIds.MacAddressPoolExhausted, Assert.Throws<VirtNetException>(() => AddVM(host, "vm2", adapters: 2)).ErrorId);

            Assert.Equal("00-15-5D-01-85-01", MacOf(AddVM(host, "vm3")));
        }

        [Fact]
        public void The_pool_stays_with_the_first_address_when_the_host_gets_another()
        {
            var host = HyperV("hv01", "192.168.1.133");

            host.IPAddress = IPv4Address.Parse("10.0.7.7");

            Assert.Equal("00-15-5D-01-85-00", host.MacAddressMinimum.Value.ToHyphenString());
        }

        [Fact]
        public void A_host_without_an_address_gets_its_pool_from_the_first_one_it_is_given()
        {
            var host = HyperV("hv01", null);
            Assert.Null(host.MacAddressMinimum);
            var e = Assert.Throws<VirtNetException>(() => AddVM(host, "vm1"));
            Assert.Equal(ErrorIds.MacAddressPoolUndefined, e.ErrorId);
            Assert.Empty(host.VirtualMachines);

            host.IPAddress = IPv4Address.Parse("192.168.20.1");

            Assert.Equal("00-15-5D-14-01-00", MacOf(AddVM(host, "vm1")));
        }

        [Fact]
        public void An_explicit_range_replaces_the_derived_one_as_Set_VMHost_does()
        {
            var host = HyperV("hv01", "192.168.1.133");
            AddVM(host, "vm1");

            host.SetMacAddressRange(Mac("00155D017000"), Mac("00155D017099"));

            var pool = host.GetMacAddressPool();
            Assert.Equal(MacAddressPoolSource.Explicit, pool.Source);
            Assert.Equal(0x9A, pool.Size);
            Assert.Equal(0, pool.InUse);
            Assert.Equal("00-15-5D-01-85-00", MacOf(host.GetVirtualMachine("vm1")));
            Assert.Equal("00-15-5D-01-70-00", MacOf(AddVM(host, "vm2")));
            host.SetMacAddressRange(null, Mac("00155D0170FF"));
            Assert.Equal("00-15-5D-01-70-00", host.MacAddressMinimum.Value.ToHyphenString());
            Assert.Equal("00-15-5D-01-70-FF", host.MacAddressMaximum.Value.ToHyphenString());
        }

        [Theory]
        [InlineData("00-15-5D-01-85-FF", "00-15-5D-01-85-00")]
        [InlineData("01-15-5D-01-85-00", "01-15-5D-01-85-FF")]
        [InlineData("00-15-5D-01-85-00", "02-15-5D-01-85-FF")]
        public void A_range_upside_down_or_with_group_addresses_is_refused(string minimum, string maximum)
        {
            var host = HyperV("hv01", "192.168.1.133");

            var e = Assert.Throws<VirtNetException>(() => host.SetMacAddressRange(Mac(minimum), Mac(maximum)));

            Assert.Equal(ErrorIds.InvalidMacAddressPool, e.ErrorId);
            Assert.Equal(MacAddressPoolSource.Derived, host.GetMacAddressPool().Source);
        }

        [Fact]
        public void Half_a_range_needs_a_pool_to_complete_it()
        {
            var host = HyperV("hv01", null);
            Assert.Equal(ErrorIds.InvalidMacAddressPool,
                Assert.Throws<VirtNetException>(() => host.SetMacAddressRange(Mac("00-15-5D-00-00-00"), null)).ErrorId);
        }

        [Theory]
        [InlineData(Hypervisor.Esx)]
        [InlineData(Hypervisor.Linux)]
        public void Only_Hyper_V_hosts_have_a_pool(Hypervisor hypervisor)
        {
            var host = new VNHost("h", hypervisor) { IPAddress = IPv4Address.Parse("192.168.1.133") };

            Assert.Null(host.MacAddressMinimum);
            Assert.Equal(ErrorIds.UnsupportedOnHost, Assert.Throws<VirtNetException>(() => host.GetMacAddressPool()).ErrorId);
            Assert.Equal(ErrorIds.UnsupportedOnHost,
                Assert.Throws<VirtNetException>(() => host.SetMacAddressRange(Mac("00-15-5D-00-00-00"), Mac("00-15-5D-00-00-FF"))).ErrorId);
        }
    }
}
