using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Net;
using Xunit;
using static VirtNet.Tests.HaLab;

namespace VirtNet.Tests.Rules
{
    /// <summary>The HA rules (VNH), each with a configuration that triggers it and one that does not.</summary>
    public class HaRuleTests
    {
        static IReadOnlyList<VNFinding> Findings(VNCluster cluster, string ruleId)
        {
            var check = new ConfigurationCheck();
            check.Add(cluster);
            return check.Run(RuleCatalogue.Match(ruleId));
        }

        static string[] Targets(VNCluster cluster, string ruleId) => Findings(cluster, ruleId).Select(f => f.Target).ToArray();

        static Dictionary<string, object> Setting(string name, object value) => new Dictionary<string, object> { [name] = value };

        /// <summary>A vswif1 on each host: on vSwitch0, or on a vSwitch1 of its own with vmnic2 to cat-b.</summary>
        static void AddSecondServiceConsole(HaLab lab, string addressPrefix, bool ownVirtualSwitch)
        {
            int n = 1;
            foreach (var host in lab.Hosts)
            {
                var vswitch = host.VirtualSwitches[0];
                if (ownVirtualSwitch)
                {
                    vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
                    Cable(vswitch.AddUplink("vmnic2"), lab.SwitchB, "Gi1/0/1" + n, PortFastMode.Enabled);
                }
                Management(vswitch.AddPortGroup("Service Console 2"), "vswif1", addressPrefix + n, null);
                n++;
            }
        }

        [Fact]
        public void A_cluster_is_checked_with_its_hosts()
        {
            var check = new ConfigurationCheck();
            check.Add(new HaLab().Cluster());
            Assert.Contains(check.Run(), f => f.RuleId == "VNR001" && f.Target == "esx01/vSwitch0");
        }

        [Fact]
        public void VNH001_flags_a_host_whose_only_management_port_has_one_uplink()
        {
            var findings = Findings(new HaLab().Cluster(), "VNH001");
            Assert.Equal(new[] { "esx01", "esx02", "esx03" }, findings.Select(f => f.Target));
            Assert.Equal("Host esx01 of cluster cluster currently has no management network redundancy: its only management port vswif0 uses only vmnic0 (cat-a/Gi1/0/1).",
                findings[0].Message);
        }

        [Fact]
        public void VNH001_is_quiet_with_a_standby_uplink_a_second_Service_Console_or_the_warning_suppressed()
        {
            Assert.Empty(Findings(new HaLab(standby: true).Cluster(), "VNH001"));
            var second = new HaLab();
            AddSecondServiceConsole(second, "192.168.2.1", ownVirtualSwitch: true);
            Assert.Empty(Findings(second.Cluster(), "VNH001"));
            Assert.Empty(Findings(new HaLab().Cluster(advanced: Setting("das.ignoreRedundantNetWarning", true)), "VNH001"));
        }

        [Fact]
        public void VNH002_flags_a_legacy_HA_host_whose_short_name_does_not_resolve()
        {
            var lab = new HaLab();
            lab[2].DnsResolution = DnsResolution.Fqdn;
            var finding = Assert.Single(Findings(lab.Cluster(), "VNH002"));
            Assert.Equal("esx02", finding.Target);
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Equal("Host esx02 (esx02.lab.local) of legacy HA cluster cluster: its short name does not resolve, " +
                "its address does not resolve back to its short name, so configuring HA on it fails.", finding.Message);
        }

        [Fact]
        public void VNH002_is_quiet_when_every_lookup_works_or_on_FDM()
        {
            Assert.Empty(Findings(new HaLab().Cluster(), "VNH002"));
            var fdm = new HaLab(version: "5.1");
            fdm[2].DnsResolution = DnsResolution.None;
            Assert.Empty(Findings(fdm.Cluster(), "VNH002"));
        }

        [Fact]
        public void VNH003_flags_hosts_whose_gateway_does_not_answer_ping_and_that_have_no_other_isolation_address()
        {
            var lab = new HaLab();
            lab.Gateway.RespondsToPing = false;
            var findings = Findings(lab.Cluster(), "VNH003");
            Assert.Equal(new[] { "esx01", "esx02", "esx03" }, findings.Select(f => f.Target));
            Assert.Equal("Host esx01 of cluster cluster pings only 192.168.1.1 (cat-a/gateway), which does not answer ping.", findings[0].Message);
            var none = Findings(new HaLab().Cluster(advanced: Setting("das.usedefaultisolationaddress", false)), "VNH003");
            Assert.Equal(3, none.Count);
            Assert.Contains("das.usedefaultisolationaddress is false and no das.isolationaddress is set", none[0].Message);
        }

