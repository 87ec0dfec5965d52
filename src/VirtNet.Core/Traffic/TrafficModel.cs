using System.Collections.Generic;
using System.Linq;
using VirtNet.Teaming;

namespace VirtNet.Traffic
{
    /// <summary>
    /// The part of the model a simulation needs, compiled once into flat arrays: uplinks with their speed and
    /// switch port, one <see cref="Team"/> per port group, the flow sources with their hash inputs, and the flows
    /// grouped into runs of consecutive flows from one source. Every run of the simulation reads only these.
    /// </summary>
    internal sealed class TrafficModel
    {
        public TrafficModel(IReadOnlyList<VNVirtualSwitch> switches, VNFlowList flows)
        {
            Switches = switches.ToArray();
            var uplinks = new List<VNUplink>();
            foreach (var vswitch in Switches) uplinks.AddRange(vswitch.Uplinks);
            Uplinks = uplinks.ToArray();
            if (Uplinks.Length > short.MaxValue)
                throw new VirtNetException(ErrorIds.TooManyUplinks, VirtNetErrorKind.InvalidArgument,
                    $"These switches have {Uplinks.Length:N0} uplinks; one simulation takes at most {short.MaxValue:N0}. Simulate fewer switches at a time.", Uplinks.Length);
            var uplinkIndex = new Dictionary<VNUplink, int>();
            for (int u = 0; u < Uplinks.Length; u++) uplinkIndex[Uplinks[u]] = u;

            Capacity = new double[Uplinks.Length];
            SwitchPort = new VNSwitchPort[Uplinks.Length];
            for (int u = 0; u < Uplinks.Length; u++)
            {
                Capacity[u] = Uplinks[u].SpeedMbps;
                SwitchPort[u] = Uplinks[u].SwitchPort;
            }

            var teams = new List<Team>();
            var teamOf = new Dictionary<VNPortGroup, Team>();
            foreach (var vswitch in Switches)
                foreach (var pg in vswitch.PortGroups)
                {
                    var policy = pg.TeamingPolicy;
                    int[] Indices(IEnumerable<string> names) => names
                        .Select(n => vswitch.Uplinks.FirstOrDefault(x => Names.Comparer.Equals(x.Name, n)))
                        .Where(x => x != null).Select(x => uplinkIndex[x]).ToArray();
                    var ports = pg.Ports.OrderBy(a => a.PortId).ToArray();
                    var option = TeamingOption.Of(pg);
                    bool esx = option.Platform == Hypervisor.Esx;
                    var (active, standby, unused) = esx ? (policy.ActiveNic, policy.StandbyNic, policy.UnusedNic) : PlatformMembers(vswitch);
                    // Hyper-V teams and bonds detect failures by link state and take a restored member back at once.
                    var team = new Team(teams.Count, pg, option, esx ? policy.NetworkFailoverDetectionPolicy : NetworkFailoverDetectionPolicy.LinkStatus,
                        !esx || policy.FailbackEnabled, policy.IpHashVariant, Indices(active), Indices(standby), Indices(unused),
                        ports.Select(a => a.PortId).ToArray(), ports.Select(a => a.MacAddress?.Value ?? 0UL).ToArray());
                    team.PortsWithoutMac = ports.Where(a => a.MacAddress == null).Select(a => a.Path).ToArray();
                    teams.Add(team);
                    teamOf[pg] = team;
                }
            Teams = teams.ToArray();

            // Sources outside the switches simulated are left out, with their flows.
            var keep = new bool[flows.Sources.Length];
            var outOfScope = new List<VNVirtualAdapter>();
            for (int s = 0; s < keep.Length; s++)
            {
                var adapter = flows.Sources[s].Adapter;
                keep[s] = adapter.PortGroup != null && teamOf.ContainsKey(adapter.PortGroup);
                if (!keep[s] && !outOfScope.Contains(adapter)) outOfScope.Add(adapter);
            }
            SourcesOutOfScope = outOfScope;
            Flows = outOfScope.Count == 0 ? flows : flows.WhereSource(keep);

            int sources = Flows.Sources.Length;
            SourceTeam = new int[sources];
            SourceTeamPort = new int[sources];
            SourceIp = new uint[sources];
            SourceMac = new ulong[sources];
            for (int s = 0; s < sources; s++)
            {
                var adapter = Flows.Sources[s].Adapter;
                // A source left out keeps its slot in the source table but has no flows.
                if (!keep[s]) { SourceTeam[s] = -1; continue; }
                var team = teamOf[adapter.PortGroup];
                SourceTeam[s] = team.Index;
                SourceTeamPort[s] = System.Array.IndexOf(team.PortIds, adapter.PortId);
                SourceIp[s] = Flows.Sources[s].IPAddress.Value;
                SourceMac[s] = adapter.MacAddress?.Value ?? 0UL;
            }

            var segments = Flows.Segments;
            RunTransport = new bool[segments.Length];
            for (int r = 0; r < segments.Length; r++)
                RunTransport[r] = segments[r].Protocol == FlowProtocol.Tcp || segments[r].Protocol == FlowProtocol.Udp;
            RunStart = new int[segments.Length + 1];
            RunSource = new int[segments.Length];
            RunDemand = new double[segments.Length];
            RunDirection = new FlowDirection[segments.Length];
            RunFirstDestination = new uint[segments.Length];
            for (int r = 0; r < segments.Length; r++)
            {
                RunFirstDestination[r] = segments[r].FirstDestination;
                RunStart[r] = segments[r].Start;
                RunSource[r] = segments[r].Source;
                RunDemand[r] = segments[r].DemandMbps;
                RunDirection[r] = segments[r].Direction;
            }
            RunStart[segments.Length] = Flows.Count;
        }

