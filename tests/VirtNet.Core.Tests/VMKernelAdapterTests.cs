using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests
{
    public class VMKernelAdapterTests
    {
        static VNPortGroup PortGroup(string version)
        {
            var host = new VNHost("esx01", Hypervisor.Esx, version);
            return host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("Management");
        }

        static string ErrorOf(System.Action action) => Assert.Throws<VirtNetException>(action).ErrorId;

        [Fact]
        public void CIDR_text_gives_the_address_and_its_prefix_length()
        {
            var ip = IPv4Address.ParseCidr("10.0.0.5/24", out var prefix);
            Assert.Equal("10.0.0.5", ip.ToString());
            Assert.Equal(24, prefix);
        }

        [Fact]
        public void A_plain_address_has_no_prefix_length()
        {
            IPv4Address.ParseCidr("10.0.0.5", out var prefix);
            Assert.Null(prefix);
        }

        [Theory]
        [InlineData("10.0.0.5/33")]
        [InlineData("10.0.0.5/")]
        [InlineData("10.0.0.5/+8")]
        [InlineData("10.0.0.5/ 8")]
        [InlineData("10.0.0.5/024")]
        public void A_bad_prefix_length_after_the_slash_is_InvalidSubnet(string text)
        {
            Assert.Equal(ErrorIds.InvalidSubnet, ErrorOf(() => IPv4Address.ParseCidr(text, out _)));
        }

        [Fact]
        public void A_bad_address_before_the_slash_is_InvalidIPAddress()
        {
            Assert.Equal(ErrorIds.InvalidIPAddress, ErrorOf(() => IPv4Address.ParseCidr("10.0.0.256/24", out _)));
        }

        [Fact]
        public void A_malformed_subnet_mask_is_InvalidSubnet()
        {
            Assert.Equal(ErrorIds.InvalidSubnet, ErrorOf(() => IPv4Address.PrefixFromMask("255.255.255.300")));
        }

        [Theory]
        [InlineData("10.0.0.5/24", null, null)]
        [InlineData("10.0.0.5", "255.255.255.0", null)]
        [InlineData("10.0.0.5", null, 24)]
        [InlineData("10.0.0.5/24", "255.255.255.0", 24)]
        public void The_subnet_comes_from_CIDR_mask_or_prefix_length(string address, string mask, int? prefix)
        {
            var parsed = VNVMKernelAdapter.ParseAddress(address, mask, prefix);
            Assert.Equal("10.0.0.5", parsed.Address.ToString());
            Assert.Equal(24, parsed.PrefixLength);
        }

        [Theory]
        [InlineData("10.0.0.5", null, null)]
        [InlineData("10.0.0.5/24", "255.255.0.0", null)]
        [InlineData("10.0.0.5", "255.255.255.0", 16)]
        public void No_subnet_or_disagreeing_subnets_are_InvalidSubnet(string address, string mask, int? prefix)
        {
            Assert.Equal(ErrorIds.InvalidSubnet, ErrorOf(() => VNVMKernelAdapter.ParseAddress(address, mask, prefix)));
        }

        [Theory]
        [InlineData("mgmt")]
        [InlineData("vmk")]
        [InlineData("vmk1a")]
        [InlineData("vmk1\n")]
        public void Only_vmkN_and_vswifN_are_adapter_names(string name)
        {
            var pg = PortGroup("4.0");
            Assert.Equal(ErrorIds.InvalidName, ErrorOf(() => VNVMKernelAdapter.Create(pg, name, IPv4Address.Parse("10.0.0.5"), 24)));
            Assert.Equal(56, pg.VirtualSwitch.NumPortsAvailable);
        }

        [Fact]
        public void A_Service_Console_interface_carries_nothing_else()
        {
            var pg = PortGroup("4.0");
            Assert.Equal(ErrorIds.InvalidAdapterPurpose, ErrorOf(() => VNVMKernelAdapter.Create(pg, "vswif0", IPv4Address.Parse("10.0.0.5"), 24,
                purpose: new[] { AdapterPurpose.ServiceConsole, AdapterPurpose.VMotion })));
        }

        [Fact]
        public void A_VMkernel_port_cannot_be_the_Service_Console()
        {
            var pg = PortGroup("4.0");
            Assert.Equal(ErrorIds.InvalidAdapterPurpose, ErrorOf(() => VNVMKernelAdapter.Create(pg, "vmk1", IPv4Address.Parse("10.0.0.5"), 24,
                purpose: new[] { AdapterPurpose.ServiceConsole })));
        }

        [Fact]
        public void ESXi_5_refuses_a_vswif_whatever_its_purpose()
        {
            var pg = PortGroup("5.0");
            Assert.Equal(ErrorIds.UnsupportedOnHost, ErrorOf(() => VNVMKernelAdapter.Create(pg, "vswif0", IPv4Address.Parse("10.0.0.5"), 24,
                purpose: new[] { AdapterPurpose.Management })));
        }

        [Fact]
        public void A_removed_port_group_takes_no_adapter()
        {
            var pg = PortGroup("4.0");
            pg.VirtualSwitch.RemovePortGroup(pg, force: false);
            Assert.Equal(ErrorIds.PortGroupNotFound, ErrorOf(() => VNVMKernelAdapter.Create(pg, "vmk1", IPv4Address.Parse("10.0.0.5"), 24)));
        }
    }
}
