using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using VirtNet.Import.PowerCli;
using Xunit;

namespace VirtNet.Tests.Import
{
    public class PowerCliImportTests
    {
        /// <summary>What ConvertFrom-VNPowerCLI makes of ConvertFrom-Json's objects: values as they are, a nested object by its Name.</summary>
        static List<PowerCliObject> FromJson(string fixture) =>
            JArray.Parse(File.ReadAllText(Fixtures.PathOf("PowerCli", fixture))).Cast<JObject>().Select((o, i) =>
                new PowerCliObject($"input object {i + 1}", o.Properties().ToDictionary(p => p.Name, p => Simplify(p.Value))
                    .Concat(o["VMHost"] is JObject host && host["Version"] != null
                        ? new[] { new KeyValuePair<string, object>(PowerCliImport.VMHostVersion, ((string)host["Version"] + " " + (string)host["Build"]).Trim()) }
                        : new KeyValuePair<string, object>[0])
                    .ToDictionary(p => p.Key, p => p.Value))).ToList();

        static object Simplify(JToken token) =>
            token is JArray array ? array.Select(Simplify).ToArray()
            : token is JObject nested ? (object)(string)nested["Name"]
            : ((JValue)token).Value;

        /// <summary>What Import-Csv gives: every value a string.</summary>
        static List<PowerCliObject> FromCsv(string fixture, int first = 1)
        {
            var lines = File.ReadAllLines(Fixtures.PathOf("PowerCli", fixture)).Where(l => !l.StartsWith("#TYPE", StringComparison.Ordinal)).ToList();
            // A cell is quoted text (which may hold commas) or empty.
            string[] Cells(string line) => System.Text.RegularExpressions.Regex.Matches(line, "\"([^\"]*)\"|(?<=,|^)(?=,|$)")
                .Cast<System.Text.RegularExpressions.Match>().Select(m => m.Groups[1].Value).ToArray();
            var header = Cells(lines[0]);
            return lines.Skip(1).Select((l, i) =>
            {
                var cells = Cells(l);
                return new PowerCliObject($"input object {first + i}", header.Select((h, k) => (h, k)).ToDictionary(x => x.h, x => (object)cells[x.k]));
            }).ToList();
        }

        [Fact]
        public void Json_objects_make_one_host_with_switch_port_groups_nics_and_adapters()
        {
            var result = PowerCliImport.Convert(FromJson("esx04-network.json"), null, "7.0");

            Assert.Empty(result.Warnings);
            var esx04 = Assert.Single(result.Hosts);
            Assert.Equal("esx04", esx04.Name);
            Assert.Equal("esx04.lab.local", esx04.Fqdn);
            Assert.Equal("7.0", esx04.Version);
            var vSwitch0 = esx04.VirtualSwitches.Single();
            Assert.Equal((128, 9000), (vSwitch0.NumPorts, vSwitch0.Mtu));
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, vSwitch0.Nic);
            Assert.Equal(new[] { "00:25:b5:04:00:00", "00:25:b5:04:00:01" }, vSwitch0.Uplinks.Select(u => u.MacAddress.ToString()));
            Assert.All(vSwitch0.Uplinks, u => Assert.Equal(10000, u.SpeedMbps));
            Assert.Equal(new[] { "Storage", "Management Network" }, vSwitch0.PortGroups.Select(p => p.Name));
            Assert.Equal(new[] { 30, 10 }, vSwitch0.PortGroups.Select(p => p.VLanId));

            var vmk0 = esx04.GetVMKernelAdapter("vmk0");
            Assert.Equal(("Management Network", "10.0.10.14", 24, 1500), (vmk0.PortGroup.Name, vmk0.IPAddress.ToString(), vmk0.PrefixLength, vmk0.Mtu));
            Assert.Equal(new[] { AdapterPurpose.Management, AdapterPurpose.VMotion }, vmk0.Purpose);
            var vmk1 = esx04.GetVMKernelAdapter("vmk1");
            Assert.Equal(("Storage", "10.0.30.14", 9000, "00:50:56:04:00:01"), (vmk1.PortGroup.Name, vmk1.IPAddress.ToString(), vmk1.Mtu, vmk1.MacAddress.ToString()));
            Assert.Equal(new[] { AdapterPurpose.Storage }, vmk1.Purpose);
            Assert.Equal("10.0.10.14", esx04.IPAddress.ToString());
        }

