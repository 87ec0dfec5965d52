using System;
using System.IO;
using System.Linq;
using VirtNet.Net;
using VirtNet.Serialization;
using Xunit;

namespace VirtNet.Tests.Serialization
{
    /// <summary>Hyper-V switches, teams, MAC pools and Linux bonds through Export-VNConfig and Import-VNConfig.</summary>
    public sealed class PlatformConfigTests : IDisposable
    {
        readonly string _folder = Path.Combine(Path.GetTempPath(), "virtnet-platform-config-" + Guid.NewGuid().ToString("N"));

        public PlatformConfigTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        string PathOf(string name) => Path.Combine(_folder, name);

        static ConfigContents Contents(params object[] objects)
        {
            var contents = new ConfigContents();
            foreach (var o in objects) contents.Add(o);
            return contents;
        }

        ConfigContents RoundTrip(params object[] objects)
        {
            var path = PathOf(Guid.NewGuid().ToString("N") + ".json");
            ConfigFile.Write(path, Contents(objects), noClobber: true);
            return ConfigFile.Read(path);
        }

        VirtNetException ReadFails(string json)
        {
            var path = PathOf("bad.json");
            File.WriteAllText(path, json);
            return Assert.Throws<VirtNetException>(() => ConfigFile.Read(path));
        }

        [Fact]
        public void Export_import_export_gives_byte_identical_files()
        {
            var lab = SampleNetwork.BuildPlatforms();
            var first = PathOf("first.json");
            var second = PathOf("second.json");
            ConfigFile.Write(first, Contents(lab.HyperV2019, lab.HyperV2022, lab.Linux), noClobber: true);

            ConfigFile.Write(second, Contents(ConfigFile.Read(first).TopLevelObjects.ToArray()), noClobber: true);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }

        [Fact]
        public void Import_rebuilds_teams_bonds_pools_and_generated_addresses()
        {
            var lab = SampleNetwork.BuildPlatforms();
            var original = Contents(lab.HyperV2019, lab.HyperV2022, lab.Linux);

            var imported = RoundTrip(lab.HyperV2019, lab.HyperV2022, lab.Linux);

            Assert.Equal(SampleNetwork.Describe(original.TopLevelObjects), SampleNetwork.Describe(imported.TopLevelObjects));
            var hv02 = imported.Hosts[0];
            var team = hv02.Teams.Single();
            Assert.Equal(new[] { "NIC2", "NIC1", "NIC3", "NIC4" }, team.TeamMembers);
            Assert.Equal("NIC3", team.StandbyMember);
            Assert.Same(team, hv02.GetVirtualSwitch("External").Team);
            Assert.Equal(HyperVSwitchType.Private, hv02.GetVirtualSwitch("Isolated").SwitchType);
            var traveller = imported.Hosts[1].GetVirtualMachine("traveller").NetworkAdapters[0];
            Assert.Equal("00-15-5D-14-01-04", traveller.MacAddress.Value.ToHyphenString());
            Assert.True(traveller.DynamicMacAddressEnabled);
            Assert.False(hv02.GetVirtualMachine("pinned").NetworkAdapters[0].DynamicMacAddressEnabled);
            var bond0 = imported.Hosts[2].GetVirtualSwitch("bond0");
            Assert.Equal(BondMode.Ieee8023ad, bond0.BondMode);
            Assert.Equal(XmitHashPolicy.Layer3Plus4, bond0.XmitHashPolicy);
            Assert.Equal(AdSelect.Count, bond0.AdSelect);
            Assert.Same(imported.PhysicalSwitches.Single(), bond0.GetUplink("eth0").PhysicalSwitch);
        }

        [Fact]
        public void The_next_dynamic_address_after_an_import_is_the_one_the_original_would_give()
        {
            var lab = SampleNetwork.BuildPlatforms();
            var imported = RoundTrip(lab.HyperV2019).Hosts[0];

            var fromOriginal = lab.HyperV2019.AddVirtualMachine("next", new[] { new VNVirtualMachine.AdapterSpec(lab.HyperV2019.GetPortGroup("LAN")) });
            var fromImport = imported.AddVirtualMachine("next", new[] { new VNVirtualMachine.AdapterSpec(imported.GetPortGroup("LAN")) });

            // 00 and 01 went to app01, 02 to the removed VM, 03 is pinned, 04 went to the traveller: 05 is next.
            Assert.Equal("00-15-5D-14-01-05", fromOriginal.NetworkAdapters[0].MacAddress.Value.ToHyphenString());
            Assert.Equal(fromOriginal.NetworkAdapters[0].MacAddress, fromImport.NetworkAdapters[0].MacAddress);
        }

        [Fact]
        public void A_pool_derived_from_an_earlier_address_survives_a_change_of_address()
        {
            var host = new VNHost("hv01", Hypervisor.HyperV, "2019") { IPAddress = IPv4Address.Parse("192.168.1.133") };
            host.IPAddress = IPv4Address.Parse("192.168.1.140");

            var imported = RoundTrip(host).Hosts[0];

            var pool = imported.GetMacAddressPool();
            Assert.Equal("00-15-5D-01-85-00", pool.MacAddressMinimum.ToHyphenString());
            Assert.Equal(MacAddressPoolSource.Derived, pool.Source);
            Assert.Equal("192.168.1.140", imported.IPAddress.ToString());
        }

