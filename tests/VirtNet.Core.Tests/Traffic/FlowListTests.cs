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
        public void Address_ranges_keep_no_destination_per_flow_until_joined_with_single_flows()
        {
            var lab = new Lab();
            var a = lab.Vmk("vmk1", "10.0.0.10");
            var first = Lab.Flows(a, "10.0.0.20-10.0.0.29");
            var next = Lab.Flows(a, "10.0.0.30-10.0.0.39");
            Assert.Null(first.Destination);
            var joined = VNFlowList.Combine(new object[] { first, next });
            Assert.Null(joined.Destination);
            // The second range continues the first: one segment of twenty addresses.
            Assert.Equal(20, Assert.Single(joined.Segments).Count);
            var written = VNFlowList.Combine(new object[] { first, next[0] });
            Assert.NotNull(written.Destination);
            Assert.Equal(new[] { "10.0.0.28", "10.0.0.29", "10.0.0.30" }, written.Skip(8).Select(f => f.Destination.ToString()).ToArray());
        }

        [Fact]
        public void Ranges_and_written_out_destinations_simulate_alike()
        {
            var lab = new Lab(4);
            lab.Channel();
            lab.Policy(LoadBalancingPolicy.LoadBalanceIP);
            var vmk = lab.Vmk("vmk1", "10.0.0.10");
            var ranged = Lab.Flows(vmk, "10.0.0.20-10.0.0.60");
            var written = VNFlowList.Combine(ranged.Cast<object>());
            Assert.NotNull(written.Destination);
            var a = lab.Simulate(ranged);
            var b = lab.Simulate(written);
            Assert.Equal(Lab.UplinkNames(a), Lab.UplinkNames(b));
            Assert.Equal(a.Flows.Select(f => f.InboundUplink.Name), b.Flows.Select(f => f.InboundUplink.Name));
            Assert.Equal(4, a.Uplinks.Count(u => u.TxMbps > 0));
        }

        [Fact]
        public void Combining_refuses_what_is_not_a_flow()
        {
            Assert.Equal(ErrorIds.InvalidFlow, Assert.Throws<VirtNetException>(() => VNFlowList.Combine(new object[] { "10.0.0.1" })).ErrorId);
        }
    }
}