        [Fact]
        public void VNH003_is_quiet_with_an_answering_gateway_or_another_isolation_address()
        {
            Assert.Empty(Findings(new HaLab().Cluster(), "VNH003"));
            var lab = new HaLab();
            lab.Gateway.RespondsToPing = false;
            lab.SwitchA.AddEndpoint("probe", IPv4Address.Parse("192.168.1.254"), null, true, EndpointRole.Other);
            Assert.Empty(Findings(lab.Cluster(isolationAddress: IPv4Address.Parse("192.168.1.254")), "VNH003"));
        }

        [Fact]
        public void VNH004_flags_isolation_addresses_with_a_failure_detection_time_below_20_s()
        {
            var finding = Assert.Single(Findings(new HaLab().Cluster(isolationAddress: IPv4Address.Parse("192.168.1.254")), "VNH004"));
            Assert.Equal("cluster", finding.Target);
            Assert.Equal("Cluster cluster pings isolation address 192.168.1.254 with das.failuredetectiontime 15000 ms, below the 20000 ms advised.", finding.Message);
        }

        [Fact]
        public void VNH004_is_quiet_at_20_s_without_isolation_addresses_or_on_FDM()
        {
            Assert.Empty(Findings(new HaLab().Cluster(S(20), isolationAddress: IPv4Address.Parse("192.168.1.254")), "VNH004"));
            Assert.Empty(Findings(new HaLab().Cluster(), "VNH004"));
            Assert.Empty(Findings(new HaLab(version: "5.1").Cluster(isolationAddress: IPv4Address.Parse("192.168.1.254")), "VNH004"));
        }

        [Fact]
        public void VNH005_flags_a_second_Service_Console_on_the_subnet_of_the_first()
        {
            var lab = new HaLab();
            AddSecondServiceConsole(lab, "192.168.1.2", ownVirtualSwitch: true);
            var findings = Findings(lab.Cluster(), "VNH005");
            Assert.Equal(new[] { "esx01/vswif1", "esx02/vswif1", "esx03/vswif1" }, findings.Select(f => f.Target));
            Assert.Equal("Second management port vswif1 of esx01 does not back up the first: it is on the subnet of vswif0 (192.168.1.11/24), " +
                "which the Service Console routes out of vswif0, so vswif1 carries no heartbeats.", findings[0].Message);
        }

        [Fact]
        public void VNH005_flags_a_second_Service_Console_on_the_vSwitch_of_the_first()
        {
            var lab = new HaLab();
            AddSecondServiceConsole(lab, "192.168.2.1", ownVirtualSwitch: false);
            var finding = Findings(lab.Cluster(), "VNH005")[0];
            Assert.Equal("Second management port vswif1 of esx01 does not back up the first: it shares vSwitch0 and its uplinks with vswif0.", finding.Message);
        }

        [Fact]
        public void VNH005_is_quiet_for_a_second_Service_Console_on_its_own_vSwitch_and_subnet()
        {
            var lab = new HaLab();
            AddSecondServiceConsole(lab, "192.168.2.1", ownVirtualSwitch: true);
            Assert.Empty(Findings(lab.Cluster(), "VNH005"));
        }

        [Fact]
        public void VNH006_flags_management_ports_that_forward_after_the_legacy_isolation_response()
        {
            var findings = Findings(new HaLab().Cluster(), "VNH006");
            Assert.Equal(new[] { "cat-a/Gi1/0/1", "cat-a/Gi1/0/2", "cat-a/Gi1/0/3" }, findings.Select(f => f.Target));
            Assert.Equal("cat-a/Gi1/0/1 carries management port vswif0 of esx01 (vmnic0) and forwards 30 s after a link-up; " +
                "cluster cluster applies the isolation response 14 s after heartbeats stop, so a 1 s bounce of vmnic0 isolates esx01.", findings[0].Message);
            Assert.Equal(3, Findings(new HaLab(version: "5.0").Cluster(), "VNH006").Count);
        }

        [Fact]
        public void VNH006_flags_only_the_active_ports_of_a_team_that_fails_back()
        {
            var findings = Findings(new HaLab(standby: true).Cluster(), "VNH006");
            Assert.Equal(new[] { "cat-a/Gi1/0/1", "cat-a/Gi1/0/2", "cat-a/Gi1/0/3" }, findings.Select(f => f.Target));
            Assert.EndsWith("so a 1 s bounce of vmnic0 isolates esx01 (failback returns vswif0 to it 100 ms after its link comes up, Net.TeamPolicyUpDelay).",
                findings[0].Message);
        }