        [Fact]
        public void Bonds_are_written_under_the_kernels_names()
        {
            var lab = SampleNetwork.BuildPlatforms();
            var path = PathOf("bonds.json");

            ConfigFile.Write(path, Contents(lab.Linux), noClobber: true);

            var text = File.ReadAllText(path);
            Assert.Contains("\"mode\": \"802.3ad\"", text);
            Assert.Contains("\"xmitHashPolicy\": \"layer3+4\"", text);
            Assert.Contains("\"mode\": \"active-backup\"", text);
            Assert.Contains("\"adSelect\": \"count\"", text);
            Assert.Contains("\"adSelect\": \"stable\"", text);
        }

        const string HyperVHost =
            "{ \"schemaVersion\": 1, \"hosts\": [ { \"name\": \"hv01\", \"hypervisor\": \"HyperV\", \"version\": \"VERSION\", \"ipAddress\": \"192.168.1.133\",\n" +
            "  \"virtualSwitches\": [ { \"name\": \"External\", \"type\": \"HyperV\", \"numPorts\": 128, \"mtu\": 1500, \"nextPortId\": 0,\n" +
            "    \"hyperV\": HYPERV,\n" +
            "    \"teaming\": { \"loadBalancingPolicy\": \"LoadBalanceSrcId\", \"networkFailoverDetectionPolicy\": \"LinkStatus\", \"notifySwitches\": true, \"failbackEnabled\": true, \"ipHashVariant\": \"FullAddress\", \"failoverOrder\": { \"active\": [ \"NIC1\" ] } },\n" +
            "    \"uplinks\": [ { \"name\": \"NIC1\", \"speedMbps\": 1000 } ] } ] } ] }\n";

        static string HyperV(string version, string hyperV) => HyperVHost.Replace("VERSION", version).Replace("HYPERV", hyperV);

        [Fact]
        public void A_team_member_that_is_not_an_uplink_of_its_switch_is_a_dangling_reference()
        {
            var e = ReadFails(HyperV("2019", "{ \"switchType\": \"External\", \"embeddedTeaming\": false, \"team\": { \"name\": \"Team0\", \"teamingMode\": \"Lacp\", " +
                "\"loadBalancingAlgorithm\": \"Dynamic\", \"members\": [ \"NIC1\", \"NIC7\" ] } }"));

            Assert.Equal(ErrorIds.DanglingReference, e.ErrorId);
            Assert.Contains("NIC7", e.Message);
            Assert.Contains("line 3", e.Message);
        }

        [Fact]
        public void A_team_the_hosts_release_cannot_bind_is_refused_where_it_stands()
        {
            var e = ReadFails(HyperV("2022", "{ \"switchType\": \"External\", \"embeddedTeaming\": false, \"team\": { \"name\": \"Team0\", \"teamingMode\": \"Lacp\", " +
                "\"loadBalancingAlgorithm\": \"Dynamic\", \"members\": [ \"NIC1\" ] } }"));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Equal(ErrorIds.UnsupportedOnHost, ((VirtNetException)e.InnerException).ErrorId);
            Assert.Contains("2022", e.Message);
        }

        [Fact]
        public void Embedded_teaming_with_an_address_hash_is_refused_at_the_switch_settings()
        {
            var e = ReadFails(HyperV("2019", "{ \"switchType\": \"External\", \"embeddedTeaming\": true, \"loadBalancingAlgorithm\": \"IPAddresses\" }"));

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("hyperV", e.Message);
        }

        [Fact]
        public void An_unknown_bond_mode_is_reported_at_its_value()
        {
            var json = "{ \"schemaVersion\": 1, \"hosts\": [ { \"name\": \"lx01\", \"hypervisor\": \"Linux\", \"version\": \"6.1\",\n" +
                "  \"virtualSwitches\": [ { \"name\": \"bond0\", \"type\": \"LinuxBond\", \"numPorts\": 128, \"mtu\": 1500, \"nextPortId\": 0,\n" +
                "    \"bond\": { \"mode\": \"802.3ae\", \"xmitHashPolicy\": \"layer2\" },\n" +
                "    \"teaming\": { \"loadBalancingPolicy\": \"LoadBalanceSrcId\", \"networkFailoverDetectionPolicy\": \"LinkStatus\", \"notifySwitches\": true, \"failbackEnabled\": true, \"ipHashVariant\": \"FullAddress\", \"failoverOrder\": {} } } ] } ] }\n";

            var e = ReadFails(json);

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("bond.mode", e.Message);
            Assert.Equal(ErrorIds.InvalidBondMode, ((VirtNetException)e.InnerException).ErrorId);
        }

        [Fact]
        public void A_pool_on_an_ESX_host_is_refused()
        {
            var json = "{ \"schemaVersion\": 1, \"hosts\": [ { \"name\": \"esx01\", \"hypervisor\": \"Esx\", \"version\": \"6.7\",\n" +
                "  \"macAddressPool\": { \"minimum\": \"00:15:5d:01:85:00\", \"maximum\": \"00:15:5d:01:85:ff\", \"source\": \"Explicit\", \"next\": \"00:15:5d:01:85:00\" } } ] }\n";

            var e = ReadFails(json);

            Assert.Equal(ErrorIds.InvalidConfigValue, e.ErrorId);
            Assert.Contains("macAddressPool", e.Message);
        }

        [Fact]
        public void A_Hyper_V_host_from_a_file_without_pools_derives_its_pool_from_its_address()
        {
            var path = PathOf("old.json");
            File.WriteAllText(path, HyperV("2019", "null"));

            var host = ConfigFile.Read(path).Hosts[0];

            Assert.Equal("00-15-5D-01-85-00", host.MacAddressMinimum.Value.ToHyphenString());
            Assert.Equal(HyperVSwitchType.External, host.GetVirtualSwitch("External").SwitchType);
        }
    }
}
