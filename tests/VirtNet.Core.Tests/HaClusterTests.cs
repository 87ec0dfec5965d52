using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>Cluster profiles, das.* settings, failure scenarios and the standard catalogue.</summary>
    public class HaClusterTests
    {
        [Theory]
        [InlineData("3.5", HaAgent.Aam, HaProfile.AamUpTo35U2, IsolationResponse.PowerOff)]
        [InlineData("3.5 U2", HaAgent.Aam, HaProfile.AamUpTo35U2, IsolationResponse.PowerOff)]
        [InlineData("3.5 U3", HaAgent.Aam, HaProfile.Aam35U3, IsolationResponse.LeaveOn)]
        [InlineData("4.1", HaAgent.Aam, HaProfile.Aam4, IsolationResponse.ShutDown)]
        [InlineData("5.0", HaAgent.Fdm, HaProfile.Fdm50, IsolationResponse.LeaveOn)]
        [InlineData("6.7", HaAgent.Fdm, HaProfile.Fdm51, IsolationResponse.LeaveOn)]
        public void Each_generation_gets_the_defaults_of_its_new_clusters(string version, HaAgent agent, HaProfile profile, IsolationResponse response)
        {
            var cluster = new HaLab(version: version).Cluster();
            Assert.Equal(agent, cluster.HaAgent);
            Assert.Equal(profile, cluster.HaProfile);
            Assert.Equal(response, cluster.IsolationResponse);
            Assert.Equal(agent == HaAgent.Aam ? S(15) : (TimeSpan?)null, cluster.FailureDetectionTime);
            Assert.Equal(profile == HaProfile.Fdm51 ? S(30) : TimeSpan.Zero, cluster.IsolationPolicyDelay);
            Assert.Equal(S(300), cluster.IsolationShutdownTimeout);
            Assert.Equal(2, cluster.HeartbeatDatastoresPerHost);
            Assert.True(cluster.UseDefaultIsolationAddress);
        }

        [Fact]
        public void FDM_pushed_to_4x_hosts_takes_the_5_1_profile()
        {
            var lab = new HaLab(version: "4.1");
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = lab.Hosts, HaAgent = HaAgent.Fdm }, new List<string>());
            Assert.Equal(HaProfile.Fdm51, cluster.HaProfile);
        }

        [Fact]
        public void Legacy_HA_on_a_5_0_host_is_refused()
        {
            var lab = new HaLab(version: "5.0");
            var e = Assert.Throws<VirtNetException>(() => VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = lab.Hosts, HaAgent = HaAgent.Aam }, new List<string>()));
            Assert.Equal(ErrorIds.InvalidCluster, e.ErrorId);
        }

        [Fact]
        public void An_isolation_policy_delay_below_30_s_is_clamped_to_30_with_a_warning()
        {
            var warnings = new List<string>();
            var cluster = new HaLab(version: "6.7").Cluster(advanced: new Dictionary<string, object> { ["das.config.fdm.isolationPolicyDelaySec"] = 10 }, warnings: warnings);
            Assert.Equal(S(30), cluster.IsolationPolicyDelay);
            Assert.Equal("10", cluster.AdvancedSetting["das.config.fdm.isolationPolicyDelaySec"]);
            Assert.Contains(warnings, w => w.Contains("below the minimum"));
        }

        [Fact]
        public void A_longer_isolation_policy_delay_delays_the_response()
        {
            var lab = new HaLab(version: "6.7");
            var cluster = lab.Cluster(advanced: new Dictionary<string, object> { ["DAS.CONFIG.FDM.ISOLATIONPOLICYDELAYSEC"] = "45" });
            Assert.Equal(S(45), cluster.IsolationPolicyDelay);
            var r = For(new HaSimulator(cluster).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0)), lab[2]);
            Assert.Equal(S(75), r.ResponseAt);
        }

        [Fact]
        public void The_policy_delay_on_FDM_5_0_is_ignored_with_a_warning()
        {
            var warnings = new List<string>();
            var cluster = new HaLab(version: "5.0").Cluster(advanced: new Dictionary<string, object> { ["das.config.fdm.isolationPolicyDelaySec"] = 60 }, warnings: warnings);
            Assert.Equal(TimeSpan.Zero, cluster.IsolationPolicyDelay);
            Assert.Single(warnings);
        }

        [Fact]
        public void An_unknown_das_name_is_kept_with_a_warning()
        {
            var warnings = new List<string>();
            var cluster = new HaLab().Cluster(advanced: new Dictionary<string, object> { ["das.bypassNetCompatCheck"] = true }, warnings: warnings);
            Assert.Equal("true", cluster.AdvancedSetting["das.bypassNetCompatCheck"]);
            Assert.Equal("das.bypassNetCompatCheck is not an HA advanced option VirtNet simulates; it is kept but has no effect.", Assert.Single(warnings));
        }

        [Theory]
        [InlineData("isolation.address", "1.2.3.4")]
        [InlineData("das.failuredetectiontime", "fast")]
        [InlineData("das.failuredetectiontime", "3000")]
        [InlineData("das.isolationaddress0", "192.168.1.300")]
        [InlineData("das.usedefaultisolationaddress", "no")]
        [InlineData("das.heartbeatDsPerHost", "-1")]
        [InlineData("das.allowNetwork0", "")]
        public void Invalid_advanced_settings_are_refused(string name, string value)
        {
            var e = Assert.Throws<VirtNetException>(() => new HaLab().Cluster(advanced: new Dictionary<string, object> { [name] = value }));
            Assert.Equal(ErrorIds.InvalidAdvancedSetting, e.ErrorId);
        }

        [Fact]
        public void Failure_detection_time_comes_from_the_advanced_setting_in_milliseconds()
        {
            var cluster = new HaLab().Cluster(advanced: new Dictionary<string, object> { ["das.failuredetectiontime"] = 20000 });
            Assert.Equal(S(20), cluster.FailureDetectionTime);
        }

        [Fact]
        public void A_parameter_that_contradicts_its_advanced_setting_is_refused()
        {
            var e = Assert.Throws<VirtNetException>(() => new HaLab().Cluster(S(15), advanced: new Dictionary<string, object> { ["das.failuredetectiontime"] = 20000 }));
            Assert.Equal(ErrorIds.ConflictingClusterSetting, e.ErrorId);
        }

        [Fact]
        public void FDM_ignores_the_failure_detection_time_with_a_warning()
        {
            var warnings = new List<string>();
            var cluster = new HaLab(version: "5.1").Cluster(S(20), warnings: warnings);
            Assert.Null(cluster.FailureDetectionTime);
            Assert.Contains(warnings, w => w.Contains("ignores das.failuredetectiontime"));
        }

        [Fact]
        public void Isolation_addresses_come_bare_first_then_by_index_then_from_the_parameter()
        {
            var warnings = new List<string>();
            var cluster = new HaLab().Cluster(advanced: new Dictionary<string, object>
            {
                ["das.isolationaddress1"] = "10.0.0.2",
                ["das.isolationaddress10"] = "10.0.0.3",
                ["das.isolationaddress"] = "10.0.0.1",
            }, warnings: warnings, isolationAddress: IPv4Address.Parse("10.0.0.4"));
            Assert.Equal(new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4" }, cluster.IsolationAddress.Select(a => a.ToString()));
            Assert.Contains(warnings, w => w.StartsWith("das.isolationaddress10:"));
        }

        [Fact]
        public void No_isolation_address_at_all_is_warned_about()
        {
            var warnings = new List<string>();
            var cluster = new HaLab().Cluster(advanced: new Dictionary<string, object> { ["das.usedefaultisolationaddress"] = "false" }, warnings: warnings);
            Assert.False(cluster.UseDefaultIsolationAddress);
            Assert.Contains(warnings, w => w.Contains("nothing to ping"));
        }

        [Fact]
        public void The_isolation_shutdown_timeout_sets_the_forced_power_off()
        {
            var lab = new HaLab(version: "4.1");
            var cluster = lab.Cluster(advanced: new Dictionary<string, object> { ["das.isolationShutdownTimeout"] = 120 });
            var r = For(new HaSimulator(cluster).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0)), lab[1]);
            Assert.Equal(S(134), At(r, HaEventKind.ForcedPowerOff));
        }

        [Fact]
        public void Allow_network_limits_heartbeats_to_the_named_port_groups()
        {
            var lab = new HaLab();
            var e = Assert.Throws<VirtNetException>(() => lab.Cluster(advanced: new Dictionary<string, object> { ["das.allowNetwork0"] = "Service Console 2" }));
            Assert.Equal(ErrorIds.NoManagementNetwork, e.ErrorId);
            var cluster = lab.Cluster(advanced: new Dictionary<string, object> { ["das.allowNetwork0"] = "service console" });
            Assert.Equal(new[] { "service console" }, cluster.AllowNetwork);
        }

        [Fact]
        public void A_cluster_needs_at_least_one_ESX_host_with_a_management_network()
        {
            var lab = new HaLab(hosts: 1);
            // vSphere accepts a one-host cluster; rule VNH010 reports that nobody can restart its VMs.
            Assert.Single(lab.Cluster().Hosts);
            Assert.Equal(ErrorIds.InvalidCluster, Assert.Throws<VirtNetException>(() =>
                VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = new VNHost[0] }, new List<string>())).ErrorId);
            var hyperV = new VNHost("hv01", Hypervisor.HyperV);
            Assert.Equal(ErrorIds.InvalidCluster, Assert.Throws<VirtNetException>(() =>
                VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = new[] { lab[1], hyperV } }, new List<string>())).ErrorId);
            var bare = new VNHost("esx09", Hypervisor.Esx, "3.5");
            Assert.Equal(ErrorIds.NoManagementNetwork, Assert.Throws<VirtNetException>(() =>
                VNCluster.Create(new VNClusterSpec { Name = "c", Hosts = new[] { lab[1], bare } }, new List<string>())).ErrorId);
        }

        [Fact]
        public void AAM_makes_the_first_five_hosts_primaries()
        {
            var cluster = new HaLab(hosts: 7).Cluster();
            Assert.Equal(new[] { true, true, true, true, true, false, false }, cluster.Hosts.Select(cluster.IsPrimary));
        }

        [Fact]
        public void AAM_secondaries_that_hear_only_each_other_suspect_isolation()
        {
            // Secondaries heartbeat only to primaries (Pearson): esx06 and esx07 hear each other, not the cut-off primaries.
            var lab = new HaLab(hosts: 7);
            lab.Gateway.RespondsToPing = false;
            var events = lab.Hosts.Take(5).Select(h => new VNFailureEvent(FailureEventKind.LinkDown, h.VirtualSwitches[0].Uplinks[0], TimeSpan.Zero));
            var r = For(new HaSimulator(lab.Cluster()).Run(new VNFailureScenario("primaries cut off", events)), lab[6]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal("no heartbeat from any primary", r.Timeline.First(e => e.Event == HaEventKind.HeartbeatsLost).Detail);
        }

        [Fact]
        public void A_failure_event_refuses_a_restore_time_that_is_not_after_the_failure()
        {
            var lab = new HaLab();
            var uplink = lab[1].VirtualSwitches[0].Uplinks[0];
            Assert.Equal(ErrorIds.InvalidFailureScenario, Assert.Throws<VirtNetException>(() => new VNFailureEvent(FailureEventKind.LinkDown, uplink, S(5), S(5))).ErrorId);
            Assert.Equal(ErrorIds.InvalidFailureScenario, Assert.Throws<VirtNetException>(() => new VNFailureEvent(FailureEventKind.LinkDown, uplink, S(-1))).ErrorId);
            Assert.Equal(ErrorIds.InvalidFailureScenario, Assert.Throws<VirtNetException>(() => new VNFailureEvent(FailureEventKind.SwitchDown, uplink, S(0))).ErrorId);
            Assert.Equal(ErrorIds.InvalidFailureScenario, Assert.Throws<VirtNetException>(() => new VNFailureEvent(FailureEventKind.SwitchDown, lab.SwitchA, S(0), null, 2)).ErrorId);
        }

        [Theory]
        [InlineData("esx01/vmnic0")]
        [InlineData("ESX01/vSwitch0/vmnic0")]
        [InlineData("cat-a/Gi1/0/1")]
        [InlineData("cat-a/GigabitEthernet1/0/1")]
        public void Link_targets_resolve_by_host_or_switch_path(string name)
        {
            var lab = new HaLab();
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(name, 0, 1)), lab[1]);
            Assert.Equal(S(14), r.ResponseAt);
        }

        [Theory]
        [InlineData("vmnic0")]
        [InlineData("esx01/vmnic7")]
        [InlineData("cat-z/Gi1/0/1")]
        [InlineData("cat-a/Gi1/0/9")]
        public void Unknown_or_ambiguous_targets_are_reported_with_what_exists(string name)
        {
            var lab = new HaLab();
            var e = Assert.Throws<VirtNetException>(() => new HaSimulator(lab.Cluster()).Run(LinkDown(name, 0)));
            Assert.Equal(ErrorIds.FailureTargetNotFound, e.ErrorId);
        }

        [Fact]
        public void The_standard_catalogue_fails_each_uplink_flaps_it_and_fails_each_switch_and_gateway()
        {
            var lab = new HaLab(standby: true);
            var names = new HaSimulator(lab.Cluster()).StandardScenarios().Select(s => s.Name).ToList();
            Assert.Equal(15, names.Count);
            Assert.Equal("esx01/vSwitch0/vmnic0 down", names[0]);
            Assert.Contains("esx03/vSwitch0/vmnic1 flaps 2 s", names);
            Assert.Contains("cat-b down", names);
            Assert.Equal("cat-a/gateway down", names[14]);
        }

        [Fact]
        public void The_standard_catalogue_finds_the_host_without_PortFast()
        {
            var lab = new HaLab(standby: true, portFast: PortFastMode.Enabled);
            lab.SwitchA.GetPort("Gi1/0/3").PortFast = PortFastMode.Disabled;
            var simulator = new HaSimulator(lab.Cluster());
            var isolated = simulator.StandardScenarios().SelectMany(simulator.Run).Where(r => r.Verdict == HaVerdict.Isolated)
                .Select(r => r.Host.Name + ": " + r.Scenario.Name).ToList();
            Assert.Equal(new[] { "esx03: esx03/vSwitch0/vmnic0 flaps 2 s" }, isolated);
        }
    }
}
