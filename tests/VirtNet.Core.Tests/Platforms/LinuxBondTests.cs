using Xunit;

namespace VirtNet.Tests.Platforms
{
    /// <summary>Linux bonding modes by name or number (bonding.rst), and what each asks of the switch.</summary>
    public sealed class LinuxBondTests
    {
        [Theory]
        [InlineData("balance-rr", BondMode.BalanceRR)]
        [InlineData("0", BondMode.BalanceRR)]
        [InlineData("active-backup", BondMode.ActiveBackup)]
        [InlineData("1", BondMode.ActiveBackup)]
        [InlineData("BALANCE-XOR", BondMode.BalanceXor)]
        [InlineData("2", BondMode.BalanceXor)]
        [InlineData("broadcast", BondMode.Broadcast)]
        [InlineData("802.3ad", BondMode.Ieee8023ad)]
        [InlineData("4", BondMode.Ieee8023ad)]
        [InlineData("Ieee8023ad", BondMode.Ieee8023ad)]
        [InlineData(" balance-tlb ", BondMode.BalanceTlb)]
        [InlineData("6", BondMode.BalanceAlb)]
        public void A_mode_is_taken_by_the_kernels_name_or_number(string text, BondMode expected)
        {
            Assert.Equal(expected, LinuxBonding.ParseBondMode(text));
        }

        [Theory]
        [InlineData("7")]
        [InlineData("-1")]
        [InlineData("balance")]
        [InlineData("lacp")]
        [InlineData("")]
        public void Anything_else_is_not_a_mode(string text)
        {
            var e = Assert.Throws<VirtNetException>(() => LinuxBonding.ParseBondMode(text));
            Assert.Equal(ErrorIds.InvalidBondMode, e.ErrorId);
            Assert.Contains("802.3ad", e.Message);
        }

        [Theory]
        [InlineData(BondMode.BalanceRR, "balance-rr")]
        [InlineData(BondMode.Ieee8023ad, "802.3ad")]
        [InlineData(BondMode.BalanceAlb, "balance-alb")]
        public void Modes_print_under_the_kernels_name(BondMode mode, string name)
        {
            Assert.Equal(name, LinuxBonding.Name(mode));
        }

        [Theory]
        [InlineData("layer2", XmitHashPolicy.Layer2)]
        [InlineData("layer2+3", XmitHashPolicy.Layer2Plus3)]
        [InlineData("LAYER3+4", XmitHashPolicy.Layer3Plus4)]
        [InlineData("encap2+3", XmitHashPolicy.Encap2Plus3)]
        [InlineData("Encap3Plus4", XmitHashPolicy.Encap3Plus4)]
        public void A_transmit_hash_policy_is_taken_by_the_kernels_name(string text, XmitHashPolicy expected)
        {
            Assert.Equal(expected, LinuxBonding.ParseXmitHashPolicy(text));
        }

        [Theory]
        [InlineData(XmitHashPolicy.Layer2, "layer2")]
        [InlineData(XmitHashPolicy.Layer2Plus3, "layer2+3")]
        [InlineData(XmitHashPolicy.Encap3Plus4, "encap3+4")]
        public void Transmit_hash_policies_print_under_the_kernels_name(XmitHashPolicy policy, string name)
        {
            Assert.Equal(name, LinuxBonding.Name(policy));
        }

        [Theory]
        [InlineData("layer4")]
        [InlineData("1")]
        public void Anything_else_is_not_a_transmit_hash_policy(string text)
        {
            Assert.Equal(ErrorIds.InvalidXmitHashPolicy, Assert.Throws<VirtNetException>(() => LinuxBonding.ParseXmitHashPolicy(text)).ErrorId);
        }

        [Fact]
        public void A_bond_defaults_to_the_kernels_balance_rr_and_layer2()
        {
            var bond = new VNHost("lx01", Hypervisor.Linux).AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond);

            Assert.Equal(BondMode.BalanceRR, bond.BondMode);
            Assert.Equal(XmitHashPolicy.Layer2, bond.XmitHashPolicy);
            Assert.Null(bond.SwitchType);
            Assert.Null(bond.TeamingMode);
        }

        [Theory]
        [InlineData(BondMode.BalanceRR, RequiredPortChannel.Static, InboundDistribution.PortChannel)]
        [InlineData(BondMode.ActiveBackup, RequiredPortChannel.None, InboundDistribution.PrimaryMember)]
        [InlineData(BondMode.BalanceXor, RequiredPortChannel.Static, InboundDistribution.PortChannel)]
        [InlineData(BondMode.Broadcast, RequiredPortChannel.Static, InboundDistribution.PortChannel)]
        [InlineData(BondMode.Ieee8023ad, RequiredPortChannel.Lacp, InboundDistribution.PortChannel)]
        [InlineData(BondMode.BalanceTlb, RequiredPortChannel.None, InboundDistribution.PrimaryMember)]
        [InlineData(BondMode.BalanceAlb, RequiredPortChannel.None, InboundDistribution.PerPeer)]
        public void Each_mode_needs_its_switch_side_and_receives_as_bonding_rst_says(BondMode mode, RequiredPortChannel channel, InboundDistribution inbound)
        {
            var bond = new VNHost("lx01", Hypervisor.Linux).AddVirtualSwitch("bond0", VirtualSwitchType.LinuxBond,
                settings: new VirtualSwitchSettings { BondMode = mode, XmitHashPolicy = XmitHashPolicy.Layer3Plus4 });

            Assert.Equal(mode, bond.BondMode);
            Assert.Equal(XmitHashPolicy.Layer3Plus4, bond.XmitHashPolicy);
            Assert.Equal(channel, bond.RequiredPortChannel);
            Assert.Equal(inbound, bond.InboundDistribution);
        }

        [Fact]
        public void Bond_settings_on_an_ESX_switch_are_refused()
        {
            var e = Assert.Throws<VirtNetException>(() => new VNHost("esx01", Hypervisor.Esx).AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard,
                settings: new VirtualSwitchSettings { XmitHashPolicy = XmitHashPolicy.Layer2 }));
            Assert.Equal(ErrorIds.UnsupportedOnSwitch, e.ErrorId);
        }
    }
}