        [Fact]
        public void VNH006_counts_the_failback_delay()
        {
            // Bounce 1 s, forwarding 30 s after the link-up, legacy response 14 s after heartbeats stop. Failback after
            // 20 s: heartbeats stop from 21 s to 31 s, 10 s, short of 14 s. After 15 s: from 16 s to 31 s, 15 s: the
            // response comes at 16 + 14 = 30 s, before the port forwards.
            var lab = new HaLab(standby: true);
            foreach (var host in lab.Hosts) host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 20000);
            Assert.Empty(Findings(lab.Cluster(), "VNH006"));
            foreach (var host in lab.Hosts) host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 15000);
            Assert.Equal(3, Findings(lab.Cluster(), "VNH006").Count);
        }

        [Fact]
        public void VNH006_is_quiet_with_PortFast_with_F_60_s_on_FDM_5_1_or_without_failback()
        {
            var noFailback = new HaLab(standby: true);
            foreach (var host in noFailback.Hosts)
                TeamingPolicyChange.Apply(host.VirtualSwitches[0], null, new TeamingPolicyChange { FailbackEnabled = false });
            Assert.Empty(Findings(noFailback.Cluster(), "VNH006"));
            Assert.Empty(Findings(new HaLab(portFast: PortFastMode.Enabled).Cluster(), "VNH006"));
            Assert.Empty(Findings(new HaLab().Cluster(S(60)), "VNH006"));
            Assert.Empty(Findings(new HaLab(version: "5.1").Cluster(), "VNH006"));
        }

        [Fact]
        public void VNH007_flags_an_isolation_policy_delay_below_30_s()
        {
            var cluster = new HaLab(version: "6.7").Cluster(advanced: Setting("das.config.fdm.isolationPolicyDelaySec", 10));
            var finding = Assert.Single(Findings(cluster, "VNH007"));
            Assert.Equal("Cluster cluster sets das.config.fdm.isolationPolicyDelaySec to 10; FDM uses 30 s.", finding.Message);
        }

        [Fact]
        public void VNH007_is_quiet_at_30_s_and_above()
        {
            Assert.Empty(Findings(new HaLab(version: "6.7").Cluster(advanced: Setting("das.config.fdm.isolationPolicyDelaySec", 45)), "VNH007"));
            Assert.Empty(Findings(new HaLab(version: "6.7").Cluster(), "VNH007"));
        }

        [Fact]
        public void VNH008_flags_heartbeat_datastores_per_host_outside_2_to_5()
        {
            var finding = Assert.Single(Findings(new HaLab(version: "6.7").Cluster(advanced: Setting("das.heartbeatDsPerHost", 7)), "VNH008"));
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Equal("Cluster cluster sets das.heartbeatDsPerHost to 7; valid values are 2 to 5.", finding.Message);
        }

        [Fact]
        public void VNH008_is_quiet_from_2_to_5()
        {
            Assert.Empty(Findings(new HaLab(version: "6.7").Cluster(advanced: Setting("das.heartbeatDsPerHost", 5)), "VNH008"));
            Assert.Empty(Findings(new HaLab(version: "6.7").Cluster(), "VNH008"));
        }

        /// <summary>An NFS VMkernel port vmk1 on each host, on vSwitch0 (the management uplinks) or on a vSwitch2 of its own.</summary>
        static void AddIpStorage(HaLab lab, bool onManagementUplinks)
        {
            int n = 1;
            foreach (var host in lab.Hosts)
            {
                var vswitch = host.VirtualSwitches[0];
                if (!onManagementUplinks)
                {
                    vswitch = host.AddVirtualSwitch("vSwitch2", VirtualSwitchType.Standard);
                    Cable(vswitch.AddUplink("vmnic3"), lab.SwitchB, "Gi1/0/2" + n, PortFastMode.Enabled);
                }
                VNVMKernelAdapter.Create(vswitch.AddPortGroup("NFS"), "vmk1", IPv4Address.Parse("10.0.20.1" + n), 24, purpose: new[] { AdapterPurpose.Storage });
                n++;
            }
        }

        [Fact]
        public void VNH009_flags_leave_powered_on_with_IP_storage_on_the_management_uplinks()
        {
            var lab = new HaLab(version: "3.5 U3");
            AddIpStorage(lab, onManagementUplinks: true);
            var findings = Findings(lab.Cluster(), "VNH009");
            Assert.Equal(new[] { "esx01/vmk1", "esx02/vmk1", "esx03/vmk1" }, findings.Select(f => f.Target));
            Assert.Equal("Cluster cluster leaves an isolated host's VMs powered on, but storage port vmk1 of esx01 shares vmnic0 (cat-a/Gi1/0/1) " +
                "with the management network.", findings[0].Message);
        }

        [Fact]
        public void VNH009_is_quiet_with_power_off_or_storage_on_its_own_uplinks()
        {
            var shared = new HaLab(version: "3.5 U3");
            AddIpStorage(shared, onManagementUplinks: true);
            Assert.Empty(Findings(shared.Cluster(response: IsolationResponse.PowerOff), "VNH009"));
            var apart = new HaLab(version: "3.5 U3");
            AddIpStorage(apart, onManagementUplinks: false);
            Assert.Empty(Findings(apart.Cluster(), "VNH009"));
        }
    }
}
