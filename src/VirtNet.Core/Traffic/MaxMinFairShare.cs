using System;

namespace VirtNet.Traffic
{
    /// <summary>
    /// Max-min fair sharing of one direction of a set of links, where each flow crosses exactly one link: no flow
    /// gets more than it asks for, and no flow can get more without taking from a flow that has less
    /// (links are full duplex, so each direction is shared on its own). On each link that
    /// makes a water level L with sum(min(demand, L)) = capacity; a flow gets min(demand, L). L is found by a
    /// quickselect over the demands (expected linear time) instead of sorting them; links whose flows all ask
    /// the same (the usual case for flows made in bulk) get L in closed form without a second pass.
    /// </summary>
    internal sealed class MaxMinFairShare
    {
        double[] _scratch = new double[0];
        int[] _offset = new int[0];
        long[] _finiteCount = new long[0], _unlimitedCount = new long[0];
        double[] _finiteSum = new double[0], _min = new double[0], _max = new double[0];

        /// <summary>
        /// Sets level[u] (+Infinity when link u is not saturated) and load[u] (the Mbps it carries). The flows of run r,
        /// [runStart[r], runStart[r + 1]), ask runDemand[r] each; a flow takes part when its run's direction is not
        /// <paramref name="excluded"/> and its status is at most <paramref name="lastDelivering"/> (a null status
        /// array: every flow takes part), on link[f].
        /// </summary>
        public void Share(int[] runStart, double[] runDemand, FlowDirection[] runDirection, FlowDirection excluded,
            short[] link, byte[] status, byte lastDelivering, double[] capacity, double[] level, double[] load)
        {
            int links = capacity.Length, runs = runDemand.Length;
            bool all = status == null;
            EnsureLinks(links);
            Array.Clear(_finiteCount, 0, links);
            Array.Clear(_unlimitedCount, 0, links);
            Array.Clear(_finiteSum, 0, links);
            for (int u = 0; u < links; u++) { _min[u] = double.PositiveInfinity; _max[u] = 0; }

            for (int r = 0; r < runs; r++)
            {
                if (runDirection[r] == excluded) continue;
                double d = runDemand[r];
                int end = runStart[r + 1];
                if (double.IsPositiveInfinity(d))
                {
                    for (int f = runStart[r]; f < end; f++)
                        if (all || status[f] <= lastDelivering) _unlimitedCount[link[f]]++;
                    continue;
                }
                for (int f = runStart[r]; f < end; f++)
                {
                    if (!all && status[f] > lastDelivering) continue;
                    int u = link[f];
                    _finiteCount[u]++;
                    _finiteSum[u] += d;
                    if (d < _min[u]) _min[u] = d;
                    if (d > _max[u]) _max[u] = d;
                }
            }

            bool mixed = false;
            int mixedFlows = 0;
            for (int u = 0; u < links; u++)
            {
                double c = capacity[u];
                long cf = _finiteCount[u], k = _unlimitedCount[u];
                if (cf > 0 && _min[u] != _max[u]) { mixed = true; level[u] = double.NaN; mixedFlows += (int)(cf + k); continue; }
                double d = _max[u];
                if (k == 0)
                    level[u] = _finiteSum[u] <= c ? double.PositiveInfinity : c / cf;
                else if (cf == 0)
                    level[u] = c / k;
                else
                    level[u] = d * (cf + k) <= c ? (c - _finiteSum[u]) / k : c / (cf + k);
                load[u] = double.IsPositiveInfinity(level[u]) ? _finiteSum[u] : c;
            }
            if (!mixed) return;

            // Group the demands of the mixed links by link (a counting sort) and find each level by selection.
            EnsureScratch(mixedFlows);
            int at = 0;
            for (int u = 0; u < links; u++)
            {
                _offset[u] = at;
                if (double.IsNaN(level[u])) at += (int)(_finiteCount[u] + _unlimitedCount[u]);
            }
            _offset[links] = at;
            var next = new int[links];
            Array.Copy(_offset, next, links);
            for (int r = 0; r < runs; r++)
            {
                if (runDirection[r] == excluded) continue;
                double d = runDemand[r];
                for (int f = runStart[r]; f < runStart[r + 1]; f++)
                {
                    if (!all && status[f] > lastDelivering) continue;
                    int u = link[f];
                    if (double.IsNaN(level[u])) _scratch[next[u]++] = d;
                }
            }
            for (int u = 0; u < links; u++)
            {
                if (!double.IsNaN(level[u])) continue;
                int end = _offset[u] + (int)(_finiteCount[u] + _unlimitedCount[u]);
                level[u] = WaterLevel(_scratch, _offset[u], end, capacity[u]);
                load[u] = double.IsPositiveInfinity(level[u]) ? _finiteSum[u] : capacity[u];
            }
        }

        /// <summary>
        /// The level L with sum(min(a[i], L)) = capacity over a[lo..hi), or +Infinity when the demands fit. Reorders
        /// a[lo..hi). Each step splits the candidates around a pivot p: if everything up to p fits, those demands are
        /// met and L lies above p; otherwise every demand from p up is capped and L lies below.
        /// </summary>
        internal static double WaterLevel(double[] a, int lo, int hi, double capacity)
        {
            double met = 0;   // sum of demands known to be met in full
            long capped = 0;  // number of demands known to be capped at L
            while (lo < hi)
            {
                double p = MedianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi - 1]);
                // Three-way partition: [lo, lt) < p, [lt, gt) == p, [gt, hi) > p.
                int lt = lo, i = lo, gt = hi;
                double sumBelow = 0;
                while (i < gt)
                {
                    double x = a[i];
                    if (x < p) { sumBelow += x; a[i] = a[lt]; a[lt] = x; lt++; i++; }
                    else if (x > p) { gt--; a[i] = a[gt]; a[gt] = x; }
                    else i++;
                }
                long equal = gt - lt, above = hi - gt;
                bool fits = !double.IsPositiveInfinity(p) && met + sumBelow + p * (equal + above + capped) <= capacity;
                if (fits) { met += sumBelow + p * equal; lo = gt; }
                else { capped += equal + above; hi = lt; }
            }
            return capped == 0 ? double.PositiveInfinity : (capacity - met) / capped;
        }

        static double MedianOfThree(double a, double b, double c) =>
            a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);

        void EnsureLinks(int links)
        {
            if (_offset.Length >= links + 1) return;
            _offset = new int[links + 1];
            _finiteCount = new long[links];
            _unlimitedCount = new long[links];
            _finiteSum = new double[links];
            _min = new double[links];
            _max = new double[links];
        }

        void EnsureScratch(int flows)
        {
            if (_scratch.Length < flows) _scratch = new double[flows];
        }
    }
}
