using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Import;
using VirtNet.Import.Esx;
using VirtNet.Import.RVTools;
using Xunit;

namespace VirtNet.Tests.Import
{
    public class RVToolsImportTests
    {
        static HostImportResult ImportCsvFolder() =>
            RVToolsImport.Build(ImportFiles.Expand(Fixtures.PathOf("RVTools", "csv")).Select(RVToolsImport.Read).Where(t => t != null).SelectMany(t => t).ToList(), null);

        static HostImportResult ImportWorkbook() =>
            RVToolsImport.Build(RVToolsImport.Read(Fixtures.File("RVTools", "RVTools_export_all.xlsx")), null);

        public static IEnumerable<object[]> Sources() => new[] { new object[] { "csv" }, new object[] { "xlsx" } };

        static HostImportResult Import(string source) => source == "csv" ? ImportCsvFolder() : ImportWorkbook();

        [Theory]
        [MemberData(nameof(Sources))]
        public void One_host_per_host_with_its_version_from_vHost(string source)
        {
            var result = Import(source);

            Assert.Empty(result.Warnings);
            Assert.Equal(new[] { "esx11", "esx12" }, result.Hosts.Select(h => h.Name));
            Assert.Equal(new[] { "esx11.lab.local", "esx12.lab.local" }, result.Hosts.Select(h => h.Fqdn));
            Assert.Equal(new[] { "7.0 U3", "6.7" }, result.Hosts.Select(h => h.Version));
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public void Switches_get_their_uplinks_from_the_vNIC_Switch_column(string source)
        {
            var esx11 = Import(source).Hosts[0];

            Assert.Equal(new[] { "vSwitch0", "vSwitch1", "dvSwitch01" }, esx11.VirtualSwitches.Select(v => v.Name));
            Assert.Equal(new[] { VirtualSwitchType.Standard, VirtualSwitchType.Standard, VirtualSwitchType.Distributed }, esx11.VirtualSwitches.Select(v => v.Type));
            Assert.Equal(new[] { 128, 1024, 128 }, esx11.VirtualSwitches.Select(v => v.NumPorts));
            Assert.Equal(new[] { 1500, 9000, 9000 }, esx11.VirtualSwitches.Select(v => v.Mtu));
            Assert.Equal(new[] { "vmnic0", "vmnic1" }, esx11.VirtualSwitches[0].Nic);
            Assert.Equal(new[] { "vmnic2" }, esx11.VirtualSwitches[1].Nic);
            Assert.Equal(new[] { "vmnic3" }, esx11.VirtualSwitches[2].Nic);
            Assert.Equal(new[] { 10000, 10000, 25000, 25000 }, esx11.Uplinks.Select(u => u.SpeedMbps));
            Assert.Equal("b4:96:91:11:00:01", esx11.GetUplink("vmnic3").MacAddress.ToString());
            Assert.Null(esx11.FindUplink("vmnic4"));
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public void Policy_is_read_from_API_strings_and_rolling_order_is_the_inverse_of_failback(string source)
        {
            var esx11 = Import(source).Hosts[0];

            var vSwitch0 = esx11.VirtualSwitches[0].TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.LoadBalanceIP, vSwitch0.LoadBalancingPolicy);
            Assert.True(vSwitch0.NotifySwitches);
            Assert.True(vSwitch0.FailbackEnabled);
            Assert.False(esx11.VirtualSwitches[1].TeamingPolicy.FailbackEnabled);

            Assert.True(esx11.GetPortGroup("Management Network").TeamingPolicy.IsLoadBalancingInherited);
            var production = esx11.GetPortGroup("VM Network; Production").TeamingPolicy;
            Assert.Equal(LoadBalancingPolicy.ExplicitFailover, production.LoadBalancingPolicy);
            Assert.False(production.IsLoadBalancingInherited);
            var nfs = esx11.GetPortGroup("NFS").TeamingPolicy;
            Assert.True(nfs.IsLoadBalancingInherited);
            Assert.True(nfs.FailbackEnabled);
            Assert.False(nfs.IsFailbackInherited);
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public void Port_groups_and_distributed_port_groups_on_every_member_host(string source)
        {
            var hosts = Import(source).Hosts;
            var esx11 = hosts[0];

            Assert.Equal(new[] { "Management Network", "VM Network; Production" }, esx11.VirtualSwitches[0].PortGroups.Select(p => p.Name));
            Assert.Equal(new[] { 10, 20 }, esx11.VirtualSwitches[0].PortGroups.Select(p => p.VLanId));
            Assert.Equal(30, esx11.GetPortGroup("NFS").VLanId);
            foreach (var host in hosts)
            {
                var dvs = host.GetVirtualSwitch("dvSwitch01");
                Assert.Equal(new[] { "dvPG-vMotion", "dvPG-Trunk" }, dvs.PortGroups.Select(p => p.Name));
                Assert.Equal(new[] { 40, 4095 }, dvs.PortGroups.Select(p => p.VLanId));
                Assert.Equal(LoadBalancingPolicy.LoadBalanceLoadBased, dvs.GetPortGroup("dvPG-vMotion").TeamingPolicy.LoadBalancingPolicy);
                Assert.False(dvs.GetPortGroup("dvPG-Trunk").TeamingPolicy.FailbackEnabled);
            }
            Assert.Equal(new[] { "vmnic1" }, hosts[1].GetVirtualSwitch("dvSwitch01").Nic);
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public void VMkernel_adapters_come_from_vSC_VMK(string source)
        {
            var (esx11, esx12) = (Import(source).Hosts[0], Import(source).Hosts[1]);

            Assert.Equal(new[] { "vmk0", "vmk1", "vmk2" }, esx11.VMKernelAdapters.Select(a => a.Name));
            var vmk0 = esx11.GetVMKernelAdapter("vmk0");
            Assert.Equal(("Management Network", "10.0.10.21", 24, "10.0.10.1", "00:50:56:11:00:00", 1500),
                (vmk0.PortGroup.Name, vmk0.IPAddress.ToString(), vmk0.PrefixLength, vmk0.Gateway.ToString(), vmk0.MacAddress.ToString(), vmk0.Mtu));
            var vmk1 = esx11.GetVMKernelAdapter("vmk1");
            Assert.Equal(("NFS", "10.0.30.21", 9000), (vmk1.PortGroup.Name, vmk1.IPAddress.ToString(), vmk1.Mtu));
            Assert.Null(vmk1.Gateway);
            Assert.Equal("dvSwitch01", esx11.GetVMKernelAdapter("vmk2").VirtualSwitch.Name);
            Assert.Equal("10.0.10.22", esx12.GetVMKernelAdapter("vmk0").IPAddress.ToString());
            Assert.Equal("10.0.10.21", esx11.IPAddress.ToString());
        }

        [Fact]
        public void Csv_columns_are_found_by_header_name_in_any_order_and_with_the_tab_prefix()
        {
            var text = "vPortSwitch,vPortVLAN,vPortHost,Backup status,vPortPort Group\n" +
                       "vSwitch0,99,esx13,OK,Backup\n";
            var table = RVToolsImport.ParseCsv("vport.csv", text);

            Assert.Equal("vPort", table.Tab);
            var vswitch = RVToolsImport.ParseCsv("vswitch.csv", "Host,Switch,# Ports,MTU\nesx13,vSwitch0,128,1500\n");
            var host = RVToolsImport.Build(new[] { vswitch, table }, "6.7").Hosts.Single();
            Assert.Equal(99, host.GetPortGroup("Backup").VLanId);
            Assert.Equal("6.7", host.Version);
        }

        [Fact]
        public void A_row_without_a_host_is_a_warning_with_file_and_line()
        {
            var table = RVToolsImport.ParseCsv("vswitch.csv", "Host,Switch,# Ports,MTU\nesx13,vSwitch0,128,1500\n,vSwitch1,128,1500\nesx13,vSwitch2,128,abc\n");

            var result = RVToolsImport.Build(new[] { table }, null);

            Assert.Equal(new[] { "vSwitch0", "vSwitch2" }, result.Hosts.Single().VirtualSwitches.Select(v => v.Name));
            Assert.Equal(3, result.Warnings.Count);
            Assert.Equal(0, result.Warnings[0].Line);
            Assert.StartsWith("the export has no vPort, vSC_VMK, vNIC, dvSwitch, dvPort tabs", result.Warnings[0].Message);
            Assert.Equal(("vswitch.csv", 3), (result.Warnings[1].File, result.Warnings[1].Line));
            Assert.Contains("the vSwitch row names no Host", result.Warnings[1].Message);
            Assert.Equal(4, result.Warnings[2].Line);
            Assert.Contains("MTU 'abc' is not a number", result.Warnings[2].Message);
        }

        [Fact]
        public void A_csv_of_another_tab_is_an_error_when_named_and_passed_over_in_a_folder()
        {
            var vInfo = Fixtures.File("RVTools", "csv", "RVTools_tabvInfo.csv");
            var e = Assert.Throws<VirtNetException>(() => RVToolsImport.Read(vInfo));

            Assert.Equal(ErrorIds.UnknownImportFormat, e.ErrorId);
            Assert.Contains("Formats tried: an RVTools .xlsx workbook, or RVTools CSV files of the tabs vSwitch, vPort, vSC_VMK, vNIC, dvSwitch, dvPort, vNetwork and vHost", e.Message);
            var inFolder = ImportFiles.Expand(Fixtures.PathOf("RVTools", "csv")).Single(f => f.Path.EndsWith("vInfo.csv", StringComparison.Ordinal));
            Assert.Null(RVToolsImport.Read(inFolder));
        }

        [Fact]
        public void A_damaged_workbook_is_an_UnknownImportFormat_error()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "virtnet-damaged-" + Guid.NewGuid().ToString("N") + ".xlsx");
            System.IO.File.WriteAllText(path, "this is no zip archive");
            try
            {
                var e = Assert.Throws<VirtNetException>(() => RVToolsImport.Read(ImportFiles.Expand(path).Single()));
                Assert.Equal(ErrorIds.UnknownImportFormat, e.ErrorId);
                Assert.Contains("is not a readable .xlsx workbook", e.Message);
            }
            finally { System.IO.File.Delete(path); }
        }
    
        static HostImportResult ImportTwoSites() =>
            RVToolsImport.Build(ImportFiles.Expand(Fixtures.PathOf("RVTools", "two-sites")).Select(RVToolsImport.Read).SelectMany(t => t).ToList(), null);

        [Fact]
        public void Hosts_with_the_same_short_name_keep_their_full_names_and_export()
        {
            var hosts = ImportTwoSites().Hosts;

            Assert.Equal(new[] { "esx11.site-a.local", "esx11.site-b.local" }, hosts.Select(h => h.Name));
            Assert.Equal(new[] { "esx11.site-a.local", "esx11.site-b.local" }, hosts.Select(h => h.Fqdn));
            Assert.Equal(new[] { "8.0 U2", "8.0 U2" }, hosts.Select(h => h.Version));
            var contents = new VirtNet.Serialization.ConfigContents();
            foreach (var host in hosts) contents.Add(host);
            var json = VirtNet.Serialization.ConfigWriter.ToJson(contents);
            Assert.Equal(2, VirtNet.Serialization.ConfigFile.ReadText("two-sites.json", json).Hosts.Count);
        }

        [Fact]
        public void Elastic_port_counts_are_kept_with_the_MTU_of_their_row()
        {
            var hosts = ImportTwoSites().Hosts;

            // ESXi 8.0 standard vSwitches are elastic: # Ports 8960 and 9216 are what the API reports for them.
            Assert.Equal((8960, 9000), (hosts[0].GetVirtualSwitch("vSwitch0").NumPorts, hosts[0].GetVirtualSwitch("vSwitch0").Mtu));
            Assert.Equal((9216, 1500), (hosts[1].GetVirtualSwitch("vSwitch0").NumPorts, hosts[1].GetVirtualSwitch("vSwitch0").Mtu));
        }

        [Fact]
        public void The_uplink_port_group_is_found_by_what_it_holds_not_by_its_name()
        {
            foreach (var host in ImportTwoSites().Hosts)
            {
                var dvs = host.GetVirtualSwitch("dvs-prod");
                // Uplinks-prod trunks 0-4094 with no active and no standby uplink: the switch's uplinks, not a VM network.
                Assert.DoesNotContain(dvs.PortGroups, p => p.Name == "Uplinks-prod");
                Assert.Equal(9000, dvs.Mtu);
            }
        }

        [Fact]
        public void Distributed_failover_order_comes_from_dvPort_through_each_hosts_vNIC_uplink_ports()
        {
            var hosts = ImportTwoSites().Hosts;

            // Active Uplink "Uplink 2, Uplink 1": on site-a, Uplink 2 is vmnic2 and Uplink 1 vmnic1; on site-b the reverse.
            var a = hosts[0].GetVirtualSwitch("dvs-prod").GetPortGroup("dvPG-vMotion").TeamingPolicy;
            Assert.Equal(new[] { "vmnic2", "vmnic1" }, a.ActiveNic);
            Assert.Empty(a.StandbyNic);
            Assert.False(a.IsFailoverOrderInherited);
            Assert.Equal(LoadBalancingPolicy.ExplicitFailover, a.LoadBalancingPolicy);
            var b = hosts[1].GetVirtualSwitch("dvs-prod").GetPortGroup("dvPG-vMotion").TeamingPolicy;
            Assert.Equal(new[] { "vmnic1", "vmnic2" }, b.ActiveNic);
        }

        [Fact]
        public void A_distributed_port_group_sharing_a_standard_ones_name_is_kept_beside_it()
        {
            var result = ImportTwoSites();
            var siteA = result.Hosts[0];

            // Migration-PG is on vSwitch0 (vPort: VLAN 30, standard) and on dvs-prod (dvPort: VLAN 30, Uplink 1 active,
            // Uplink 2 standby): both are kept, each on its own switch, with its own policy.
            var standard = siteA.GetVirtualSwitch("vSwitch0").GetPortGroup("Migration-PG");
            Assert.Equal(30, standard.VLanId);
            Assert.True(standard.TeamingPolicy.IsFailoverOrderInherited);
            var distributed = siteA.GetVirtualSwitch("dvs-prod").GetPortGroup("Migration-PG").TeamingPolicy;
            // On site-a, vNIC puts Uplink 1 on vmnic1 and Uplink 2 on vmnic2.
            Assert.Equal(new[] { "vmnic1" }, distributed.ActiveNic);
            Assert.Equal(new[] { "vmnic2" }, distributed.StandbyNic);
            // vSC_VMK names the port group of vmk2 without its switch: it is put on the standard one, and the one
            // warning says so (vmk1's dvPG-vMotion, on the distributed switch only, needs none).
            Assert.Equal("esx11.site-a.local/vSwitch0/Migration-PG", siteA.GetVMKernelAdapter("vmk2").PortGroup.Path);
            var warning = Assert.Single(result.Warnings, w => System.IO.Path.GetFileName(w.File) == "RVTools_tabvSC_VMK.csv");
            Assert.Equal(4, warning.Line);
            Assert.Contains("which vSwitch0 and dvs-prod both have", warning.Message);
            // Its name alone is ambiguous on site-a, and says so; on site-b it has no standard twin.
            Assert.Equal(ErrorIds.AmbiguousName, Assert.Throws<VirtNetException>(() => siteA.GetPortGroup("Migration-PG")).ErrorId);
            var siteB = result.Hosts[1].GetPortGroup("Migration-PG").TeamingPolicy;
            Assert.Equal(new[] { "vmnic2" }, siteB.ActiveNic);
            Assert.Equal(new[] { "vmnic1" }, siteB.StandbyNic);
        }

        [Fact]
        public void VMs_come_from_vNetwork_each_adapter_on_the_port_group_of_its_rows_switch()
        {
            var result = ImportTwoSites();
            var siteA = result.Hosts[0];
            var siteB = result.Hosts[1];

            // app01's two adapters are both on a port group named Migration-PG: vNetwork's Switch column says which.
            var app01 = siteA.GetVirtualMachine("app01");
            Assert.Equal(new[] { "esx11.site-a.local/vSwitch0/Migration-PG", "esx11.site-a.local/dvs-prod/Migration-PG" }, app01.NetworkAdapters.Select(a => a.PortGroup.Path));
            Assert.Equal(new[] { "00:50:56:a1:00:01", "00:50:56:a1:00:02" }, app01.NetworkAdapters.Select(a => a.MacAddress.ToString()));
            // The first IPv4 address VMware Tools report; the IPv6 one is not the model's.
            Assert.Equal(new[] { "10.30.0.21", "10.30.0.22" }, app01.NetworkAdapters.Select(a => a.IPAddress.ToString()));
            // app02's adapter is not connected: kept, without a port. The template is no running VM and is passed over.
            Assert.False(siteA.GetVirtualMachine("app02").NetworkAdapters.Single().Connected);
            Assert.Equal(new[] { "app01", "app02" }, siteA.VirtualMachines.Select(v => v.Name));
            // app03's second adapter is on an NSX segment no tab describes: kept disconnected, with a warning naming its row.
            var app03 = siteB.GetVirtualMachine("app03");
            Assert.Equal("esx11.site-b.local/dvs-prod/Migration-PG", app03.NetworkAdapters[0].PortGroup.Path);
            Assert.False(app03.NetworkAdapters[1].Connected);
            var warning = Assert.Single(result.Warnings, w => System.IO.Path.GetFileName(w.File) == "RVTools_tabvNetwork.csv");
            Assert.Equal(7, warning.Line);
            Assert.Equal("adapter 2 of virtual machine 'app03' is on network 'Backup-NSX' of switch 'nsx-overlay', which is no imported port group; it is imported disconnected.", warning.Message);
        }

        [Fact]
        public void A_gateway_repeated_on_adapters_of_another_subnet_is_no_warning()
        {
            var result = ImportTwoSites();
            var siteA = result.Hosts[0];

            Assert.Equal("10.10.10.1", siteA.GetVMKernelAdapter("vmk0").Gateway.ToString());
            // vmk1 is in 10.40.0.0/24; 10.10.10.1 on its row is the host's default gateway, not its own.
            Assert.Null(siteA.GetVMKernelAdapter("vmk1").Gateway);
            Assert.Equal("dvs-prod", siteA.GetVMKernelAdapter("vmk1").VirtualSwitch.Name);
            Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("gateway"));
        }

        [Fact]
        public void A_workbook_without_the_network_tabs_is_a_warning_naming_them()
        {
            var vHost = RVToolsImport.ParseCsv("export/RVTools_tabvHost.csv",
                "Host,Datacenter,Cluster,ESX Version\nesx21.lab.local,DC1,C1,VMware ESXi 7.0.3 build-21424296\n");

            var result = RVToolsImport.Build(new[] { vHost }, null);

            Assert.Equal("esx21", result.Hosts.Single().Name);
            var warning = Assert.Single(result.Warnings);
            Assert.Equal(("export", 0), (warning.File, warning.Line));
            Assert.Equal("the export has no vSwitch, vPort, vSC_VMK, vNIC, dvSwitch, dvPort tabs; the hosts are built without what they hold. " +
                "Export every tab, or give every tab's CSV file.", warning.Message);
        }
    }
}
