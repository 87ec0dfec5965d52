using System.Linq;
using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>Hyper-V switch types, Switch Embedded Teaming and LBFO teams (New-VMSwitch, New-NetLbfoTeam).</summary>
    public sealed class HyperVSwitchTests
    {
        static VNHost HyperV(string version = "2019") => new VNHost("hv01", Hypervisor.HyperV, version);

        static VNVirtualSwitch External(VNHost host, params string[] nics) =>
            host.AddVirtualSwitch("External", VirtualSwitchType.HyperV, nic: nics);

        static VNVirtualSwitch Set(VNHost host, LoadBalancingAlgorithm? algorithm = null, params string[] nics) =>
            host.AddVirtualSwitch("SETswitch", VirtualSwitchType.HyperV, nic: nics,
                settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true, LoadBalancingAlgorithm = algorithm });

        static VirtNetException Fails(System.Action action) => Assert.Throws<VirtNetException>(action);

        [Fact]
        public void A_Hyper_V_switch_is_External_without_teaming_unless_told_otherwise()
        {
            var vswitch = External(HyperV(), "NIC1");

            Assert.Equal(HyperVSwitchType.External, vswitch.SwitchType);
            Assert.False(vswitch.EmbeddedTeamingEnabled);
            Assert.Null(vswitch.Team);
            Assert.Null(vswitch.TeamingMode);
            Assert.Null(vswitch.LoadBalancingAlgorithm);
            Assert.Null(vswitch.RequiredPortChannel);
            Assert.Null(vswitch.BondMode);
        }

        [Theory]
        [InlineData(HyperVSwitchType.Internal)]
        [InlineData(HyperVSwitchType.Private)]
        public void Internal_and_private_switches_take_no_physical_NIC(HyperVSwitchType type)
        {
            var host = HyperV();
            var vswitch = host.AddVirtualSwitch("Lab", VirtualSwitchType.HyperV, settings: new VirtualSwitchSettings { SwitchType = type });

            Assert.Equal(ErrorIds.UnsupportedOnSwitch, Fails(() => vswitch.AddUplink("NIC1")).ErrorId);
            Assert.Empty(vswitch.Uplinks);
            Assert.Equal(ErrorIds.UnsupportedOnSwitch,
                Fails(() => host.AddVirtualSwitch("Other", VirtualSwitchType.HyperV, nic: new[] { "NIC2" }, settings: new VirtualSwitchSettings { SwitchType = type })).ErrorId);
            Assert.Equal(new[] { "Lab" }, host.VirtualSwitches.Select(s => s.Name));
        }

        [Fact]
        public void Embedded_teaming_is_switch_independent_and_balances_dynamically_by_default()
        {
            var vswitch = Set(HyperV("2016"), null, "NIC1", "NIC2");

            Assert.True(vswitch.EmbeddedTeamingEnabled);
            Assert.Equal(TeamingMode.SwitchIndependent, vswitch.TeamingMode);
            Assert.Equal(LoadBalancingAlgorithm.Dynamic, vswitch.LoadBalancingAlgorithm);
            Assert.Equal(RequiredPortChannel.None, vswitch.RequiredPortChannel);
            Assert.Equal(InboundDistribution.SendingMember, vswitch.InboundDistribution);
        }

        [Theory]
        [InlineData(LoadBalancingAlgorithm.TransportPorts)]
        [InlineData(LoadBalancingAlgorithm.IPAddresses)]
        [InlineData(LoadBalancingAlgorithm.MacAddresses)]
        public void Embedded_teaming_refuses_the_address_hash_algorithms(LoadBalancingAlgorithm algorithm)
        {
            var host = HyperV();
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, Fails(() => Set(host, algorithm, "NIC1")).ErrorId);
            Assert.Empty(host.VirtualSwitches);
        }

        [Fact]
        public void Embedded_teaming_needs_Windows_Server_2016_and_an_External_switch()
        {
            Assert.Equal(ErrorIds.UnsupportedOnHost, Fails(() => Set(HyperV("2012R2"), null, "NIC1")).ErrorId);
            var e = Fails(() => HyperV().AddVirtualSwitch("x", VirtualSwitchType.HyperV,
                settings: new VirtualSwitchSettings { SwitchType = HyperVSwitchType.Internal, EnableEmbeddedTeaming = true }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
        }

        [Fact]
        public void The_model_holds_an_embedded_team_of_nine_or_of_mixed_speeds_for_the_configuration_checks_to_report()
        {
            var vswitch = Set(HyperV(), null);
            foreach (var i in Enumerable.Range(1, 9)) vswitch.AddUplink("NIC" + i, i == 9 ? 1000 : 10000);

            Assert.Equal(9, vswitch.Uplinks.Count);
        }

        [Fact]
        public void A_load_balancing_algorithm_without_embedded_teaming_belongs_to_a_team()
        {
            var e = Fails(() => HyperV().AddVirtualSwitch("x", VirtualSwitchType.HyperV,
                settings: new VirtualSwitchSettings { LoadBalancingAlgorithm = LoadBalancingAlgorithm.HyperVPort }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
            Assert.Contains("New-VNTeam", e.Message);
        }

        [Theory]
        [InlineData(Hypervisor.Esx, VirtualSwitchType.Standard)]
        [InlineData(Hypervisor.Linux, VirtualSwitchType.LinuxBond)]
        public void Hyper_V_settings_on_another_platform_are_refused_not_dropped(Hypervisor hypervisor, VirtualSwitchType type)
        {
            var host = new VNHost("h", hypervisor);
            var e = Fails(() => host.AddVirtualSwitch("sw", type, settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
        }

        [Fact]
        public void Bond_settings_on_a_Hyper_V_switch_are_refused()
        {
            var e = Fails(() => HyperV().AddVirtualSwitch("sw", VirtualSwitchType.HyperV, settings: new VirtualSwitchSettings { BondMode = BondMode.Ieee8023ad }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
        }

        [Fact]
        public void A_team_binds_its_switch_and_keeps_the_member_order_given()
        {
            var host = HyperV();
            var vswitch = External(host, "NIC1", "NIC2", "NIC3");

            var team = host.NewTeam("Team0", new[] { "nic3", "NIC1", "NIC2" }, TeamingMode.Lacp, LoadBalancingAlgorithm.TransportPorts, standbyMember: null);

            Assert.Same(team, vswitch.Team);
            Assert.Same(vswitch, team.VirtualSwitch);
            Assert.Equal(new[] { "NIC3", "NIC1", "NIC2" }, team.TeamMembers);
            Assert.Equal(TeamingMode.Lacp, vswitch.TeamingMode);
            Assert.Equal(LoadBalancingAlgorithm.TransportPorts, vswitch.LoadBalancingAlgorithm);
            Assert.Equal(RequiredPortChannel.Lacp, vswitch.RequiredPortChannel);
            Assert.Equal("hv01/Team0", team.Path);
            Assert.Equal(new[] { team }, host.Teams);
        }

        [Fact]
        public void A_team_defaults_to_switch_independent_and_Dynamic_from_2012_R2_and_TransportPorts_on_2012()
        {
            var host = HyperV("2012R2");
            External(host, "NIC1");
            var team = host.NewTeam("Team0", new[] { "NIC1" });
            Assert.Equal(TeamingMode.SwitchIndependent, team.TeamingMode);
            Assert.Equal(LoadBalancingAlgorithm.Dynamic, team.LoadBalancingAlgorithm);

            var old = HyperV("2012");
            External(old, "NIC1");
            Assert.Equal(LoadBalancingAlgorithm.TransportPorts, old.NewTeam("Team0", new[] { "NIC1" }).LoadBalancingAlgorithm);
        }

        [Theory]
        [InlineData("2008R2", null)]
        [InlineData("2012", LoadBalancingAlgorithm.Dynamic)]
        [InlineData("2022", null)]
        [InlineData("2025", LoadBalancingAlgorithm.HyperVPort)]
        public void Teams_under_a_switch_exist_from_2012_to_2019_and_Dynamic_from_2012_R2(string version, LoadBalancingAlgorithm? algorithm)
        {
            var host = HyperV(version);
            var vswitch = External(host, "NIC1");

            Assert.Equal(ErrorIds.UnsupportedOnHost, Fails(() => host.NewTeam("Team0", new[] { "NIC1" }, TeamingMode.SwitchIndependent, algorithm)).ErrorId);
            Assert.Null(vswitch.Team);
        }

        [Fact]
        public void A_team_takes_every_NIC_of_its_switch_because_the_switch_binds_one_adapter()
        {
            var host = HyperV();
            External(host, "NIC1", "NIC2", "NIC3");

            var e = Fails(() => host.NewTeam("Team0", new[] { "NIC1", "NIC2" }));

            Assert.Equal(ErrorIds.InvalidTeam, e.ErrorId);
            Assert.Contains("NIC3", e.Message);
            Assert.Empty(host.Teams);
        }

        [Fact]
        public void A_team_refuses_members_of_two_switches_an_embedded_team_or_a_second_team()
        {
            var host = HyperV();
            External(host, "NIC1");
            host.AddVirtualSwitch("External2", VirtualSwitchType.HyperV, nic: new[] { "NIC2" });
            Set(host, null, "NIC3");

            Assert.Equal(ErrorIds.InvalidTeam, Fails(() => host.NewTeam("Team0", new[] { "NIC1", "NIC2" })).ErrorId);
            Assert.Equal(ErrorIds.InvalidTeam, Fails(() => host.NewTeam("Team0", new[] { "NIC3" })).ErrorId);
            host.NewTeam("Team0", new[] { "NIC1" });
            Assert.Equal(ErrorIds.InvalidTeam, Fails(() => host.NewTeam("Team1", new[] { "NIC1" })).ErrorId);
            Assert.Equal(ErrorIds.DuplicateName, Fails(() => host.NewTeam("team0", new[] { "NIC2" })).ErrorId);
        }

        [Fact]
        public void A_team_member_that_is_not_on_the_host_is_named_in_the_error_with_what_exists()
        {
            var host = HyperV();
            External(host, "NIC1");

            var e = Fails(() => host.NewTeam("Team0", new[] { "NIC9" }));

            Assert.Equal(ErrorIds.UplinkNotFound, e.ErrorId);
            Assert.Contains("NIC1", e.Message);
        }

        [Fact]
        public void At_most_one_standby_member_and_never_the_only_member()
        {
            var host = HyperV();
            External(host, "NIC1", "NIC2");
            Assert.Equal(ErrorIds.InvalidTeam, Fails(() => host.NewTeam("Team0", new[] { "NIC1", "NIC2" }, standbyMember: "NIC9")).ErrorId);

            var team = host.NewTeam("Team0", new[] { "NIC1", "NIC2" }, standbyMember: "nic2");

            Assert.Equal("NIC2", team.StandbyMember);
            Assert.Equal(new[] { "NIC1" }, team.ActiveMembers.Select(m => m.Name));

            var single = HyperV();
            External(single, "NIC1");
            Assert.Equal(ErrorIds.InvalidTeam, Fails(() => single.NewTeam("Team0", new[] { "NIC1" }, standbyMember: "NIC1")).ErrorId);
        }

        [Fact]
        public void NICs_added_later_join_the_team_and_removing_every_member_dissolves_it()
        {
            var host = HyperV();
            var vswitch = External(host, "NIC1", "NIC2");
            var team = host.NewTeam("Team0", new[] { "NIC2", "NIC1" }, standbyMember: "NIC1");

            vswitch.AddUplink("NIC3");
            Assert.Equal(new[] { "NIC2", "NIC1", "NIC3" }, team.TeamMembers);
            vswitch.RemoveUplink(vswitch.GetUplink("NIC1"));
            Assert.Null(team.StandbyMember);
            vswitch.RemoveUplink(vswitch.GetUplink("NIC2"));
            vswitch.RemoveUplink(vswitch.GetUplink("NIC3"));

            Assert.Null(vswitch.Team);
            Assert.Null(team.VirtualSwitch);
            Assert.Empty(host.Teams);
        }

        [Theory]
        [InlineData(Hypervisor.Esx)]
        [InlineData(Hypervisor.Linux)]
        public void Teams_are_a_Hyper_V_feature(Hypervisor hypervisor)
        {
            Assert.Equal(ErrorIds.UnsupportedOnHost, Fails(() => new VNHost("h", hypervisor).NewTeam("Team0", new[] { "nic0" })).ErrorId);
        }

        /// <summary>New-NetLbfoTeam and nic-teaming-settings.md, for every mode and algorithm.</summary>
        [Theory]
        [InlineData(TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.TransportPorts, InboundDistribution.PrimaryMember)]
        [InlineData(TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.IPAddresses, InboundDistribution.PrimaryMember)]
        [InlineData(TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.MacAddresses, InboundDistribution.PrimaryMember)]
        [InlineData(TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.HyperVPort, InboundDistribution.SendingMember)]
        [InlineData(TeamingMode.SwitchIndependent, LoadBalancingAlgorithm.Dynamic, InboundDistribution.SendingMember)]
        [InlineData(TeamingMode.Static, LoadBalancingAlgorithm.HyperVPort, InboundDistribution.PortChannel)]
        [InlineData(TeamingMode.Static, LoadBalancingAlgorithm.Dynamic, InboundDistribution.PortChannel)]
        [InlineData(TeamingMode.Lacp, LoadBalancingAlgorithm.TransportPorts, InboundDistribution.PortChannel)]
        [InlineData(TeamingMode.Lacp, LoadBalancingAlgorithm.HyperVPort, InboundDistribution.PortChannel)]
        public void Inbound_traffic_arrives_as_documented_for_the_mode_and_algorithm(TeamingMode mode, LoadBalancingAlgorithm algorithm, InboundDistribution expected)
        {
            var host = HyperV();
            var vswitch = External(host, "NIC1", "NIC2");
            var team = host.NewTeam("Team0", new[] { "NIC1", "NIC2" }, mode, algorithm);

            Assert.Equal(expected, team.InboundDistribution);
            Assert.Equal(expected, vswitch.InboundDistribution);
        }

        [Theory]
        [InlineData(VirtualSwitchType.HyperV, Hypervisor.HyperV)]
        [InlineData(VirtualSwitchType.LinuxBond, Hypervisor.Linux)]
        public void The_vSphere_teaming_policy_is_refused_on_Hyper_V_switches_and_bonds(VirtualSwitchType type, Hypervisor hypervisor)
        {
            var vswitch = new VNHost("h", hypervisor).AddVirtualSwitch("sw", type, nic: new[] { "nic0", "nic1" });
            var portGroup = vswitch.AddPortGroup("LAN");

            var e = Fails(() => TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
            Assert.Equal(ErrorIds.UnsupportedOnSwitch,
                Fails(() => TeamingPolicyChange.Apply(vswitch, portGroup, new TeamingPolicyChange { MakeNicStandby = new[] { "nic1" } })).ErrorId);
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, vswitch.TeamingPolicy.LoadBalancingPolicy);
            Assert.Empty(portGroup.TeamingPolicy.StandbyNic);
        }

        [Theory]
        [InlineData(TeamingMode.SwitchIndependent, RequiredPortChannel.None)]
        [InlineData(TeamingMode.Static, RequiredPortChannel.Static)]
        [InlineData(TeamingMode.Lacp, RequiredPortChannel.Lacp)]
        public void Switch_dependent_teams_need_their_kind_of_port_channel(TeamingMode mode, RequiredPortChannel expected)
        {
            Assert.Equal(expected, HyperVTeaming.RequiredChannel(mode));
        }
    }
}
