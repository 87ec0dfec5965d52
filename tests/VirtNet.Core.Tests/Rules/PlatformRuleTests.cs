using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Rules
{
    /// <summary>The Hyper-V (VNW), Linux bond (VNL) and MAC address (VNA) rules.</summary>
    public class PlatformRuleTests
    {
        readonly VNPhysicalSwitch _core = new VNPhysicalSwitch("core1", "Catalyst 3750", stack: 2);
        int _cabled;

        static IReadOnlyList<VNFinding> Check(string ruleId, params object[] inputs)
        {
            var check = new ConfigurationCheck();
            foreach (var input in inputs) check.Add(input);
            return check.Run(RuleCatalogue.Select(new[] { ruleId }, null));
        }

        VNHost HyperV(string name = "hv01", string version = "2019", string ip = "192.168.1.133") =>
            new VNHost(name, Hypervisor.HyperV, version) { IPAddress = IPv4Address.Parse(ip) };

        /// <summary>NICs NIC1..NICn cabled to the next free ports, alternating between the stack members (Gi1/0/1, Gi2/0/2 ...).</summary>
        VNVirtualSwitch Cabled(VNVirtualSwitch vswitch, int nics, string prefix = "NIC", int speedMbps = 10000)
        {
            for (int i = 0; i < nics; i++)
            {
                _cabled++;
                vswitch.AddUplink(prefix + (i + 1).ToString(CultureInfo.InvariantCulture), speedMbps)
                    .ConnectTo(_core, "Gi" + (i % 2 + 1).ToString(CultureInfo.InvariantCulture) + "/0/" + _cabled.ToString(CultureInfo.InvariantCulture));
            }
            return vswitch;
        }

        VNPortChannel Channel(VNVirtualSwitch vswitch, PortChannelMode mode, int members = -1) =>
            _core.AddPortChannel("Po" + (_core.PortChannels.Count + 1).ToString(CultureInfo.InvariantCulture),
                vswitch.Uplinks.Take(members < 0 ? vswitch.Uplinks.Count : members).Select(u => u.SwitchPort.Name).ToList(), mode);

        static VirtualSwitchSettings Set => new VirtualSwitchSettings { EnableEmbeddedTeaming = true };

        [Fact]
        public void A_SET_switch_of_two_identical_NICs_on_plain_ports_has_no_platform_finding()
        {
            var host = HyperV();
            Cabled(host.AddVirtualSwitch("Converged", VirtualSwitchType.HyperV, settings: Set), 2);

            Assert.Empty(Check("VN[WLA]*", host));
        }

        [Fact]
        public void ESX_teaming_rules_leave_Hyper_V_and_Linux_switches_alone()
        {
            var host = HyperV();
            var vswitch = Cabled(host.AddVirtualSwitch("External", VirtualSwitchType.HyperV), 2);
            host.NewTeam("Team0", vswitch.Nic, TeamingMode.Lacp);
            Channel(vswitch, PortChannelMode.Active);
            var linux = new VNHost("lx01", Hypervisor.Linux);
            var bond = Cabled(linux.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = BondMode.Ieee8023ad }), 2, "eth");
            Channel(bond, PortChannelMode.Active);

            Assert.Empty(Check("VNT*", host, linux));
            Assert.Empty(Check("VN[WLA]*", host, linux));
        }

        [Fact]
        public void VNW001_reports_a_SET_switch_of_nine_NICs_and_not_one_of_eight()
        {
            var host = HyperV();
            Cabled(host.AddVirtualSwitch("Nine", VirtualSwitchType.HyperV, settings: Set), 9);
            var eight = new VNHost("hv02", Hypervisor.HyperV);
            Cabled(eight.AddVirtualSwitch("Eight", VirtualSwitchType.HyperV, settings: Set), 8, "E");

            var finding = Assert.Single(Check("VNW001", host, eight));

            Assert.Equal("hv01/Nine", finding.Target);
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Contains("teams 9 NICs", finding.Message);
        }

        [Fact]
        public void VNW002_reports_a_SET_switch_of_NICs_of_two_speeds()
        {
            var host = HyperV();
            var vswitch = Cabled(host.AddVirtualSwitch("Converged", VirtualSwitchType.HyperV, settings: Set), 2);
            vswitch.AddUplink("NIC3", 1000);

            var finding = Assert.Single(Check("VNW002", host));

            Assert.Equal("hv01/Converged", finding.Target);
            Assert.Contains("NIC1, NIC2 at 10000 Mbps; NIC3 at 1000 Mbps", finding.Message);
        }

        [Fact]
        public void VNW003_reports_an_External_switch_with_two_NICs_and_neither_SET_nor_a_team()
        {
            var host = HyperV();
            Cabled(host.AddVirtualSwitch("External", VirtualSwitchType.HyperV), 2);
            Cabled(host.AddVirtualSwitch("Single", VirtualSwitchType.HyperV), 1, "S");
            Cabled(host.AddVirtualSwitch("Teamed", VirtualSwitchType.HyperV), 2, "T");
            host.NewTeam("Team0", new[] { "T1", "T2" });

            var finding = Assert.Single(Check("VNW003", host));

            Assert.Equal("hv01/External", finding.Target);
            Assert.Contains("only NIC1 carries traffic", finding.Message);
        }

        [Theory]
        [InlineData(TeamingMode.Lacp, null, "in no port channel")]
        [InlineData(TeamingMode.Lacp, PortChannelMode.On, "core1/Po1 is mode On, not active or passive (LACP)")]
        [InlineData(TeamingMode.Static, PortChannelMode.Active, "core1/Po1 is mode Active, not on (static)")]
        [InlineData(TeamingMode.Static, PortChannelMode.Desirable, "core1/Po1 is mode Desirable, not on (static)")]
        public void VNW004_reports_a_switch_dependent_team_without_its_kind_of_channel(TeamingMode mode, PortChannelMode? channel, string expected)
        {
            var host = HyperV();
            var vswitch = Cabled(host.AddVirtualSwitch("External", VirtualSwitchType.HyperV), 2);
            host.NewTeam("Team0", vswitch.Nic, mode);
            if (channel.HasValue) Channel(vswitch, channel.Value);

            var finding = Assert.Single(Check("VNW004", host));

            Assert.Equal("hv01/External", finding.Target);
            Assert.StartsWith($"Team Team0 of hv01/External ({mode}) needs", finding.Message);
            Assert.Contains(expected, finding.Message);
        }

        [Fact]
        public void VNW004_reports_a_member_left_out_of_the_channel_and_is_silent_for_the_matching_channel()
        {
            var host = HyperV();
            var vswitch = Cabled(host.AddVirtualSwitch("External", VirtualSwitchType.HyperV), 2);
            host.NewTeam("Team0", vswitch.Nic, TeamingMode.Static);
            Channel(vswitch, PortChannelMode.On, members: 1);
            Assert.Contains("core1/Gi2/0/2 is in no channel", Assert.Single(Check("VNW004", host)).Message);

            var good = HyperV("hv02");
            var lacp = Cabled(good.AddVirtualSwitch("External", VirtualSwitchType.HyperV), 2, "L");
            good.NewTeam("Team0", lacp.Nic, TeamingMode.Lacp);
            Channel(lacp, PortChannelMode.Active);
            Assert.Empty(Check("VNW004", good));
        }

        [Fact]
        public void VNW005_reports_a_SET_switch_and_a_switch_independent_team_towards_a_channel()
        {
            var host = HyperV();
            var set = Cabled(host.AddVirtualSwitch("Converged", VirtualSwitchType.HyperV, settings: Set), 2);
            Channel(set, PortChannelMode.Active);
            var teamed = Cabled(host.AddVirtualSwitch("External", VirtualSwitchType.HyperV), 2, "T");
            host.NewTeam("Team0", teamed.Nic, TeamingMode.SwitchIndependent);
            Channel(teamed, PortChannelMode.On);
            var plain = Cabled(host.AddVirtualSwitch("Plain", VirtualSwitchType.HyperV), 2, "P");
            host.NewTeam("Team1", plain.Nic, TeamingMode.SwitchIndependent);

            var findings = Check("VNW005", host);

            Assert.Equal(new[] { "hv01/Converged", "hv01/External" }, findings.Select(f => f.Target));
            Assert.Contains("SET switch hv01/Converged is switch independent, but its NICs NIC1 (core1/Gi1/0/1), NIC2 (core1/Gi2/0/2) are members of core1/Po1", findings[0].Message);
        }

        [Theory]
        [InlineData(BondMode.Ieee8023ad, null, true)]
        [InlineData(BondMode.Ieee8023ad, PortChannelMode.On, true)]
        [InlineData(BondMode.Ieee8023ad, PortChannelMode.Active, false)]
        [InlineData(BondMode.Ieee8023ad, PortChannelMode.Passive, false)]
        [InlineData(BondMode.BalanceXor, null, true)]
        [InlineData(BondMode.BalanceXor, PortChannelMode.Active, true)]
        [InlineData(BondMode.BalanceXor, PortChannelMode.On, false)]
        [InlineData(BondMode.BalanceRR, PortChannelMode.On, false)]
        [InlineData(BondMode.ActiveBackup, null, false)]
        public void VNL001_reports_a_bond_mode_without_the_channel_it_needs(BondMode mode, PortChannelMode? channel, bool reported)
        {
            var host = new VNHost("lx01", Hypervisor.Linux);
            var bond = Cabled(host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = mode }), 2, "eth");
            if (channel.HasValue) Channel(bond, channel.Value);

            var findings = Check("VNL001", host);

            Assert.Equal(reported ? new[] { "lx01/bond0" } : new string[0], findings.Select(f => f.Target));
            if (reported) Assert.StartsWith($"Bond lx01/bond0 ({LinuxBonding.Name(mode)}) needs", findings[0].Message);
        }

        [Theory]
        [InlineData(BondMode.ActiveBackup, PortChannelMode.On, true)]
        [InlineData(BondMode.BalanceAlb, PortChannelMode.Active, true)]
        [InlineData(BondMode.BalanceTlb, null, false)]
        [InlineData(BondMode.Ieee8023ad, PortChannelMode.Active, false)]
        public void VNL002_reports_a_bond_mode_that_needs_no_channel_towards_one(BondMode mode, PortChannelMode? channel, bool reported)
        {
            var host = new VNHost("lx01", Hypervisor.Linux);
            var bond = Cabled(host.AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond, settings: new VirtualSwitchSettings { BondMode = mode }), 2, "eth");
            if (channel.HasValue) Channel(bond, channel.Value);

            Assert.Equal(reported ? new[] { "lx01/bond0" } : new string[0], Check("VNL002", host).Select(f => f.Target));
        }

        [Fact]
        public void VNA001_reports_each_host_after_the_first_that_shares_its_pool()
        {
            var hv01 = HyperV("hv01", ip: "192.168.1.133");
            var hv02 = HyperV("hv02", ip: "10.0.1.133");
            var hv03 = HyperV("hv03", ip: "172.16.1.133");
            var other = HyperV("hv04", ip: "192.168.1.134");

            var findings = Check("VNA001", hv01, hv02, hv03, other);

            Assert.Equal(new[] { "hv02", "hv03" }, findings.Select(f => f.Target));
            Assert.Equal(Severity.Warning, findings[0].Severity);
            Assert.Contains("00:15:5d:01:85:00 to 00:15:5d:01:85:ff", findings[0].Message);
        }

        [Fact]
        public void VNA001_compares_only_hosts_given_as_such()
        {
            var hv01 = HyperV("hv01", ip: "192.168.1.133");
            var hv02 = HyperV("hv02", ip: "10.0.1.133");
            var vswitch = hv02.AddVirtualSwitch("External", VirtualSwitchType.HyperV);

            Assert.Empty(Check("VNA001", hv01));
            Assert.Empty(Check("VNA001", hv01, vswitch));
        }

        [Fact]
        public void VNA002_and_VNA003_follow_a_migrated_VM_from_a_latent_conflict_to_a_duplicate()
        {
            var hv01 = HyperV("hv01", ip: "192.168.1.133");
            var hv02 = HyperV("hv02", ip: "192.168.20.1");
            foreach (var h in new[] { hv01, hv02 }) h.AddVirtualSwitch("External", VirtualSwitchType.HyperV).AddPortGroup("LAN");
            hv01.SetMacAddressRange(MacAddress.Parse("00-15-5D-01-85-00"), MacAddress.Parse("00-15-5D-01-85-01"));
            VNVirtualMachine AddVM(VNHost h, string name) => h.AddVirtualMachine(name, new[] { new VNVirtualMachine.AdapterSpec(h.GetPortGroup("LAN")) });
            var migrated = AddVM(hv01, "app01");
            AddVM(hv01, "app02");
            migrated.Move(hv02);

            var latent = Assert.Single(Check("VNA00[23]", hv01, hv02));
            Assert.Equal("VNA003", latent.RuleId);
            Assert.Equal("hv02/app01/Network adapter 1", latent.Target);

            AddVM(hv01, "app03");
            var duplicates = Check("VNA00[23]", hv01, hv02);
            Assert.Equal(new[] { "VNA002 hv01/app03/Network adapter 1", "VNA002 hv02/app01/Network adapter 1" },
                duplicates.Select(f => f.RuleId + " " + f.Target));
            Assert.Contains("as hv02/app01/Network adapter 1 has", duplicates[0].Message);
            Assert.Contains("Restart-VNVirtualMachine", duplicates[0].Message);
        }
    }
}
