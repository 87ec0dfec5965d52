using System.Collections.Generic;

namespace VirtNet.Teaming
{
    /// <summary>
    /// Which uplinks of a team carry traffic, given what has failed (vSphere networking guide, "Teaming and Failover
    /// Policy"; domain.md section 1):
    /// active uplinks that failure detection sees as up, in failover order; when none is left, the standby uplinks
    /// that are up, in order. Unused uplinks never carry traffic. Link status sees only a link that is down; beacon
    /// probing also sees a path that is down behind a live link, but needs three or more uplinks to tell which one
    /// failed: with two it sends on both ("shotgun"). Without failback, an active uplink that recovers stays idle,
    /// behind the standby uplinks, until it is needed.
    /// </summary>
    internal static class Failover
    {
        public static void Select(TeamRun run, UplinkState[] state)
        {
            var team = run.Team;
            bool beacon = team.Detection == NetworkFailoverDetectionPolicy.BeaconProbing;
            bool beaconTellsWhich = beacon && team.BeaconUplinkCount >= 3;

            bool Down(int u) => state[u] == UplinkState.Failed || (beaconTellsWhich && state[u] == UplinkState.UpstreamFailed);
            bool Idle(int u) => state[u] == UplinkState.Recovered && !team.FailbackEnabled;

            var usable = new List<int>();
            foreach (var u in team.Active) if (!Down(u) && !Idle(u)) usable.Add(u);
            if (usable.Count == 0)
            {
                foreach (var u in team.Standby) if (!Down(u)) usable.Add(u);
                foreach (var u in team.Active) if (!Down(u) && Idle(u)) usable.Add(u);
            }

            bool shotgun = false;
            int delivers = -1;
            if (beacon && team.BeaconUplinkCount == 2)
            {
                int upstream = 0, live = 0;
                foreach (var u in team.TeamUplinks)
                {
                    if (state[u] == UplinkState.Failed) continue;
                    live++;
                    if (state[u] == UplinkState.UpstreamFailed) upstream++;
                    else delivers = u;
                }
                shotgun = live == 2 && upstream > 0;
                if (!shotgun) delivers = -1;
            }
            run.SetUsable(usable.ToArray(), shotgun, delivers);
            if (run.Option.Platform == Hypervisor.Linux) BondPlacement.SelectActiveSlave(run, state);
        }
    }
}
