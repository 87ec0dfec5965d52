using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>
    /// Host failures (a crash or a power loss) as HA handles them. FDM's timelines are those of the HA Deepdive
    /// ("host failure"): a failed slave: the master watches its datastore heartbeats from 3 s, declares it unreachable
    /// at 10 s and pings it for 5 s, then declares it dead at 18 s with heartbeat datastores, at 15 s without, and
    /// restarts its VMs; a failed master: the slaves elect from 10 s, the new master is elected at 25 s and restarts
    /// the VMs at 35 s. AAM: the primaries declare a host failed F after its last heartbeat and restart its VMs.
    /// </summary>
    public class HaHostFailureTests
    {
        static VNCluster Cluster(HaLab lab, IReadOnlyList<string> heartbeatDatastores = null, List<string> warnings = null) =>
            VNCluster.Create(new VNClusterSpec { Name = "cluster", Hosts = lab.Hosts, HeartbeatDatastore = heartbeatDatastores }, warnings ?? new List<string>());

        static VNFailureScenario HostDown(object host, double at, double? until = null) =>
            new VNFailureScenario("host down", new[] { new VNFailureEvent(FailureEventKind.HostDown, host, S(at), until.HasValue ? S(until.Value) : (TimeSpan?)null) });

        static VNHaTimelineEvent Entry(VNHaIsolationResult r, HaEventKind kind) => r.Timeline.First(e => e.Event == kind);

        [Fact]
        public void A_failed_slave_is_dead_at_18_s_with_heartbeat_datastores_and_its_VMs_restart()
        {
            var lab = new HaLab(version: "5.1");
            var cluster = Cluster(lab);
            Assert.Equal(HeartbeatDatastorePolicy.Automatic, cluster.HeartbeatDatastorePolicy);
            Assert.Equal(2, cluster.HeartbeatDatastoreCount);
            var results = new HaSimulator(cluster).Run(HostDown(lab[2], 0));
            var r = For(results, lab[2]);
            // Crash at 0: datastore heartbeat check at 0 + 3 = 3 s, unreachable at 0 + 10 = 10 s, pinged until
            // 10 + 5 = 15 s, dead at 0 + 18 = 18 s (3 s more for the datastore heartbeats), restart at once.
            Assert.Equal(HaVerdict.Failed, r.Verdict);
            Assert.Equal(S(0), At(r, HaEventKind.HostDown));
            Assert.Equal(S(3), At(r, HaEventKind.DatastoreHeartbeatsChecked));
            Assert.Equal(S(10), At(r, HaEventKind.HostUnreachable));
            Assert.Equal(S(18), At(r, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(18), At(r, HaEventKind.VMsRestarted));
            Assert.Equal("esx01", Entry(r, HaEventKind.HostDeclaredFailed).Host);
            // The crashed host's own agent does nothing: it neither elects nor declares itself isolated.
            Assert.Null(At(r, HaEventKind.ElectionStarted));
            Assert.Null(r.IsolationDeclaredAt);
            Assert.Null(r.ResponseAt);
            Assert.Equal("esx02 went down at 0 s (a crash or power loss): esx01 declared it failed at 18 s and restarted its VMs at 18 s.", r.Explanation);
            Assert.Equal(HaVerdict.NotIsolated, For(results, lab[1]).Verdict);
            Assert.Equal(HaVerdict.NotIsolated, For(results, lab[3]).Verdict);
        }

        [Fact]
        public void Without_heartbeat_datastores_a_failed_slave_is_dead_at_15_s()
        {
            var lab = new HaLab(version: "5.1");
            var cluster = Cluster(lab, new string[0]);
            Assert.Equal(HeartbeatDatastorePolicy.UserSelected, cluster.HeartbeatDatastorePolicy);
            Assert.Equal(0, cluster.HeartbeatDatastoreCount);
            var r = For(new HaSimulator(cluster).Run(HostDown("esx03", 5)), lab[3]);
            // Crash at 5: unreachable at 5 + 10 = 15 s, pinged 5 s, dead at 5 + 15 = 20 s: no datastore to watch.
            Assert.Equal(HaVerdict.Failed, r.Verdict);
            Assert.Null(At(r, HaEventKind.DatastoreHeartbeatsChecked));
            Assert.Equal(S(15), At(r, HaEventKind.HostUnreachable));
            Assert.Equal(S(20), At(r, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(20), At(r, HaEventKind.VMsRestarted));
        }

        [Theory]
        // Down 0 to 16: back before 18 s with heartbeat datastores (still being judged), after 15 s without.
        [InlineData(true, null)]
        [InlineData(false, 15.0)]
        public void A_host_back_at_16_s_is_dead_only_without_heartbeat_datastores(bool datastores, double? failedAt)
        {
            var lab = new HaLab(version: "5.1");
            var r = For(new HaSimulator(Cluster(lab, datastores ? null : new string[0])).Run(HostDown(lab[2], 0, 16)), lab[2]);
            Assert.Equal(failedAt.HasValue ? HaVerdict.Failed : HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(failedAt.HasValue ? S(failedAt.Value) : (TimeSpan?)null, At(r, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(16), At(r, HaEventKind.HostUp));
        }

        [Fact]
        public void A_failed_master_is_replaced_at_25_s_and_its_VMs_restart_at_35_s()
        {
            var lab = new HaLab(version: "5.1");
            var results = new HaSimulator(Cluster(lab)).Run(HostDown(lab[1], 0));
            var master = For(results, lab[1]);
            // Master crash at 0: the slaves start an election at 0 + 10 = 10 s and hear each other at once; the
            // election ends at 0 + 25 = 25 s with esx02 master; it reads the protected list and restarts at 0 + 35 s.
            Assert.Equal(HaVerdict.Failed, master.Verdict);
            Assert.Equal(S(25), At(master, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(35), At(master, HaEventKind.VMsRestarted));
            Assert.Equal("esx02", Entry(master, HaEventKind.VMsRestarted).Host);
            Assert.Contains("restarted its VMs at 35 s", master.Explanation);
            foreach (var slave in new[] { lab[2], lab[3] })
            {
                var r = For(results, slave);
                Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
                Assert.Equal(S(0), At(r, HaEventKind.MasterLost));
                Assert.Equal(S(10), At(r, HaEventKind.ElectionStarted));
                Assert.Equal(S(10), At(r, HaEventKind.ElectionTrafficSeen));
                Assert.Equal(S(25), At(r, HaEventKind.MasterElected));
                Assert.Equal("esx02", Entry(r, HaEventKind.MasterElected).Host);
                Assert.Null(r.IsolationDeclaredAt);
            }
            Assert.Contains("esx01 is down", For(results, lab[3]).Explanation);
        }

        [Fact]
        public void Legacy_HA_declares_a_crashed_host_failed_at_F_and_restarts_its_VMs()
        {
            var lab = new HaLab(version: "4.1");
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "cluster", Hosts = lab.Hosts, FailureDetectionTime = S(20) }, new List<string>());
            var results = new HaSimulator(cluster).Run(HostDown(lab[3], 2));
            var r = For(results, lab[3]);
            // Last heartbeat at 1 s; the heartbeat at 2 s is missed: declared failed at 2 + F = 2 + 20 = 22 s by the
            // first primary (esx01), which restarts its VMs at once.
            Assert.Equal(HaVerdict.Failed, r.Verdict);
            Assert.Equal(S(22), At(r, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(22), At(r, HaEventKind.VMsRestarted));
            Assert.Equal("esx01", Entry(r, HaEventKind.HostDeclaredFailed).Host);
            Assert.Null(At(r, HaEventKind.IsolationSuspected));
            Assert.Equal(HaVerdict.NotIsolated, For(results, lab[1]).Verdict);
            Assert.Equal(HaVerdict.NotIsolated, For(results, lab[2]).Verdict);
        }

        [Fact]
        public void Without_heartbeat_datastores_an_isolated_slave_is_declared_dead_and_its_restarts_fail_on_the_locks()
        {
            var lab = new HaLab(version: "5.1");
            var r = For(new HaSimulator(Cluster(lab, new string[0])).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0)), lab[2]);
            // The host is alive and isolated (30 s, response at 30 + 30 = 60 s); the master, with no datastore
            // heartbeat to tell, declares it dead at 0 + 15 = 15 s. Its datastores are not on the network, so it still
            // holds the VMs' locks and the restarts fail.
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(30), r.IsolationDeclaredAt);
            Assert.Equal(S(15), At(r, HaEventKind.HostDeclaredFailed));
            Assert.Contains("restarts fail while esx02 still runs them", Entry(r, HaEventKind.VMsRestarted).Detail);
            Assert.Null(At(r, HaEventKind.HostPartitioned));
        }

        [Fact]
        public void With_heartbeat_datastores_the_same_isolated_slave_is_found_partitioned_at_18_s()
        {
            var lab = new HaLab(version: "5.1");
            var r = For(new HaSimulator(Cluster(lab, new[] { "ds-hb1", "ds-hb2" })).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0)), lab[2]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(18), At(r, HaEventKind.HostPartitioned));
            Assert.Null(At(r, HaEventKind.HostDeclaredFailed));
        }

        [Fact]
        public void A_host_outside_the_cluster_is_refused_by_name_with_the_hosts_that_exist()
        {
            var lab = new HaLab(version: "5.1");
            var e = Assert.Throws<VirtNetException>(() => new HaSimulator(Cluster(lab)).Run(HostDown("esx09", 0)));
            Assert.Equal(ErrorIds.FailureTargetNotFound, e.ErrorId);
            Assert.Contains("esx01, esx02, esx03", e.Message);
            var wrong = Assert.Throws<VirtNetException>(() => new VNFailureEvent(FailureEventKind.HostDown, lab.SwitchA, S(0)));
            Assert.Equal(ErrorIds.InvalidFailureScenario, wrong.ErrorId);
        }

        [Fact]
        public void Chosen_heartbeat_datastores_count_up_to_das_heartbeatDsPerHost_and_are_kept_once_each()
        {
            var lab = new HaLab(version: "5.1");
            var cluster = Cluster(lab, new[] { "ds1", "DS1", "ds2", "ds3" });
            Assert.Equal(new[] { "ds1", "ds2", "ds3" }, cluster.HeartbeatDatastore);
            // Three chosen, das.heartbeatDsPerHost 2 (default): each host heartbeats to 2.
            Assert.Equal(2, cluster.HeartbeatDatastoreCount);
            cluster.Set(new VNClusterChange { AdvancedSetting = new Dictionary<string, object> { ["das.heartbeatDsPerHost"] = 4 } }, new List<string>());
            Assert.Equal(3, cluster.HeartbeatDatastoreCount);
            cluster.Set(new VNClusterChange { HeartbeatDatastorePolicy = HeartbeatDatastorePolicy.Automatic }, new List<string>());
            Assert.Equal(HeartbeatDatastorePolicy.Automatic, cluster.HeartbeatDatastorePolicy);
            Assert.Empty(cluster.HeartbeatDatastore);
            Assert.Equal(4, cluster.HeartbeatDatastoreCount);
            cluster.Set(new VNClusterChange { HeartbeatDatastore = new string[0] }, new List<string>());
            Assert.Equal(HeartbeatDatastorePolicy.UserSelected, cluster.HeartbeatDatastorePolicy);
            Assert.Equal(0, cluster.HeartbeatDatastoreCount);
            var conflict = Assert.Throws<VirtNetException>(() => cluster.Set(new VNClusterChange
                { HeartbeatDatastore = new[] { "ds1" }, HeartbeatDatastorePolicy = HeartbeatDatastorePolicy.Automatic }, new List<string>()));
            Assert.Equal(ErrorIds.ConflictingClusterSetting, conflict.ErrorId);
            Assert.Empty(cluster.HeartbeatDatastore);
        }

        [Fact]
        public void Legacy_HA_has_no_heartbeat_datastores_and_says_chosen_ones_are_ignored()
        {
            var lab = new HaLab(version: "4.1");
            var warnings = new List<string>();
            var cluster = Cluster(lab, new[] { "ds1" }, warnings);
            Assert.Equal(0, cluster.HeartbeatDatastoreCount);
            Assert.Contains(warnings, w => w.Contains("legacy HA (AAM) ignores them"));
        }
    }
}
