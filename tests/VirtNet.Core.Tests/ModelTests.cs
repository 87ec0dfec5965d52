using System.Linq;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests
{
    public class VirtualSwitchPortTests
    {
        static VNVMKernelAdapter Vmk(VNPortGroup pg, string name, string ip) =>
            VNVMKernelAdapter.Create(pg, name, IPv4Address.Parse(ip), 24);

        [Theory]
        [InlineData("3.5", 56)]
        [InlineData("4.0", 56)]
        [InlineData("4.1", 128)]
        [InlineData("5.1", 128)]
        public void Default_port_count_follows_the_ESX_release(string version, int expected)
        {
            var vs = new VNHost("esx01", Hypervisor.Esx, version).AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            Assert.Equal(expected, vs.NumPorts);
            Assert.Equal(expected, vs.NumPortsAvailable);
            Assert.False(vs.IsElastic);
        }

        [Theory]
        [InlineData(64)]
        [InlineData(128)]
        [InlineData(100)]
        public void ESX_35_accepts_only_usable_counts_of_2k_minus_8(int numPorts)
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, numPorts));
            Assert.Equal(ErrorIds.InvalidNumPorts, e.ErrorId);
            Assert.Contains("120", e.Message);
        }

        [Fact]
        public void ESX_35_accepts_120_usable_ports()
        {
            var vs = new VNHost("esx01", Hypervisor.Esx, "3.5").AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, 120);
            Assert.Equal(120, vs.NumPortsAvailable);
        }

        [Fact]
        public void Uplinks_and_connected_adapters_each_take_one_usable_port()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var vs = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            vs.AddUplink("vmnic0");
            vs.AddUplink("vmnic1");
            var pg = vs.AddPortGroup("VM Network");
            host.AddVirtualMachine("vm1", new[] { new VNVirtualMachine.AdapterSpec(pg), new VNVirtualMachine.AdapterSpec(pg) });
            Vmk(vs.AddPortGroup("VMkernel"), "vmk0", "10.0.0.10");
            Assert.Equal(5, vs.UsedPorts);
            Assert.Equal(56 - 5, vs.NumPortsAvailable);
        }

        [Fact]
        public void A_full_vSwitch_refuses_the_next_connection_and_the_VM_is_not_created()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var vs = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, 8);
            vs.AddUplink("vmnic0");
            var pg = vs.AddPortGroup("VM Network");
            for (int i = 0; i < 7; i++) host.AddVirtualMachine("vm" + i, new[] { new VNVirtualMachine.AdapterSpec(pg) });
            Assert.Equal(0, vs.NumPortsAvailable);
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualMachine("vm7", new[] { new VNVirtualMachine.AdapterSpec(pg) }));
            Assert.Equal(ErrorIds.VirtualSwitchFull, e.ErrorId);
            Assert.Equal(7, host.VirtualMachines.Count);
            Assert.Equal(ErrorIds.VirtualSwitchFull, Assert.Throws<VirtNetException>(() => vs.AddUplink("vmnic1")).ErrorId);
        }

        [Fact]
        public void A_VM_that_does_not_fit_entirely_leaves_no_adapter_connected()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var vs = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, 8);
            var pg = vs.AddPortGroup("VM Network");
            host.AddVirtualMachine("big", Enumerable.Range(0, 7).Select(_ => new VNVirtualMachine.AdapterSpec(pg)).ToArray());
            Assert.Throws<VirtNetException>(() => host.AddVirtualMachine("two", new[] { new VNVirtualMachine.AdapterSpec(pg), new VNVirtualMachine.AdapterSpec(pg) }));
            Assert.Equal(1, vs.NumPortsAvailable);
        }

        [Fact]
        public void ESXi_55_standard_switches_are_elastic_up_to_the_host_maximum()
        {
            var vs = new VNHost("esx01", Hypervisor.Esx, "5.5").AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, 8);
            Assert.True(vs.IsElastic);
            vs.AddUplink("vmnic0");
            Assert.Equal(VNVirtualSwitch.HostPortMaximum - 1, vs.NumPortsAvailable);
        }

        [Fact]
        public void Port_ids_follow_connection_order_per_switch_and_are_never_reused()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "4.1");
            var vs0 = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var vs1 = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            var pg0 = vs0.AddPortGroup("A");
            var pg1 = vs1.AddPortGroup("B");
            var vm1 = host.AddVirtualMachine("vm1", new[] { new VNVirtualMachine.AdapterSpec(pg0), new VNVirtualMachine.AdapterSpec(pg1) });
            var vmk = Vmk(pg0, "vmk1", "10.0.0.10");
            var vm2 = host.AddVirtualMachine("vm2", new[] { new VNVirtualMachine.AdapterSpec(pg0) });
            Assert.Equal(new[] { 0, 0 }, vm1.NetworkAdapters.Select(a => a.PortId));
            Assert.Equal(1, vmk.PortId);
            Assert.Equal(2, vm2.NetworkAdapters[0].PortId);
            host.RemoveVirtualMachine(vm2);
            var vm3 = host.AddVirtualMachine("vm3", new[] { new VNVirtualMachine.AdapterSpec(pg0) });
            Assert.Equal(3, vm3.NetworkAdapters[0].PortId);
        }

        [Fact]
        public void An_uplink_can_be_on_one_vSwitch_only()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddUplink("vmnic0");
            var vs1 = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            var e = Assert.Throws<VirtNetException>(() => vs1.AddUplink("VMNIC0"));
            Assert.Equal(ErrorIds.UplinkInUse, e.ErrorId);
            Assert.Contains("vSwitch0", e.Message);
        }

        [Fact]
        public void Removing_a_vSwitch_with_ports_in_use_needs_force()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            var vs = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            var pg = vs.AddPortGroup("VM Network");
            var vm = host.AddVirtualMachine("vm1", new[] { new VNVirtualMachine.AdapterSpec(pg) });
            var vmk = Vmk(pg, "vmk1", "10.0.0.10");
            Assert.Equal(ErrorIds.VirtualSwitchInUse, Assert.Throws<VirtNetException>(() => host.RemoveVirtualSwitch(vs, force: false)).ErrorId);
            Assert.Single(host.VirtualSwitches);
            host.RemoveVirtualSwitch(vs, force: true);
            Assert.Empty(host.VirtualSwitches);
            Assert.False(vm.NetworkAdapters[0].Connected);
            Assert.Empty(host.VMKernelAdapters);
        }

        [Fact]
        public void ESXi_5_has_no_Service_Console()
        {
            var pg = new VNHost("esx01", Hypervisor.Esx, "5.0").AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("SC");
            Assert.Equal(ErrorIds.UnsupportedOnHost, Assert.Throws<VirtNetException>(() => Vmk(pg, "vswif0", "10.0.0.10")).ErrorId);
        }

        [Fact]
        public void Distributed_switches_need_ESX_40()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "3.5");
            Assert.Equal(ErrorIds.UnsupportedOnHost, Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("dvs", VirtualSwitchType.Distributed)).ErrorId);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(4096)]
        public void Port_group_VLAN_outside_0_to_4095_is_refused(int vlan)
        {
            var vs = new VNHost("esx01", Hypervisor.Esx, "3.5").AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            Assert.Equal(ErrorIds.InvalidVLanId, Assert.Throws<VirtNetException>(() => vs.AddPortGroup("pg", vlan)).ErrorId);
        }

        [Fact]
        public void Port_group_names_are_unique_among_a_hosts_switches_of_one_type()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            var vs0 = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            vs0.AddPortGroup("VM Network");
            Assert.Equal(ErrorIds.DuplicateName, Assert.Throws<VirtNetException>(() => vs0.AddPortGroup("vm network")).ErrorId);
            // ESX refuses a standard port group name another standard vSwitch has; vCenter a distributed one another vDS has.
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard).AddPortGroup("VM NETWORK"));
            Assert.Equal(ErrorIds.DuplicateName, e.ErrorId);
            Assert.Contains("esx01/vSwitch0", e.Message);
            host.AddVirtualSwitch("dvs01", VirtualSwitchType.Distributed).AddPortGroup("VM Network");
            Assert.Equal(ErrorIds.DuplicateName, Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch("dvs02", VirtualSwitchType.Distributed).AddPortGroup("VM Network")).ErrorId);
        }
    }

    /// <summary>
    /// A standard and a distributed port group of one name on one host, as while VMs move from a standard to a
    /// distributed switch: the model keeps both, keyed by host, switch and name.
    /// </summary>
    public class SharedPortGroupNameTests
    {
        static (VNHost host, VNPortGroup standard, VNPortGroup distributed) Migrating()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            var standard = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network", 10);
            var distributed = host.AddVirtualSwitch("dvs01", VirtualSwitchType.Distributed).AddPortGroup("VM Network", 20);
            host.GetVirtualSwitch("dvs01").AddPortGroup("Backup", 30);
            return (host, standard, distributed);
        }

        [Fact]
        public void Two_switches_of_a_host_may_each_have_a_port_group_of_one_name()
        {
            var (host, standard, distributed) = Migrating();

            Assert.Equal(new[] { "esx01/vSwitch0/VM Network", "esx01/dvs01/VM Network", "esx01/dvs01/Backup" }, host.PortGroups.Select(p => p.Path));
            Assert.Equal((10, 20), (standard.VLanId, distributed.VLanId));
        }

        [Fact]
        public void A_shared_name_alone_is_ambiguous_and_the_error_lists_both_paths()
        {
            var (host, _, _) = Migrating();

            var e = Assert.Throws<VirtNetException>(() => host.GetPortGroup("vm network"));
            Assert.Equal(ErrorIds.AmbiguousName, e.ErrorId);
            Assert.Contains("esx01/vSwitch0/VM Network, esx01/dvs01/VM Network", e.Message);
            Assert.Contains("vSwitch0/VM Network", e.Message);
        }

        [Theory]
        [InlineData("vSwitch0/VM Network", "vSwitch0")]
        [InlineData("dvs01/vm network", "dvs01")]
        [InlineData("ESX01/dvs01/VM Network", "dvs01")]
        public void A_path_picks_one(string path, string vswitch)
        {
            var (host, _, _) = Migrating();

            Assert.Equal(vswitch, host.GetPortGroup(path).VirtualSwitch.Name);
        }

        [Theory]
        [InlineData("esx02/dvs01/VM Network")]
        [InlineData("vSwitch1/VM Network")]
        [InlineData("vSwitch0/Backup")]
        public void A_path_of_another_host_switch_or_port_group_is_not_found(string path)
        {
            var (host, _, _) = Migrating();

            Assert.Equal(ErrorIds.PortGroupNotFound, Assert.Throws<VirtNetException>(() => host.GetPortGroup(path)).ErrorId);
        }

        [Fact]
        public void A_name_on_one_switch_only_still_resolves_alone()
        {
            var (host, _, _) = Migrating();

            Assert.Equal("esx01/dvs01/Backup", host.GetPortGroup("Backup").Path);
        }

        [Fact]
        public void Files_name_a_port_group_by_path_only_where_its_name_is_shared()
        {
            var (host, standard, distributed) = Migrating();

            Assert.Equal("vSwitch0/VM Network", host.PortGroupReference(standard));
            Assert.Equal("dvs01/VM Network", host.PortGroupReference(distributed));
            Assert.Equal("Backup", host.PortGroupReference(host.GetPortGroup("Backup")));
        }

        [Fact]
        public void A_moving_VM_goes_to_the_port_group_of_the_same_switch_name()
        {
            var (source, _, distributed) = Migrating();
            var destinationHost = new VNHost("esx02", Hypervisor.Esx, "8.0");
            var dvs = destinationHost.AddVirtualSwitch("dvs01", VirtualSwitchType.Distributed);
            var target = dvs.AddPortGroup("VM Network", 20);
            destinationHost.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("VM Network", 10);
            var vm = source.AddVirtualMachine("app01", new[] { new VNVirtualMachine.AdapterSpec(distributed) });

            vm.Move(destinationHost);

            Assert.Same(target, vm.NetworkAdapters[0].PortGroup);
        }
    }

    public class TeamingPolicyTests
    {
        static (VNVirtualSwitch vs, VNPortGroup pg) TwoUplinks()
        {
            var vs = new VNHost("esx01", Hypervisor.Esx, "3.5").AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            vs.AddUplink("vmnic0");
            vs.AddUplink("vmnic1");
            return (vs, vs.AddPortGroup("NFS"));
        }

        [Fact]
        public void A_new_vSwitch_has_the_ESX_defaults_with_every_uplink_active_in_order()
        {
            var (vs, _) = TwoUplinks();
            var p = vs.TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, p.LoadBalancingPolicy);
            Assert.Equal(NetworkFailoverDetectionPolicy.LinkStatus, p.NetworkFailoverDetectionPolicy);
            Assert.True(p.NotifySwitches);
            Assert.True(p.FailbackEnabled);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, p.ActiveNic);
            Assert.Empty(p.StandbyNic);
        }

        [Fact]
        public void A_port_group_overriding_one_field_inherits_the_others()
        {
            var (vs, pg) = TwoUplinks();
            TeamingPolicyChange.Apply(vs, pg, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            TeamingPolicyChange.Apply(vs, null, new TeamingPolicyChange { FailbackEnabled = false });
            var p = pg.TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceIP, p.LoadBalancingPolicy);
            Assert.False(p.IsLoadBalancingInherited);
            Assert.False(p.FailbackEnabled);
            Assert.True(p.IsFailbackInherited);
            Assert.True(p.IsFailoverOrderInherited);
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, vs.TeamingPolicy.LoadBalancingPolicy);
        }

        [Fact]
        public void MakeNicStandby_on_an_inheriting_port_group_starts_from_the_vSwitch_order()
        {
            var (vs, pg) = TwoUplinks();
            TeamingPolicyChange.Apply(vs, pg, new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic0" } });
            Assert.Equal(new[] { "vmnic1" }, pg.TeamingPolicy.ActiveNic);
            Assert.Equal(new[] { "vmnic0" }, pg.TeamingPolicy.StandbyNic);
            Assert.False(pg.TeamingPolicy.IsFailoverOrderInherited);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, vs.TeamingPolicy.ActiveNic);
        }

        [Fact]
        public void MakeNicActive_sets_the_failover_order_in_the_order_given()
        {
            var (vs, _) = TwoUplinks();
            TeamingPolicyChange.Apply(vs, null, new TeamingPolicyChange { MakeNicActive = new[] { "vmnic1", "vmnic0" } });
            Assert.Equal(new[] { "vmnic1", "vmnic0" }, vs.TeamingPolicy.ActiveNic);
        }

        [Fact]
        public void Inherit_drops_every_override()
        {
            var (vs, pg) = TwoUplinks();
            TeamingPolicyChange.Apply(vs, pg, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.ExplicitFailover, MakeNicUnused = new[] { "vmnic1" } });
            TeamingPolicyChange.Apply(vs, pg, new TeamingPolicyChange { Inherit = true });
            var p = pg.TeamingPolicy;
            Assert.True(p.IsLoadBalancingInherited && p.IsFailoverOrderInherited && p.IsFailbackInherited);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, p.ActiveNic);
        }

        [Fact]
        public void MakeNic_naming_an_uplink_the_switch_lacks_changes_nothing()
        {
            var (vs, pg) = TwoUplinks();
            var e = Assert.Throws<VirtNetException>(() => TeamingPolicyChange.Apply(vs, pg,
                new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP, MakeNicActive = new[] { "vmnic9" } }));
            Assert.Equal(ErrorIds.UplinkNotFound, e.ErrorId);
            Assert.Contains("vmnic0, vmnic1", e.Message);
            Assert.True(pg.TeamingPolicy.IsLoadBalancingInherited);
        }

        [Fact]
        public void New_uplinks_join_the_vSwitch_active_list_and_are_unused_where_a_port_group_overrides_the_order()
        {
            var (vs, pg) = TwoUplinks();
            TeamingPolicyChange.Apply(vs, pg, new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } });
            vs.AddUplink("vmnic2");
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic2" }, vs.TeamingPolicy.ActiveNic);
            Assert.Equal(new[] { "vmnic2" }, pg.TeamingPolicy.UnusedNic);
        }

        [Fact]
        public void Removing_an_uplink_takes_it_out_of_every_failover_list()
        {
            var (vs, pg) = TwoUplinks();
            TeamingPolicyChange.Apply(vs, pg, new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic1" } });
            vs.RemoveUplink(vs.GetUplink("vmnic1"));
            Assert.Equal(new[] { "vmnic0" }, vs.TeamingPolicy.ActiveNic);
            Assert.Empty(pg.TeamingPolicy.StandbyNic);
        }
    }

    public class PhysicalSwitchTests
    {
        [Fact]
        public void Long_and_short_port_names_are_one_port()
        {
            var sw = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            var vs = new VNHost("esx01", Hypervisor.Esx, "3.5").AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            vs.AddUplink("vmnic0").ConnectTo(sw, "GigabitEthernet1/0/1");
            var e = Assert.Throws<VirtNetException>(() => vs.AddUplink("vmnic1").ConnectTo(sw, "Gi1/0/1"));
            Assert.Equal(ErrorIds.SwitchPortInUse, e.ErrorId);
            Assert.Same(sw.GetPort("Gi1/0/1"), sw.GetPort("GigabitEthernet1/0/1"));
        }

        [Fact]
        public void A_port_beyond_the_stack_members_is_refused()
        {
            var sw = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            Assert.Equal(ErrorIds.InvalidSwitchPortName, Assert.Throws<VirtNetException>(() => sw.GetOrAddPort("Gi3/0/1")).ErrorId);
            Assert.Equal(2, sw.GetOrAddPort("Gi2/0/1").StackMember);
        }

        [Fact]
        public void Plain_portfast_has_no_effect_on_a_trunk()
        {
            var port = new VNPhysicalSwitch("core1").GetOrAddPort("Gi0/1");
            port.PortFast = PortFastMode.Enabled;
            Assert.True(port.IsPortFastEffective);
            port.Mode = SwitchPortMode.Trunk;
            Assert.False(port.IsPortFastEffective);
            port.PortFast = PortFastMode.Trunk;
            Assert.True(port.IsPortFastEffective);
        }

        [Fact]
        public void Trunk_allowed_list_prints_in_IOS_form()
        {
            var port = new VNPhysicalSwitch("core1").GetOrAddPort("Gi0/1");
            port.Mode = SwitchPortMode.Trunk;
            port.SetAllowedVLan(new[] { "10,20", "30-32", "33" });
            Assert.Equal("10,20,30-33", port.AllowedVLan);
            Assert.True(port.CarriesVLan(31));
            Assert.False(port.CarriesVLan(11));
            Assert.Equal(ErrorIds.InvalidVLanId, Assert.Throws<VirtNetException>(() => port.SetAllowedVLan(new[] { "10-5000" })).ErrorId);
        }

        [Fact]
        public void A_port_belongs_to_one_channel_at_most()
        {
            var sw = new VNPhysicalSwitch("core1", "Catalyst 3750", 2);
            var po = sw.AddPortChannel("Port-channel1", new[] { "Gi1/0/1", "GigabitEthernet2/0/1" }, PortChannelMode.On);
            Assert.Equal("Po1", po.Name);
            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1" }, po.Members.Select(m => m.Name));
            Assert.Equal(ErrorIds.SwitchPortInUse, Assert.Throws<VirtNetException>(() => sw.AddPortChannel("Po2", new[] { "Gi1/0/1" }, PortChannelMode.Active)).ErrorId);
        }
    }
}
