using VirtNet.Net;
using VirtNet.Teaming;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>The model variant for the unpublished Windows team hashes, with hand-computed answers.</summary>
    public sealed class HyperVTeamHashTests
    {
        static uint IP(string text) => IPv4Address.Parse(text).Value;
        static ulong Mac(string text) => MacAddress.Parse(text).Value;

        static int Member(LoadBalancingAlgorithm algorithm, int members, int portId = 0, bool hasPorts = true) =>
            HyperVTeamHash.MemberIndex(algorithm, members, portId, Mac("00-15-5D-01-85-00"), Mac("00-15-5D-01-85-03"),
                IP("10.0.0.1"), IP("10.0.0.2"), hasPorts, 40000, 80);

        [Fact]
        public void HyperVPort_puts_switch_port_k_on_member_k_mod_n()
        {
            Assert.Equal(1, Member(LoadBalancingAlgorithm.HyperVPort, 4, portId: 5));
            Assert.Equal(0, Member(LoadBalancingAlgorithm.HyperVPort, 2, portId: 6));
        }

        [Fact]
        public void MacAddresses_hashes_the_two_MACs_and_nothing_else()
        {
            // 0x...00 ^ 0x...03 = 3: member 1 of 2, member 0 of 3.
            Assert.Equal(1, Member(LoadBalancingAlgorithm.MacAddresses, 2));
            Assert.Equal(0, Member(LoadBalancingAlgorithm.MacAddresses, 3));
        }

        [Fact]
        public void IPAddresses_hashes_the_two_addresses_as_VMware_IP_hash_does()
        {
            // 10.0.0.10 -> 10.0.0.21: 0x1f, odd; -> 10.0.0.20: 0x1e, even (KB 2006129's pairs).
            Assert.Equal(1, HyperVTeamHash.MemberIndex(LoadBalancingAlgorithm.IPAddresses, 2, 0, 0, 0, IP("10.0.0.10"), IP("10.0.0.21"), true, 1, 2));
            Assert.Equal(0, HyperVTeamHash.MemberIndex(LoadBalancingAlgorithm.IPAddresses, 2, 0, 0, 0, IP("10.0.0.10"), IP("10.0.0.20"), true, 1, 2));
        }

        [Theory]
        [InlineData(LoadBalancingAlgorithm.TransportPorts)]
        [InlineData(LoadBalancingAlgorithm.Dynamic)]
        public void TransportPorts_and_Dynamic_hash_addresses_and_ports(LoadBalancingAlgorithm algorithm)
        {
            // 0x00000003 ^ (40000 << 16 | 80) = 0x9c400053 = 2621440083: odd, and a multiple of 3.
            Assert.Equal(0x9c400053u, HyperVTeamHash.TransportPortsKey(IP("10.0.0.1"), IP("10.0.0.2"), 40000, 80));
            Assert.Equal(1, Member(algorithm, 2));
            Assert.Equal(0, Member(algorithm, 3));
        }

        [Fact]
        public void TransportPorts_falls_back_to_the_address_hash_without_ports()
        {
            // With ports 40000 -> 81: 3 ^ 0x9c400051 = 0x9c400052, even. Without: 10.0.0.1 ^ 10.0.0.2 = 3, odd.
            uint source = IP("10.0.0.1"), destination = IP("10.0.0.2");
            Assert.Equal(0, HyperVTeamHash.MemberIndex(LoadBalancingAlgorithm.TransportPorts, 2, 0, 0, 0, source, destination, true, 40000, 81));
            Assert.Equal(1, HyperVTeamHash.MemberIndex(LoadBalancingAlgorithm.TransportPorts, 2, 0, 0, 0, source, destination, false, 40000, 81));
        }
    }
}
