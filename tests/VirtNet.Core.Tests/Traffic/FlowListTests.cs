using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    public class FlowListTests
    {
        [Fact]
        public void Address_ranges_expand_to_one_flow_per_address_source_by_source()
        {
            var lab = new Lab();
            var a = lab.Vmk("vmk1", "10.0.0.10");
            var b = lab.Vmk("vmk2", "10.0.0.11");
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)a, a.IPAddress.Value), (b, b.IPAddress.Value) },
                new[] { IPv4AddressRange.Parse("10.0.0.20-10.0.0.120"), IPv4AddressRange.Parse("10.0.1.5") }, 100);
            Assert.Equal(2 * 102, flows.Count);
            Assert.Equal("10.0.0.20", flows[0].Destination.ToString());
            Assert.Equal("10.0.0.120", flows[100].Destination.ToString());
            Assert.Equal("10.0.1.5", flows[101].Destination.ToString());
            Assert.Same(b, flows[102].Source);
            Assert.All(flows, f => Assert.Equal(100, f.DemandMbps));
        }

        [Theory]
        [InlineData("10.0.0.120-10.0.0.20", ErrorIds.InvalidAddressRange)]
        [InlineData("10.0.0.20-", ErrorIds.InvalidAddressRange)]
        [InlineData("10.0.0.256", ErrorIds.InvalidIPAddress)]
        public void Bad_ranges_are_refused_with_their_error_id(string text, string errorId)
        {
            Assert.Equal(errorId, Assert.Throws<VirtNetException>(() => IPv4AddressRange.Parse(text)).ErrorId);
        }

        [Fact]
        public void A_list_refuses_more_flows_than_it_can_hold()
        {
            var lab = new Lab();
            var a = lab.Vmk("vmk1", "10.0.0.10");
            var e = Assert.Throws<VirtNetException>(() =>
                VNFlowList.Create(new[] { ((VNVirtualAdapter)a, a.IPAddress.Value) }, new[] { IPv4AddressRange.Parse("0.0.0.0-255.255.255.255") }));
            Assert.Equal(ErrorIds.TooManyFlows, e.ErrorId);
        }

        [Fact]
        public void Demand_must_be_positive()
        {
            var lab = new Lab();
            var a = lab.Vmk("vmk1", "10.0.0.10");
            Assert.Equal(ErrorIds.InvalidDemand, Assert.Throws<VirtNetException>(() => Lab.Flows(a, 0, "10.0.0.20")).ErrorId);
        }

        [Fact]
        public void Combining_keeps_the_order_and_shares_sources()
        {
            var lab = new Lab();
            var a = lab.Vmk("vmk1", "10.0.0.10");
            var first = Lab.Flows(a, "10.0.0.20-10.0.0.21");
            var second = Lab.Flows(a, "10.0.0.30");
            var combined = VNFlowList.Combine(new object[] { first, second[0], second });
            Assert.Equal(new[] { "10.0.0.20", "10.0.0.21", "10.0.0.30", "10.0.0.30" }, combined.Select(f => f.Destination.ToString()).ToArray());
            Assert.Single(combined.Sources);
            // Same source, demand, protocol and direction throughout: one segment.
            Assert.Single(combined.Segments);
        }

        [Fact]
        public void Combining_refuses_what_is_not_a_flow()
        {
            Assert.Equal(ErrorIds.InvalidFlow, Assert.Throws<VirtNetException>(() => VNFlowList.Combine(new object[] { "10.0.0.1" })).ErrorId);
        }
    }
}