        [Fact]
        public void Teaming_policies_keep_their_order_and_inherited_flags()
        {
            var esx04 = PowerCliImport.Convert(FromJson("esx04-network.json"), null, "7.0").Hosts.Single();

            var vswitch = esx04.VirtualSwitches[0].TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceIP, vswitch.LoadBalancingPolicy);
            Assert.Equal(new[] { "vmnic1", "vmnic0" }, vswitch.ActiveNic);
            Assert.Empty(vswitch.StandbyNic);
            Assert.True(vswitch.FailbackEnabled);

            var storage = esx04.GetPortGroup("Storage").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.ExplicitFailover, storage.LoadBalancingPolicy);
            Assert.False(storage.IsLoadBalancingInherited);
            Assert.False(storage.FailbackEnabled);
            Assert.False(storage.IsFailbackInherited);
            Assert.True(storage.IsNotifySwitchesInherited);
            Assert.True(storage.IsNetworkFailoverDetectionInherited);
            Assert.Equal(new[] { "vmnic0" }, storage.ActiveNic);
            Assert.Equal(new[] { "vmnic1" }, storage.StandbyNic);
            Assert.True(esx04.GetPortGroup("Management Network").TeamingPolicy.IsFailoverOrderInherited);
        }

        [Fact]
        public void Export_Csv_lists_flattened_to_System_String_are_warnings_and_Join_columns_are_read()
        {
            var objects = FromCsv("esx05-vswitches.csv").Concat(FromCsv("esx05-teaming.csv", 3)).ToList();

            var result = PowerCliImport.Convert(objects, null, "6.7");

            var esx05 = Assert.Single(result.Hosts);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, esx05.VirtualSwitches[0].Nic);
            Assert.Equal(new[] { "vmnic2", "vmnic3", "vmnic4" }, esx05.VirtualSwitches[1].Nic);
            Assert.Equal(9000, esx05.VirtualSwitches[1].Mtu);
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, esx05.VirtualSwitches[0].TeamingPolicy.ActiveNic);
            var vSwitch1 = esx05.VirtualSwitches[1].TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcMac, vSwitch1.LoadBalancingPolicy);
            Assert.Equal(NetworkFailoverDetectionPolicy.BeaconProbing, vSwitch1.NetworkFailoverDetectionPolicy);
            Assert.False(vSwitch1.NotifySwitches);
            Assert.Equal(new[] { "vmnic2", "vmnic3", "vmnic4" }, vSwitch1.ActiveNic);

            Assert.Equal(5, result.Warnings.Count);
            Assert.Equal("input object 3", result.Warnings[0].File);
            Assert.Contains("StandbyNic is 'System.String[]': Export-Csv wrote the type of the list instead of its items", result.Warnings[0].Message);
            Assert.Contains("ActiveNic is 'System.String[]'", result.Warnings[2].Message);
        }

        [Fact]
        public void Failback_is_the_inverse_of_the_APIs_rolling_order()
        {
            PowerCliObject Policy(bool rollingOrder) => new PowerCliObject("input object 2", new Dictionary<string, object>
            {
                ["VMHost"] = "esx06", ["VirtualSwitch"] = "vSwitch0", ["LoadBalancingPolicy"] = "loadbalance_srcid", ["RollingOrder"] = rollingOrder,
                ["ActiveNic"] = new object[] { "vmnic0" },
            });
            var vswitch = new PowerCliObject("input object 1", new Dictionary<string, object>
            {
                ["VMHost"] = "esx06", ["Name"] = "vSwitch0", ["Nic"] = new object[] { "vmnic0" }, ["NumPorts"] = 128L, ["Mtu"] = 1500L,
            });

            var rolling = PowerCliImport.Convert(new[] { vswitch, Policy(true) }, null, null).Hosts.Single();
            var notRolling = PowerCliImport.Convert(new[] { vswitch, Policy(false) }, null, null).Hosts.Single();

            Assert.False(rolling.VirtualSwitches[0].TeamingPolicy.FailbackEnabled);
            Assert.True(notRolling.VirtualSwitches[0].TeamingPolicy.FailbackEnabled);
            Assert.Equal(LoadBalancingPolicy.LoadBalanceSrcId, rolling.VirtualSwitches[0].TeamingPolicy.LoadBalancingPolicy);
        }

        [Fact]
        public void Objects_that_are_no_known_type_or_name_no_host_are_warnings()
        {
            var objects = new[]
            {
                new PowerCliObject("input object 1", new Dictionary<string, object> { ["VMHost"] = "esx07", ["Name"] = "datastore1", ["CapacityGB"] = 100L }),
                new PowerCliObject("input object 2", new Dictionary<string, object> { ["Name"] = "vSwitch0", ["Nic"] = new object[0], ["NumPorts"] = 8L }),
                new PowerCliObject("input object 3", new Dictionary<string, object> { ["VMHost"] = "esx07", ["LoadBalancingPolicy"] = 3L, ["VirtualSwitch"] = "vSwitch9" }),
            };

            var result = PowerCliImport.Convert(objects, null, null);

            Assert.Equal(new[] { "input object 1", "input object 2", "input object 3", "input object 3" }, result.Warnings.Select(w => w.File));
            Assert.Contains("it is none of VirtualSwitch, VirtualPortGroup", result.Warnings[0].Message);
            Assert.Contains("give -HostName", result.Warnings[1].Message);
            Assert.Contains("LoadBalancingPolicy '3' is no policy name", result.Warnings[2].Message);
            Assert.Contains("virtual switch 'vSwitch9', which no file describes", result.Warnings[3].Message);
            Assert.Equal("esx07", result.Hosts.Single().Name);
        }
    
        [Fact]
        public void The_nested_VMHost_of_ConvertTo_Json_gives_the_hosts_version()
        {
            // Every object of esx04-network.json carries "VMHost": { ..., "Version": "7.0.3" }: ESXi 7.0 Update 3.
            var esx04 = PowerCliImport.Convert(FromJson("esx04-network.json"), null, null).Hosts.Single();

            Assert.Equal("7.0 U3", esx04.Version);
        }

        [Fact]
        public void Export_Csv_of_Get_VMHostNetworkAdapter_and_Get_VMHost_gives_speeds_purposes_and_version()
        {
            var objects = FromCsv("esx07-vmhost.csv").Concat(FromCsv("esx07-vswitches.csv", 2)).Concat(FromCsv("esx07-portgroups.csv", 3))
                .Concat(FromCsv("esx07-adapters.csv", 5)).ToList();

            var result = PowerCliImport.Convert(objects, null, null);

            Assert.Empty(result.Warnings);
            var esx07 = result.Hosts.Single();
            // Get-VMHost: Version 6.7.0, Build 17700523 (6.7 prints x.y.0 for every update).
            Assert.Equal(("esx07", "6.7"), (esx07.Name, esx07.Version));
            // BitRatePerSec is in Mbps: 10000 is a 10 Gb NIC.
            Assert.Equal(new[] { 10000, 10000 }, esx07.Uplinks.Select(u => u.SpeedMbps));
            Assert.Equal(new[] { AdapterPurpose.Management }, esx07.GetVMKernelAdapter("vmk0").Purpose);
            var vmk1 = esx07.GetVMKernelAdapter("vmk1");
            Assert.Equal((new[] { AdapterPurpose.VMotion }.Single(), 9000, "vMotion"), (vmk1.Purpose.Single(), vmk1.Mtu, vmk1.PortGroup.Name));
        }
    }
}
