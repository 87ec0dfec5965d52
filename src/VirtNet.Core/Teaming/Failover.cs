namespace VirtNet.Teaming
{
    /// <summary>
    /// Which uplinks of a team carry traffic, given what has failed (vSphere networking guide, "Teaming and Failover
    /// Policy"):
    /// active uplinks that failure detection sees as up, in failover order; when none is left, the standby uplinks
    /// that are up, in order. Unused uplinks never carry traffic. Link status sees only a link that is down; beacon
    /// probing also sees a path that is down behind a live link, but needs three or more uplinks to tell which one
    /// failed: with two it sends on both ("shotgun"). Without failback, an active uplink that recovers stays idle,
    /// behind the standby uplinks, until it is needed ("a failed adapter is left inactive even after recovery until
    /// another currently active adapter fails"). An uplink whose link came up less than the host's
    /// Net.TeamPolicyUpDelay ago is not used at all yet (KB 2014075).
    /// This is the one place that decides which uplinks a team uses: the traffic simulation and the HA simulation
    /// both come here, through <see cref="TeamRun.Choose"/>.
    /// </summary>
    internal static class Failover
    {
        /// <summary>
        /// The state a team sees for one uplink at <paramref name="now"/> (ms): its link, whether the path behind the
        /// switch port carries the team's frames (what beacon probing sees), and when the link last came up
        /// (long.MinValue: up from the start, which no delay holds back, as the first up event at boot is not delayed).
        /// </summary>
        public static UplinkState StateAt(bool linkUp, bool pathUp, long upSince, long now, long upDelayMs)
        {
            if (!linkUp) return UplinkState.Failed;
            if (upSince != long.MinValue && now < upSince + upDelayMs) return UplinkState.UpDelay;
            if (!pathUp) return UplinkState.UpstreamFailed;
            return upSince == long.MinValue ? UplinkState.Up : UplinkState.Recovered;
        }

        public static void Select(TeamRun run, UplinkState[] state)
        {
            var team = run.Team;
            bool beacon = team.Detection == NetworkFailoverDetectionPolicy.BeaconProbing;
            bool beaconTellsWhich = beacon && team.BeaconUplinkCount >= 3;

            bool Down(int u) => state[u] == UplinkState.Failed || state[u] == UplinkState.UpDelay || (beaconTellsWhich && state[u] == UplinkState.UpstreamFailed);
            bool Idle(int u) => state[u] == UplinkState.Recovered && !team.FailbackEnabled;

            // Into the run's buffer: a choice the same as the last one keeps its array, so a run asked again and
            // again over a timeline allocates only when the choice changes.
            var usable = run.Buffer;
            int count = 0;
            foreach (var u in team.Active) if (!Down(u) && !Idle(u)) usable[count++] = u;
            if (count == 0) foreach (var u in team.Standby) if (!Down(u)) usable[count++] = u;
            if (count == 0) foreach (var u in team.Active) if (!Down(u) && Idle(u)) usable[count++] = u;
            // An LACP team whose members reach several partners transmits on one aggregator only.
            count = LacpAggregators.Narrow(run, state, usable, count);

            bool shotgun = false;
            int delivers = -1;
            if (beacon && team.BeaconUplinkCount == 2)
            {
                int upstream = 0, live = 0;
                foreach (var u in team.TeamUplinks)
                {
                    if (state[u] == UplinkState.Failed || state[u] == UplinkState.UpDelay) continue;
                    live++;
                    if (state[u] == UplinkState.UpstreamFailed) upstream++;
                    else delivers = u;
                }
                shotgun = live == 2 && upstream > 0;
                if (!shotgun) delivers = -1;
            }
            run.SetUsable(count, shotgun, delivers);
            if (run.Option.Platform == Hypervisor.Linux) BondPlacement.SelectActiveSlave(run, state);
        }
    }
}
