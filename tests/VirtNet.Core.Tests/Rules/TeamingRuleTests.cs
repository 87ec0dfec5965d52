using System.Linq;
using Xunit;

namespace VirtNet.Tests.Rules
{
    public class TeamingRuleTests
    {
        [Fact]
        public void The_baseline_lab_has_no_finding_at_all()
        {
            Assert.Empty(new RuleLab().CheckAll());
        }

        [Fact]
        public void IP_hash_with_a_static_channel_over_exactly_its_uplinks_on_one_stack_has_no_finding_at_all()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            Assert.Empty(lab.CheckAll());
        }

        [Fact]
        public void VNT001_reports_IP_hash_over_ports_in_no_channel()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            var finding = Assert.Single(lab.Check("VNT001"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Contains("vmnic0 (core1/Gi1/0/1), vmnic1 (core1/Gi2/0/1)", finding.Message);
        }

        [Fact]
        public void VNT001_names_the_port_group_that_overrides_the_policy_to_IP_hash()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP }, lab.VMNetwork);
            Assert.Equal(new[] { "esx01/vSwitch1/VM Network" }, lab.Check("VNT001").Select(f => f.Target));
        }

        [Fact]
        public void VNT001_is_silent_with_a_static_channel()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            Assert.Empty(lab.Check("VNT001"));
        }

        [Theory]
        [InlineData(PortChannelMode.Active, "mode Active, LACP")]
        [InlineData(PortChannelMode.Passive, "mode Passive, LACP")]
        [InlineData(PortChannelMode.Desirable, "mode Desirable, PAgP")]
        [InlineData(PortChannelMode.Auto, "mode Auto, PAgP")]
        public void VNT002_reports_IP_hash_on_a_standard_vSwitch_towards_a_negotiated_channel(PortChannelMode mode, string expected)
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel(mode);
            var finding = Assert.Single(lab.Check("VNT002"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.Contains("core1/Po1 (" + expected + ")", finding.Message);
        }

        [Fact]
        public void VNT002_is_silent_for_a_static_channel()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel(PortChannelMode.On);
            Assert.Empty(lab.Check("VNT002"));
        }

        [Fact]
        public void VNT002_accepts_LACP_on_a_distributed_switch_from_5_1_but_not_on_5_0()
        {
            var current = new RuleLab("5.1", type: VirtualSwitchType.Distributed);
            current.UseIpHashWithChannel(PortChannelMode.Active);
            Assert.Empty(current.Check("VNT002"));

            var older = new RuleLab("5.0", type: VirtualSwitchType.Distributed);
            older.UseIpHashWithChannel(PortChannelMode.Active);
            Assert.Contains("a distributed switch on ESX 5.0", Assert.Single(older.Check("VNT002")).Message);
        }

        [Fact]
        public void VNT002_rejects_PAgP_even_on_a_current_distributed_switch()
        {
            var lab = new RuleLab("6.7", type: VirtualSwitchType.Distributed);
            lab.UseIpHashWithChannel(PortChannelMode.Desirable);
            Assert.Single(lab.Check("VNT002"));
        }

        [Theory]
        [InlineData(LoadBalancingPolicy.LoadBalanceSrcId, "route based on originating port ID")]
        [InlineData(LoadBalancingPolicy.LoadBalanceSrcMac, "route based on source MAC hash")]
        [InlineData(LoadBalancingPolicy.ExplicitFailover, "use explicit failover order")]
        public void VNT003_reports_a_channel_under_a_policy_other_than_IP_hash(LoadBalancingPolicy policy, string wording)
        {
            var lab = new RuleLab();
            lab.Switch.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi2/0/1" }, PortChannelMode.On);
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = policy });
            var finding = Assert.Single(lab.Check("VNT003"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.Contains(wording, finding.Message);
            Assert.Contains("members of core1/Po1", finding.Message);
        }

        [Fact]
        public void VNT003_is_silent_for_IP_hash_over_a_channel_and_for_port_ID_without_one()
        {
            var hashed = new RuleLab();
            hashed.UseIpHashWithChannel();
            Assert.Empty(hashed.Check("VNT003"));
            Assert.Empty(new RuleLab().Check("VNT003"));
        }

        [Fact]
        public void VNT004_reports_IP_hash_with_a_standby_uplink()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } });
            var finding = Assert.Single(lab.Check("VNT004"));
            Assert.Contains("with standby uplinks vmnic1;", finding.Message);
        }

        [Fact]
        public void VNT004_reports_a_port_group_that_makes_an_uplink_unused_under_IP_hash()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            lab.SetTeaming(new TeamingPolicyChange { MakeNicUnused = new[] { "vmnic0" } }, lab.Management);
            var finding = Assert.Single(lab.Check("VNT004"));
            Assert.Equal("esx01/vSwitch1/Management Network", finding.Target);
            Assert.Contains("unused uplinks vmnic0", finding.Message);
        }

        [Fact]
        public void VNT004_reports_IP_hash_with_beacon_probing()
        {
            var lab = new RuleLab(uplinks: 3);
            lab.UseIpHashWithChannel();
            lab.SetTeaming(new TeamingPolicyChange { NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing });
            Assert.Contains("with beacon probing;", Assert.Single(lab.Check("VNT004")).Message);
        }

        [Fact]
        public void VNT004_is_silent_for_IP_hash_with_all_uplinks_active_and_link_status()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            Assert.Empty(lab.Check("VNT004"));
        }

        [Fact]
        public void VNT005_reports_an_active_uplink_outside_the_channel()
        {
            var lab = new RuleLab(uplinks: 3);
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            lab.Switch.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi2/0/1" }, PortChannelMode.On);
            var finding = Assert.Single(lab.Check("VNT005"));
            Assert.EndsWith("but core1/Po1 has members Gi1/0/1, Gi2/0/1; Gi1/0/2 is in no channel.", finding.Message);
        }

        [Fact]
        public void VNT005_reports_a_channel_member_that_no_active_uplink_uses()
        {
            var lab = new RuleLab();
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            lab.Switch.AddPortChannel("Po1", new[] { "Gi1/0/1", "Gi2/0/1", "Gi1/0/5" }, PortChannelMode.On);
            Assert.EndsWith("but core1/Po1 has members Gi1/0/1, Gi2/0/1, Gi1/0/5.", Assert.Single(lab.Check("VNT005")).Message);
        }

        [Fact]
        public void VNT005_is_silent_when_the_channel_matches_the_active_uplinks()
        {
            var lab = new RuleLab(uplinks: 4);
            lab.UseIpHashWithChannel();
            Assert.Empty(lab.Check("VNT005"));
        }

        [Fact]
        public void VNT006_reports_IP_hash_over_two_separate_switches()
        {
            var lab = new RuleLab(uplinks: 1, stack: 1);
            var second = new VNPhysicalSwitch("core2", "Catalyst 3560");
            lab.AddUplink("Gi0/1", physicalSwitch: second);
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            var finding = Assert.Single(lab.Check("VNT006"));
            Assert.Equal("esx01/vSwitch1", finding.Target);
            Assert.Contains("which go to core1, core2:", finding.Message);
        }

        [Fact]
        public void VNT006_accepts_a_channel_across_the_members_of_one_stack()
        {
            var lab = new RuleLab(stack: 2);
            lab.UseIpHashWithChannel();
            Assert.Equal(1, lab.Port(0).StackMember);
            Assert.Equal(2, lab.Port(1).StackMember);
            Assert.Empty(lab.Check("VNT006"));
        }

        [Fact]
        public void VNT007_reports_beacon_probing_over_two_uplinks()
        {
            var lab = new RuleLab(uplinks: 2);
            lab.SetTeaming(new TeamingPolicyChange { NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing });
            var finding = Assert.Single(lab.Check("VNT007"));
            Assert.Equal(Severity.Warning, finding.Severity);
            Assert.Contains("over 2 uplinks (vmnic0, vmnic1)", finding.Message);
        }

        [Fact]
        public void VNT007_counts_standby_uplinks_and_is_silent_with_three()
        {
            var lab = new RuleLab(uplinks: 3);
            lab.SetTeaming(new TeamingPolicyChange
            {
                NetworkFailoverDetectionPolicy = NetworkFailoverDetectionPolicy.BeaconProbing,
                MakeNicStandby = new[] { "vmnic2" },
            });
            Assert.Empty(lab.Check("VNT007"));
        }

        // Set-VNTeamingPolicy and Import-VNConfig refuse load-based teaming where it does not exist, so these
        // tests store the policy directly, as a model built around TeamingPolicyChange would hold it.
        [Fact]
        public void VNT008_reports_load_based_teaming_on_a_standard_vSwitch()
        {
            var lab = new RuleLab();
            lab.VSwitch.Teaming.LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceLoadBased;
            Assert.Contains("which a standard vSwitch does not offer", Assert.Single(lab.Check("VNT008")).Message);
        }

        [Fact]
        public void VNT008_reports_load_based_teaming_on_a_distributed_switch_before_4_1_only()
        {
            var older = new RuleLab("4.0", type: VirtualSwitchType.Distributed);
            older.VSwitch.Teaming.LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceLoadBased;
            Assert.Contains("host esx01 runs ESX 4.0", Assert.Single(older.Check("VNT008")).Message);

            var current = new RuleLab("4.1", type: VirtualSwitchType.Distributed);
            current.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceLoadBased });
            Assert.Empty(current.Check("VNT008"));
        }

        [Fact]
        public void VNT009_reports_a_team_of_1_and_10_GbE_uplinks()
        {
            var lab = new RuleLab();
            lab.AddUplink("Te1/0/1", speedMbps: 10000);
            Assert.EndsWith("vmnic0 1000 Mbps, vmnic1 1000 Mbps, vmnic2 10000 Mbps.", Assert.Single(lab.Check("VNT009")).Message);
        }

        [Fact]
        public void VNT009_ignores_an_unused_uplink_of_another_speed()
        {
            var lab = new RuleLab();
            lab.AddUplink("Te1/0/1", speedMbps: 10000);
            lab.SetTeaming(new TeamingPolicyChange { MakeNicUnused = new[] { "vmnic2" } });
            Assert.Empty(lab.Check("VNT009"));
        }

        [Fact]
        public void VNT009_does_not_repeat_the_finding_for_a_port_group_that_overrides_only_the_load_balancing()
        {
            var lab = new RuleLab();
            lab.AddUplink("Te1/0/1", speedMbps: 10000);
            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceSrcMac }, lab.VMNetwork);
            Assert.Equal(new[] { "esx01/vSwitch1" }, lab.Check("VNT009").Select(f => f.Target));
        }

        [Fact]
        public void VNT010_reports_that_port_ID_keeps_a_storage_port_and_its_two_targets_on_one_uplink()
        {
            var lab = new RuleLab();
            lab.AddStorage();
            lab.AddStorageTarget("NFS1", "10.0.0.20");
            lab.AddStorageTarget("NFS2", "10.0.0.21");
            var finding = Assert.Single(lab.Check("VNT010"));
            Assert.Equal("esx01/vmk1", finding.Target);
            Assert.Equal(Severity.Information, finding.Severity);
            Assert.Equal("vmk1 (10.0.0.10) sends the traffic to its 2 storage targets (NFS1 10.0.0.20, NFS2 10.0.0.21) over one of " +
                         "the 2 active uplinks of port group NFS: route based on originating port ID keeps each VMkernel port on one uplink.",
                         finding.Message);
        }

        [Fact]
        public void VNT010_reports_IP_hash_towards_a_single_storage_target()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            lab.AddStorage();
            lab.AddStorageTarget("NFS1", "10.0.0.20");
            Assert.Contains("has one storage target (NFS1 10.0.0.20)", Assert.Single(lab.Check("VNT010")).Message);
        }

        [Fact]
        public void VNT010_is_silent_for_IP_hash_with_a_channel_and_two_targets()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            lab.AddStorage();
            lab.AddStorageTarget("NFS1", "10.0.0.20");
            lab.AddStorageTarget("NFS2", "10.0.0.21");
            Assert.Empty(lab.Check("VNT010"));
        }

        [Fact]
        public void VNT010_ignores_targets_outside_the_VMkernel_subnet_and_ports_with_one_active_uplink()
        {
            var lab = new RuleLab();
            lab.UseIpHashWithChannel();
            var nfs = lab.VSwitch.AddPortGroup("NFS", 20);
            lab.AddStorage(portGroup: nfs);
            lab.AddStorageTarget("NFS1", "10.0.0.20");
            lab.AddStorageTarget("far", "10.9.0.20");
            Assert.Contains("has one storage target (NFS1 10.0.0.20)", Assert.Single(lab.Check("VNT010")).Message);

            lab.SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.ExplicitFailover, MakeNicStandby = new[] { "vmnic1" } }, nfs);
            Assert.Empty(lab.Check("VNT010"));
        }
    }
}
