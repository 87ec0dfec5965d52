using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>The collision cases of KB 2804678 and John Howard's 2008 post.</summary>
    public sealed class MacAddressConflictTests
    {
        static VNHost HyperV(string name, string ip)
        {
            var host = new VNHost(name, Hypervisor.HyperV, "2019") { IPAddress = IPv4Address.Parse(ip) };
            host.AddVirtualSwitch("External", VirtualSwitchType.HyperV, nic: new[] { "NIC1" }).AddPortGroup("LAN");
            return host;
        }

        static VNVirtualMachine AddVM(VNHost host, string name, string mac = null) =>
            host.AddVirtualMachine(name, new[] { new VNVirtualMachine.AdapterSpec(host.GetPortGroup("LAN"), mac == null ? (MacAddress?)null : MacAddress.Parse(mac)) });

        [Fact]
        public void Hosts_whose_addresses_share_the_last_two_octets_share_a_pool_and_their_first_VMs_an_address()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "10.20.1.133");
            var hv03 = HyperV("hv03", "192.168.20.1");
            var a = AddVM(hv01, "app01");
            var b = AddVM(hv02, "db01");

            var conflicts = VNMacAddressConflict.Find(new[] { hv01, hv02, hv03 });

            Assert.Equal(new[] { MacAddressConflictKind.SameIPOctets, MacAddressConflictKind.DuplicateMacAddress }, conflicts.Select(c => c.Kind));
            var pool = conflicts[0];
            Assert.Equal("00-15-5D-01-85-00 to 00-15-5D-01-85-FF", pool.MacAddress);
            Assert.Equal(new[] { hv01, hv02 }, pool.Hosts);
            Assert.Empty(pool.VirtualMachines);
            Assert.Contains("KB 2804678", pool.Message);
            Assert.Contains("Set-VNHost", pool.Recommendation);
            var duplicate = conflicts[1];
            Assert.Equal("00-15-5D-01-85-00", duplicate.MacAddress);
            Assert.Equal(new[] { a, b }, duplicate.VirtualMachines);
            Assert.Equal(new[] { hv01, hv02 }, duplicate.Hosts);
            Assert.Contains("restart alone keeps", duplicate.Recommendation);
        }

        [Fact]
        public void A_host_cloned_from_an_image_keeps_the_images_pool_whatever_its_new_address()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var clone = HyperV("hv02", "192.168.1.133");
            clone.IPAddress = IPv4Address.Parse("192.168.1.140");

            var conflict = Assert.Single(VNMacAddressConflict.Find(new[] { hv01, clone }));

            Assert.Equal(MacAddressConflictKind.ClonedPool, conflict.Kind);
            Assert.Equal(new[] { hv01, clone }, conflict.Hosts);
            Assert.Contains("Sysprep", conflict.Message);
        }

        [Fact]
        public void The_same_range_set_by_hand_on_two_hosts_is_a_shared_pool_too()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.1.134");
            var hv03 = HyperV("hv03", "192.168.1.135");
            foreach (var h in new[] { hv01, hv02, hv03 }) h.SetMacAddressRange(MacAddress.Parse("00155D017000"), MacAddress.Parse("00155D0170FF"));

            var conflict = Assert.Single(VNMacAddressConflict.Find(new[] { hv01, hv02, hv03 }));

            Assert.Equal(MacAddressConflictKind.ClonedPool, conflict.Kind);
            Assert.Equal(3, conflict.Hosts.Length);
        }

        [Fact]
        public void Ranges_that_share_part_of_their_addresses_overlap_by_exactly_that_part()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.1.134");
            hv02.SetMacAddressRange(MacAddress.Parse("00155D018580"), MacAddress.Parse("00155D01867F"));

            var conflict = Assert.Single(VNMacAddressConflict.Find(new[] { hv01, hv02 }));

            Assert.Equal(MacAddressConflictKind.OverlappingPool, conflict.Kind);
            Assert.Equal("00-15-5D-01-85-80 to 00-15-5D-01-85-FF", conflict.MacAddress);
        }

        [Fact]
        public void A_migrated_VM_holds_an_address_its_old_host_will_hand_out_again_and_then_does()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.20.1");
            hv01.SetMacAddressRange(MacAddress.Parse("00-15-5D-01-85-00"), MacAddress.Parse("00-15-5D-01-85-01"));
            var migrated = AddVM(hv01, "app01");
            AddVM(hv01, "app02");
            migrated.Move(hv02);

            var latent = Assert.Single(VNMacAddressConflict.Find(new[] { hv01, hv02 }));
            Assert.Equal(MacAddressConflictKind.ForeignDynamicMacAddress, latent.Kind);
            Assert.Equal("00-15-5D-01-85-00", latent.MacAddress);
            Assert.Equal(new[] { migrated }, latent.VirtualMachines);
            Assert.Equal(new[] { hv02, hv01 }, latent.Hosts);

            var newcomer = AddVM(hv01, "app03");
            var duplicate = Assert.Single(VNMacAddressConflict.Find(new[] { hv01, hv02 }));
            Assert.Equal(MacAddressConflictKind.DuplicateMacAddress, duplicate.Kind);
            Assert.Equal(new[] { newcomer, migrated }, duplicate.VirtualMachines);
            Assert.Contains("Restart-VNVirtualMachine", duplicate.Recommendation);
            Assert.Contains("app01", duplicate.Recommendation);

            migrated.Restart();
            Assert.Empty(VNMacAddressConflict.Find(new[] { hv01, hv02 }));
        }

        [Fact]
        public void A_static_address_given_twice_is_a_duplicate_on_any_hypervisor()
        {
            var esx = new VNHost("esx01", Hypervisor.Esx);
            esx.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("LAN");
            AddVM(esx, "web01", "00:50:56:00:00:01");
            AddVM(esx, "web02", "00:50:56:00:00:01");

            var conflict = Assert.Single(VNMacAddressConflict.Find(new[] { esx, esx }));

            Assert.Equal(MacAddressConflictKind.DuplicateMacAddress, conflict.Kind);
            Assert.Equal(new[] { esx }, conflict.Hosts);
            Assert.Equal("Give all but one of these adapters another static MAC address.", conflict.Recommendation);
        }

        [Fact]
        public void Hosts_with_distinct_pools_and_addresses_have_no_conflict()
        {
            var hv01 = HyperV("hv01", "192.168.1.133");
            var hv02 = HyperV("hv02", "192.168.1.134");
            AddVM(hv01, "a");
            AddVM(hv02, "b");

            Assert.Empty(VNMacAddressConflict.Find(new[] { hv01, hv02 }));
        }
    }
}
