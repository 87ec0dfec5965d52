using System;
using System.Collections.Generic;

namespace VirtNet.Teaming
{
    /// <summary>
    /// "Route based on physical NIC load" (loadbalance_loadbased, LBT; distributed switch only, ESX 4.1+). Ports start
    /// as under port id; every 30 seconds, each uplink whose send or receive load is at 75 % of its speed or more
    /// has the port with the most traffic moved to the least loaded uplink of that port's team (vSphere 7.0
    /// networking guide). The model repeats those 30-second rounds until nothing moves: a move is made only when it
    /// leaves the target less loaded than the source was, so the rounds end.
    /// </summary>
    internal sealed class LoadBasedTeaming : SourcePortId
    {
        public const double BusyThreshold = 0.75;
        public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
        /// <summary>A bound on the rounds, far beyond what any real team of ports needs.</summary>
        const int MaxRounds = 1000;

        /// <summary>What a port offers in each direction: the finite demands of its flows, and whether any flow is unlimited.</summary>
        public struct PortDemand
        {
            public double Tx, Rx;
            public bool TxUnlimited, RxUnlimited;

            /// <summary>A port pinned to one uplink can use at most that uplink.</summary>
            public double OfferedTx(double capacity) => TxUnlimited ? capacity : Math.Min(Tx, capacity);
            public double OfferedRx(double capacity) => RxUnlimited ? capacity : Math.Min(Rx, capacity);
            public bool IsIdle => Tx == 0 && Rx == 0 && !TxUnlimited && !RxUnlimited;
        }

        public readonly struct Outcome
        {
            public Outcome(int moves, int rounds) { Moves = moves; Rounds = rounds; }
            public int Moves { get; }
            /// <summary>Rounds that moved something; the steady state is reached Rounds x 30 s after the start.</summary>
            public int Rounds { get; }
        }

        /// <summary>
        /// Rebalances the ports of the load-based teams in place (their <see cref="TeamRun.PortUplink"/>). tx and rx
        /// start as the load the other teams put on each uplink.
        /// </summary>
        public static Outcome Rebalance(IReadOnlyList<TeamRun> runs, IReadOnlyList<PortDemand[]> demand, double[] capacity, double[] tx, double[] rx)
        {
            for (int r = 0; r < runs.Count; r++)
                for (int p = 0; p < runs[r].PortUplink.Length; p++)
                {
                    int u = runs[r].PortUplink[p];
                    if (u < 0) continue;
                    tx[u] += demand[r][p].OfferedTx(capacity[u]);
                    rx[u] += demand[r][p].OfferedRx(capacity[u]);
                }

            double Utilization(int u) => Math.Max(tx[u], rx[u]) / capacity[u];

            var candidates = new List<int>();
            foreach (var run in runs)
                foreach (var u in run.Usable)
                    if (!candidates.Contains(u)) candidates.Add(u);
            candidates.Sort();

            int moves = 0, rounds = 0;
            var busy = new List<int>();
            while (rounds < MaxRounds)
            {
                busy.Clear();
                foreach (var u in candidates) if (Utilization(u) >= BusyThreshold) busy.Add(u);
                bool moved = false;
                foreach (var u in busy)
                {
                    if (Utilization(u) < BusyThreshold) continue;
                    int bestRun = -1, bestPort = -1;
                    double bestLoad = 0;
                    for (int r = 0; r < runs.Count; r++)
                        for (int p = 0; p < runs[r].PortUplink.Length; p++)
                        {
                            if (runs[r].PortUplink[p] != u || demand[r][p].IsIdle) continue;
                            double load = Math.Max(demand[r][p].OfferedTx(capacity[u]), demand[r][p].OfferedRx(capacity[u]));
                            if (load > bestLoad) { bestLoad = load; bestRun = r; bestPort = p; }
                        }
                    if (bestRun < 0) continue;

                    var port = demand[bestRun][bestPort];
                    int target = -1;
                    foreach (var t in runs[bestRun].Usable)
                        if (t != u && (target < 0 || Utilization(t) < Utilization(target))) target = t;
                    if (target < 0) continue;
                    double after = Math.Max(tx[target] + port.OfferedTx(capacity[target]), rx[target] + port.OfferedRx(capacity[target])) / capacity[target];
                    if (after >= Utilization(u)) continue;

                    tx[u] -= port.OfferedTx(capacity[u]);
                    rx[u] -= port.OfferedRx(capacity[u]);
                    tx[target] += port.OfferedTx(capacity[target]);
                    rx[target] += port.OfferedRx(capacity[target]);
                    runs[bestRun].PortUplink[bestPort] = target;
                    moves++;
                    moved = true;
                }
                if (!moved) break;
                rounds++;
            }
            return new Outcome(moves, rounds);
        }
    }
}
