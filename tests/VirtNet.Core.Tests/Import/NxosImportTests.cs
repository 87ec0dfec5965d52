using System.Linq;
using VirtNet.Import.Cisco;
using Xunit;

namespace VirtNet.Tests.Import
{
    /// <summary>
    /// NX-OS show running-config and show vpc brief (Cisco Nexus 9000 NX-OS Interfaces and Layer 2 configuration
    /// guides): edge ports, per-interface mtu against system jumbomtu, the NX-OS load-balance form, and the vPC domain
    /// that pairs two switches.
    /// </summary>
    public class NxosImportTests
    {
        static SwitchConfigFile Read(string name) => SwitchConfigImport.Read(Fixtures.File("Cisco", "nxos", name));

        static SwitchImportResult ImportPair() =>
            SwitchConfigImport.Build(new[] { Read("nx-a-running-config.txt"), Read("nx-b-running-config.txt"), Read("nx-b-show-vpc-brief.txt") }, null, null, null);

        [Fact]
        public void Running_config_reads_edge_ports_mtu_and_the_load_balance()
        {
            var nxa = ImportPair().Switches.First();
            Assert.Equal("nx-a", nxa.Name);
            Assert.Equal(EtherChannelLoadBalance.SrcDstIp, nxa.LoadBalance);
            var eth11 = nxa.GetPort("Ethernet1/1");
            Assert.Equal("Eth1/1", eth11.Name);
            Assert.Equal(SwitchPortMode.Trunk, eth11.Mode);
            Assert.Equal("10,20,30", eth11.AllowedVLan);
            // spanning-tree port type edge trunk is PortFast on a trunk.
            Assert.Equal(PortFastMode.Trunk, eth11.PortFast);
            Assert.True(eth11.IsPortFastEffective);
            Assert.Equal(9216, eth11.Mtu);
            Assert.Equal("Po11", eth11.PortChannel.Name);
            Assert.Equal(PortChannelMode.Active, eth11.PortChannel.Mode);
            var eth13 = nxa.GetPort("Eth1/3");
            Assert.Equal(PortFastMode.Enabled, eth13.PortFast);
            Assert.Equal(10, eth13.AccessVLan);
            // The peer-link members are no edge ports; mgmt0 is no switch port at all.
            Assert.Equal(PortFastMode.Disabled, nxa.GetPort("Eth1/49").PortFast);
            Assert.Equal(new[] { "Eth1/1", "Eth1/2", "Eth1/3", "Eth1/49", "Eth1/50" }, nxa.Ports.Select(p => p.Name));
        }

        [Fact]
        public void The_vPC_domain_pairs_the_two_switches_with_the_lower_role_priority_as_primary()
        {
            var result = ImportPair();
            var nxa = result.Switches.Single(s => s.Name == "nx-a");
            var nxb = result.Switches.Single(s => s.Name == "nx-b");
            var pair = nxa.Pair;
            Assert.NotNull(pair);
            Assert.Same(pair, nxb.Pair);
            Assert.Equal("vpc-10", pair.Name);
            Assert.Equal(SwitchPairKind.Vpc, pair.Kind);
            // role priority 100 (nx-a) against 200 (nx-b), and show vpc brief on nx-b says secondary.
            Assert.Same(nxa, pair.Primary);
            Assert.Equal(new[] { "nx-a/Eth1/49", "nx-a/Eth1/50", "nx-b/Eth1/49", "nx-b/Eth1/50" }, pair.PeerLink.Select(p => p.Path));
            Assert.Equal(new[] { "Po11", "Po12" }, pair.PortChannels.Select(c => c.Name));
            Assert.Equal(new[] { "nx-a/Eth1/1", "nx-b/Eth1/1" }, nxa.FindPortChannel("Po11").AllMembers.Select(m => m.Path));
            Assert.False(nxa.FindPortChannel("Po1").IsMultiChassis);
        }

        [Fact]
        public void A_priority_for_every_usable_VLAN_is_the_switch_s_bridge_priority()
        {
            // NX-OS reserves VLANs 3968-4094, so "spanning-tree vlan 1-3967 priority 4096" is every VLAN of nx-a.
            var a = ImportPair().Switches.Single(s => s.Name == "nx-a");
            Assert.Equal(4096, a.BridgePriority);
            Assert.Empty(a.VLanBridgePriority);
            Assert.Equal(32768, ImportPair().Switches.Single(s => s.Name == "nx-b").BridgePriority);
        }