        public VNVirtualSwitch[] Switches { get; }
        public VNUplink[] Uplinks { get; }
        public double[] Capacity { get; }
        public VNSwitchPort[] SwitchPort { get; }
        public Team[] Teams { get; }
        public VNFlowList Flows { get; }
        public IReadOnlyList<VNVirtualAdapter> SourcesOutOfScope { get; }
        public int[] SourceTeam { get; }
        /// <summary>The source's position in its team's port list.</summary>
        public int[] SourceTeamPort { get; }
        public uint[] SourceIp { get; }
        public ulong[] SourceMac { get; }
        /// <summary>Flows [RunStart[r], RunStart[r + 1]) all come from source RunSource[r], with one demand and direction.</summary>
        public int[] RunStart { get; }
        public int[] RunSource { get; }
        public double[] RunDemand { get; }
        public FlowDirection[] RunDirection { get; }
        /// <summary>Run r is TCP or UDP, so its flows' ports count for the hashes that read them.</summary>
        public bool[] RunTransport { get; }
        /// <summary>The TCP or UDP ports of run r's flows, as the Hyper-V and bond hashes read them.</summary>
        public FlowPorts PortsOf(int r) => new FlowPorts(Flows.SourcePort, Flows.DestinationPort, RunTransport[r]);
        /// <summary>When <see cref="Destinations"/> is null, flow RunStart[r] + k goes to RunFirstDestination[r] + k.</summary>
        public uint[] RunFirstDestination { get; }
        /// <summary>Per flow, its destination; null when every run is an address range.</summary>
        public uint[] Destinations => Flows.Destination;

        public uint DestinationOf(int r, int f) => Flows.Destination?[f] ?? RunFirstDestination[r] + (uint)(f - RunStart[r]);
        public int FlowCount => Flows.Count;

        public int IndexOf(VNUplink uplink) => System.Array.IndexOf(Uplinks, uplink);

        /// <summary>
        /// The members of a Hyper-V switch's team or of a bond: every NIC of a bond or a SET switch, in order; an LBFO
        /// team's members in team order, its standby apart. A Hyper-V switch without a team binds one adapter
        /// (New-VMSwitch -NetAdapterName), its first NIC, and the others carry nothing.
        /// </summary>
        internal static (string[] Active, string[] Standby, string[] Unused) PlatformMembers(VNVirtualSwitch vswitch)
        {
            var none = new string[0];
            if (vswitch.Team != null)
                return (vswitch.Team.ActiveMembers.Select(m => m.Name).ToArray(), vswitch.Team.StandbyMember == null ? none : new[] { vswitch.Team.StandbyMember }, none);
            if (vswitch.BondMode.HasValue || vswitch.EmbeddedTeamingEnabled || vswitch.Uplinks.Count < 2) return (vswitch.Nic, none, none);
            return (new[] { vswitch.Nic[0] }, none, vswitch.Nic.Skip(1).ToArray());
        }
    }
}
