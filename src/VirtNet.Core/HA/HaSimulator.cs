using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtNet.HA
{
    /// <summary>
    /// Event-driven simulation of VMware HA isolation for one cluster. The cluster's network is compiled once;
    /// each scenario is then played (<see cref="NetworkRun"/>) and every host's HA agent follows the timeline of
    /// its generation (vSphere HA Deepdive):
    /// <list type="bullet">
    /// <item>AAM (3.x, 4.x): with no heartbeat from any other host, suspicion at F - 3 s, isolation-address ping at
    /// F - 2 s, isolation response at F - 1 s; the primaries declare it failed and restart its VMs at F (KB322784,
    /// Nobel, Pearson). One heartbeat or one ping reply cancels.</item>
    /// <item>FDM (5.0+): a slave that loses the master starts an election at 10 s, elects itself and pings at
    /// 25 s, is isolated at 30 s; the master is isolated 5 s after losing every slave. The response follows at
    /// once on 5.0 and after das.config.fdm.isolationPolicyDelaySec (at least 30 s) on 5.1+. Election traffic or a
    /// ping reply cancels. The master tells partitioned from failed hosts by their datastore heartbeats
    /// (HA Deepdive).</item>
    /// </list>
    /// Not thread-safe: use one simulator per thread.
    /// </summary>
    public sealed class HaSimulator
    {
        const long ElectionStartMs = 10000, SelfElectionMs = 25000, SlaveIsolationMs = 30000, MasterIsolationMs = 5000;
        // HA Deepdive: the master checks datastore heartbeats from 3 s, pings an unreachable slave from 10 s for 5 s and
        // declares it dead at 18 s when heartbeat datastores are configured; a lost master is replaced after the
        // election (25 s) and its VMs restarted at 35 s.
        // Without heartbeat datastores nothing is left to wait for after the 5 s ping: dead at 15 s.
        const long DatastoreCheckMs = 3000, SlaveUnreachableMs = 10000, SlaveJudgedMs = 18000, SlaveJudgedWithoutDatastoresMs = 15000,
            MasterJudgedMs = 25000, MasterRestartMs = 35000;

        readonly HaTopology _topology;
        readonly NetworkRun _run;
        readonly HaExplainer _explainer;
        readonly List<HaStep> _steps = new List<HaStep>();

        public HaSimulator(VNCluster cluster)
        {
            Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            _topology = new HaTopology(cluster);
            _run = new NetworkRun(_topology);
            _explainer = new HaExplainer(_topology, _run);
        }

        public VNCluster Cluster { get; }

        /// <summary>
        /// The standard catalogue: each uplink of an HA or storage team down, each such uplink flapping for 2 s,
        /// each physical switch down, each link between switches down, each gateway down.
        /// </summary>
        public IReadOnlyList<VNFailureScenario> StandardScenarios()
        {
            var scenarios = new List<VNFailureScenario>();
            foreach (var uplink in _topology.Links)
                scenarios.Add(new VNFailureScenario(uplink.Path + " down", new[] { new VNFailureEvent(FailureEventKind.LinkDown, uplink, TimeSpan.Zero) }));
            foreach (var uplink in _topology.Links)
                scenarios.Add(new VNFailureScenario(uplink.Path + " flaps 2 s",
                    new[] { new VNFailureEvent(FailureEventKind.LinkDown, uplink, TimeSpan.Zero, TimeSpan.FromSeconds(2)) }));
            foreach (var sw in _topology.Switches)
                scenarios.Add(new VNFailureScenario(sw.Name + " down", new[] { new VNFailureEvent(FailureEventKind.SwitchDown, sw, TimeSpan.Zero) }));
            if (_topology.Fabric != null)
                foreach (var link in _topology.Fabric.Links)
                    scenarios.Add(new VNFailureScenario(link.Name + " down", link.Ports.Select(p => new VNFailureEvent(FailureEventKind.LinkDown, p, TimeSpan.Zero))));
            foreach (var endpoint in _topology.Endpoints.Where(e => e.Role == EndpointRole.Gateway))
                scenarios.Add(new VNFailureScenario(endpoint.Path + " down", new[] { new VNFailureEvent(FailureEventKind.EndpointDown, endpoint, TimeSpan.Zero) }));
            return scenarios;
        }

        /// <summary>Plays one scenario: one result per host, in cluster order.</summary>
        public IReadOnlyList<VNHaIsolationResult> Run(VNFailureScenario scenario)
        {
            ScenarioCompiler.Compile(_topology, scenario, _run.Changes);
            _run.Play();
            var network = _explainer.NetworkTimeline();
            var results = new VNHaIsolationResult[_topology.HostCount];
            for (int h = 0; h < _topology.HostCount; h++)
            {
                _steps.Clear();
                var outcome = Cluster.HaAgent == HaAgent.Aam ? SimulateAam(h) : SimulateFdm(h);
                results[h] = new VNHaIsolationResult(Cluster, _topology.Hosts[h], scenario, outcome.Verdict,
                    ToTime(outcome.DeclaredAt), ToTime(outcome.ResponseAt), outcome.ResponseAt.HasValue ? Cluster.IsolationResponse : (IsolationResponse?)null,
                    _explainer.Timeline(h, network, _steps), _explainer.Explain(h, outcome));
            }
            return results;
        }

        bool IsDown(int h, long time) => _run.Flag(_run.SegmentAt(time), h, NetworkRun.Down);

        static TimeSpan? ToTime(long? ms) => ms.HasValue ? TimeSpan.FromMilliseconds(ms.Value) : (TimeSpan?)null;

        void Step(long time, int actor, HaEventKind kind, string detail) =>
            _steps.Add(new HaStep { Time = time, Actor = actor, Kind = kind, Detail = detail });

        HaOutcome SimulateAam(int h)
        {
            var o = new HaOutcome { LossAt = -1 };
            long f = (long)Cluster.FailureDetectionTime.Value.TotalMilliseconds;
            long interval = (long)Cluster.FailureDetectionInterval.TotalMilliseconds;
            string heard = _topology.Primary[h] ? "any other host" : "any primary";
            for (long t = 0; ;)
            {
                long s = _run.NextTick(h, NetworkRun.HearsPeer, false, t, interval);
                if (s == long.MaxValue) break;
                if (IsDown(h, s))
                {
                    t = _run.NextTick(h, NetworkRun.Down, false, s, interval);
                    if (t == long.MaxValue) break;
                    continue;
                }
                long crash = _run.NextTick(h, NetworkRun.Down, true, s, interval);
                long e = Math.Min(crash, _run.NextTick(h, NetworkRun.HearsPeer, true, s, interval));
                o.Episode(s, e);
                Step(s, h, HaEventKind.HeartbeatsLost, "no heartbeat from " + heard);
                long suspect = s + f - 3000, ping = s + f - 2000, response = s + f - 1000;
                if (e > suspect)
                {
                    Step(suspect, h, HaEventKind.IsolationSuspected, $"no heartbeat for {Sec(f - 3000)} s (das.failuredetectiontime {f} ms - 3 s)");
                    if (e > ping)
                    {
                        Step(ping, h, HaEventKind.IsolationAddressPinged, _explainer.PingTargets(h));
                        long reply = _run.NextTick(h, NetworkRun.PingOk, true, ping, interval);
                        if (reply < response && reply < e)
                        {
                            o.Reply(reply);
                            Step(reply, h, HaEventKind.PingReply, _explainer.Answering(h, reply) + ": not isolated");
                        }
                        else if (e > response)
                        {
                            o.Declare(s, e, response, response);
                            o.Respond(response);
                            Step(response, h, HaEventKind.IsolationDeclared, "no heartbeat and no ping reply");
                            ApplyResponse(h, response);
                        }
                    }
                }
                if (e == long.MaxValue) break;
                if (e < crash) Step(e, h, HaEventKind.HeartbeatsResumed, "heartbeats heard again");
                t = e;
            }
            AamPeersDeclare(h, f, interval, ref o);
            o.Verdict = o.DeclaredAt.HasValue ? HaVerdict.Isolated : o.FailedAt.HasValue ? HaVerdict.Failed : HaVerdict.NotIsolated;
            return o;
        }

        /// <summary>The primaries declare a host failed at F without its heartbeats and restart its VMs (Pearson seqNum=4).</summary>
        void AamPeersDeclare(int h, long f, long interval, ref HaOutcome o)
        {
            for (long t = 0; ;)
            {
                long s = _run.NextTick(h, NetworkRun.HeardByPrimary, false, t, interval);
                if (s == long.MaxValue) break;
                long e = _run.NextTick(h, NetworkRun.HeardByPrimary, true, s, interval);
                long failAt = s + f;
                if (e > failAt)
                {
                    int segment = _run.SegmentAt(failAt);
                    int coordinator = -1;
                    for (int p = 0; p < _topology.HostCount && coordinator < 0; p++)
                        if (p != h && _topology.Primary[p] && _run.Flag(segment, p, NetworkRun.HearsPeer)) coordinator = p;
                    if (coordinator >= 0)
                    {
                        o.Fail(failAt, coordinator, failAt);
                        var name = _topology.Hosts[h].Name;
                        Step(failAt, coordinator, HaEventKind.HostDeclaredFailed, $"no heartbeat from {name} for {Sec(f)} s");
                        bool powered = o.ResponseAt.HasValue && o.ResponseAt.Value <= failAt && Cluster.IsolationResponse != IsolationResponse.LeaveOn;
                        Step(failAt, coordinator, HaEventKind.VMsRestarted, powered || !_run.Flag(segment, h, NetworkRun.DatastoreOk)
                            ? $"restarts the VMs of {name}"
                            : $"tries to restart the VMs of {name}; the restarts fail while {name} still runs them and holds their VMFS locks");
                    }
                }
                else if (o.ResponseAt.HasValue && o.ResponseAt.Value >= s && o.ResponseAt.Value < e && Cluster.IsolationResponse != IsolationResponse.LeaveOn)
                    o.NoRestart = true;
                if (e == long.MaxValue) break;
                t = e;
            }
        }

        HaOutcome SimulateFdm(int h)
        {
            var o = new HaOutcome { LossAt = -1 };
            const long second = 1000;
            bool master = h == 0;
            for (long t = 0; ;)
            {
                long s = _run.NextTick(h, NetworkRun.MasterContact, false, t, second);
                if (s == long.MaxValue) break;
                if (IsDown(h, s))
                {
                    t = _run.NextTick(h, NetworkRun.Down, false, s, second);
                    if (t == long.MaxValue) break;
                    continue;
                }
                // A crash ends the host's own steps; the master's side judges it (FdmMasterJudges).
                long crash = _run.NextTick(h, NetworkRun.Down, true, s, second);
                long e = Math.Min(crash, _run.NextTick(h, NetworkRun.MasterContact, true, s, second));
                o.Episode(s, e);
                long isolatedAt;
                if (master)
                {
                    Step(s, h, HaEventKind.HeartbeatsLost, "no heartbeat from any slave");
                    Step(s, h, HaEventKind.IsolationAddressPinged, _explainer.PingTargets(h));
                    isolatedAt = s + MasterIsolationMs;
                    if (!Unisolated(h, s, Math.Min(e, isolatedAt), ref o))
                        Isolate(h, s, e, isolatedAt, ref o);
                }
                else
                {
                    Step(s, h, HaEventKind.MasterLost, "no heartbeat from the master " + _topology.Hosts[0].Name);
                    long election = s + ElectionStartMs, self = s + SelfElectionMs;
                    isolatedAt = s + SlaveIsolationMs;
                    if (e > election)
                    {
                        Step(election, h, HaEventKind.ElectionStarted, "election among the hosts it can reach");
                        long traffic = _run.NextTick(h, NetworkRun.HearsAny, true, election, second);
                        if (traffic < self && traffic < e)
                        {
                            int seg = _run.SegmentAt(self);
                            bool mainGroup = _run.Flag(seg, h, NetworkRun.InMainGroup);
                            o.Traffic(traffic, _run.Leader[seg * _topology.HostCount + h], mainGroup);
                            Step(traffic, h, HaEventKind.ElectionTrafficSeen, "election traffic from " + _explainer.HeardHost(h, traffic) + ": not isolated");
                            if (e > self)
                                Step(self, _run.Leader[seg * _topology.HostCount + h], HaEventKind.MasterElected,
                                    mainGroup ? "elected the new master of the cluster" : "elected master of its partition");
                        }
                        else if (e > self)
                        {
                            Step(self, h, HaEventKind.MasterElected, "elects itself master: no other host answers");
                            Step(self, h, HaEventKind.IsolationAddressPinged, _explainer.PingTargets(h));
                            if (!Unisolated(h, self, Math.Min(e, isolatedAt), ref o))
                                Isolate(h, s, e, isolatedAt, ref o);
                        }
                    }
                }
                if (e == long.MaxValue) break;
                if (e < crash) Step(e, h, HaEventKind.HeartbeatsResumed, master ? "a slave is heard again" : "the master is heard again");
                t = e;
            }
            FdmMasterJudges(h, ref o);
            // Partitioned only if the host showed it was not isolated (a ping reply, or other hosts around it); one
            // that was merely on its way to isolation when the network came back is not.
            o.Verdict = o.DeclaredAt.HasValue ? HaVerdict.Isolated : o.FailedAt.HasValue ? HaVerdict.Failed
                : o.PartitionedAt.HasValue && (o.ReplyAt.HasValue || o.TrafficAt.HasValue) ? HaVerdict.Partitioned : HaVerdict.NotIsolated;
            return o;
        }

        /// <summary>True when a ping reply or election traffic before <paramref name="until"/> shows the host is not isolated.</summary>
        bool Unisolated(int h, long from, long until, ref HaOutcome o)
        {
            long reply = _run.NextTick(h, NetworkRun.PingOk, true, from, 1000);
            long traffic = _run.NextTick(h, NetworkRun.HearsAny, true, from, 1000);
            // On a tie the network is back: report the election traffic (HA Deepdive names both as cancelling).
            if (reply < until && reply < traffic)
            {
                o.Reply(reply);
                Step(reply, h, HaEventKind.PingReply, _explainer.Answering(h, reply) + ": not isolated");
                return true;
            }
            if (traffic < until)
            {
                o.Traffic(traffic, -1, false);
                Step(traffic, h, HaEventKind.ElectionTrafficSeen, "traffic from " + _explainer.HeardHost(h, traffic) + ": not isolated");
                return true;
            }
            return false;
        }

        void Isolate(int h, long s, long e, long isolatedAt, ref HaOutcome o)
        {
            if (e <= isolatedAt) return;
            long response = isolatedAt + (long)Cluster.IsolationPolicyDelay.TotalMilliseconds;
            o.Declare(s, e, isolatedAt, response);
            Step(isolatedAt, h, HaEventKind.IsolationDeclared, "no election traffic and no ping reply");
            long reply = _run.NextTick(h, NetworkRun.PingOk, true, isolatedAt, 1000);
            long traffic = _run.NextTick(h, NetworkRun.HearsAny, true, isolatedAt, 1000);
            long cancel = Math.Min(reply, traffic);
            if (cancel < response)
            {
                o.Cancel(cancel, reply < traffic);
                Step(cancel, h, HaEventKind.IsolationCancelled, (reply < traffic ? _explainer.Answering(h, cancel) : "election traffic from " + _explainer.HeardHost(h, cancel))
                    + $" before the {Sec(response)} s isolation response");
                return;
            }
            // FDM applies the response only if a master is responsible for the VMs or it cannot tell (vSphere API,
            // ClusterDasVmSettingsIsolationResponse): with every other host isolated too, there is none.
            int segment = _run.SegmentAt(response);
            bool responsible = !_run.Flag(segment, h, NetworkRun.DatastoreOk);
            for (int p = 0; p < _topology.HostCount && !responsible; p++)
                responsible = p != h && (_run.Flag(segment, p, NetworkRun.HearsAny) || _run.Flag(segment, p, NetworkRun.PingOk));
            if (!responsible)
            {
                o.Skip();
                Step(response, h, HaEventKind.ResponseSkipped, "no master is responsible for its VMs; they keep running");
                return;
            }
            o.Respond(response);
            ApplyResponse(h, response);
            if (Cluster.IsolationResponse != IsolationResponse.LeaveOn)
                Step(response, FirstOther(h, segment), HaEventKind.VMsRestarted, $"restarts the VMs of {_topology.Hosts[h].Name} as they power off");
        }

        int FirstOther(int h, int segment)
        {
            for (int p = 0; p < _topology.HostCount; p++)
                if (p != h && _run.Flag(segment, p, NetworkRun.InMainGroup)) return p;
            return h == 0 ? 1 : 0;
        }

        void ApplyResponse(int h, long at)
        {
            switch (Cluster.IsolationResponse)
            {
                case IsolationResponse.PowerOff:
                    Step(at, h, HaEventKind.IsolationResponse, "Power off: its VMs are powered off");
                    break;
                case IsolationResponse.ShutDown:
                    var timeout = (long)Cluster.IsolationShutdownTimeout.TotalMilliseconds;
                    Step(at, h, HaEventKind.IsolationResponse, "Shut down: guest shutdown of its VMs");
                    Step(at + timeout, h, HaEventKind.ForcedPowerOff, $"VMs still running after das.isolationShutdownTimeout ({Sec(timeout)} s) are powered off");
                    break;
                default:
                    Step(at, h, HaEventKind.IsolationResponse, "Leave powered on: its VMs keep running");
                    break;
            }
        }

        /// <summary>
        /// The master's side of the cluster classifies a host it cannot reach (HA Deepdive, "host failure"): a slave
        /// from 3 s by its datastore heartbeats, unreachable at 10 s and pinged for 5 s, then judged at 18 s (15 s
        /// without heartbeat datastores); a lost master by the new master, elected at 25 s, which restarts at 35 s.
        /// Datastore heartbeats present: partitioned (or isolated, if the host says so); absent or no heartbeat
        /// datastore to tell: dead, and its VMs are restarted.
        /// </summary>
        void FdmMasterJudges(int h, ref HaOutcome o)
        {
            const long second = 1000;
            var name = _topology.Hosts[h].Name;
            int datastores = Cluster.HeartbeatDatastoreCount;
            for (long t = 0; ;)
            {
                long s = _run.NextTick(h, NetworkRun.InMainGroup, false, t, second);
                if (s == long.MaxValue) break;
                long e = _run.NextTick(h, NetworkRun.InMainGroup, true, s, second);
                long judged = s + (h == 0 ? MasterJudgedMs : datastores > 0 ? SlaveJudgedMs : SlaveJudgedWithoutDatastoresMs);
                if (e > judged)
                {
                    int segment = _run.SegmentAt(judged);
                    int judge = FirstOther(h, segment);
                    if (h != 0)
                    {
                        if (datastores > 0)
                            Step(s + DatastoreCheckMs, judge, HaEventKind.DatastoreHeartbeatsChecked, $"no heartbeat from {name}; watches its {Plural(datastores, "heartbeat datastore")}");
                        Step(s + SlaveUnreachableMs, judge, HaEventKind.HostUnreachable, $"{name} unreachable; pings its management address for 5 s");
                    }
                    if (datastores > 0 && _run.Flag(segment, h, NetworkRun.DatastoreOk))
                    {
                        o.Partition(judged, judge);
                        Step(judged, judge, HaEventKind.HostPartitioned, $"{name}'s datastore heartbeats continue: partitioned, or isolated if it says so");
                    }
                    else
                    {
                        long restart = h == 0 ? s + MasterRestartMs : judged;
                        o.Fail(judged, judge, restart);
                        Step(judged, judge, HaEventKind.HostDeclaredFailed, datastores > 0
                            ? $"no network or datastore heartbeat from {name}: dead"
                            : $"no network heartbeat from {name} and no heartbeat datastore to tell a partition from a failure: dead");
                        Step(restart, judge, HaEventKind.VMsRestarted, _run.Flag(segment, h, NetworkRun.Down) || !_run.Flag(segment, h, NetworkRun.DatastoreOk)
                            ? $"restarts the VMs of {name}"
                            : $"tries to restart the VMs of {name}; the restarts fail while {name} still runs them and holds their VMFS locks");
                    }
                }
                if (e == long.MaxValue) break;
                t = e;
            }
        }

        static string Plural(int count, string noun) => count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

        internal static string Sec(long ms) => VNFailureEvent.Seconds(TimeSpan.FromMilliseconds(ms));
    }

    /// <summary>An HA agent's step in the timeline before it becomes a <see cref="VNHaTimelineEvent"/>.</summary>
    internal struct HaStep
    {
        public long Time;
        public int Actor;
        public HaEventKind Kind;
        public string Detail;
    }

    /// <summary>What happened to one host, kept for the verdict and the explanation. Times in ms; -1 or null: never.</summary>
    internal struct HaOutcome
    {
        public HaVerdict Verdict;
        public long LossAt, ResumeAt;
        public long? DeclaredAt, ResponseAt, PlannedResponseAt, CancelledAt, ReplyAt, TrafficAt, FailedAt, RestartAt, PartitionedAt;
        public bool CancelledByPing, ResponseSkipped, NoRestart, TrafficInMainGroup;
        public int TrafficLeader, Judge;

        /// <summary>Keeps the first loss of heartbeats, unless a later one is the one that isolates.</summary>
        public void Episode(long loss, long resume)
        {
            if (LossAt >= 0) return;
            LossAt = loss;
            ResumeAt = resume;
        }

        public void Declare(long loss, long resume, long declared, long plannedResponse)
        {
            if (DeclaredAt.HasValue) return;
            LossAt = loss;
            ResumeAt = resume;
            DeclaredAt = declared;
            PlannedResponseAt = plannedResponse;
        }

        public void Respond(long at) { if (!ResponseAt.HasValue) ResponseAt = at; }

        public void Cancel(long at, bool byPing)
        {
            if (CancelledAt.HasValue || ResponseAt.HasValue || ResponseSkipped) return;
            CancelledAt = at;
            CancelledByPing = byPing;
        }

        public void Skip() { if (!ResponseAt.HasValue && !CancelledAt.HasValue) ResponseSkipped = true; }

        public void Reply(long at) { if (!ReplyAt.HasValue) ReplyAt = at; }

        public void Traffic(long at, int leader, bool mainGroup)
        {
            if (TrafficAt.HasValue) return;
            TrafficAt = at;
            TrafficLeader = leader;
            TrafficInMainGroup = mainGroup;
        }

        public void Fail(long at, int by, long restart)
        {
            if (FailedAt.HasValue) return;
            FailedAt = at;
            RestartAt = restart;
            Judge = by;
        }

        public void Partition(long at, int by)
        {
            if (PartitionedAt.HasValue) return;
            PartitionedAt = at;
            Judge = by;
        }
    }
}
