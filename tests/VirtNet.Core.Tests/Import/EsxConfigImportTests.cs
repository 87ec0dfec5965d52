using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Import;
using VirtNet.Import.Esx;
using Xunit;

namespace VirtNet.Tests.Import
{
    public class EsxConfigImportTests
    {
        const string Bundle = "esx-esx01.lab.local-2024-05-06--10.42";

        static List<EsxConfigFile> ReadAll(string path) =>
            ImportFiles.Expand(path).Select(EsxConfigImport.Read).Where(f => f != null).ToList();

        static (VNHost Host, List<ImportWarning> Warnings) Import(string version = null, string hostName = null, params string[] fixture)
        {
            var files = ReadAll(Fixtures.PathOf(new[] { "Esx" }.Concat(fixture).ToArray()));
            var result = EsxConfigImport.Build(files, hostName, version);
            return (result.Hosts.Single(), files.SelectMany(f => f.Warnings).Concat(result.Warnings).ToList());
        }

        [Fact]
        public void Esxcli_advanced_list_gives_the_host_its_Net_TeamPolicyUpDelay_and_warns_of_options_it_does_not_simulate()
        {
            var (host, warnings) = Import(fixture: "advanced-teampolicyupdelay-esx05.txt");
            Assert.Equal("esx05", host.Name);
            Assert.Equal(30000, host.TeamPolicyUpDelay);
            var skipped = Assert.Single(warnings);
            Assert.Equal(Fixtures.LineOf("Path: /Net/NetNotifySwitchTimeout", "Esx", "advanced-teampolicyupdelay-esx05.txt"), skipped.Line);
            Assert.Contains("/Net/NetNotifySwitchTimeout is not simulated", skipped.Message);
        }

        [Fact]
        public void An_up_delay_out_of_range_is_not_imported_and_says_why()
        {
            var text = System.IO.File.ReadAllText(Fixtures.PathOf("Esx", "advanced-teampolicyupdelay-esx05.txt")).Replace("Int Value: 30000", "Int Value: 9000000");
            var file = EsxConfigImport.Parse("esx05.txt", text);
            var result = EsxConfigImport.Build(new[] { file }, null, null);
            Assert.Equal(100, result.Hosts.Single().TeamPolicyUpDelay);
            Assert.Contains(result.Warnings, w => w.Message.Contains("Net.TeamPolicyUpDelay = '9000000' is not imported") && w.Message.Contains("from 0 to 600000"));
        }

        [Fact]
        public void A_vm_support_commands_folder_makes_one_host_named_after_the_bundle()
        {
            var files = ReadAll(Fixtures.PathOf("Esx", Bundle));

            Assert.Equal(new[] { "esxcfg-nics_-l.txt", "esxcfg-route_-l.txt", "esxcfg-vmknic_-l.txt", "esxcfg-vswitch_-l.txt", "esxcli-policy-failover.txt" },
                files.Select(f => System.IO.Path.GetFileName(f.Path)));
            var esx01 = EsxConfigImport.Build(files, null, null).Hosts.Single();
            Assert.Equal("esx01", esx01.Name);
            Assert.Equal("esx01.lab.local", esx01.Fqdn);
            Assert.Equal("8.0", esx01.Version);
            Assert.Equal("10.0.10.11", esx01.IPAddress.ToString());
        }

        [Fact]
        public void Esxcfg_vswitch_reads_standard_and_distributed_switches_with_uplinks_speed_and_mac()
        {
            var esx01 = Import(fixture: Bundle).Host;

            Assert.Equal(new[] { "vSwitch0", "vSwitch1", "vSwitch2", "dvSwitch-Production" }, esx01.VirtualSwitches.Select(v => v.Name));
            Assert.Equal(new[] { VirtualSwitchType.Standard, VirtualSwitchType.Standard, VirtualSwitchType.Standard, VirtualSwitchType.Distributed },
                esx01.VirtualSwitches.Select(v => v.Type));
            Assert.Equal(new[] { 128, 1024, 128, 512 }, esx01.VirtualSwitches.Select(v => v.NumPorts));
            Assert.Equal(new[] { 1500, 9000, 1500, 9000 }, esx01.VirtualSwitches.Select(v => v.Mtu));
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, esx01.VirtualSwitches[0].Nic);
            Assert.Empty(esx01.VirtualSwitches[2].Nic);
            Assert.Equal(new[] { "vmnic5", "vmnic4" }, esx01.VirtualSwitches[3].Nic);
            var uplinks = esx01.Uplinks.ToDictionary(u => u.Name);
            Assert.Equal(10000, uplinks["vmnic0"].SpeedMbps);
            Assert.Equal("3c:fd:fe:10:00:01", uplinks["vmnic1"].MacAddress.ToString());
            Assert.Equal(25000, uplinks["vmnic2"].SpeedMbps);
            // vmnic3's link is down (0Mbps): its speed is unknown, so it keeps the default.
            Assert.Equal(1000, uplinks["vmnic3"].SpeedMbps);
            Assert.Equal(100000, uplinks["vmnic4"].SpeedMbps);
        }

