using System;
using System.Linq;
using VirtNet.Traffic;
using Xunit;

namespace VirtNet.Tests.Traffic
{
    public class MaxMinFairShareTests
    {
        /// <summary>Shares links among flows, one run per flow: flow i asks demands[i] on links[i].</summary>
        static void Share(double[] capacity, short[] links, double[] demands, double[] level, double[] load) =>
            new MaxMinFairShare().Share(Enumerable.Range(0, demands.Length + 1).ToArray(), demands,
                new FlowDirection[demands.Length], FlowDirection.Inbound, links, new byte[demands.Length], (byte)FlowStatus.Ok,
                capacity, level, load);

        static (double[] level, double[] load) Share(double capacity, params double[] demands)
        {
            var level = new double[1];
            var load = new double[1];
            Share(new[] { capacity }, new short[demands.Length], demands, level, load);
            return (level, load);
        }

        [Theory]
        // 200 is met; the other two split the remaining 800.
        [InlineData(1000, new[] { 200.0, 500, 600 }, 400)]
        // 100 and 300 are met; the two unlimited flows share 600.
        [InlineData(1000, new[] { 100.0, 300, double.PositiveInfinity, double.PositiveInfinity }, 300)]
        // Ten equal flows that do not fit share equally.
        [InlineData(1000, new[] { 200.0, 200, 200, 200, 200, 200, 200, 200, 200, 200 }, 100)]
        // Equal flows and unlimited ones: 4 x 100 fit with room for the unlimited one.
        [InlineData(1000, new[] { 100.0, 100, 100, 100, double.PositiveInfinity }, 600)]
        public void Water_level_gives_known_max_min_shares(double capacity, double[] demands, double expectedLevel)
        {
            var (level, load) = Share(capacity, demands);
            Assert.Equal(expectedLevel, level[0], 9);
            Assert.Equal(capacity, load[0], 9);
        }

        [Fact]
        public void Demands_that_fit_are_all_met()
        {
            var (level, load) = Share(1000, 100, 250, 300);
            Assert.True(double.IsPositiveInfinity(level[0]));
            Assert.Equal(650, load[0]);
        }

        [Fact]
        public void Water_level_satisfies_its_defining_equation_on_random_demands()
        {
            var random = new Random(42);
            for (int trial = 0; trial < 200; trial++)
            {
                var demands = Enumerable.Range(0, random.Next(1, 400))
                    .Select(_ => random.Next(10) == 0 ? double.PositiveInfinity : Math.Round(random.NextDouble() * 500, 1)).ToArray();
                double capacity = 1000 + random.Next(20000);
                var copy = (double[])demands.Clone();
                double level = MaxMinFairShare.WaterLevel(copy, 0, copy.Length, capacity);
                double total = demands.Sum(d => Math.Min(d, level));
                if (double.IsPositiveInfinity(level)) Assert.True(demands.Sum() <= capacity);
                else Assert.Equal(capacity, total, 6);
            }
        }

        [Fact]
        public void Only_flows_that_deliver_in_the_direction_shared_take_part()
        {
            var level = new double[1];
            var load = new double[1];
            // Run 0: two outbound flows, the second lost to a MAC flap; run 1: one inbound flow.
            new MaxMinFairShare().Share(new[] { 0, 2, 3 }, new[] { 700.0, 700 }, new[] { FlowDirection.Outbound, FlowDirection.Inbound },
                FlowDirection.Inbound, new short[3], new[] { (byte)FlowStatus.Ok, (byte)FlowStatus.MacFlap, (byte)FlowStatus.Ok },
                (byte)FlowStatus.ChannelNotFormed, new[] { 1000.0 }, level, load);
            Assert.True(double.IsPositiveInfinity(level[0]));
            Assert.Equal(700, load[0]);
        }

        [Fact]
        public void Links_are_shared_independently()
        {
            var level = new double[2];
            var load = new double[2];
            Share(new[] { 1000.0, 1000 }, new short[] { 0, 1, 0, 1 }, new[] { 800.0, 800, 800, 100 }, level, load);
            Assert.Equal(500, level[0]);
            Assert.True(double.IsPositiveInfinity(level[1]));
            Assert.Equal(new[] { 1000.0, 900 }, load);
        }
    }
}
