using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Import;
using VirtNet.Import.Cisco;
using Xunit;

namespace VirtNet.Tests.Import
{
    public class SwitchConfigImportTests
    {
        static SwitchConfigFile Read(string name) => SwitchConfigImport.Read(Fixtures.File("Cisco", name));

        static SwitchImportResult ImportCore1(IReadOnlyList<VNHost> hosts = null, IReadOnlyDictionary<string, string> cabling = null) =>
            SwitchConfigImport.Build(new[] { Read("core1-running-config.txt"), Read("core1-etherchannel-summary.txt"), Read("core1-interfaces-trunk.txt") },
                null, hosts, cabling);

        [Fact]
        public void Running_config_gives_the_switch_its_hostname_and_global_settings()
        {
            var core1 = SwitchConfigImport.Build(new[] { Read("core1-running-config.txt") }, null, null, null).Switches.Single();

            Assert.Equal("core1", core1.Name);
            Assert.Equal(2, core1.Stack);
            Assert.Equal(EtherChannelLoadBalance.SrcDstIp, core1.LoadBalance);
            Assert.Equal(SpanningTreeMode.RapidPvst, core1.SpanningTree);
            Assert.Equal(TimeSpan.FromSeconds(10), core1.ForwardDelay);
            Assert.Equal(TimeSpan.FromSeconds(20), core1.MaxAge);
            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1", "Gi1/0/5", "Gi1/0/7", "Gi1/0/8", "Te1/0/11" }, core1.Ports.Select(p => p.Name));
        }

        [Fact]
        public void Running_config_reads_trunks_channels_and_portfast_edge_trunk()
        {
            var core1 = SwitchConfigImport.Build(new[] { Read("core1-running-config.txt") }, null, null, null).Switches.Single();

            foreach (var name in new[] { "Gi1/0/1", "GigabitEthernet2/0/1" })
            {
                var port = core1.GetPort(name);
                Assert.Equal(SwitchPortMode.Trunk, port.Mode);
                Assert.Equal(99, port.NativeVLan);
                Assert.Equal("10,20,30-32", port.AllowedVLan);
                Assert.Equal(PortFastMode.Trunk, port.PortFast);
                Assert.True(port.IsPortFastEffective);
                Assert.Equal(9000, port.Mtu);
                Assert.Equal("Po1", port.PortChannel.Name);
            }
            var po1 = core1.PortChannels.Single(c => c.Name == "Po1");
            Assert.Equal(PortChannelMode.On, po1.Mode);
            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1" }, po1.Members.Select(m => m.Name));
            var po2 = core1.PortChannels.Single(c => c.Name == "Po2");
            Assert.Equal(PortChannelMode.Active, po2.Mode);
            Assert.Equal(new[] { "Gi1/0/7", "Gi1/0/8" }, po2.Members.Select(m => m.Name));
            Assert.All(po2.Members, m => Assert.Equal(10, m.AccessVLan));
        }

        [Fact]
        public void Running_config_reads_bridge_priorities_and_port_costs_and_warns_about_what_the_model_cannot_hold()
        {
            var file = Read("acc1/acc1-running-config.txt");
            var acc1 = SwitchConfigImport.Build(new[] { file }, null, null, null).Switches.Single();

            Assert.Equal(SpanningTreeMode.Pvst, acc1.SpanningTree);
            Assert.Equal(new[] { 61440, 61440, 61440, 32768 }, new[] { 1, 10, 20, 30 }.Select(acc1.BridgePriorityOf));
            // The channel's cost (interface Port-channel1) is its members'; Gi1/0/51 has its own; Gi1/0/1 the default by speed.
            Assert.All(acc1.FindPortChannel("Po1").Members, m => Assert.Equal(3, m.SpanningTreeCost));
            Assert.Equal(19, acc1.GetPort("Gi1/0/51").SpanningTreeCost);
            Assert.Null(acc1.GetPort("Gi1/0/1").SpanningTreeCost);
            // The per-VLAN cost is warned about when read; the priority 40000 (no multiple of 4096) when built.
            Assert.Contains(file.Warnings, w => w.Message.Contains("spanning-tree vlan 20 cost 8"));
            var built = SwitchConfigImport.Build(new[] { file }, null, null, null);
            Assert.Contains(built.Warnings, w => w.Message.Contains("40000"));
        }