        [Fact]
        public void Port_groups_keep_their_vlans_and_an_overflowing_name_pushes_the_columns_right()
        {
            var esx01 = Import(fixture: Bundle).Host;

            Assert.Equal(new[] { "VM Network", "Management Network", "Production VLAN 200 - Guest Trunk Ports Overflowing" },
                esx01.VirtualSwitches[0].PortGroups.Select(p => p.Name));
            Assert.Equal(new[] { 20, 10, 4095 }, esx01.VirtualSwitches[0].PortGroups.Select(p => p.VLanId));
            Assert.Equal(new[] { "iSCSI-A", "iSCSI-B" }, esx01.VirtualSwitches[1].PortGroups.Select(p => p.Name));
            Assert.Equal(new[] { 30, 30 }, esx01.VirtualSwitches[1].PortGroups.Select(p => p.VLanId));
            Assert.Equal("Isolated", esx01.VirtualSwitches[2].PortGroups.Single().Name);
        }

        [Fact]
        public void Esxcli_failover_policies_set_the_vswitch_and_port_group_teaming()
        {
            var esx01 = Import(fixture: Bundle).Host;

            var vSwitch0 = esx01.GetVirtualSwitch("vSwitch0").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, vSwitch0.LoadBalancingPolicy);
            Assert.Equal(NetworkFailoverDetectionPolicy.LinkStatus, vSwitch0.NetworkFailoverDetectionPolicy);
            Assert.True(vSwitch0.NotifySwitches);
            Assert.False(vSwitch0.FailbackEnabled);
            Assert.Equal(new[] { "vmnic0" }, vSwitch0.ActiveNic);
            Assert.Equal(new[] { "vmnic1" }, vSwitch0.StandbyNic);
            Assert.Empty(vSwitch0.UnusedNic);

