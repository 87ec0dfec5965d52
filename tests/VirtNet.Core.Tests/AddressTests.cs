using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests
{
    public class AddressTests
    {
        [Theory]
        [InlineData("192.168.1.133", 0xC0A80185u)]
        [InlineData("0.0.0.0", 0u)]
        [InlineData("255.255.255.255", 0xFFFFFFFFu)]
        public void IPv4_parses_dotted_quads_to_their_network_order_value(string text, uint value)
        {
            var ip = IPv4Address.Parse(text);
            Assert.Equal(value, ip.Value);
            Assert.Equal(text, ip.ToString());
        }

        [Theory]
        [InlineData("256.1.1.1")]
        [InlineData("1.2.3")]
        [InlineData("1.2.3.4.5")]
        [InlineData("1..3.4")]
        [InlineData(" 1.2.3.4")]
        [InlineData("1.2.3.0004")]
        [InlineData("")]
        public void IPv4_rejects_malformed_text_with_InvalidIPAddress(string text)
        {
            var e = Assert.Throws<VirtNetException>(() => IPv4Address.Parse(text));
            Assert.Equal(ErrorIds.InvalidIPAddress, e.ErrorId);
        }

        [Theory]
        [InlineData("00:50:56:aa:bb:cc")]
        [InlineData("00-50-56-AA-BB-CC")]
        [InlineData("0050.56aa.bbcc")]
        [InlineData("005056AABBCC")]
        public void MAC_accepts_the_vendor_notations(string text)
        {
            Assert.Equal(0x005056AABBCCUL, MacAddress.Parse(text).Value);
            Assert.Equal("00:50:56:aa:bb:cc", MacAddress.Parse(text).ToString());
        }

        [Theory]
        [InlineData("00:50:56:aa:bb")]
        [InlineData("00:50-56:aa:bb:cc")]
        [InlineData("00:50:56:aa:bb:gg")]
        [InlineData("hello")]
        public void MAC_rejects_malformed_text_with_InvalidMacAddress(string text)
        {
            var e = Assert.Throws<VirtNetException>(() => MacAddress.Parse(text));
            Assert.Equal(ErrorIds.InvalidMacAddress, e.ErrorId);
        }

        [Theory]
        [InlineData("255.255.255.0", 24)]
        [InlineData("255.255.252.0", 22)]
        [InlineData("0.0.0.0", 0)]
        public void Subnet_masks_convert_to_prefix_lengths(string mask, int prefix)
        {
            Assert.Equal(prefix, IPv4Address.PrefixFromMask(mask));
            Assert.Equal(mask, IPv4Address.MaskFromPrefix(prefix).ToString());
        }

        [Fact]
        public void A_non_contiguous_mask_is_rejected()
        {
            Assert.Equal(ErrorIds.InvalidSubnet, Assert.Throws<VirtNetException>(() => IPv4Address.PrefixFromMask("255.0.255.0")).ErrorId);
        }

        [Theory]
        [InlineData("GigabitEthernet1/0/1", "Gi1/0/1")]
        [InlineData("Gi1/0/1", "Gi1/0/1")]
        [InlineData("gig1/0/1", "Gi1/0/1")]
        [InlineData("TenGigabitEthernet1/0/11", "Te1/0/11")]
        [InlineData("Te1/0/11", "Te1/0/11")]
        [InlineData("Port-channel1", "Po1")]
        [InlineData("FastEthernet0/1", "Fa0/1")]
        public void Switch_port_names_match_in_long_or_short_form(string name, string shortName)
        {
            Assert.Equal(shortName, SwitchPortName.Normalize(name));
        }

        [Fact]
        public void Stack_member_is_the_first_number_of_a_three_part_port_name()
        {
            Assert.Equal(2, SwitchPortName.StackMember("Gi2/0/1"));
            Assert.Equal(1, SwitchPortName.StackMember("Gi0/1"));
        }
    }
}
