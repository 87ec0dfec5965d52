using VirtNet.Net;
using VirtNet.Teaming;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>Known answers of the kernel's bond_xmit_hash (drivers/net/bonding/bond_main.c).</summary>
    public sealed class BondHashTests
    {
        static uint IP(string text) => IPv4Address.Parse(text).Value;

        [Fact]
        public void Addresses_are_read_as_a_little_endian_u32_of_their_network_bytes()
        {
            Assert.Equal(0x1e7aa8c0u, BondHash.NativeU32(IP("192.168.122.30")));
            Assert.Equal(0x017aa8c0u, BondHash.NativeU32(IP("192.168.122.1")));
        }

        [Fact]
        public void Ports_are_copied_into_a_u32_with_the_source_port_at_the_lower_address()
        {
            // 40000 = 0x9c40 and 80 = 0x0050 in network order: bytes 9c 40 00 50, read little-endian.
            Assert.Equal(0x5000409cu, BondHash.PortWord(40000, 80));
        }

        [Theory]
        [InlineData(0xa0, 522131284u, 0)]
        [InlineData(0xa1, 522131285u, 1)]
        public void Layer2Plus3_splits_two_destination_MACs_over_two_slaves(byte destinationMacLastOctet, uint expectedHash, int expectedSlave)
        {
            // Vector 8: src MAC ..:e3, 192.168.122.30 -> 192.168.122.1. With the current kernel's 0x0800 for IPv4:
            // (0xe3 ^ 0xa0 ^ 0x0800) ^ 0x1f000000 = 0x1f000843, folded by >>16 then >>8 to 0x1f1f1754.
            uint hash = BondHash.Layer2Plus3(0xe3, destinationMacLastOctet, IP("192.168.122.30"), IP("192.168.122.1"));

            Assert.Equal(expectedHash, hash);
            Assert.Equal(expectedSlave, BondHash.SlaveIndex(hash, 2));
        }

        [Fact]
        public void Layer2Plus3_keeps_the_lowest_bit_that_only_layer3Plus4_discards()
        {
            // Before the 2022 fix layer2+3 also shifted, and both destinations of vector 8 hashed to 261066666.
            uint a = BondHash.Layer2Plus3(0xe3, 0xa0, IP("192.168.122.30"), IP("192.168.122.1"));
            uint b = BondHash.Layer2Plus3(0xe3, 0xa1, IP("192.168.122.30"), IP("192.168.122.1"));

            Assert.NotEqual(a % 2, b % 2);
        }

        [Theory]
        [InlineData(2, 1)]
        [InlineData(3, 0)]
        public void Layer3Plus4_places_one_connection_by_ports_and_addresses(int slaves, int expectedSlave)
        {
            // Vector 10: 10.0.0.1:40000 -> 10.0.0.2:80; 0x5000409c ^ 0x03000000, folded, >>1 = 698976711.
            uint hash = BondHash.Layer3Plus4(IP("10.0.0.1"), IP("10.0.0.2"), 40000, 80);

            Assert.Equal(698976711u, hash);
            Assert.Equal(expectedSlave, BondHash.SlaveIndex(hash, slaves));
        }

        [Fact]
        public void Layer2_xors_the_last_MAC_octets_with_the_IPv4_ethertype()
        {
            // Vector 9: 0x01 ^ 0x0a ^ 0x0800 = 0x80b = 2059, and 2059 mod 3 = 1.
            uint hash = BondHash.Layer2(0x01, 0x0a, BondHash.EtherTypeIPv4);

            Assert.Equal(0x80bu, hash);
            Assert.Equal(1, BondHash.SlaveIndex(hash, 3));
        }

        [Fact]
        public void Layer2_ignores_addresses_and_ports()
        {
            uint one = BondHash.Hash(XmitHashPolicy.Layer2, 0x01, 0x0a, IP("10.0.0.1"), IP("10.0.0.2"), 1000, 80);
            uint other = BondHash.Hash(XmitHashPolicy.Layer2, 0x01, 0x0a, IP("10.9.9.9"), IP("10.8.8.8"), 2000, 443);

            Assert.Equal(0x80bu, one);
            Assert.Equal(one, other);
        }

        [Fact]
        public void Layer2Plus3_ignores_ports_and_layer3Plus4_ignores_MACs()
        {
            Assert.Equal(522131284u, BondHash.Hash(XmitHashPolicy.Layer2Plus3, 0xe3, 0xa0, IP("192.168.122.30"), IP("192.168.122.1"), 5555, 22));
            Assert.Equal(698976711u, BondHash.Hash(XmitHashPolicy.Layer3Plus4, 0x11, 0x22, IP("10.0.0.1"), IP("10.0.0.2"), 40000, 80));
        }

        [Fact]
        public void Encap_policies_hash_untunnelled_frames_like_their_layer_policies()
        {
            Assert.Equal(522131284u, BondHash.Hash(XmitHashPolicy.Encap2Plus3, 0xe3, 0xa0, IP("192.168.122.30"), IP("192.168.122.1"), 0, 0));
            Assert.Equal(698976711u, BondHash.Hash(XmitHashPolicy.Encap3Plus4, 0, 0, IP("10.0.0.1"), IP("10.0.0.2"), 40000, 80));
        }
    }
}