            var vmNetwork = esx01.GetPortGroup("VM Network").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcMac, vmNetwork.LoadBalancingPolicy);
            Assert.False(vmNetwork.IsLoadBalancingInherited);
            Assert.True(vmNetwork.IsNotifySwitchesInherited);
            Assert.True(vmNetwork.IsFailbackInherited);
            Assert.True(vmNetwork.IsNetworkFailoverDetectionInherited);
            Assert.False(vmNetwork.IsFailoverOrderInherited);
            Assert.Equal(new[] { "vmnic1", "vmnic0" }, vmNetwork.ActiveNic);
            Assert.Empty(vmNetwork.StandbyNic);
        }

        [Fact]
        public void Esxcfg_port_group_uplinks_that_differ_from_the_vswitch_are_an_active_override()
        {
            var esx01 = Import(fixture: Bundle).Host;

            // Same uplinks as the vSwitch's active then standby ones: no override.
            Assert.True(esx01.GetPortGroup("Management Network").TeamingPolicy.IsFailoverOrderInherited);
            var production = esx01.GetPortGroup("Production VLAN 200 - Guest Trunk Ports Overflowing").TeamingPolicy;
            Assert.False(production.IsFailoverOrderInherited);
            Assert.Equal(new[] { "vmnic1", "vmnic0" }, production.ActiveNic);
            var iscsiA = esx01.GetPortGroup("iSCSI-A").TeamingPolicy;
            Assert.Equal(new[] { "vmnic2" }, iscsiA.ActiveNic);
            Assert.Equal(new[] { "vmnic3" }, iscsiA.UnusedNic);
            var iscsiB = esx01.GetPortGroup("iSCSI-B").TeamingPolicy;
            Assert.Equal(new[] { "vmnic3" }, iscsiB.ActiveNic);
            Assert.Equal(new[] { "vmnic2" }, iscsiB.UnusedNic);
            Assert.True(iscsiB.IsLoadBalancingInherited);
        }

        [Fact]
        public void Vmknic_rows_give_addresses_mac_mtu_and_the_default_route_the_gateway()
        {
            var esx01 = Import(fixture: Bundle).Host;

            Assert.Equal(new[] { "vmk0", "vmk1", "vmk2" }, esx01.VMKernelAdapters.Select(a => a.Name));
            var vmk0 = esx01.GetVMKernelAdapter("vmk0");
            Assert.Equal("Management Network", vmk0.PortGroup.Name);
            Assert.Equal("10.0.10.11", vmk0.IPAddress.ToString());
            Assert.Equal(24, vmk0.PrefixLength);
            Assert.Equal("10.0.10.1", vmk0.Gateway.ToString());
            Assert.Equal("00:50:56:6a:10:11", vmk0.MacAddress.ToString());
            Assert.Equal(1500, vmk0.Mtu);
            Assert.Equal(new[] { AdapterPurpose.Management }, vmk0.Purpose);
            var vmk2 = esx01.GetVMKernelAdapter("vmk2");
            Assert.Equal("iSCSI-B", vmk2.PortGroup.Name);
            Assert.Equal("10.0.30.12", vmk2.IPAddress.ToString());
            Assert.Equal(9000, vmk2.Mtu);
            Assert.Null(vmk2.Gateway);
            Assert.Empty(vmk2.Purpose);
        }

        [Fact]
        public void Adapters_the_model_cannot_place_are_warnings_naming_file_and_line()
        {
            var (_, warnings) = Import(fixture: Bundle);

            var vmknic = Fixtures.PathOf("Esx", Bundle, "commands", "esxcfg-vmknic_-l.txt");
            Assert.Equal(2, warnings.Count);
            Assert.Equal(vmknic, warnings[0].File);
            Assert.Equal(Fixtures.LineOf("vmk3 ", "Esx", Bundle, "commands", "esxcfg-vmknic_-l.txt"), warnings[0].Line);
            Assert.Contains("adapter 'vmk3' is not imported: it is on DVPort 12 of distributed switch 'dvSwitch-Production'", warnings[0].Message);
            Assert.Equal(Fixtures.LineOf("vmk4       Isolated                                IPv4", "Esx", Bundle, "commands", "esxcfg-vmknic_-l.txt"), warnings[1].Line);
            Assert.Contains("adapter 'vmk4' is not imported: it has no IPv4 address (N/A).", warnings[1].Message);
        }

        [Fact]
        public void Adapters_on_DVPorts_go_on_the_distributed_port_group_vswitch_dvs_vmware_list_names()
        {
            const string File = "dvs-vmknic-esx06.txt";
            var (host, warnings) = Import(fixture: File);

            // vmk1 is on DVPort 100 and vmk2 on 101 of dvs-prod; dvs vmware list puts port 100 in dvportgroup-1011
            // and 101 in dvportgroup-1012. The files give those port groups' keys, not their names or VLANs.
            var vmk1 = host.GetVMKernelAdapter("vmk1");
            Assert.Equal("esx06/dvs-prod/dvportgroup-1011", vmk1.PortGroup.Path);
            Assert.Equal(("10.40.0.16", 24, 9000), (vmk1.IPAddress.ToString(), vmk1.PrefixLength, vmk1.Mtu));
            Assert.Equal("esx06/dvs-prod/dvportgroup-1012", host.GetVMKernelAdapter("vmk2").PortGroup.Path);
            Assert.Equal(VirtualSwitchType.Distributed, host.GetVirtualSwitch("dvs-prod").Type);
            // Only port groups with an adapter are made: dvportgroup-1008 holds the uplinks.
            Assert.Equal(new[] { "dvportgroup-1011", "dvportgroup-1012" }, host.GetVirtualSwitch("dvs-prod").PortGroups.Select(p => p.Name));
            Assert.Equal("esx06/vSwitch0/Management Network", host.GetVMKernelAdapter("vmk0").PortGroup.Path);
            // What the model cannot hold: the vmotion stack (vmk1 is kept, on the one stack the model has) and the NSX
            // opaque network (vmk10 is not kept).
            Assert.Equal(new[] { "vmk0", "vmk1", "vmk2" }, host.VMKernelAdapters.Select(a => a.Name));
            Assert.Equal(2, warnings.Count);
            Assert.Equal(Fixtures.LineOf("vmk1       100", "Esx", File), warnings[0].Line);
            Assert.Contains("adapter 'vmk1' is on TCP/IP stack vmotion", warnings[0].Message);
            Assert.Equal(Fixtures.LineOf("vmk10 ", "Esx", File), warnings[1].Line);
            Assert.Contains("adapter 'vmk10' is not imported: it is on NSX opaque network 0c1f7d5e-9b2a-4e63-8f10-3d5a6b7c8e9f", warnings[1].Message);
        }

        [Fact]
        public void A_DVPort_id_two_distributed_switches_have_is_resolved_by_esxclis_VDS_Name()
        {
            // Each distributed switch numbers its ports from 0: both switches have a port 100. esxcli network ip
            // interface list names the switch (VDS Name); esxcfg-vmknic -l does not.
            const string Dvs = "[root@esx08:~] esxcli network vswitch dvs vmware list\n" +
                "dvs-a\n   Name: dvs-a\n   VDS ID: 50 0a 3c 1e 7d 52 f0 6b-8d 2e 11 c4 6f 1b 90 a3\n   Class: cswitch\n   Uplinks: vmnic2\n   DVPort:\n" +
                "         Client: vmk1\n         DVPortgroup ID: dvportgroup-21\n         In Use: true\n         Port ID: 100\n\n" +
                "dvs-b\n   Name: dvs-b\n   VDS ID: 50 0a 3c 1e 7d 52 f0 6b-8d 2e 11 c4 6f 1b 90 a4\n   Class: cswitch\n   Uplinks: vmnic3\n   DVPort:\n" +
                "         Client: vmk2\n         DVPortgroup ID: dvportgroup-35\n         In Use: true\n         Port ID: 100\n\n";
            const string Vmknic = "[root@esx08:~] esxcfg-vmknic -l\n" +
                "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack\n" +
                "vmk1       100                                     IPv4      10.40.0.18                              255.255.255.0   10.40.0.255     00:50:56:6b:18:01 1500    65535     true    STATIC              defaultTcpipStack\n" +
                "vmk2       100                                     IPv4      10.50.0.18                              255.255.255.0   10.50.0.255     00:50:56:6b:18:02 1500    65535     true    STATIC              defaultTcpipStack\n";
            const string Interfaces = "[root@esx08:~] esxcli network ip interface list\n" +
                "vmk1\n   Name: vmk1\n   MAC Address: 00:50:56:6b:18:01\n   Enabled: true\n   Portset: DvsPortset-0\n   Portgroup: N/A\n   Netstack Instance: defaultTcpipStack\n" +
                "   VDS Name: dvs-a\n   VDS UUID: 50 0a 3c 1e 7d 52 f0 6b-8d 2e 11 c4 6f 1b 90 a3\n   VDS Port: 100\n   VDS Connection: 1184722391\n   Opaque Network ID: N/A\n   Opaque Network Type: N/A\n   External ID: N/A\n   MTU: 1500\n   TSO MSS: 65535\n   Port ID: 50331660\n\n";

            var alone = EsxConfigImport.Build(new[] { EsxConfigImport.Parse("esx08.txt", Dvs + Vmknic) }, null, null);
            Assert.Empty(alone.Hosts[0].VMKernelAdapters);
            Assert.All(alone.Warnings, w => Assert.Contains("more than one distributed switch has a port 100", w.Message));
            Assert.Equal(2, alone.Warnings.Count);

            var named = EsxConfigImport.Build(new[] { EsxConfigImport.Parse("esx08.txt", Dvs + Vmknic + Interfaces) }, null, null);
            Assert.Equal("esx08/dvs-a/dvportgroup-21", named.Hosts[0].GetVMKernelAdapter("vmk1").PortGroup.Path);
            var warning = Assert.Single(named.Warnings);
            Assert.Contains("adapter 'vmk2' is not imported: it is on DVPort 100, and more than one distributed switch has a port 100", warning.Message);
        }

        [Fact]
        public void Collapsed_esx41_console_paste_with_service_console_and_prompts_is_read()
        {
            var (esx41a, warnings) = Import(fixture: "esx41a-console.txt");

            Assert.Equal("esx41a", esx41a.Name);
            Assert.Equal("4.1", esx41a.Version);
            var vSwitch0 = esx41a.VirtualSwitches.Single();
            Assert.Equal(64, vSwitch0.NumPorts);
            Assert.Equal(new[] { "VM Network 2", "Service Console", "VMkernel" }, vSwitch0.PortGroups.Select(p => p.Name));
            Assert.Equal(new[] { 0, 0, 100 }, vSwitch0.PortGroups.Select(p => p.VLanId));
            Assert.Equal(new[] { "00:0c:29:d3:3d:34", "00:0c:29:d3:3d:3e" }, vSwitch0.Uplinks.Select(u => u.MacAddress.ToString()));
            Assert.All(vSwitch0.Uplinks, u => Assert.Equal(1000, u.SpeedMbps));
            var vmkernel = esx41a.GetPortGroup("VMkernel").TeamingPolicy;
            Assert.Equal(new[] { "vmnic1" }, vmkernel.ActiveNic);
            Assert.Equal(new[] { "vmnic0" }, vmkernel.UnusedNic);

            Assert.Equal(new[] { "vswif0", "vmk0" }, esx41a.VMKernelAdapters.Select(a => a.Name));
            var vswif0 = esx41a.GetVMKernelAdapter("vswif0");
            Assert.True(vswif0.IsServiceConsole);
            Assert.Equal("Service Console", vswif0.PortGroup.Name);
            Assert.Equal("192.168.50.21", vswif0.IPAddress.ToString());
            Assert.Null(vswif0.Gateway);
            var vmk0 = esx41a.GetVMKernelAdapter("vmk0");
            Assert.Equal("192.168.60.21", vmk0.IPAddress.ToString());
            Assert.Equal("00:50:56:7a:59:e9", vmk0.MacAddress.ToString());
            // ESX 4 routes have no Interface column: the gateway goes to the VMkernel adapter whose subnet holds it.
            Assert.Equal("192.168.60.1", vmk0.Gateway.ToString());

            // The paste collapsed the blanks: names with blanks are reported, and so is the route whose digits are letters.
            Assert.Equal(new[] { 6, 7, 13, Fixtures.LineOf("1O.1.2.O", "Esx", "esx41a-console.txt") }, warnings.Select(w => w.Line));
            Assert.Contains("the blanks between the columns are lost in this paste, so the name 'VM Network 2' is read with single blanks", warnings[0].Message);
            Assert.Contains("'Service Console'", warnings[1].Message);
            Assert.Contains("'Service Console'", warnings[2].Message);
            Assert.Contains("not understood as a row of esxcfg-route -l", warnings[3].Message);
        }

        [Fact]
        public void An_esx40_host_counts_the_8_reserved_ports_out_of_the_configured_ports()
        {
            var esx = Import("4.0", null, "esx41a-console.txt").Host;

            Assert.Equal(56, esx.VirtualSwitches.Single().NumPorts);
        }

        [Fact]
        public void Esxcli_output_gives_switches_port_groups_policies_and_adapters()
        {
            var (esx02, warnings) = Import(fixture: "esx02-esxcli.txt");

            Assert.Equal("esx02", esx02.Name);
            var vSwitch0 = esx02.VirtualSwitches.Single();
            Assert.Equal(new[] { "vmnic1", "vmnic0" }, vSwitch0.Nic);
            Assert.All(vSwitch0.Uplinks, u => Assert.Equal(10000, u.SpeedMbps));
            Assert.Equal("24:6e:96:02:00:00", vSwitch0.GetUplink("vmnic0").MacAddress.ToString());
            // "Lab, Test" holds the ", " that separates esxcli's list: the portgroup list names it whole.
            Assert.Equal(new[] { "Lab, Test", "Management Network", "VM Network" }, vSwitch0.PortGroups.Select(p => p.Name));
            Assert.Equal(new[] { 300, 0, 20 }, vSwitch0.PortGroups.Select(p => p.VLanId));

            var policy = vSwitch0.TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceIP, policy.LoadBalancingPolicy);
            Assert.True(policy.FailbackEnabled);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, policy.ActiveNic);

            var management = esx02.GetPortGroup("Management Network").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.ExplicitFailover, management.LoadBalancingPolicy);
            Assert.False(management.IsLoadBalancingInherited);
            Assert.False(management.FailbackEnabled);
            Assert.False(management.IsFailbackInherited);
            Assert.True(management.IsNotifySwitchesInherited);
            Assert.True(management.IsNetworkFailoverDetectionInherited);
            Assert.Equal(new[] { "vmnic0" }, management.ActiveNic);
            Assert.Equal(new[] { "vmnic1" }, management.StandbyNic);
            Assert.True(esx02.GetPortGroup("VM Network").TeamingPolicy.IsFailoverOrderInherited);

            var vmk0 = esx02.VMKernelAdapters.Single();
            Assert.Equal("Management Network", vmk0.PortGroup.Name);
            Assert.Equal("10.0.10.12", vmk0.IPAddress.ToString());
            Assert.Equal(24, vmk0.PrefixLength);
            Assert.Equal("10.0.10.1", vmk0.Gateway.ToString());
            Assert.Equal("00:50:56:60:02:00", vmk0.MacAddress.ToString());

            var warning = Assert.Single(warnings);
            Assert.Equal(Fixtures.LineOf("3c:18:a0:XX:XX:XX", "Esx", "esx02-esxcli.txt"), warning.Line);
            Assert.Contains("'3c:18:a0:XX:XX:XX' is not a MAC address (masked or damaged?)", warning.Message);
        }

        [Fact]
        public void A_portgroup_list_with_collapsed_blanks_reports_the_names_it_had_to_guess()
        {
            var file = EsxConfigImport.Read(Fixtures.File("Esx", "esx03-portgroup-list-flattened.txt"));

            var warning = Assert.Single(file.Warnings);
            Assert.Equal(4, warning.Line);
            Assert.Contains("'Management Network vSwitch0' is ambiguous; read as port group 'Management Network' on virtual switch 'vSwitch0'", warning.Message);
            var pg = file.Facts.PortGroups.Last();
            Assert.Equal(("iscsi", "storage", 0), (pg.Name, pg.VirtualSwitch, pg.VLanId.Value));
        }

        [Fact]
        public void Files_about_one_host_merge_and_the_later_file_wins()
        {
            var route = EsxConfigImport.Parse("a.txt", "[root@esx05:~] esxcfg-route\nVMkernel default gateway is 10.0.10.254\n");
            var vswitch = EsxConfigImport.Parse("b.txt", string.Join("\n",
                "[root@esx05:~] esxcfg-vswitch -l",
                "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks",
                "vSwitch0         2560        4           128               1500    vmnic0",
                "  PortGroup Name        VLAN ID  Used Ports  Uplinks",
                "  Management Network    0        1           vmnic0",
                "[root@esx05:~] esxcfg-vmknic -l",
                "Interface  Port Group/DVPort   IP Family IP Address   Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type",
                "vmk0       Management Network  IPv4      10.0.10.15   255.255.255.0   10.0.10.255     00:50:56:01:02:03 1500    65535     true    STATIC"));
            var later = EsxConfigImport.Parse("c.txt", string.Join("\n",
                "[root@esx05.lab.local:~] esxcli network vswitch standard portgroup list",
                "Name                Virtual Switch  Active Clients  VLAN ID",
                "------------------  --------------  --------------  -------",
                "Management Network  vSwitch0                     1       10"));

            var result = EsxConfigImport.Build(new[] { route, vswitch, later }, null, "6.7");

            var esx05 = Assert.Single(result.Hosts);
            Assert.Equal("esx05", esx05.Name);
            Assert.Equal("esx05.lab.local", esx05.Fqdn);
            Assert.Equal(10, esx05.GetPortGroup("Management Network").VLanId);
            Assert.Equal("10.0.10.254", esx05.GetVMKernelAdapter("vmk0").Gateway.ToString());
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_portgroup_row_whose_columns_one_tab_or_no_break_space_splits_is_read()
        {
            var file = EsxConfigImport.Parse("esx07.txt", string.Join("\n",
                "[root@esx07:~] esxcfg-vswitch -l",
                "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks",
                "vSwitch0         2560        4           128               1500    vmnic0",
                "  PortGroup Name        VLAN ID  Used Ports  Uplinks",
                "  Storage               0        0           vmnic0",
                "[root@esx07:~] esxcli network vswitch standard portgroup list",
                "Name                Virtual Switch  Active Clients  VLAN ID",
                "------------------  --------------  --------------  -------",
                "Storage\tvSwitch0 0 30",
                "NFS\u00a0vSwitch0 0 40"));

            var result = EsxConfigImport.Build(new[] { file }, null, "6.7");

            // Only a tab, then only a no-break space, stands between the name and the switch.
            var esx07 = result.Hosts.Single();
            Assert.Equal(30, esx07.GetPortGroup("Storage").VLanId);
            Assert.Equal(40, esx07.GetPortGroup("NFS").VLanId);
        }

        [Fact]
        public void An_mtu_the_model_refuses_costs_only_the_mtu()
        {
            var file = EsxConfigImport.Parse("esx06.txt", string.Join("\n",
                "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks",
                "vSwitch0         2560        3           128               9216    vmnic0"));

            var result = EsxConfigImport.Build(new[] { file }, null, "6.7");

            var vSwitch0 = result.Hosts.Single().VirtualSwitches.Single();
            Assert.Equal((1500, 128, "vmnic0"), (vSwitch0.Mtu, vSwitch0.NumPorts, vSwitch0.Nic.Single()));
            var warning = Assert.Single(result.Warnings);
            Assert.Equal(("esx06.txt", 2), (warning.File, warning.Line));
            Assert.Contains("virtual switch 'vSwitch0': MTU 9216 is not valid", warning.Message);
            Assert.EndsWith("It is imported with MTU 1500.", warning.Message);
        }

        [Fact]
        public void HostName_given_makes_every_file_one_host()
        {
            var result = EsxConfigImport.Build(new[] { EsxConfigImport.Read(Fixtures.File("Esx", "esx02-esxcli.txt")), EsxConfigImport.Read(Fixtures.File("Esx", "esx41a-console.txt")) },
                "lab01", "4.1");

            var lab01 = Assert.Single(result.Hosts);
            Assert.Equal("lab01", lab01.Name);
            Assert.Equal(new[] { "vSwitch0" }, lab01.VirtualSwitches.Select(v => v.Name));
            Assert.Equal(new[] { "vmk0", "vswif0" }, lab01.VMKernelAdapters.Select(a => a.Name));
        }

        [Fact]
        public void A_published_example_that_is_not_esxcli_syntax_is_rejected()
        {
            var e = Assert.Throws<VirtNetException>(() => EsxConfigImport.Read(Fixtures.File("Esx", "esxcli-published-example.txt")));

            Assert.Equal(ErrorIds.UnknownImportFormat, e.ErrorId);
            Assert.Contains("line 2: 'vSwitch Name:' is not a field esxcli prints", e.Message);
        }

        [Fact]
        public void A_file_in_no_known_format_is_an_error_naming_the_formats_tried()
        {
            var e = Assert.Throws<VirtNetException>(() => EsxConfigImport.Read(Fixtures.File("Esx", "not-an-export.txt")));

            Assert.Equal(ErrorIds.UnknownImportFormat, e.ErrorId);
            Assert.Contains("not-an-export.txt' is in no format Import-VNEsxConfig reads. Formats tried: esxcfg-vswitch -l, esxcfg-vmknic -l", e.Message);
        }
    
        [Fact]
        public void NIC_output_without_any_vSwitch_output_keeps_every_NIC_with_speed_MAC_and_link()
        {
            var file = EsxConfigImport.Parse("esx08-nics.txt", string.Join("\n",
                "[root@esx08:~] esxcfg-nics -l",
                "Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description",
                "vmnic0  0000:4b:00.0 icen        Up   25000Mbps  Full   68:05:ca:08:00:00 1500   Intel(R) Ethernet Controller E810-C for SFP",
                "vmnic1  0000:4b:00.1 icen        Down 0Mbps      Half   68:05:ca:08:00:01 1500   Intel(R) Ethernet Controller E810-C for SFP"));

            var result = EsxConfigImport.Build(new[] { file }, null, "8.0");

            var host = result.Hosts.Single();
            Assert.Empty(host.VirtualSwitches);
            Assert.Empty(result.Warnings);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, host.UnusedNics.Select(n => n.Name));
            Assert.Equal((25000, "68:05:ca:08:00:00", NicLinkStatus.Up), (host.UnusedNics[0].SpeedMbps, host.UnusedNics[0].MacAddress.ToString(), host.UnusedNics[0].LinkStatus));
            // A link that is down shows 0 Mbps: the speed is not known.
            Assert.Equal(((int?)null, NicLinkStatus.Down), (host.UnusedNics[1].SpeedMbps, host.UnusedNics[1].LinkStatus));
        }

        [Fact]
        public void A_spare_NIC_the_model_refuses_is_a_warning_naming_its_line()
        {
            var file = EsxConfigImport.Parse("esx08-nics.txt", string.Join("\n",
                "[root@esx08:~] esxcfg-nics -l",
                "Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description",
                "vmnic0  0000:4b:00.0 icen        Up   25000Mbps  Full   68:05:ca:08:00:00 1500   Intel(R) Ethernet Controller E810-C for SFP",
                "vmnic1  0000:4b:00.1 icen        Up   800000Mbps Full   68:05:ca:08:00:01 1500   Intel(R) Ethernet Controller E810-C for SFP"));

            var result = EsxConfigImport.Build(new[] { file }, null, "8.0");

            // 800 Gb/s is beyond the fastest link the model takes (400 Gb Ethernet): that NIC alone is left out.
            Assert.Equal(new[] { "vmnic0" }, result.Hosts.Single().UnusedNics.Select(n => n.Name));
            var warning = Assert.Single(result.Warnings);
            Assert.Equal(("esx08-nics.txt", 4), (warning.File, warning.Line));
            Assert.StartsWith("physical NIC 'vmnic1' is not imported: Speed 800000 Mbps is not valid.", warning.Message);
        }

        [Fact]
        public void NICs_no_vSwitch_uses_are_kept_beside_the_uplinks_and_survive_a_configuration_file()
        {
            const string VSwitch = "[root@esx09:~] esxcfg-vswitch -l\n" +
                "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n" +
                "vSwitch0         2560        5           128               9000    vmnic0,vmnic1\n";
            var files = new[] { EsxConfigImport.Parse("esx09-vswitch.txt", VSwitch), EsxConfigImport.Read(Fixtures.File("Esx", "nic-list-esx09.txt")) };

            var result = EsxConfigImport.Build(files, null, "8.0");

            var host = result.Hosts.Single();
            Assert.Empty(result.Warnings);
            Assert.Equal(new[] { 25000, 25000 }, host.GetVirtualSwitch("vSwitch0").Uplinks.Select(u => u.SpeedMbps));
            Assert.Equal(new[] { "vmnic2", "vmnic3" }, host.UnusedNics.Select(n => n.Name));
            Assert.Equal(((int?)null, NicLinkStatus.Down), (host.UnusedNics[0].SpeedMbps, host.UnusedNics[0].LinkStatus));
            Assert.Equal((1000, "d0:94:66:09:00:03", NicLinkStatus.Up), (host.UnusedNics[1].SpeedMbps, host.UnusedNics[1].MacAddress.ToString(), host.UnusedNics[1].LinkStatus));

            var contents = new VirtNet.Serialization.ConfigContents();
            contents.Add(host);
            var json = VirtNet.Serialization.ConfigWriter.ToJson(contents);
            var back = VirtNet.Serialization.ConfigFile.ReadText("esx09.json", json).Hosts.Single();
            Assert.Equal(json, VirtNet.Serialization.ConfigWriter.ToJson(Contents(back)));
            Assert.Equal(new[] { "vmnic2/Down/", "vmnic3/Up/1000" }, back.UnusedNics.Select(n => $"{n.Name}/{n.LinkStatus}/{n.SpeedMbps}"));

            // A NIC that becomes an uplink is no longer unused.
            back.GetVirtualSwitch("vSwitch0").AddUplink("vmnic3", 1000);
            Assert.Equal(new[] { "vmnic2" }, back.UnusedNics.Select(n => n.Name));
        }

        static VirtNet.Serialization.ConfigContents Contents(VNHost host)
        {
            var contents = new VirtNet.Serialization.ConfigContents();
            contents.Add(host);
            return contents;
        }
    }
}
