using System;
using System.IO;
using System.Linq;
using VirtNet.Net;
using VirtNet.Serialization;
using Xunit;

namespace VirtNet.Tests.Serialization
{
    public sealed class ConfigFileTests : IDisposable
    {
        readonly string _folder = Path.Combine(Path.GetTempPath(), "virtnet-config-" + Guid.NewGuid().ToString("N"));

        public ConfigFileTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        string PathOf(string name) => Path.Combine(_folder, name);

        string WriteText(string name, string text)
        {
            var path = PathOf(name);
            File.WriteAllText(path, text);
            return path;
        }

        static ConfigContents Contents(params object[] objects)
        {
            var contents = new ConfigContents();
            foreach (var o in objects) contents.Add(o);
            return contents;
        }

        static VirtNetException ReadFails(string path) => Assert.Throws<VirtNetException>(() => ConfigFile.Read(path));

        /// <summary>
        /// A hand-written file: one host cabled to one switch, with the null and empty properties left out. Line numbers
        /// matter to the tests below: the port group is on line 11, the VMkernel adapter on line 15.
        /// </summary>
        const string HandWritten =
            "{\n" +
            "  \"schemaVersion\": 1,\n" +
            "  \"hosts\": [\n" +
            "    {\n" +
            "      \"name\": \"esx01\", \"hypervisor\": \"Esx\", \"version\": \"6.7\",\n" +
            "      \"virtualSwitches\": [\n" +
            "        {\n" +
            "          \"name\": \"vSwitch0\", \"type\": \"Standard\", \"numPorts\": 128, \"mtu\": 1500, \"nextPortId\": 1,\n" +
            "          \"teaming\": { \"loadBalancingPolicy\": \"LoadBalanceSrcId\", \"networkFailoverDetectionPolicy\": \"LinkStatus\", \"notifySwitches\": true, \"failbackEnabled\": true, \"ipHashVariant\": \"FullAddress\", \"failoverOrder\": { \"active\": [ \"vmnic0\" ] } },\n" +
            "          \"uplinks\": [ { \"name\": \"vmnic0\", \"speedMbps\": 1000, \"physicalSwitch\": \"sw1\", \"switchPort\": \"Gi0/1\" } ],\n" +
            "          \"portGroups\": [ { \"name\": \"Management Network\", \"vlanId\": 10 } ]\n" +
            "        }\n" +
            "      ],\n" +
            "      \"vmKernelAdapters\": [\n" +
            "        { \"name\": \"vmk0\", \"portGroup\": \"Management Network\", \"ipAddress\": \"10.0.0.11\", \"prefixLength\": 24, \"mtu\": 1500, \"purpose\": [ \"Management\" ], \"portId\": 0 }\n" +
            "      ]\n" +
            "    }\n" +
            "  ],\n" +
            "  \"physicalSwitches\": [\n" +
            "    {\n" +
            "      \"name\": \"sw1\", \"stack\": 1, \"loadBalance\": \"SrcMac\", \"spanningTree\": \"Pvst\", \"forwardDelaySeconds\": 15, \"maxAgeSeconds\": 20,\n" +
            "      \"ports\": [ { \"name\": \"Gi0/1\", \"mode\": \"Trunk\", \"accessVLan\": 1, \"nativeVLan\": 1, \"allowedVLan\": \"10,20\", \"portFast\": \"Disabled\", \"mtu\": 1500 } ],\n" +
            "      \"portChannels\": [ { \"name\": \"Po1\", \"mode\": \"Active\", \"members\": [ \"Gi0/1\" ] } ]\n" +
            "    }\n" +
            "  ]\n" +
            "}\n";

        // ---- Round trip ----

        [Fact]
        public void Export_import_export_gives_byte_identical_files()
        {
            var lab = SampleNetwork.Build();
            var first = PathOf("first.json");
            var second = PathOf("second.json");
            ConfigFile.Write(first, Contents(lab.Esx67, lab.Esx35, lab.HyperV, lab.Stack), noClobber: true);

            var imported = ConfigFile.Read(first);
            ConfigFile.Write(second, Contents(imported.TopLevelObjects.ToArray()), noClobber: true);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }

        [Fact]
        public void Switch_links_bridge_priorities_and_port_costs_survive_export_import_export_byte_for_byte()
        {
            // A vPC pair nx-a/nx-b (peer link Eth1/49), acc-1 uplinked to it by Po1 (Gi1/0/49 to nx-a Eth1/1,
            // Gi1/0/50 to nx-b Eth1/1, vPC Po11), and acc-2 uplinked by one plain trunk to nx-b Eth1/2.
            var a = new VNPhysicalSwitch("nx-a") { SpanningTree = SpanningTreeMode.RapidPvst, BridgePriority = 4096 };
            var b = new VNPhysicalSwitch("nx-b") { SpanningTree = SpanningTreeMode.RapidPvst, BridgePriority = 8192 };
            var acc1 = new VNPhysicalSwitch("acc-1");
            var acc2 = new VNPhysicalSwitch("acc-2");
            acc2.SetBridgePriority(30, 61440);
            VNSwitchPair.Create("vpc-1", SwitchPairKind.Vpc, new[] { a, b }, new[] { "Eth1/49" });
            foreach (var sw in new[] { a, b }) sw.AddPortChannel("Po11", new[] { "Eth1/1" }, PortChannelMode.Active);
            acc1.AddPortChannel("Po1", new[] { "Gi1/0/49", "Gi1/0/50" }, PortChannelMode.Active);
            VNSwitchLink.Create(acc1, "Po1", a, "Po11");
            VNSwitchLink.Create(acc2, "Gi1/0/49", b, "Eth1/2").Ports[0].SpanningTreeCost = 7;
            var first = PathOf("links1.json");
            var second = PathOf("links2.json");
            // acc-2 alone brings the switches its links reach: nx-b, its peer nx-a, and acc-1 through nx-a's Po11.
            ConfigFile.Write(first, Contents(acc2), noClobber: true);

            var imported = ConfigFile.Read(first);
            ConfigFile.Write(second, Contents(imported.TopLevelObjects.ToArray()), noClobber: true);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal(new[] { "acc-2", "nx-b", "nx-a", "acc-1" }, imported.PhysicalSwitches.Select(s => s.Name));
            Assert.Equal(new[] { "acc-2/Gi1/0/49-nx-b/Eth1/2", "acc-1/Po1-nx-a/Po11" }, imported.SwitchLinks.Select(l => l.Name));
            var back = imported.PhysicalSwitches;
            Assert.Equal(7, back[0].FindPort("Gi1/0/49").SpanningTreeCost);
            Assert.Equal(61440, back[0].BridgePriorityOf(30));
            Assert.Equal(32768, back[0].BridgePriorityOf(1));
            Assert.Equal(8192, back[1].BridgePriority);
            Assert.Equal(SpanningTreeMode.RapidPvst, back[2].SpanningTree);
            Assert.Equal(new[] { "acc-1/Gi1/0/49", "acc-1/Gi1/0/50" }, imported.SwitchLinks[1].Ports.Select(p => p.Path));
            Assert.Equal(new[] { "nx-a/Eth1/1", "nx-b/Eth1/1" }, imported.SwitchLinks[1].PeerPorts.Select(p => p.Path));
        }