        [Fact]
        public void Access_port_keeps_its_own_mtu_and_plain_portfast()
        {
            var core1 = SwitchConfigImport.Build(new[] { Read("core1-running-config.txt") }, null, null, null).Switches.Single();

            var iscsi = core1.GetPort("Gi1/0/5");
            Assert.Equal(SwitchPortMode.Access, iscsi.Mode);
            Assert.Equal(40, iscsi.AccessVLan);
            Assert.Equal(9198, iscsi.Mtu);
            Assert.Equal(PortFastMode.Enabled, iscsi.PortFast);
            Assert.True(iscsi.IsPortFastEffective);
            Assert.Null(iscsi.PortChannel);
        }

        [Fact]
        public void Allowed_vlan_add_extends_the_list_and_plain_portfast_on_a_trunk_stays_ineffective()
        {
            var core1 = SwitchConfigImport.Build(new[] { Read("core1-running-config.txt") }, null, null, null).Switches.Single();

            var te = core1.GetPort("TenGigabitEthernet1/0/11");
            Assert.Equal("Te1/0/11", te.Name);
            Assert.Equal(SwitchPortMode.Trunk, te.Mode);
            Assert.Equal("10,20,401", te.AllowedVLan);
            Assert.Equal(5, te.AccessVLan);
            Assert.Equal(PortFastMode.Enabled, te.PortFast);
            Assert.False(te.IsPortFastEffective);
        }

        [Fact]
        public void A_hand_annotated_line_is_a_warning_with_file_and_line_and_the_rest_is_read()
        {
            var file = Read("core1-running-config.txt");

            var warning = Assert.Single(file.Warnings);
            Assert.Equal(Fixtures.PathOf("Cisco", "core1-running-config.txt"), warning.File);
            Assert.Equal(Fixtures.LineOf("<==", "Cisco", "core1-running-config.txt"), warning.Line);
            Assert.Contains("switchport trunk native vlan 10 <== check with the network team", warning.Message);
            var core1 = SwitchConfigImport.Build(new[] { file }, null, null, null).Switches.Single();
            Assert.Equal(1, core1.GetPort("Te1/0/11").NativeVLan);
        }

        [Fact]
        public void Etherchannel_summary_reads_static_lacp_tabs_and_wrapped_members()
        {
            var file = Read("core1-etherchannel-summary.txt");
            Assert.Empty(file.Warnings);
            Assert.Equal("core1", file.SwitchName);

            var core1 = SwitchConfigImport.Build(new[] { file }, null, null, null).Switches.Single();

            Assert.Equal(new[] { "Po1", "Po2", "Po3" }, core1.PortChannels.Select(c => c.Name));
            Assert.Equal(new[] { PortChannelMode.On, PortChannelMode.Active, PortChannelMode.Active }, core1.PortChannels.Select(c => c.Mode));
            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1" }, core1.PortChannels[0].Members.Select(m => m.Name));
            Assert.Equal(new[] { "Gi1/0/7", "Gi1/0/8" }, core1.PortChannels[1].Members.Select(m => m.Name));
            Assert.Equal(new[] { "Te1/0/1", "Te2/0/1", "Te1/0/2", "Te2/0/2" }, core1.PortChannels[2].Members.Select(m => m.Name));
            // I is stand-alone; bndl, the word IOS-XE prints for P, is bundled.
            Assert.All(core1.PortChannels[1].Members, m => Assert.Equal(PortChannelMemberState.StandAlone, m.MemberState));
            Assert.All(core1.PortChannels[2].Members, m => Assert.Equal(PortChannelMemberState.Bundled, m.MemberState));
            Assert.Equal(2, core1.Stack);
        }

        [Fact]
        public void Interfaces_trunk_reads_native_and_allowed_vlans_without_blank_lines_between_sections()
        {
            var file = Read("core1-interfaces-trunk.txt");
            Assert.Empty(file.Warnings);

            var core1 = SwitchConfigImport.Build(new[] { file }, null, null, null).Switches.Single();

            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1", "Te1/0/11" }, core1.Ports.Select(p => p.Name));
            Assert.All(core1.Ports, p => Assert.Equal(SwitchPortMode.Trunk, p.Mode));
            Assert.Equal(new[] { 99, 99, 1 }, core1.Ports.Select(p => p.NativeVLan));
            Assert.Equal(new[] { "10,20,30-32", "10,20,30-32", "10,20,401" }, core1.Ports.Select(p => p.AllowedVLan));
        }