        [Fact]
        public void An_mtu_other_than_1500_or_the_system_jumbomtu_is_a_warning_with_its_line()
        {
            Assert.Equal("", string.Join(" / ", new[] { "nx-a-running-config.txt", "nx-b-running-config.txt", "nx-b-show-vpc-brief.txt" }.SelectMany(f => Read(f).Warnings).Select(w => System.IO.Path.GetFileName(w.File) + ":" + w.Line + " " + w.Message)));
            var result = ImportPair();
            var warning = Assert.Single(result.Warnings);
            Assert.Equal(Fixtures.LineOf("system jumbomtu 9216", "Cisco", "nxos", "nx-a-running-config.txt"), warning.Line);
            Assert.Contains("nx-a/Eth1/3 has mtu 9000, but a layer-2 port's MTU is 1500 or the system jumbomtu 9216", warning.Message);
        }

        [Fact]
        public void Show_vpc_brief_decides_the_primary_when_the_role_priorities_tie()
        {
            const string a = "hostname nx-a\nvpc domain 7\n  peer-keepalive destination 10.0.0.2\ninterface port-channel1\n  vpc peer-link\ninterface Ethernet1/49\n  channel-group 1 mode active\n";
            const string b = "hostname nx-b\nvpc domain 7\ninterface port-channel1\n  vpc peer-link\ninterface Ethernet1/49\n  channel-group 1 mode active\n";
            const string brief = "nx-b# show vpc brief\nvPC domain id                     : 7\nvPC role                          : primary, operational secondary\n";
            var tied = SwitchConfigImport.Build(new[] { SwitchConfigImport.Parse("a.txt", a), SwitchConfigImport.Parse("b.txt", b) }, null, null, null);
            Assert.Equal("nx-a", tied.Switches[0].Pair.Primary.Name);
            Assert.Contains(tied.Warnings, w => w.Message.Contains("same role priority") && w.Message.Contains("nx-a is taken as primary"));
            var told = SwitchConfigImport.Build(new[] { SwitchConfigImport.Parse("a.txt", a), SwitchConfigImport.Parse("b.txt", b), SwitchConfigImport.Parse("b-vpc.txt", brief) }, null, null, null);
            // "primary, operational secondary": nx-b is the configured primary, whatever role it holds now.
            Assert.Equal("nx-b", told.Switches[0].Pair.Primary.Name);
            Assert.Empty(told.Warnings);
        }

        [Fact]
        public void A_vPC_domain_without_its_peer_and_mismatched_vPC_numbers_are_warnings()
        {
            const string a = "hostname nx-a\nvpc domain 7\ninterface port-channel20\n  vpc 20\ninterface port-channel21\n  vpc 21\ninterface Ethernet1/1\n  channel-group 20 mode active\ninterface Ethernet1/2\n  channel-group 21 mode active\n";
            const string b = "hostname nx-b\nvpc domain 7\ninterface port-channel20\n  vpc 22\ninterface Ethernet1/1\n  channel-group 20 mode active\n";
            var alone = SwitchConfigImport.Build(new[] { SwitchConfigImport.Parse("a.txt", a) }, null, null, null);
            Assert.Null(alone.Switches[0].Pair);
            Assert.Contains(alone.Warnings, w => w.Message.Contains("vPC domain 7 of nx-a has no peer among the switches read") && w.Line == 2);
            var both = SwitchConfigImport.Build(new[] { SwitchConfigImport.Parse("a.txt", a), SwitchConfigImport.Parse("b.txt", b) }, null, null, null);
            Assert.Contains(both.Warnings, w => w.Message.Contains("nx-a/Po20 is vpc 20, but nx-b's Po20 is vpc 22"));
            Assert.Contains(both.Warnings, w => w.Message.Contains("nx-a/Po21 is vpc 21, but nx-b has no Po21"));
        }

        [Fact]
        public void NX_OS_load_balance_forms_and_bad_vpc_lines_are_read_or_warned()
        {
            const string text = "hostname n5k\nport-channel load-balance ethernet source-dest-mac\nvpc domain 1001\ninterface port-channel3\n  vpc 5000\n";
            var file = SwitchConfigImport.Parse("n5k.txt", text);
            var result = SwitchConfigImport.Build(new[] { file }, null, null, null);
            Assert.Equal(EtherChannelLoadBalance.SrcDstMac, result.Switches[0].LoadBalance);
            Assert.Contains(file.Warnings, w => w.Line == 3 && w.Message.Contains("'vpc domain 1001' is not 'vpc domain N' (1 to 1000)"));
            Assert.Contains(file.Warnings, w => w.Line == 5 && w.Message.Contains("'vpc 5000' is not 'vpc N' (1 to 4096)"));
            Assert.Equal(2, file.Warnings.Count);
        }
    }
}
