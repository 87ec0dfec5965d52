using System;
using System.Linq;
using VirtNet.Net;
using VirtNet.Teaming;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    /// <summary>Known answers for ESX (KB 2006129) and Cisco (EtherChannel load balancing).</summary>
    public class TeamingVectorTests
    {
        [Theory]
        // KB 2006129: VMknic 10.0.0.10 to NFS1 .20 and NFS2 .22 both land on the first uplink; .21 fixes it.
        [InlineData("10.0.0.10", "10.0.0.20", 2, 0)]
        [InlineData("10.0.0.10", "10.0.0.22", 2, 0)]
        [InlineData("10.0.0.10", "10.0.0.21", 2, 1)]
        // KB 1007371 (Denneman): 0xF4 % 2 = 0, 0x97 % 2 = 1.
        [InlineData("164.18.1.84", "164.18.1.160", 2, 0)]
        [InlineData("164.18.1.84", "164.18.1.195", 2, 1)]
        // 2012 NFS article, four uplinks: 0x1D, 0xE7, 0xE9, 0xF3.
        [InlineData("192.168.100.101", "192.168.100.120", 4, 1)]
        [InlineData("192.168.100.101", "192.168.100.130", 4, 3)]
        [InlineData("192.168.100.101", "192.168.100.140", 4, 1)]
        [InlineData("192.168.100.101", "192.168.100.150", 4, 3)]
        public void IP_hash_matches_the_published_vectors_in_both_variants(string source, string destination, int uplinks, int expected)
        {
            var s = IPv4Address.Parse(source);
            var d = IPv4Address.Parse(destination);
            Assert.Equal(expected, IpHash.SelectIndex(s, d, uplinks, IpHashVariant.FullAddress));
            Assert.Equal(expected, IpHash.SelectIndex(s, d, uplinks, IpHashVariant.LastOctet));
        }

        [Fact]
        public void IP_hash_variants_differ_for_three_uplinks_when_upper_octets_differ()
        {
            // 0x0A00000A XOR 0x0A00010A = 0x100: 256 mod 3 = 1 on full addresses; the last octets XOR to 0.
            var s = IPv4Address.Parse("10.0.0.10");
            var d = IPv4Address.Parse("10.0.1.10");
            Assert.Equal(1, IpHash.SelectIndex(s, d, 3, IpHashVariant.FullAddress));
            Assert.Equal(0, IpHash.SelectIndex(s, d, 3, IpHashVariant.LastOctet));
        }

        [Fact]
        public void IP_hash_variants_agree_for_two_four_and_eight_uplinks()
        {
            var random = new Random(2006129);
            for (int i = 0; i < 10000; i++)
            {
                var s = new IPv4Address((uint)random.Next() ^ ((uint)random.Next() << 1));
                var d = new IPv4Address((uint)random.Next() ^ ((uint)random.Next() << 1));
                foreach (var n in new[] { 2, 4, 8 })
                    Assert.Equal(IpHash.SelectIndex(s, d, n, IpHashVariant.FullAddress), IpHash.SelectIndex(s, d, n, IpHashVariant.LastOctet));
            }
        }

        [Theory]
        [InlineData(2, new[] { 4, 4 })]
        [InlineData(3, new[] { 3, 3, 2 })]
        [InlineData(4, new[] { 2, 2, 2, 2 })]
        [InlineData(5, new[] { 2, 2, 2, 1, 1 })]
        [InlineData(6, new[] { 2, 2, 1, 1, 1, 1 })]
        [InlineData(7, new[] { 2, 1, 1, 1, 1, 1, 1 })]
        [InlineData(8, new[] { 1, 1, 1, 1, 1, 1, 1, 1 })]
        public void Cisco_port_channel_splits_eight_buckets_as_documented(int members, int[] split)
        {
            var buckets = new int[members];
            for (int b = 0; b < EtherChannelHash.Buckets; b++) buckets[EtherChannelHash.Member(b, members)]++;
            Assert.Equal(split, buckets);
        }

        [Fact]
        public void Cisco_src_dst_ip_bucket_is_the_low_three_bits_of_the_XOR()
        {
            uint a = IPv4Address.Parse("10.0.0.10").Value, b = IPv4Address.Parse("10.0.0.21").Value;
            // 0x0A ^ 0x15 = 0x1F: bucket 7.
            Assert.Equal(7, EtherChannelHash.Bucket(EtherChannelLoadBalance.SrcDstIp, a, b, 0, 0));
            Assert.Equal(2, EtherChannelHash.Bucket(EtherChannelLoadBalance.SrcIp, a, b, 0, 0));
            Assert.Equal(5, EtherChannelHash.Bucket(EtherChannelLoadBalance.DstIp, a, b, 0, 0));
            Assert.Equal(4, EtherChannelHash.Bucket(EtherChannelLoadBalance.DstMac, a, b, 0x0011, 0x005056000004UL));
        }

        [Fact]
        public void The_branch_free_inbound_key_gives_the_same_bucket_for_every_method()
        {
            var random = new Random(3750);
            foreach (EtherChannelLoadBalance method in Enum.GetValues(typeof(EtherChannelLoadBalance)))
                for (int i = 0; i < 1000; i++)
                {
                    uint remote = (uint)random.Next() ^ ((uint)random.Next() << 1), local = (uint)random.Next();
                    ulong mac = (ulong)random.Next() << 16 ^ (ulong)random.Next();
                    var (mask, constant) = EtherChannelHash.InboundKey(method, local, mac);
                    Assert.Equal(EtherChannelHash.Bucket(method, remote, local, remote, mac), (int)(((remote & mask) ^ constant) & 7));
                }
        }

        [Fact]
        public void Source_MAC_hash_uses_the_whole_48_bit_address()
        {
            // 00:00:00:00:01:00 is 256: 256 mod 3 = 1, while its last byte (0) mod 3 would be 0.
            Assert.Equal(1, SourceMacHash.SelectIndex(MacAddress.Parse("00:00:00:00:01:00").Value, 3));
            // 0x000C29A1B2C3 = 52,238,070,467: mod 3 = 2 and mod 5 = 2; its last byte 0xC3 = 195 gives 0 for both.
            Assert.Equal(2, SourceMacHash.SelectIndex(MacAddress.Parse("00:0c:29:a1:b2:c3").Value, 3));
            Assert.Equal(2, SourceMacHash.SelectIndex(MacAddress.Parse("00:0c:29:a1:b2:c3").Value, 5));
        }

        [Fact]
        public void Source_MAC_hash_equals_last_byte_mod_n_for_two_four_and_eight_uplinks()
        {
            var random = new Random(48);
            for (int i = 0; i < 10000; i++)
            {
                ulong mac = ((ulong)random.Next() << 24 ^ (ulong)random.Next()) & MacAddress.MaxValue;
                foreach (var n in new[] { 2, 4, 8 })
                    Assert.Equal((int)((mac & 0xFF) % (ulong)n), SourceMacHash.SelectIndex(mac, n));
            }
        }

        [Fact]
        public void Fast_modulus_equals_the_remainder_for_every_divisor_a_team_can_have()
        {
            var random = new Random(2019);
            var samples = new uint[] { 0, 1, 2, 3, 255, 256, 65535, 65536, uint.MaxValue - 1, uint.MaxValue }
                .Concat(Enumerable.Range(0, 20000).Select(_ => (uint)random.Next() ^ ((uint)random.Next() << 1))).ToArray();
            for (int n = 1; n <= 64; n++)
            {
                var modulus = new FastModulus(n);
                foreach (var x in samples) Assert.Equal(x % (uint)n, modulus.Of(x));
            }
        }
    }
}