        [Fact]
        public void Adapters_on_port_groups_that_share_a_name_come_back_on_their_own_switches()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            var standard = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("Migration", 30);
            var distributed = host.AddVirtualSwitch("dvs01", VirtualSwitchType.Distributed).AddPortGroup("Migration", 30);
            host.AddVirtualMachine("app01", new[] { new VNVirtualMachine.AdapterSpec(standard), new VNVirtualMachine.AdapterSpec(distributed) });
            VNVMKernelAdapter.Create(distributed, "vmk1", IPv4Address.Parse("10.30.0.11"), 24);
            var first = PathOf("first.json");
            var second = PathOf("second.json");

            ConfigFile.Write(first, Contents(host), noClobber: true);
            var imported = ConfigFile.Read(first).Hosts[0];
            ConfigFile.Write(second, Contents(imported), noClobber: true);

            // The shared name alone would be ambiguous, so the file names the switch too.
            var text = File.ReadAllText(first);
            Assert.Contains("\"portGroup\": \"vSwitch0/Migration\"", text);
            Assert.Contains("\"portGroup\": \"dvs01/Migration\"", text);
            Assert.Equal(new[] { "vSwitch0", "dvs01" }, imported.GetVirtualMachine("app01").NetworkAdapters.Select(a => a.VirtualSwitch.Name));
            Assert.Equal("dvs01", imported.GetVMKernelAdapter("vmk1").VirtualSwitch.Name);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }

        [Fact]
        public void A_shared_port_group_name_alone_in_a_file_is_an_ambiguous_reference()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard).AddPortGroup("Migration", 30);
            var distributed = host.AddVirtualSwitch("dvs01", VirtualSwitchType.Distributed).AddPortGroup("Migration", 30);
            VNVMKernelAdapter.Create(distributed, "vmk1", IPv4Address.Parse("10.30.0.11"), 24);
            var path = PathOf("written.json");
            ConfigFile.Write(path, Contents(host), noClobber: true);
            var text = File.ReadAllText(path);
            int line = text.Substring(0, text.IndexOf("\"dvs01/Migration\"", StringComparison.Ordinal)).Count(c => c == '\n') + 1;

            var e = ReadFails(WriteText("shared.json", text.Replace("\"dvs01/Migration\"", "\"Migration\"")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains($"line {line}", e.Message);
            Assert.Contains("esx01/vSwitch0/Migration, esx01/dvs01/Migration", e.Message);
        }

        [Fact]
        public void Port_channel_member_states_round_trip_and_channels_without_them_write_none()
        {
            var sw = new VNPhysicalSwitch("edge2", "C9300-48P", 1);
            var lacp = sw.AddPortChannel("Po10", new[] { "Twe1/1/1", "Twe1/1/2", "Twe1/1/3" }, PortChannelMode.Active);
            lacp.SetMemberState(lacp.Members[0], PortChannelMemberState.Bundled);
            lacp.SetMemberState(lacp.Members[1], PortChannelMemberState.HotStandby);
            sw.AddPortChannel("Po11", new[] { "Gi1/0/1" }, PortChannelMode.On);
            var first = PathOf("first.json");
            var second = PathOf("second.json");

            ConfigFile.Write(first, Contents(sw), noClobber: true);
            var back = ConfigFile.Read(first).PhysicalSwitches.Single();
            ConfigFile.Write(second, Contents(back), noClobber: true);

            Assert.Equal(new PortChannelMemberState?[] { PortChannelMemberState.Bundled, PortChannelMemberState.HotStandby, null },
                back.PortChannels[0].Members.Select(m => m.MemberState));
            var text = File.ReadAllText(first);
            Assert.Contains("\"memberStates\": [\n            \"Bundled\",\n            \"HotStandby\",\n            null\n          ]", text.Replace("\r\n", "\n"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "memberStates"));
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }

        [Fact]
        public void Import_rebuilds_an_equal_object_graph()
        {
            var lab = SampleNetwork.Build();
            var original = Contents(lab.Esx67, lab.Esx35, lab.HyperV, lab.Stack);
            var path = PathOf("lab.json");
            ConfigFile.Write(path, original, noClobber: true);

            var imported = ConfigFile.Read(path);

            Assert.Equal(SampleNetwork.Describe(original.TopLevelObjects), SampleNetwork.Describe(imported.TopLevelObjects));
        }

        [Fact]
        public void Import_returns_the_hosts_then_the_physical_switches_fully_linked()
        {
            var lab = SampleNetwork.Build();
            var path = PathOf("lab.json");
            ConfigFile.Write(path, Contents(lab.Esx67, lab.Esx35, lab.HyperV, lab.Stack), noClobber: true);

            var imported = ConfigFile.Read(path);

            Assert.Equal(new[] { "esx01", "esx35", "hv01", "core-stack", "access1" },
                imported.TopLevelObjects.Select(o => o is VNHost h ? h.Name : ((VNPhysicalSwitch)o).Name));
            var esx = imported.Hosts[0];
            var stack = imported.PhysicalSwitches[0];
            var vmnic0 = esx.FindUplink("vmnic0");
            Assert.Same(stack, vmnic0.PhysicalSwitch);
            Assert.Same(vmnic0, stack.GetPort("Gi1/0/1").Uplink);
            Assert.Same(stack.PortChannels[0], stack.GetPort("Gi2/0/1").PortChannel);
            Assert.Same(imported.PhysicalSwitches[1], esx.FindUplink("vmnic2").PhysicalSwitch);
            Assert.Same(esx.GetPortGroup("vMotion"), esx.GetVMKernelAdapter("vmk1").PortGroup);
        }

        [Fact]
        public void Port_group_overrides_stay_overrides_and_the_rest_stays_inherited()
        {
            var lab = SampleNetwork.Build();
            var path = PathOf("lab.json");
            ConfigFile.Write(path, Contents(lab.Esx67), noClobber: true);

            var esx = ConfigFile.Read(path).Hosts[0];

            var management = esx.GetPortGroup("Management Network").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.ExplicitFailover, management.LoadBalancingPolicy);
            Assert.False(management.IsLoadBalancingInherited);
            Assert.Equal(new[] { "vmnic1" }, management.ActiveNic);
            Assert.Equal(new[] { "vmnic0" }, management.StandbyNic);
            Assert.False(management.FailbackEnabled);
            Assert.True(management.IsFailbackInherited);
            var vmNetwork = esx.GetPortGroup("VM Network").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceIP, vmNetwork.LoadBalancingPolicy);
            Assert.True(vmNetwork.IsLoadBalancingInherited);
            Assert.True(vmNetwork.IsFailoverOrderInherited);
            // An override of the failover order still sees uplinks added later as unused, as the vSphere client shows them.
            esx.GetVirtualSwitch("vSwitch0").AddUplink("vmnic4");
            Assert.Equal(new[] { "vmnic4" }, esx.GetPortGroup("Management Network").TeamingPolicy.UnusedNic);
            Assert.Equal(new[] { "vmnic0", "vmnic1", "vmnic4" }, esx.GetPortGroup("VM Network").TeamingPolicy.ActiveNic);
        }

        [Fact]
        public void A_failover_order_override_stays_an_override_after_its_last_uplink_is_removed()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var vmnic0 = vswitch.AddUplink("vmnic0");
            var pg = vswitch.AddPortGroup("VM Network");
            TeamingPolicyChange.Apply(vswitch, pg, new TeamingPolicyChange { MakeNicStandby = new[] { "vmnic0" } });
            vswitch.RemoveUplink(vmnic0);
            var path = PathOf("override.json");
            ConfigFile.Write(path, Contents(host), noClobber: true);

            var imported = ConfigFile.Read(path).Hosts[0];

            var policy = imported.GetPortGroup("VM Network").TeamingPolicy;
            Assert.False(policy.IsFailoverOrderInherited);
            // New uplinks join an overriding port group as unused, not as active as they would when inherited.
            imported.GetVirtualSwitch("vSwitch0").AddUplink("vmnic1");
            Assert.Equal(new[] { "vmnic1" }, imported.GetPortGroup("VM Network").TeamingPolicy.UnusedNic);
        }

        [Fact]
        public void Net_TeamPolicyUpDelay_round_trips_and_files_without_it_keep_the_100_ms_default()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            host.SetAdvancedSetting("Net.TeamPolicyUpDelay", 30000);
            var path = PathOf("updelay.json");
            ConfigFile.Write(path, Contents(host), noClobber: true);
            Assert.Contains("\"Net.TeamPolicyUpDelay\": 30000", File.ReadAllText(path));
            Assert.Equal(30000, ConfigFile.Read(path).Hosts[0].TeamPolicyUpDelay);
            Assert.Equal(100, ConfigFile.Read(WriteText("old.json", HandWritten)).Hosts[0].TeamPolicyUpDelay);

            var e = ReadFails(WriteText("bad.json", HandWritten.Replace("\"version\": \"6.7\",", "\"version\": \"6.7\", \"advancedSettings\": { \"Net.TeamPolicyUpDelay\": 700000 },")));
            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].advancedSettings", e.Message);
            Assert.Contains("from 0 to 600000", e.Message);
        }

        [Fact]
        public void Port_ids_and_next_port_id_survive_so_new_connections_never_reuse_an_id()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var pg = vswitch.AddPortGroup("VM Network");
            var first = host.AddVirtualMachine("vm1", new[] { new VNVirtualMachine.AdapterSpec(pg) });
            host.AddVirtualMachine("vm2", new[] { new VNVirtualMachine.AdapterSpec(pg) });
            host.AddVirtualMachine("vm3", new[] { new VNVirtualMachine.AdapterSpec(pg) });
            host.RemoveVirtualMachine(first);
            host.RemoveVirtualMachine(host.GetVirtualMachine("vm3"));
            var path = PathOf("ids.json");
            ConfigFile.Write(path, Contents(host), noClobber: true);

            var imported = ConfigFile.Read(path).Hosts[0];

            Assert.Equal(1, imported.GetVirtualMachine("vm2").NetworkAdapters[0].PortId);
            Assert.Equal(3, imported.GetVirtualSwitch("vSwitch0").NextPortId);
            var next = imported.AddVirtualMachine("vm4", new[] { new VNVirtualMachine.AdapterSpec(imported.GetPortGroup("VM Network")) });
            Assert.Equal(3, next.NetworkAdapters[0].PortId);
        }

        [Fact]
        public void VMkernel_adapters_keep_their_creation_order_and_ports_their_connection_order()
        {
            var lab = SampleNetwork.Build();
            var path = PathOf("lab.json");
            ConfigFile.Write(path, Contents(lab.Esx67), noClobber: true);

            var esx = ConfigFile.Read(path).Hosts[0];

            Assert.Equal(new[] { "vmk0", "vmk2", "vmk1" }, esx.VMKernelAdapters.Select(a => a.Name));
            Assert.Equal(new[] { "esx01/vmk0#0", "esx01/probe01/Network adapter 1#1" },
                esx.GetPortGroup("Management Network").Ports.Select(a => a.Path + "#" + a.PortId));
            Assert.Equal(new[] { 0, 1 }, esx.GetVirtualSwitch("dvSwitch1").ConnectedAdapters.Select(a => a.PortId));
        }

        [Fact]
        public void Switch_ports_without_an_uplink_are_kept()
        {
            var lab = SampleNetwork.Build();
            var path = PathOf("lab.json");
            ConfigFile.Write(path, Contents(lab.Stack), noClobber: true);

            var stack = ConfigFile.Read(path).PhysicalSwitches.Single();

            Assert.Equal(new[] { "Gi1/0/1", "Gi2/0/1", "Gi1/0/48" }, stack.Ports.Select(p => p.Name));
            var free = stack.GetPort("Gi1/0/48");
            Assert.Null(free.Uplink);
            Assert.Equal(99, free.AccessVLan);
            Assert.Equal(PortFastMode.Enabled, free.PortFast);
            Assert.Equal("10,20,30,100-110", stack.GetPort("Gi1/0/1").AllowedVLan);
        }

        [Fact]
        public void A_small_model_is_written_in_the_documented_format()
        {
            var sw = new VNPhysicalSwitch("sw1");
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            vswitch.AddUplink("vmnic0").ConnectTo(sw, "GigabitEthernet0/1");
            var pg = vswitch.AddPortGroup("Management Network", 10);
            TeamingPolicyChange.Apply(vswitch, pg, new TeamingPolicyChange { FailbackEnabled = false });
            VNVMKernelAdapter.Create(pg, "vmk0", IPv4Address.Parse("10.0.0.11"), 24);
            var path = PathOf("small.json");

            ConfigFile.Write(path, Contents(host), noClobber: true);

            const string expected =
                "{\n" +
                "  \"schemaVersion\": 1,\n" +
                "  \"hosts\": [\n" +
                "    {\n" +
                "      \"name\": \"esx01\",\n" +
                "      \"hypervisor\": \"Esx\",\n" +
                "      \"version\": \"6.7\",\n" +
                "      \"fqdn\": null,\n" +
                "      \"ipAddress\": null,\n" +
                "      \"dnsResolution\": \"All\",\n" +
                "      \"advancedSettings\": {\n" +
                "        \"Net.TeamPolicyUpDelay\": 100\n" +
                "      },\n" +
                "      \"macAddressPool\": null,\n" +
                "      \"virtualSwitches\": [\n" +
                "        {\n" +
                "          \"name\": \"vSwitch0\",\n" +
                "          \"type\": \"Standard\",\n" +
                "          \"numPorts\": 128,\n" +
                "          \"mtu\": 1500,\n" +
                "          \"nextPortId\": 1,\n" +
                "          \"hyperV\": null,\n" +
                "          \"bond\": null,\n" +
                "          \"teaming\": {\n" +
                "            \"loadBalancingPolicy\": \"LoadBalanceSrcId\",\n" +
                "            \"networkFailoverDetectionPolicy\": \"LinkStatus\",\n" +
                "            \"notifySwitches\": true,\n" +
                "            \"failbackEnabled\": true,\n" +
                "            \"ipHashVariant\": \"FullAddress\",\n" +
                "            \"failoverOrder\": {\n" +
                "              \"active\": [\n" +
                "                \"vmnic0\"\n" +
                "              ],\n" +
                "              \"standby\": [],\n" +
                "              \"unused\": []\n" +
                "            }\n" +
                "          },\n" +
                "          \"uplinks\": [\n" +
                "            {\n" +
                "              \"name\": \"vmnic0\",\n" +
                "              \"speedMbps\": 1000,\n" +
                "              \"macAddress\": null,\n" +
                "              \"physicalSwitch\": \"sw1\",\n" +
                "              \"switchPort\": \"Gi0/1\"\n" +
                "            }\n" +
                "          ],\n" +
                "          \"portGroups\": [\n" +
                "            {\n" +
                "              \"name\": \"Management Network\",\n" +
                "              \"vlanId\": 10,\n" +
                "              \"teaming\": {\n" +
                "                \"failbackEnabled\": false\n" +
                "              }\n" +
                "            }\n" +
                "          ]\n" +
                "        }\n" +
                "      ],\n" +
                "      \"vmKernelAdapters\": [\n" +
                "        {\n" +
                "          \"name\": \"vmk0\",\n" +
                "          \"portGroup\": \"Management Network\",\n" +
                "          \"ipAddress\": \"10.0.0.11\",\n" +
                "          \"prefixLength\": 24,\n" +
                "          \"gateway\": null,\n" +
                "          \"mtu\": 1500,\n" +
                "          \"purpose\": [\n" +
                "            \"Management\"\n" +
                "          ],\n" +
                "          \"macAddress\": null,\n" +
                "          \"portId\": 0\n" +
                "        }\n" +
                "      ],\n" +
                "      \"virtualMachines\": []\n" +
                "    }\n" +
                "  ],\n" +
                "  \"physicalSwitches\": [\n" +
                "    {\n" +
                "      \"name\": \"sw1\",\n" +
                "      \"model\": null,\n" +
                "      \"stack\": 1,\n" +
                "      \"loadBalance\": \"SrcMac\",\n" +
                "      \"spanningTree\": \"Pvst\",\n" +
                "      \"forwardDelaySeconds\": 15,\n" +
                "      \"maxAgeSeconds\": 20,\n" +
                "      \"bridgePriority\": 32768,\n" +
                "      \"vlanBridgePriority\": [],\n" +
                "      \"ports\": [\n" +
                "        {\n" +
                "          \"name\": \"Gi0/1\",\n" +
                "          \"mode\": \"Access\",\n" +
                "          \"accessVLan\": 1,\n" +
                "          \"nativeVLan\": 1,\n" +
                "          \"allowedVLan\": \"all\",\n" +
                "          \"portFast\": \"Disabled\",\n" +
                "          \"mtu\": 1500,\n" +
                "          \"spanningTreeCost\": null\n" +
                "        }\n" +
                "      ],\n" +
                "      \"portChannels\": [],\n" +
                "      \"endpoints\": []\n" +
                "    }\n" +
                "  ],\n" +
                "  \"clusters\": []\n" +
                "}\n";
            Assert.Equal(expected, File.ReadAllText(path));
            Assert.Equal((byte)'{', File.ReadAllBytes(path)[0]);
        }

        [Fact]
        public void A_hand_written_file_may_leave_out_null_and_empty_properties()
        {
            var path = WriteText("hand.json", HandWritten);

            var contents = ConfigFile.Read(path);

            var host = contents.Hosts.Single();
            Assert.Null(host.Fqdn);
            Assert.Empty(host.VirtualMachines);
            var vmnic0 = host.FindUplink("vmnic0");
            Assert.Null(vmnic0.MacAddress);
            Assert.Equal("sw1/Gi0/1", vmnic0.SwitchPort.Path);
            Assert.True(host.GetPortGroup("Management Network").TeamingPolicy.IsFailoverOrderInherited);
            var sw = contents.PhysicalSwitches.Single();
            Assert.Null(sw.Model);
            Assert.Empty(sw.Endpoints);
            Assert.Equal("10,20", sw.GetPort("Gi0/1").AllowedVLan);
            Assert.Equal(PortChannelMode.Active, sw.PortChannels.Single().Mode);
        }

        // ---- What goes into a file ----

        // ---- HA clusters and DNS facts ----

        /// <summary>Two ESX 3.5 hosts with a Service Console each, cabled to sw1; core (not cabled) holds the gateway.</summary>
        static (VirtNet.HA.VNCluster Cluster, VNPhysicalSwitch Core, System.Collections.Generic.List<string> Warnings) HaCluster()
        {
            var sw1 = new VNPhysicalSwitch("sw1");
            var core = new VNPhysicalSwitch("core");
            core.AddEndpoint("gateway", IPv4Address.Parse("192.168.1.1"), null, true, EndpointRole.Gateway);
            var hosts = new System.Collections.Generic.List<VNHost>();
            for (int n = 1; n <= 2; n++)
            {
                var host = new VNHost("esx0" + n, Hypervisor.Esx, "3.5") { DnsResolution = n == 2 ? DnsResolution.Fqdn | DnsResolution.ShortNameForward : DnsResolution.All };
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                vswitch.AddUplink("vmnic0").ConnectTo(sw1, "Gi0/" + n);
                VNVMKernelAdapter.Create(vswitch.AddPortGroup("Service Console"), "vswif0", IPv4Address.Parse("192.168.1.1" + n), 24, IPv4Address.Parse("192.168.1.1"));
                hosts.Add(host);
            }
            var warnings = new System.Collections.Generic.List<string>();
            var cluster = VirtNet.HA.VNCluster.Create(new VirtNet.HA.VNClusterSpec
            {
                Name = "cluster1",
                Hosts = hosts,
                PhysicalSwitches = new[] { core },
                IsolationAddress = new[] { IPv4Address.Parse("192.168.1.254") },
                AdvancedSetting = new System.Collections.Generic.Dictionary<string, object>
                {
                    ["das.failuredetectiontime"] = 30000,
                    ["das.isolationaddress0"] = "192.168.1.253",
                    ["das.config.fdm.isolationPolicyDelaySec"] = 10,
                    ["das.bypassNetCompatCheck"] = true,
                },
            }, warnings);
            return (cluster, core, warnings);
        }

        [Fact]
        public void A_cluster_exports_with_its_hosts_and_switches_and_comes_back_with_the_same_settings_and_warnings()
        {
            var (cluster, core, warnings) = HaCluster();
            var first = PathOf("first.json");
            var second = PathOf("second.json");
            var contents = Contents(cluster);
            Assert.Equal(new[] { "esx01", "esx02" }, contents.Hosts.Select(h => h.Name));
            Assert.Equal(new[] { core, cluster.Hosts[0].Uplinks.First().PhysicalSwitch }, contents.PhysicalSwitches);
            ConfigFile.Write(first, contents, noClobber: true);

            var imported = ConfigFile.Read(first);
            ConfigFile.Write(second, Contents(imported.TopLevelObjects.ToArray()), noClobber: true);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal(SampleNetwork.Describe(contents.TopLevelObjects), SampleNetwork.Describe(imported.TopLevelObjects));
            var back = imported.Clusters.Single();
            Assert.Same(imported.Hosts[0], back.Hosts[0]);
            Assert.Equal(TimeSpan.FromSeconds(30), back.FailureDetectionTime);
            Assert.Equal(new[] { "192.168.1.253", "192.168.1.254" }, back.IsolationAddress.Select(a => a.ToString()));
            Assert.Equal(warnings, imported.Warnings);
        }

        [Fact]
        public void A_hosts_DNS_facts_survive_a_round_trip_and_default_to_all_lookups_working()
        {
            var (cluster, _, _) = HaCluster();
            var path = PathOf("dns.json");
            ConfigFile.Write(path, Contents(cluster.Hosts[1]), noClobber: true);
            Assert.Contains("\"dnsResolution\": \"ShortNameForward, Fqdn\"", File.ReadAllText(path));
            Assert.Equal(DnsResolution.ShortNameForward | DnsResolution.Fqdn, ConfigFile.Read(path).Hosts[0].DnsResolution);
            Assert.Equal(DnsResolution.All, ConfigFile.Read(WriteText("hand.json", HandWritten)).Hosts[0].DnsResolution);
        }

        [Fact]
        public void A_cluster_naming_a_host_that_is_not_in_the_file_is_a_dangling_reference()
        {
            var (cluster, _, _) = HaCluster();
            var path = PathOf("cluster.json");
            ConfigFile.Write(path, Contents(cluster), noClobber: true);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"hosts\": [\n        \"esx01\"", "\"hosts\": [\n        \"esx09\""));

            var e = ReadFails(path);

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("cluster 'cluster1' names host 'esx09'", e.Message);
        }

        [Fact]
        public void An_invalid_cluster_setting_in_a_file_names_the_setting_and_its_place()
        {
            var (cluster, _, _) = HaCluster();
            var path = PathOf("cluster.json");
            ConfigFile.Write(path, Contents(cluster), noClobber: true);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"das.failuredetectiontime\": \"30000\"", "\"das.failuredetectiontime\": \"soon\""));

            var e = ReadFails(path);

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("clusters[0].advancedSettings", e.Message);
            Assert.Contains("das.failuredetectiontime = 'soon' needs a whole number", e.Message);
        }

        [Fact]
        public void Any_object_on_a_host_exports_its_host_and_the_switches_its_uplinks_are_cabled_to()
        {
            var lab = SampleNetwork.Build();
            var vmk1 = lab.Esx67.GetVMKernelAdapter("vmk1");
            var contents = Contents(lab.Esx67.GetPortGroup("Storage"), vmk1, lab.Esx67.VirtualMachines[0].NetworkAdapters[0], lab.Esx35.VirtualSwitches[0]);

            Assert.Equal(new[] { lab.Esx67, lab.Esx35 }, contents.Hosts);
            Assert.Equal(new[] { lab.Stack, lab.Access }, contents.PhysicalSwitches);
        }

        [Fact]
        public void Physical_switches_given_directly_come_before_those_reached_through_uplinks()
        {
            var lab = SampleNetwork.Build();

            var contents = Contents(lab.Esx67, lab.Access.GetPort("Gi0/1"));

            Assert.Equal(new[] { lab.Access, lab.Stack }, contents.PhysicalSwitches);
        }

        [Fact]
        public void An_object_that_is_not_part_of_the_model_cannot_be_exported()
        {
            var e = Assert.Throws<VirtNetException>(() => new ConfigContents().Add("esx01"));

            Assert.Equal(ErrorIds.UnsupportedExportObject, e.ErrorId);
            Assert.Contains("'esx01' (a System.String)", e.Message);
        }

        [Fact]
        public void A_removed_virtual_machine_cannot_be_exported()
        {
            var lab = SampleNetwork.Build();
            var probe = lab.Esx67.GetVirtualMachine("probe01");
            lab.Esx67.RemoveVirtualMachine(probe);

            var e = Assert.Throws<VirtNetException>(() => new ConfigContents().Add(probe));

            Assert.Equal(ErrorIds.UnsupportedExportObject, e.ErrorId);
            Assert.Contains("removed from its host", e.Message);
        }

        [Fact]
        public void Nothing_to_export_writes_no_file()
        {
            var path = PathOf("empty.json");

            var e = Assert.Throws<VirtNetException>(() => ConfigFile.Write(path, new ConfigContents(), noClobber: true));

            Assert.Equal(ErrorIds.NothingToExport, e.ErrorId);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void Two_physical_switches_with_one_name_cannot_share_a_file()
        {
            var host = new VNHost("esx01", Hypervisor.Esx);
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            vswitch.AddUplink("vmnic0").ConnectTo(new VNPhysicalSwitch("core1"), "Gi0/1");
            vswitch.AddUplink("vmnic1").ConnectTo(new VNPhysicalSwitch("CORE1"), "Gi0/1");
            var path = PathOf("twins.json");

            var e = Assert.Throws<VirtNetException>(() => ConfigFile.Write(path, Contents(host), noClobber: true));

            Assert.Equal(ErrorIds.DuplicateName, e.ErrorId);
            Assert.Contains("two physical switches named 'core1'", e.Message);
            Assert.False(File.Exists(path));
        }

        // ---- Writing safely ----

        [Fact]
        public void NoClobber_leaves_an_existing_file_untouched()
        {
            var path = WriteText("lab.json", "keep me");

            var e = Assert.Throws<VirtNetException>(() => ConfigFile.Write(path, Contents(new VNHost("esx01", Hypervisor.Esx)), noClobber: true));

            Assert.Equal(ErrorIds.ConfigFileExists, e.ErrorId);
            Assert.Contains(path, e.Message);
            Assert.Equal("keep me", File.ReadAllText(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void An_existing_file_is_replaced_as_Export_Csv_replaces_it_and_no_temporary_file_is_left()
        {
            var path = WriteText("lab.json", "old");

            ConfigFile.Write(path, Contents(new VNHost("esx01", Hypervisor.Esx)), noClobber: false);

            Assert.Equal("esx01", ConfigFile.Read(path).Hosts.Single().Name);
            Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void Force_replaces_a_read_only_file()
        {
            var path = WriteText("lab.json", "old");
            File.SetAttributes(path, FileAttributes.ReadOnly);

            ConfigFile.Write(path, Contents(new VNHost("esx01", Hypervisor.Esx)), noClobber: false, force: true);

            Assert.Equal("esx01", ConfigFile.Read(path).Hosts.Single().Name);
        }

        [Fact]
        public void A_new_file_is_written_without_leaving_a_temporary_file()
        {
            var path = PathOf("lab.json");

            ConfigFile.Write(path, Contents(new VNHost("esx01", Hypervisor.Esx)), noClobber: true);

            Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void Writing_into_a_missing_folder_fails_and_creates_nothing()
        {
            var path = Path.Combine(_folder, "no-such-folder", "lab.json");

            var e = Assert.Throws<VirtNetException>(() => ConfigFile.Write(path, Contents(new VNHost("esx01", Hypervisor.Esx)), noClobber: true));

            Assert.Equal(ErrorIds.ConfigWriteFailed, e.ErrorId);
            Assert.Contains("does not exist", e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(_folder));
        }

        [Fact]
        public void A_folder_in_the_way_is_not_replaced()
        {
            var path = PathOf("lab.json");
            Directory.CreateDirectory(path);

            var e = Assert.Throws<VirtNetException>(() => ConfigFile.Write(path, Contents(new VNHost("esx01", Hypervisor.Esx)), noClobber: false));

            Assert.Equal(ErrorIds.ConfigWriteFailed, e.ErrorId);
            Assert.Contains("it is a folder", e.Message);
            Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(_folder));
        }

        // ---- Reading errors ----

        [Fact]
        public void A_missing_file_is_ConfigFileNotFound()
        {
            var e = ReadFails(PathOf("missing.json"));

            Assert.Equal(ErrorIds.ConfigFileNotFound, e.ErrorId);
        }

        [Fact]
        public void Malformed_JSON_names_the_file_line_and_position()
        {
            // The comma after 1 is missing: the reader trips over the quote that opens "hosts" on line 3. Json.NET's
            // position counts the characters read on the line before it: the two blanks of the indent.
            var path = WriteText("bad.json", "{\n  \"schemaVersion\": 1\n  \"hosts\": []\n}\n");

            var e = ReadFails(path);

            Assert.Equal(ErrorIds.ConfigFileMalformed, e.ErrorId);
            Assert.Contains(path, e.Message);
            Assert.Contains("line 3, position 2: After parsing a value an unexpected character was encountered", e.Message);
        }

        [Fact]
        public void An_empty_file_is_malformed()
        {
            var e = ReadFails(WriteText("empty.json", "  \n"));

            Assert.Equal(ErrorIds.ConfigFileMalformed, e.ErrorId);
            Assert.Contains("empty", e.Message);
        }

        [Fact]
        public void A_JSON_list_at_the_top_level_is_not_a_configuration()
        {
            var e = ReadFails(WriteText("list.json", "[ 1, 2 ]"));

            Assert.Equal(ErrorIds.ConfigFileMalformed, e.ErrorId);
            Assert.Contains("the top level is a JSON array", e.Message);
        }

        [Fact]
        public void An_unknown_schema_version_says_which_was_found_and_which_are_supported()
        {
            var e = ReadFails(WriteText("v2.json", "{ \"schemaVersion\": 2, \"hosts\": [], \"futureThing\": {} }"));

            Assert.Equal(ErrorIds.UnsupportedSchemaVersion, e.ErrorId);
            Assert.Contains("has schemaVersion 2", e.Message);
            Assert.Contains("reads schema version 1 only", e.Message);
            Assert.Contains("newer VirtNet", e.Message);
        }

        [Fact]
        public void A_file_without_schema_version_is_not_a_configuration()
        {
            var e = ReadFails(WriteText("plain.json", "{ \"hosts\": [] }"));

            Assert.Equal(ErrorIds.UnsupportedSchemaVersion, e.ErrorId);
            Assert.Contains("has no schemaVersion", e.Message);
        }

        [Fact]
        public void An_invalid_VLAN_names_the_file_the_JSON_path_and_the_rule()
        {
            var path = WriteText("vlan.json", HandWritten.Replace("\"vlanId\": 10", "\"vlanId\": 5000"));

            var e = ReadFails(path);

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.StartsWith($"Configuration file '{path}', hosts[0].virtualSwitches[0].portGroups[0].vlanId (line 11,", e.Message);
            Assert.Contains("VLAN id 5000 is not valid. Use 0 (no VLAN), 1 to 4094 (tagged), or 4095", e.Message);
            Assert.Equal(ErrorIds.InvalidVLanId, ((VirtNetException)e.InnerException).ErrorId);
        }

        [Fact]
        public void An_invalid_allowed_VLAN_list_is_located_in_the_file()
        {
            var e = ReadFails(WriteText("allowed.json", HandWritten.Replace("\"allowedVLan\": \"10,20\"", "\"allowedVLan\": \"10,5000\"")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("physicalSwitches[0].ports[0].allowedVLan (line 22,", e.Message);
            Assert.Contains("VLAN id 5000 is not valid on a physical switch", e.Message);
        }

        [Fact]
        public void An_invalid_IP_address_names_the_JSON_path()
        {
            var e = ReadFails(WriteText("ip.json", HandWritten.Replace("10.0.0.11", "10.0.0.256")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].vmKernelAdapters[0].ipAddress (line 15,", e.Message);
            Assert.Contains("'10.0.0.256' is not a valid IPv4 address", e.Message);
        }

        [Fact]
        public void An_unknown_enum_name_lists_the_valid_names()
        {
            var e = ReadFails(WriteText("enum.json", HandWritten.Replace("\"LoadBalanceSrcId\"", "\"RoundRobin\"")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].virtualSwitches[0].teaming.loadBalancingPolicy (line 9,", e.Message);
            Assert.Contains("'RoundRobin' is not a valid LoadBalancingPolicy. Use one of: LoadBalanceSrcId, LoadBalanceSrcMac, LoadBalanceIP, ExplicitFailover, LoadBalanceLoadBased.", e.Message);
        }

        [Fact]
        public void A_value_of_the_wrong_JSON_type_is_refused()
        {
            var e = ReadFails(WriteText("type.json", HandWritten.Replace("\"mtu\": 1500, \"nextPortId\"", "\"mtu\": \"1500\", \"nextPortId\"")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].virtualSwitches[0].mtu (line 8,", e.Message);
            Assert.Contains("expected a whole number, found \"1500\"", e.Message);
        }

        [Fact]
        public void A_misspelt_property_is_refused_with_the_valid_names()
        {
            var e = ReadFails(WriteText("typo.json", HandWritten.Replace("\"vlanId\": 10", "\"vlan\": 10")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].virtualSwitches[0].portGroups[0].vlan (line 11,", e.Message);
            Assert.Contains("unknown property 'vlan'. Valid here: name, vlanId, teaming.", e.Message);
        }

        [Fact]
        public void A_missing_required_property_is_named()
        {
            var e = ReadFails(WriteText("noname.json", HandWritten.Replace("\"name\": \"vmk0\", ", "")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].vmKernelAdapters[0] (line 15,", e.Message);
            Assert.Contains("the required property 'name' is missing or null.", e.Message);
        }

        [Fact]
        public void An_uplink_cabled_to_a_switch_not_in_the_file_is_a_dangling_reference()
        {
            var e = ReadFails(WriteText("switch.json", HandWritten.Replace("\"physicalSwitch\": \"sw1\"", "\"physicalSwitch\": \"core9\"")));

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("hosts[0].virtualSwitches[0].uplinks[0].physicalSwitch (line 10,", e.Message);
            Assert.Contains("uplink 'esx01/vSwitch0/vmnic0' is cabled to physical switch 'core9', which is not in the file (physical switches: sw1).", e.Message);
        }

        [Fact]
        public void An_uplink_cabled_to_a_port_not_in_the_file_is_a_dangling_reference()
        {
            var e = ReadFails(WriteText("port.json", HandWritten.Replace("\"switchPort\": \"Gi0/1\"", "\"switchPort\": \"Gi0/2\"")));

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("uplinks[0].switchPort", e.Message);
            Assert.Contains("port 'Gi0/2' of physical switch 'sw1', which is not among its ports (Gi0/1).", e.Message);
        }

        [Fact]
        public void A_VMkernel_adapter_on_a_missing_port_group_is_a_dangling_reference()
        {
            var e = ReadFails(WriteText("pg.json", HandWritten.Replace("\"portGroup\": \"Management Network\"", "\"portGroup\": \"vMotion\"")));

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("hosts[0].vmKernelAdapters[0].portGroup (line 15,", e.Message);
            Assert.Contains("VMkernel adapter 'esx01/vmk0' is connected to port group 'vMotion', which is not on host 'esx01' (port groups: Management Network).", e.Message);
        }

        [Fact]
        public void A_port_channel_member_that_is_not_a_port_of_the_switch_is_a_dangling_reference()
        {
            var e = ReadFails(WriteText("member.json", HandWritten.Replace("\"members\": [ \"Gi0/1\" ]", "\"members\": [ \"Gi0/1\", \"Gi0/2\" ]")));

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("physicalSwitches[0].portChannels[0].members[1] (line 23,", e.Message);
            Assert.Contains("port channel 'Po1' names member port 'Gi0/2', which is not among the ports of physical switch 'sw1' (Gi0/1).", e.Message);
        }

        [Fact]
        public void A_failover_order_naming_an_unknown_uplink_is_a_dangling_reference()
        {
            var e = ReadFails(WriteText("order.json", HandWritten.Replace("\"active\": [ \"vmnic0\" ]", "\"active\": [ \"vmnic0\", \"vmnic7\" ]")));

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("teaming.failoverOrder.active[1]", e.Message);
            Assert.Contains("names uplink 'vmnic7', which is not on virtual switch 'esx01/vSwitch0' (uplinks: vmnic0).", e.Message);
        }

        [Fact]
        public void A_failover_order_that_leaves_out_an_uplink_is_refused()
        {
            var e = ReadFails(WriteText("order.json", HandWritten.Replace("\"active\": [ \"vmnic0\" ]", "\"active\": []")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("leaves out uplink(s) vmnic0 of virtual switch 'esx01/vSwitch0'", e.Message);
        }

        [Fact]
        public void Two_adapters_with_one_port_id_are_refused()
        {
            var text = HandWritten.Replace(
                "\"portId\": 0 }\n",
                "\"portId\": 0 },\n        { \"name\": \"vmk1\", \"portGroup\": \"Management Network\", \"ipAddress\": \"10.0.0.12\", \"prefixLength\": 24, \"mtu\": 1500, \"portId\": 0 }\n");

            var e = ReadFails(WriteText("ids.json", text));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].vmKernelAdapters[1].portId (line 16,", e.Message);
            Assert.Contains("port id 0 on virtual switch 'esx01/vSwitch0' is given to both VMkernel adapter 'esx01/vmk0' and VMkernel adapter 'esx01/vmk1'.", e.Message);
        }

        [Fact]
        public void A_next_port_id_that_would_reuse_an_id_is_refused()
        {
            var e = ReadFails(WriteText("next.json", HandWritten.Replace("\"nextPortId\": 1", "\"nextPortId\": 0")));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[0].virtualSwitches[0].nextPortId (line 8,", e.Message);
            Assert.Contains("would hand out port id 0 again, which is in use. Ids are never reused: use 1 or more.", e.Message);
        }

        [Fact]
        public void A_file_that_fails_late_yields_no_objects()
        {
            // The first host and both switches are fine; the second host's version is not. Read gives an error and
            // nothing else: there is no partly built model to return.
            var lab = SampleNetwork.Build();
            var path = PathOf("lab.json");
            ConfigFile.Write(path, Contents(lab.Esx67, lab.Esx35), noClobber: true);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"version\": \"3.5 U3\"", "\"version\": \"3.7\""));

            ConfigContents contents = null;
            var e = Assert.Throws<VirtNetException>(() => contents = ConfigFile.Read(path));

            Assert.Null(contents);
            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hosts[1].version", e.Message);
            Assert.Contains("'3.7' is not a known Esx version", e.Message);
        }
    }
}
