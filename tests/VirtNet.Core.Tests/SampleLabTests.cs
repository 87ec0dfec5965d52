using System.Linq;
using VirtNet.Labs;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests
{
    public class NicTeamingLabTests
    {
        readonly VNSampleLab _lab = SampleLab.Build(SampleLabName.NicTeaming);
        VNHost Host => Assert.Single(_lab.Hosts);
        VNPhysicalSwitch Stack => Assert.Single(_lab.PhysicalSwitches);
        VNVirtualSwitch VSwitch => Assert.Single(Host.VirtualSwitches);

        [Fact]
        public void The_host_is_ESX_3_5_as_in_the_VI3_article()
        {
            Assert.Equal("esx01", Host.Name);
            Assert.Equal(Hypervisor.Esx, Host.Hypervisor);
            Assert.Equal("3.5", Host.Version);
        }

        [Fact]
        public void Two_1GbE_uplinks_go_to_different_members_of_one_Catalyst_3750_stack()
        {
            Assert.Equal("Catalyst 3750", Stack.Model);
            Assert.Equal(2, Stack.Stack);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, VSwitch.Nic);
            Assert.All(VSwitch.Uplinks, u => Assert.Equal(1000, u.SpeedMbps));
            Assert.All(VSwitch.Uplinks, u => Assert.Same(Stack, u.PhysicalSwitch));
            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1" }, VSwitch.Uplinks.Select(u => u.SwitchPort.Name));
            Assert.Equal(new[] { 1, 2 }, VSwitch.Uplinks.Select(u => u.SwitchPort.StackMember));
        }

        [Fact]
        public void As_shipped_the_team_uses_the_ESX_default_port_id_policy_on_every_port_group()
        {
            var policy = VSwitch.TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, policy.LoadBalancingPolicy);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, policy.ActiveNic);
            Assert.Empty(policy.StandbyNic);
            Assert.All(VSwitch.PortGroups, pg =>
            {
                Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, pg.TeamingPolicy.LoadBalancingPolicy);
                Assert.True(pg.TeamingPolicy.IsLoadBalancingInherited);
                Assert.True(pg.TeamingPolicy.IsFailoverOrderInherited);
            });
        }

        [Fact]
        public void The_stack_has_no_port_channel_so_IP_hash_would_lack_its_static_EtherChannel()
        {
            Assert.Empty(Stack.PortChannels);
            Assert.All(VSwitch.Uplinks, u => Assert.Null(u.SwitchPort.PortChannel));
        }

        [Fact]
        public void Port_groups_are_VLANs_that_the_trunk_ports_carry()
        {
            Assert.Equal(new[] { ("Service Console", 10), ("IP Storage", 20), ("VM Network", 30) },
                VSwitch.PortGroups.Select(pg => (pg.Name, pg.VLanId)));
            Assert.All(VSwitch.Uplinks, u =>
            {
                Assert.Equal(SwitchPortMode.Trunk, u.SwitchPort.Mode);
                Assert.Equal("10,20,30", u.SwitchPort.AllowedVLan);
                Assert.True(u.SwitchPort.IsPortFastEffective);
            });
        }

        [Fact]
        public void The_VMkernel_port_for_IP_storage_has_the_KB_2006129_address_on_its_own_port_group()
        {
            var vmk = Host.GetVMKernelAdapter("vmk0");
            Assert.Equal("10.0.0.10", vmk.IPAddress.ToString());
            Assert.Equal(24, vmk.PrefixLength);
            Assert.Equal(new[] { AdapterPurpose.Storage }, vmk.Purpose);
            Assert.Equal("IP Storage", vmk.PortGroup.Name);
            Assert.Equal(new VNVirtualAdapter[] { vmk }, vmk.PortGroup.Ports);
        }

        [Fact]
        public void The_Service_Console_port_is_vswif0_with_a_gateway_that_answers_ping()
        {
            var vswif = Host.GetVMKernelAdapter("vswif0");
            Assert.True(vswif.IsServiceConsole);
            Assert.Equal("Service Console", vswif.PortGroup.Name);
            Assert.Equal("192.168.10.11", vswif.IPAddress.ToString());
            Assert.Equal(Host.IPAddress, vswif.IPAddress);
            var gateway = Assert.Single(Stack.Endpoints, e => e.Role == EndpointRole.Gateway);
            Assert.Equal(vswif.Gateway, gateway.IPAddress);
            Assert.True(gateway.RespondsToPing);
        }

        [Fact]
        public void Two_storage_targets_sit_on_the_storage_VLAN()
        {
            var targets = Stack.Endpoints.Where(e => e.Role == EndpointRole.Storage).ToList();
            Assert.Equal(new[] { ("NFS1", "10.0.0.20"), ("NFS2", "10.0.0.21") }, targets.Select(e => (e.Name, e.IPAddress.ToString())));
            Assert.All(targets, t => Assert.Equal(20, t.VLanId));
        }

        [Fact]
        public void IP_hash_over_two_uplinks_would_send_the_two_targets_on_different_uplinks()
        {
            // KB 2006129: (0x0a00000a XOR 0x0a000014) % 2 = 0 for 10.0.0.20, and 10.0.0.21 gives 1.
            var source = Host.GetVMKernelAdapter("vmk0").IPAddress.Value.Value;
            var uplinks = Stack.Endpoints.Where(e => e.Role == EndpointRole.Storage).Select(e => (source ^ e.IPAddress.Value) % 2);
            Assert.Equal(new uint[] { 0, 1 }, uplinks);
        }

        [Fact]
        public void Every_VM_and_VMkernel_port_gets_its_own_virtual_port_id()
        {
            Assert.Equal(new[] { ("vswif0", 0), ("vmk0", 1) },
                Host.VMKernelAdapters.Select(a => (a.Name, a.PortId)));
            Assert.Equal(new[] { ("vm01", 2), ("vm02", 3), ("vm03", 4) },
                Host.VirtualMachines.Select(vm => (vm.Name, Assert.Single(vm.NetworkAdapters).PortId)));
        }

        [Fact]
        public void The_VMs_have_static_VMware_MACs_and_addresses_on_the_VM_Network()
        {
            var adapters = Host.VirtualMachines.Select(vm => Assert.Single(vm.NetworkAdapters)).ToList();
            Assert.Equal(new[] { "00:50:56:00:00:01", "00:50:56:00:00:02", "00:50:56:00:00:03" }, adapters.Select(a => a.MacAddress.ToString()));
            Assert.Equal(new[] { "192.168.30.101", "192.168.30.102", "192.168.30.103" }, adapters.Select(a => a.IPAddress.ToString()));
            Assert.All(adapters, a => Assert.Equal("VM Network", a.PortGroup.Name));
        }

        [Fact]
        public void The_ESX_3_5_vSwitch_has_56_ports_less_the_uplinks_and_connected_ports()
        {
            Assert.Equal(56, VSwitch.NumPorts);
            // 2 uplinks + vswif0 + vmk0 + 3 VM adapters.
            Assert.Equal(56 - (2 + 5), VSwitch.NumPortsAvailable);
        }
    }

    public class HaClusterLabTests
    {
        readonly VNSampleLab _lab = SampleLab.Build(SampleLabName.HaCluster);
        VNPhysicalSwitch SwitchA => _lab.PhysicalSwitches.Single(s => s.Name == "cat-a");
        VNPhysicalSwitch SwitchB => _lab.PhysicalSwitches.Single(s => s.Name == "cat-b");

        [Fact]
        public void Three_ESX_3_5_hosts_with_FQDNs_and_their_Service_Console_addresses()
        {
            Assert.Equal(new[] { "esx01", "esx02", "esx03" }, _lab.Hosts.Select(h => h.Name));
            Assert.All(_lab.Hosts, h => Assert.Equal("3.5", h.Version));
            Assert.Equal(new[] { "esx01.lab.local", "esx02.lab.local", "esx03.lab.local" }, _lab.Hosts.Select(h => h.Fqdn));
            Assert.Equal(new[] { "192.168.10.11", "192.168.10.12", "192.168.10.13" }, _lab.Hosts.Select(h => h.IPAddress.ToString()));
            Assert.All(_lab.Hosts, h => Assert.Equal(h.IPAddress, h.GetVMKernelAdapter("vswif0").IPAddress));
        }

        [Fact]
        public void Every_Service_Console_is_vswif0_in_one_subnet_behind_a_pingable_gateway()
        {
            var gateway = Assert.Single(SwitchA.Endpoints, e => e.Role == EndpointRole.Gateway);
            Assert.Equal("192.168.10.1", gateway.IPAddress.ToString());
            Assert.True(gateway.RespondsToPing);
            Assert.All(_lab.Hosts, h =>
            {
                var vswif = Assert.Single(h.VMKernelAdapters, a => a.IsServiceConsole);
                Assert.Equal("vswif0", vswif.Name);
                Assert.Equal(gateway.IPAddress, vswif.Gateway);
                // One subnet for all: ESX 3.5 U2+ refuses HA on hosts whose Service Console networks differ.
                Assert.True(vswif.IPAddress.Value.IsInSubnet(gateway.IPAddress, 24));
            });
        }

        [Fact]
        public void A_DNS_server_answers_on_the_Service_Console_network()
        {
            var dns = Assert.Single(SwitchA.Endpoints, e => e.Role == EndpointRole.Dns);
            Assert.Equal(10, dns.VLanId);
            Assert.True(dns.RespondsToPing);
        }

        [Fact]
        public void The_Service_Console_vSwitch_has_two_uplinks_on_two_switches()
        {
            Assert.All(_lab.Hosts, h =>
            {
                var vswitch = h.GetVMKernelAdapter("vswif0").VirtualSwitch;
                Assert.Equal(new[] { "vmnic0", "vmnic1" }, vswitch.Nic);
                Assert.Same(SwitchA, vswitch.GetUplink("vmnic0").PhysicalSwitch);
                Assert.Same(SwitchB, vswitch.GetUplink("vmnic1").PhysicalSwitch);
            });
        }

        [Fact]
        public void Service_Console_and_VMotion_override_the_failover_order_in_opposite_directions()
        {
            Assert.All(_lab.Hosts, h =>
            {
                var sc = h.GetPortGroup("Service Console").TeamingPolicy;
                Assert.Equal(new[] { "vmnic0" }, sc.ActiveNic);
                Assert.Equal(new[] { "vmnic1" }, sc.StandbyNic);
                var vmotion = h.GetPortGroup("VMotion").TeamingPolicy;
                Assert.Equal(new[] { "vmnic1" }, vmotion.ActiveNic);
                Assert.Equal(new[] { "vmnic0" }, vmotion.StandbyNic);
                Assert.Equal(new[] { AdapterPurpose.VMotion }, h.GetVMKernelAdapter("vmk0").Purpose);
                Assert.Equal("VMotion", h.GetVMKernelAdapter("vmk0").PortGroup.Name);
            });
        }

        [Fact]
        public void Failback_stays_on_as_ESX_ships_it()
        {
            // With failback on, a recovered vmnic0 takes the Service Console back at once (KB 1003804).
            Assert.All(_lab.Hosts, h => Assert.True(h.GetPortGroup("Service Console").TeamingPolicy.FailbackEnabled));
        }

        [Theory]
        [InlineData("esx01", true)]
        [InlineData("esx02", true)]
        [InlineData("esx03", false)]
        public void PortFast_is_effective_on_the_ports_of_esx01_and_esx02_but_forgotten_on_esx03(string host, bool portFast)
        {
            var uplinks = _lab.Hosts.Single(h => h.Name == host).Uplinks.ToList();
            Assert.Equal(2, uplinks.Count);
            Assert.All(uplinks, u =>
            {
                Assert.Equal(SwitchPortMode.Trunk, u.SwitchPort.Mode);
                Assert.Equal(portFast, u.SwitchPort.IsPortFastEffective);
            });
        }

        [Fact]
        public void Both_switches_run_802_1D_timers_so_a_port_without_PortFast_forwards_30_s_after_link_up()
        {
            Assert.All(_lab.PhysicalSwitches, s =>
            {
                Assert.Equal(SpanningTreeMode.Pvst, s.SpanningTree);
                Assert.Equal(15, s.ForwardDelay.TotalSeconds);
            });
        }

        [Fact]
        public void Each_host_runs_one_VM_for_HA_to_protect()
        {
            Assert.Equal(new[] { "app01", "app02", "app03" }, _lab.Hosts.Select(h => Assert.Single(h.VirtualMachines).Name));
        }

        [Fact]
        public void The_ESX_3_5_vSwitch_has_56_ports_less_the_uplinks_and_connected_ports()
        {
            // 2 uplinks + vswif0 + vmk0 + 1 VM adapter.
            Assert.All(_lab.Hosts, h => Assert.Equal(56 - (2 + 3), Assert.Single(h.VirtualSwitches).NumPortsAvailable));
        }
    }

    public class SampleLabTests
    {
        [Fact]
        public void Knows_the_labs_of_the_enum()
        {
            Assert.Equal(new[] { SampleLabName.NicTeaming, SampleLabName.HaCluster }, SampleLab.KnownNames);
        }

        [Theory]
        [InlineData("NicTeaming", SampleLabName.NicTeaming)]
        [InlineData("hacluster", SampleLabName.HaCluster)]
        public void Builds_a_lab_by_name_case_insensitively(string name, SampleLabName expected)
        {
            var lab = SampleLab.Build(name);
            Assert.Equal(expected, lab.Name);
            Assert.False(string.IsNullOrWhiteSpace(lab.Description));
        }

        [Theory]
        [InlineData("NoSuchLab")]
        [InlineData("1")]
        [InlineData("NicTeaming, HaCluster")]
        [InlineData(null)]
        public void An_unknown_name_fails_with_UnknownSampleLab_and_lists_the_known_labs(string name)
        {
            var e = Assert.Throws<VirtNetException>(() => SampleLab.Build(name));
            Assert.Equal(ErrorIds.UnknownSampleLab, e.ErrorId);
            Assert.Equal(VirtNetErrorKind.ObjectNotFound, e.Kind);
            Assert.Contains("NicTeaming, HaCluster", e.Message);
        }

        [Fact]
        public void An_undefined_enum_value_fails_with_UnknownSampleLab()
        {
            var e = Assert.Throws<VirtNetException>(() => SampleLab.Build((SampleLabName)99));
            Assert.Equal(ErrorIds.UnknownSampleLab, e.ErrorId);
        }

        [Fact]
        public void Each_build_makes_fresh_objects()
        {
            var first = SampleLab.Build(SampleLabName.NicTeaming);
            var second = SampleLab.Build(SampleLabName.NicTeaming);
            Assert.NotSame(first.Hosts[0], second.Hosts[0]);
            Assert.NotSame(first.PhysicalSwitches[0], second.PhysicalSwitches[0]);
        }
    }
}