        [Fact]
        public void Files_naming_one_switch_merge_into_one()
        {
            var result = ImportCore1();

            var core1 = Assert.Single(result.Switches);
            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1", "Gi1/0/5", "Gi1/0/7", "Gi1/0/8", "Te1/0/11", "Te1/0/1", "Te2/0/1", "Te1/0/2", "Te2/0/2" },
                core1.Ports.Select(p => p.Name));
            Assert.Equal(new[] { "Po1", "Po2", "Po3" }, core1.PortChannels.Select(c => c.Name));
            // system mtu jumbo reaches the ports only the etherchannel summary names too; Gi1/0/5 keeps its own.
            Assert.Equal(9000, core1.GetPort("Te2/0/2").Mtu);
            Assert.Equal(9198, core1.GetPort("Gi1/0/5").Mtu);
            Assert.Empty(result.Cabled);
        }

        [Fact]
        public void Name_given_wins_over_the_hostname()
        {
            var result = SwitchConfigImport.Build(new[] { Read("core1-running-config.txt") }, "dc1-core", null, null);

            Assert.Equal("dc1-core", result.Switches.Single().Name);
        }

        static VNHost Esx(string name, params string[] uplinks)
        {
            var host = new VNHost(name, Hypervisor.Esx, "6.7") { Fqdn = name + ".lab.local" };
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, nic: uplinks);
            return host;
        }

        [Fact]
        public void Descriptions_naming_a_host_and_its_vmnic_cable_the_uplink()
        {
            var esx01 = Esx("esx01", "vmnic0", "vmnic1");
            var esx02 = Esx("esx02", "vmnic2", "vmnic3");

            var result = ImportCore1(new[] { esx01, esx02 });

            Assert.DoesNotContain(result.Warnings, w => w.File != Fixtures.PathOf("Cisco", "core1-running-config.txt"));
            Assert.Equal(new[] { "esx01/vSwitch0/vmnic0", "esx01/vSwitch0/vmnic1", "esx02/vSwitch0/vmnic2" }, result.Cabled.Select(u => u.Path));
            Assert.Equal("Gi1/0/1", esx01.GetUplink("vmnic0").SwitchPort.Name);
            Assert.Equal("Gi2/0/1", esx01.GetUplink("vmnic1").SwitchPort.Name);
            Assert.Equal("Te1/0/11", esx02.GetUplink("vmnic2").SwitchPort.Name);
            Assert.Same(result.Switches[0], esx02.GetUplink("vmnic2").PhysicalSwitch);
            Assert.Null(esx02.GetUplink("vmnic3").SwitchPort);
        }

        [Fact]
        public void Cabling_matches_port_names_in_long_or_short_form_and_wins_over_descriptions()
        {
            var esx01 = Esx("esx01", "vmnic0", "vmnic1");
            var esx02 = Esx("esx02", "vmnic2", "vmnic3");
            var cabling = new Dictionary<string, string>
            {
                ["esx02/vmnic3"] = "TenGigabitEthernet1/0/1",
                ["esx01.lab.local/vmnic0"] = "Gi1/0/7",
            };

            var result = ImportCore1(new[] { esx01, esx02 }, cabling);

            Assert.Equal("Te1/0/1", esx02.GetUplink("vmnic3").SwitchPort.Name);
            Assert.Equal("Gi1/0/7", esx01.GetUplink("vmnic0").SwitchPort.Name);
            Assert.Equal("Gi2/0/1", esx01.GetUplink("vmnic1").SwitchPort.Name);
            Assert.Null(result.Switches[0].GetPort("Gi1/0/1").Uplink);
            Assert.Equal(4, result.Cabled.Count);
        }

        [Fact]
        public void Cabling_that_names_no_uplink_or_no_port_is_a_warning()
        {
            var esx01 = Esx("esx01", "vmnic0");
            var cabling = new Dictionary<string, string> { ["esx01/vmnic9"] = "Gi1/0/1", ["vmnic0"] = "Gi1/0/48" };

            var result = SwitchConfigImport.Build(new[] { Read("core1-interfaces-trunk.txt") }, null, new[] { esx01 }, cabling);

            Assert.Empty(result.Cabled);
            Assert.Equal(2, result.Warnings.Count);
            Assert.Contains("'esx01/vmnic9' names no uplink of the hosts given (esx01)", result.Warnings[0].Message);
            Assert.Contains("'vmnic0' is cabled to 'Gi1/0/48', which is no port in the configuration read (core1)", result.Warnings[1].Message);
            Assert.Equal("-Cabling", result.Warnings[0].File);
        }

        [Fact]
        public void A_file_in_no_known_format_is_an_error_naming_the_formats_tried()
        {
            var e = Assert.Throws<VirtNetException>(() => Read("core1-ip-interface-brief.txt"));

            Assert.Equal(ErrorIds.UnknownImportFormat, e.ErrorId);
            Assert.Contains("core1-ip-interface-brief.txt", e.Message);
            Assert.Contains("show running-config", e.Message);
            Assert.Contains("show etherchannel summary", e.Message);
            Assert.Contains("show interfaces trunk", e.Message);
        }

        [Fact]
        public void A_file_in_no_known_format_found_in_a_folder_is_passed_over()
        {
            var file = ImportFiles.Expand(Fixtures.PathOf("Cisco")).Single(f => f.Path.EndsWith("core1-ip-interface-brief.txt", StringComparison.Ordinal));

            Assert.True(file.InFolder);
            Assert.Null(SwitchConfigImport.Read(file));
        }

        [Fact]
        public void Configuration_mode_input_with_global_portfast_default_and_ranges_is_read()
        {
            var text = string.Join("\n",
                "conf t",
                "spanning-tree mode pvst",
                "spanning-tree portfast default",
                "interface range fa0/3 - 4 , fa0/6",
                "switchport mode access",
                "switchport access vlan 10",
                "channel-group 2 mode on",
                "exit",
                "interface port-channel 2",
                "switchport mode access",
                "end");

            var file = SwitchConfigImport.Parse("lab.txt", text);
            var sw = SwitchConfigImport.Build(new[] { file }, null, null, null).Switches.Single();

            Assert.Empty(file.Warnings);
            Assert.Equal("lab", sw.Name);
            Assert.Equal(new[] { "Fa0/3", "Fa0/4", "Fa0/6" }, sw.Ports.Select(p => p.Name));
            Assert.All(sw.Ports, p => Assert.Equal(PortFastMode.Enabled, p.PortFast));
            Assert.All(sw.Ports, p => Assert.Equal(10, p.AccessVLan));
            Assert.Equal(new[] { "Fa0/3", "Fa0/4", "Fa0/6" }, sw.PortChannels.Single().Members.Select(m => m.Name));
            Assert.Equal(SpanningTreeMode.Pvst, sw.SpanningTree);
        }
    
        [Fact]
        public void IOS_XE_running_config_reads_every_interface_type_and_leaves_routed_ports_out_with_one_note()
        {
            var file = Read("edge2/edge2-running-config.txt");
            var result = SwitchConfigImport.Build(new[] { file }, null, null, null);
            var edge2 = result.Switches.Single();

            // "#show running-config" is a prompt without a host name; system mtu routing is understood: no warning at all.
            Assert.Empty(file.Warnings);
            Assert.Empty(result.Warnings);
            Assert.Equal("edge2", edge2.Name);
            Assert.Equal(new[] { "Fi1/0/1", "Fi1/0/2", "Tw1/0/3", "Twe1/1/1", "Twe1/1/2" }, edge2.Ports.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal("FiveGigabitEthernet1/0/1", edge2.GetPort("Fi1/0/1").LongName);
            Assert.Equal((SwitchPortMode.Access, 20, PortFastMode.Enabled), (edge2.GetPort("Fi1/0/2").Mode, edge2.GetPort("Fi1/0/2").AccessVLan, edge2.GetPort("Fi1/0/2").PortFast));
            // system mtu 9198 reaches every layer-2 port; system mtu routing 1500 is the routed MTU, no port's.
            Assert.All(edge2.Ports, p => Assert.Equal(9198, p.Mtu));
            var po10 = edge2.PortChannels.Single();
            Assert.Equal(("Po10", PortChannelMode.Active), (po10.Name, po10.Mode));
            Assert.Equal(new[] { "Twe1/1/1", "Twe1/1/2" }, po10.Members.Select(m => m.Name));
            // Gi0/0 (management, ip address) and Hu1/1/3 (no switchport) are routed: one note, no access port in VLAN 1.
            Assert.Equal("edge2: 2 routed ports are left out, as they are no layer-2 port (no switchport, or an IP address): Gi0/0, Hu1/1/3.", result.Notes.Single());
        }

        [Fact]
        public void Etherchannel_members_in_every_state_are_kept_and_memberless_channels_and_the_footer_give_no_warning()
        {
            var file = Read("edge2/edge2-etherchannel-summary.txt");
            var result = SwitchConfigImport.Build(new[] { file }, null, null, null);
            var edge2 = result.Switches.Single();

            Assert.Empty(file.Warnings);
            Assert.Empty(result.Warnings);
            // Po11 has no member yet: nothing to model. Twe1/1/2 is hot-standby (H) and still a member of Po10.
            Assert.Equal(new[] { "Po10", "Po12" }, edge2.PortChannels.Select(c => c.Name));
            Assert.Equal(new[] { "Twe1/1/1", "Twe1/1/2" }, edge2.PortChannels[0].Members.Select(m => m.Name));
            // Bundled, suspended, waiting, then the wrapped line: stand-alone and down.
            Assert.Equal(new[] { "Te1/1/5", "Te1/1/6", "Te1/1/7", "Te1/1/8", "Te1/1/9" }, edge2.PortChannels[1].Members.Select(m => m.Name));
            // Each member keeps the state its flag gives: P, H; then P, s, w, I, D.
            Assert.Equal(new PortChannelMemberState?[] { PortChannelMemberState.Bundled, PortChannelMemberState.HotStandby },
                edge2.PortChannels[0].Members.Select(m => m.MemberState));
            Assert.Equal(new PortChannelMemberState?[] { PortChannelMemberState.Bundled, PortChannelMemberState.Suspended, PortChannelMemberState.Waiting,
                PortChannelMemberState.StandAlone, PortChannelMemberState.Down }, edge2.PortChannels[1].Members.Select(m => m.MemberState));
        }

        [Theory]
        [InlineData("Gi1/0/1(u)", "u")]
        [InlineData("Gi1/0/1(PH)", "PH")]
        public void A_member_flag_that_is_no_state_is_a_warning_and_the_member_is_kept_without_one(string member, string flag)
        {
            var file = SwitchConfigImport.Parse("edge3.txt", "edge3#show etherchannel summary\n" +
                "Group  Port-channel  Protocol    Ports\n" +
                "------+-------------+-----------+-----------------------------------------------\n" +
                $"1      Po1(SU)         LACP        Gi1/0/2(P)      {member}\n");

            var channel = SwitchConfigImport.Build(new[] { file }, null, null, null).Switches.Single().PortChannels.Single();

            var warning = Assert.Single(file.Warnings);
            Assert.Equal(4, warning.Line);
            Assert.StartsWith($"member flag '{flag}' of Gi1/0/1 is none of P (bundled)", warning.Message);
            Assert.Equal(new PortChannelMemberState?[] { PortChannelMemberState.Bundled, null }, channel.Members.Select(m => m.MemberState));
        }

        [Fact]
        public void Interfaces_trunk_port_channel_rows_hold_for_the_members_and_not_trunking_is_no_trunk()
        {
            var trunk = Read("edge2/edge2-interfaces-trunk.txt");
            var result = SwitchConfigImport.Build(new[] { Read("edge2/edge2-etherchannel-summary.txt"), trunk }, null, null, null);
            var edge2 = result.Switches.Single();

            foreach (var member in new[] { "Twe1/1/1", "Twe1/1/2" })
            {
                var port = edge2.GetPort(member);
                Assert.Equal((SwitchPortMode.Trunk, 99, "10,20,99"), (port.Mode, port.NativeVLan, port.AllowedVLan));
            }
            // auto / not-trunking: DTP did not make it a trunk, so it is not one.
            Assert.Equal(SwitchPortMode.Access, edge2.GetPort("Te1/1/10").Mode);
            // ISL is no 802.1Q trunk: a warning, and its row's settings are not taken.
            var isl = Assert.Single(trunk.Warnings);
            Assert.Equal(6, isl.Line);
            Assert.Equal("Te1/1/11 trunks with ISL, which ESXi and the model do not speak (802.1Q only); its trunk settings are skipped.", isl.Message);
            Assert.Equal(SwitchPortMode.Access, edge2.GetPort("Te1/1/11").Mode);
        }

        [Fact]
        public void Interfaces_switchport_gives_mode_vlans_and_wrapped_allowed_lists()
        {
            var file = Read("edge2/edge2-interfaces-switchport.txt");
            var result = SwitchConfigImport.Build(new[] { file }, "edge2", null, null);
            var edge2 = result.Switches.Single();

            Assert.Empty(file.Warnings);
            var access = edge2.GetPort("Fi1/0/1");
            Assert.Equal((SwitchPortMode.Access, 20, "all"), (access.Mode, access.AccessVLan, access.AllowedVLan));
            // dynamic auto that negotiated a trunk is a trunk; the allowed list wraps onto an indented line.
            var te = edge2.GetPort("Te1/1/4");
            Assert.Equal((SwitchPortMode.Trunk, 99), (te.Mode, te.NativeVLan));
            Assert.Equal("10,20,99,101,103,105,107,109,111,113,115,117,119,121,123,125,127,200-299", te.AllowedVLan);
            Assert.Null(edge2.FindPort("Hu1/1/3"));
            Assert.Single(result.Notes);
        }
    }
}
