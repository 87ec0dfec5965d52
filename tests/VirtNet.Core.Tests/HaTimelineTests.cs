using System;
using System.Collections.Generic;
using VirtNet.HA;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests
{
    /// <summary>Worked HA timelines (KB 1003804, the vSphere HA Deepdive, the FDM timers), to the second.</summary>
    public class HaTimelineTests
    {
        [Fact]
        public void V1_legacy_HA_isolates_a_host_whose_port_without_PortFast_forwards_at_31_s()
        {
            var lab = new HaLab();
            var results = new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1));
            var r = For(results, lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(12), At(r, HaEventKind.IsolationSuspected));
            Assert.Equal(S(13), At(r, HaEventKind.IsolationAddressPinged));
            Assert.Equal(S(14), r.IsolationDeclaredAt);
            Assert.Equal(S(14), r.ResponseAt);
            Assert.Equal(IsolationResponse.PowerOff, r.Response);
            Assert.Equal(S(15), At(r, HaEventKind.HostDeclaredFailed));
            Assert.Equal(S(31), At(r, HaEventKind.PortForwarding));
            Assert.Equal(S(31), At(r, HaEventKind.HeartbeatsResumed));
            Assert.Contains("Switch port Gi1/0/1 (cat-a) had no PortFast: forwarding at 31 s, after the 14 s isolation response", r.Explanation);
            Assert.Equal(HaVerdict.NotIsolated, For(results, lab[2]).Verdict);
        }

        [Fact]
        public void V1_on_4x_applies_the_shut_down_response_and_powers_off_300_s_later()
        {
            var lab = new HaLab(version: "4.1");
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(IsolationResponse.ShutDown, r.Response);
            Assert.Equal(S(14), r.ResponseAt);
            Assert.Equal(S(314), At(r, HaEventKind.ForcedPowerOff));
        }

        [Fact]
        public void V2_PortFast_brings_the_port_back_at_once_so_the_host_is_not_isolated()
        {
            var lab = new HaLab(portFast: PortFastMode.Enabled);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Null(r.IsolationDeclaredAt);
            Assert.Null(r.ResponseAt);
            // The link is up at 1 s; the teams use it after Net.TeamPolicyUpDelay, 100 ms by default, so the first
            // heartbeat through it is the one at 2 s.
            Assert.Equal(S(2), At(r, HaEventKind.HeartbeatsResumed));
            Assert.Null(At(r, HaEventKind.IsolationSuspected));
        }

        [Fact]
        public void V3_a_60_s_failure_detection_time_outlasts_the_30_s_spanning_tree_wait()
        {
            var lab = new HaLab();
            var r = For(new HaSimulator(lab.Cluster(S(60))).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(31), At(r, HaEventKind.HeartbeatsResumed));
            Assert.Contains("before the 57 s isolation check", r.Explanation);
        }

        [Fact]
        public void V4_an_instant_bounce_with_F_30_still_isolates_at_29_s()
        {
            var lab = new HaLab();
            var r = For(new HaSimulator(lab.Cluster(S(30))).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 0.001)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(29), r.ResponseAt);
        }

        [Fact]
        public void V5_the_recommended_20_s_is_not_enough_without_PortFast()
        {
            var lab = new HaLab();
            var r = For(new HaSimulator(lab.Cluster(S(20))).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(17), At(r, HaEventKind.IsolationSuspected));
            Assert.Equal(S(19), r.ResponseAt);
        }

        [Fact]
        public void V6_failback_onto_a_port_that_still_learns_isolates_the_host_at_115_s()
        {
            var lab = new HaLab(standby: true);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 100)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(0), At(r, HaEventKind.Failover));
            // vmnic0 is up at 100 s and used after the default 100 ms Net.TeamPolicyUpDelay: failback at 100.1 s.
            // The 100 s heartbeat still left on vmnic1; the last one heard is at 100 s, so with F = 15 s the
            // response comes at 100 + 15 = 115 s, before the port forwards at 100 + 2 x 15 = 130 s.
            Assert.Equal(TimeSpan.FromMilliseconds(100100), At(r, HaEventKind.Failback));
            Assert.Equal(S(115), r.ResponseAt);
            Assert.Equal(S(130), At(r, HaEventKind.HeartbeatsResumed));
            Assert.Contains("Failback moved vswif0 (Service Console) back to vmnic0 at 100.1 s", r.Explanation);
            Assert.Contains("forwarding at 130 s, after the 115 s isolation response", r.Explanation);
        }

        [Fact]
        public void V6_with_a_30000_ms_up_delay_failback_waits_for_the_forwarding_port()
        {
            var lab = new HaLab(standby: true);
            foreach (var host in lab.Hosts) host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 30000);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 100)), lab[1]);
            // Up at 100 s, used at 100 + 30 = 130 s, the moment the port forwards (100 + 2 x 15 s): no heartbeat is lost.
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(130), At(r, HaEventKind.Failback));
            Assert.Null(At(r, HaEventKind.HeartbeatsLost));
        }

        [Fact]
        public void V6_with_a_20000_ms_up_delay_the_Service_Console_is_cut_off_for_10_s_which_does_not_isolate()
        {
            var lab = new HaLab(standby: true);
            foreach (var host in lab.Hosts) host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 20000);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 100)), lab[1]);
            // Failback at 100 + 20 = 120 s onto a port that forwards at 130 s: heartbeats 120 to 129 s are lost, the
            // last heard is at 119 s, and suspicion would start at 119 + 15 - 3 = 131 s, after they resume at 130 s.
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(120), At(r, HaEventKind.Failback));
            Assert.Equal(S(130), At(r, HaEventKind.HeartbeatsResumed));
            Assert.Null(At(r, HaEventKind.IsolationSuspected));
        }

        [Fact]
        public void V6_without_failback_the_standby_uplink_keeps_the_heartbeats()
        {
            var lab = new HaLab(standby: true);
            foreach (var host in lab.Hosts)
                TeamingPolicyChange.Apply(host.VirtualSwitches[0], null, new TeamingPolicyChange { FailbackEnabled = false });
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 100)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Null(At(r, HaEventKind.HeartbeatsLost));
            Assert.Equal("vswif0 (Service Console) moved from vmnic0 to vmnic1 at 0 s; its heartbeats never stopped.", r.Explanation);
        }

        [Fact]
        public void V6_with_PortFast_failback_is_harmless()
        {
            var lab = new HaLab(standby: true, portFast: PortFastMode.Enabled);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 100)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            // Up at 100 s, used after the default 100 ms up delay.
            Assert.Equal(TimeSpan.FromMilliseconds(100100), At(r, HaEventKind.Failback));
        }

        [Fact]
        public void V8_an_FDM_5_0_slave_that_loses_the_network_is_isolated_and_responds_at_30_s()
        {
            var lab = new HaLab(version: "5.0");
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0)), lab[2]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(10), At(r, HaEventKind.ElectionStarted));
            Assert.Equal(S(25), At(r, HaEventKind.MasterElected));
            Assert.Equal(S(25), At(r, HaEventKind.IsolationAddressPinged));
            Assert.Equal(S(30), r.IsolationDeclaredAt);
            Assert.Equal(S(30), r.ResponseAt);
            Assert.Equal(IsolationResponse.LeaveOn, r.Response);
        }

        [Fact]
        public void V8b_an_FDM_5_1_slave_responds_after_the_30_s_policy_delay()
        {
            var lab = new HaLab(version: "5.1");
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0)), lab[2]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(30), r.IsolationDeclaredAt);
            Assert.Equal(S(60), r.ResponseAt);
        }

        [Fact]
        public void V9_election_traffic_at_31_s_cancels_a_5_1_slave_isolation_before_its_response()
        {
            var lab = new HaLab(version: "5.1");
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[2]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(30), r.IsolationDeclaredAt);
            Assert.Null(r.ResponseAt);
            Assert.Null(r.Response);
            Assert.Equal(S(31), At(r, HaEventKind.IsolationCancelled));
            Assert.Contains("election traffic at 31 s cancelled it before the 60 s isolation response", r.Explanation);
        }

        [Fact]
        public void V9_on_5_0_the_response_comes_at_30_s_before_the_network_returns()
        {
            var lab = new HaLab(version: "5.0");
            var r = For(new HaSimulator(lab.Cluster(response: IsolationResponse.PowerOff)).Run(LinkDown(lab[2].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[2]);
            Assert.Equal(S(30), r.ResponseAt);
            Assert.Equal(IsolationResponse.PowerOff, r.Response);
        }

        [Theory]
        [InlineData(1, null)]
        [InlineData(20, 35)]
        public void V10_an_isolated_FDM_5_1_master_responds_at_35_s_only_if_still_cut_off(double up, int? response)
        {
            // Up at 1 s: forwarding at 31 s. Up at 20 s: forwarding at 50 s.
            var lab = new HaLab(version: "5.1");
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, up)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(0), At(r, HaEventKind.IsolationAddressPinged));
            Assert.Equal(S(5), r.IsolationDeclaredAt);
            Assert.Equal(response.HasValue ? S(response.Value) : (TimeSpan?)null, r.ResponseAt);
        }

        [Fact]
        public void V13_heartbeats_back_between_F_minus_1_and_F_leave_the_VMs_powered_off_and_never_restarted()
        {
            var lab = new HaLab(portFast: PortFastMode.Enabled);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 14.5)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(14), r.ResponseAt);
            Assert.Equal(S(15), At(r, HaEventKind.HeartbeatsResumed));
            Assert.Null(At(r, HaEventKind.HostDeclaredFailed));
            Assert.Contains("nobody restarts them", r.Explanation);
        }

        [Fact]
        public void V14_plain_PortFast_on_a_trunk_port_counts_as_no_PortFast()
        {
            var lab = new HaLab();
            foreach (var port in lab.SwitchA.Ports) { port.Mode = SwitchPortMode.Trunk; port.PortFast = PortFastMode.Enabled; }
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.Isolated, r.Verdict);
            Assert.Equal(S(14), r.ResponseAt);
            Assert.Contains("plain PortFast, which has no effect on a trunk", r.Explanation);
        }

        [Fact]
        public void PortFast_trunk_on_a_trunk_port_forwards_at_once()
        {
            var lab = new HaLab();
            foreach (var port in lab.SwitchA.Ports) { port.Mode = SwitchPortMode.Trunk; port.PortFast = PortFastMode.Trunk; }
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
        }

        [Fact]
        public void A_shorter_forward_delay_shortens_the_wait_to_twice_its_value()
        {
            var lab = new HaLab();
            lab.SwitchA.ForwardDelay = S(4);
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(9), At(r, HaEventKind.HeartbeatsResumed));
        }

        [Theory]
        [InlineData(PortFastMode.Disabled, HaVerdict.Isolated)]
        [InlineData(PortFastMode.Enabled, HaVerdict.NotIsolated)]
        public void Rapid_PVST_forwards_at_once_only_on_edge_ports(PortFastMode portFast, HaVerdict verdict)
        {
            var lab = new HaLab(portFast: portFast);
            lab.SwitchA.SpanningTree = SpanningTreeMode.RapidPvst;
            var r = For(new HaSimulator(lab.Cluster()).Run(LinkDown(lab[1].VirtualSwitches[0].Uplinks[0], 0, 1)), lab[1]);
            Assert.Equal(verdict, r.Verdict);
        }

        [Fact]
        public void Whole_cluster_isolation_on_FDM_skips_the_response_because_no_master_owns_the_VMs()
        {
            var lab = new HaLab(version: "5.1");
            var scenario = new VNFailureScenario("cat-a down", new[] { new VNFailureEvent(FailureEventKind.SwitchDown, lab.SwitchA, TimeSpan.Zero) });
            var results = new HaSimulator(lab.Cluster(response: IsolationResponse.PowerOff)).Run(scenario);
            var master = For(results, lab[1]);
            Assert.Equal(HaVerdict.Isolated, master.Verdict);
            Assert.Equal(S(5), master.IsolationDeclaredAt);
            Assert.Null(master.ResponseAt);
            Assert.Equal(S(35), At(master, HaEventKind.ResponseSkipped));
            Assert.Equal(S(60), At(For(results, lab[2]), HaEventKind.ResponseSkipped));
        }

        [Fact]
        public void A_host_whose_peers_all_fail_is_not_isolated_while_its_gateway_answers()
        {
            var lab = new HaLab();
            var events = new List<VNFailureEvent>();
            foreach (var host in lab.Hosts)
                if (host != lab[1]) events.Add(new VNFailureEvent(FailureEventKind.LinkDown, host.VirtualSwitches[0].Uplinks[0], TimeSpan.Zero));
            var r = For(new HaSimulator(lab.Cluster()).Run(new VNFailureScenario("peers down", events)), lab[1]);
            Assert.Equal(HaVerdict.NotIsolated, r.Verdict);
            Assert.Equal(S(13), At(r, HaEventKind.PingReply));
            Assert.Contains("an isolation address answered at 13 s", r.Explanation);
        }
    }
}
