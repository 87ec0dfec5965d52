using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using VirtNet.Import.Cisco;
using VirtNet.Import.Esx;
using VirtNet.Import.PowerCli;
using VirtNet.Import.RVTools;
using VirtNet.Serialization;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// Each importer and the configuration reader on an export of Scale units and of four times that: the time of the
    /// larger must be about four times the smaller's (linear), not sixteen (quadratic). A unit is one row of the
    /// export's biggest table: a port group row, a channel, a name in esxcli's Portgroups line, a vPort row, an
    /// interface, a PowerCLI object, a port group in a configuration file.
    /// </summary>
    [ShortRunJob]
    [MemoryDiagnoser]
    public class ImportBenchmarks
    {
        [Params(8000, 32000)]
        public int Scale;

        string _vswitchRows, _etherchannelRows, _portgroupsLine, _vPortCsv, _runningConfig, _config;
        List<PowerCliObject> _powerCli;

        [GlobalSetup]
        public void Setup()
        {
            var sb = new StringBuilder();
            sb.Append("Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\n");
            sb.Append("vSwitch0         4096        3           4096              1500    vmnic0,vmnic1\n\n");
            sb.Append("  PortGroup Name        VLAN ID  Used Ports  Uplinks\n");
            for (int i = 0; i < Scale; i++) sb.Append("  PG").Append(i).Append("                 ").Append(i % 4094 + 1).Append("       0           vmnic0,vmnic1\n");
            _vswitchRows = sb.ToString();

            sb.Clear();
            sb.Append("Group  Port-channel  Protocol    Ports\n------+-------------+-----------+-----------------------------------------------\n");
            for (int i = 1; i <= Scale; i++)
                sb.Append(i).Append("      Po").Append(i).Append("(SU)         LACP      Gi").Append(1 + i % 9).Append("/").Append(i / 9 / 48).Append("/").Append(1 + i / 9 % 48).Append("(P)\n");
            _etherchannelRows = sb.ToString();

            // One esxcli line naming every port group: Scale / 10 names, as one line grows 10 times faster than rows.
            sb.Clear();
            sb.Append("vSwitch0\n   Name: vSwitch0\n   Class: cswitch\n   Num Ports: 4096\n   Used Ports: 3\n   Configured Ports: 4096\n   MTU: 1500\n   Uplinks: vmnic0\n   Portgroups: ");
            for (int i = 0; i < Scale / 10; i++) sb.Append(i == 0 ? "" : ", ").Append("PG").Append(i);
            sb.Append('\n');
            _portgroupsLine = sb.ToString();

            sb.Clear();
            sb.Append("Host,Datacenter,Cluster,Port Group,Switch,VLAN,Policy,Notify Switch,Rolling Order\n");
            for (int i = 0; i < Scale; i++) sb.Append("esx01.lab.local,DC1,C1,PG").Append(i).Append(",vSwitch0,").Append(i % 4094 + 1).Append(",loadbalance_srcid,True,False\n");
            _vPortCsv = sb.ToString();

            sb.Clear();
            sb.Append("hostname core1\n!\n");
            for (int i = 0; i < Scale; i++)
                // Nine stack members, as many modules as it takes, 48 ports each: every name a valid port.
                sb.Append("interface GigabitEthernet").Append(1 + i % 9).Append('/').Append(i / 9 / 48).Append('/').Append(1 + i / 9 % 48)
                  .Append("\n switchport mode trunk\n switchport trunk allowed vlan 10,20,30-40\n!\n");
            _runningConfig = sb.ToString();

            // Get-VirtualSwitch's object, then Get-VirtualPortGroup's: the port groups are built into the model, as from a
            // real export, rather than each refused for want of its switch.
            _powerCli = new List<PowerCliObject>
            {
                new PowerCliObject("input object 0", new Dictionary<string, object>
                {
                    ["Name"] = "vSwitch0", ["Nic"] = new object[] { "vmnic0", "vmnic1" }, ["NumPorts"] = 4096L, ["Mtu"] = 1500L, ["VMHost"] = "esx01.lab.local",
                }),
            };
            for (int i = 0; i < Scale; i++)
                _powerCli.Add(new PowerCliObject("input object " + (i + 1), new Dictionary<string, object>
                {
                    ["Name"] = "PG" + i, ["VirtualSwitchName"] = "vSwitch0", ["VLanId"] = (long)(i % 4094 + 1), ["VMHost"] = "esx01.lab.local",
                }));

            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            for (int i = 0; i < Scale; i++) vswitch.AddPortGroup("PG" + i, i % 4094 + 1);
            var contents = new ConfigContents();
            contents.Add(host);
            _config = ConfigWriter.ToJson(contents);
        }

        [Benchmark]
        public int EsxcfgVswitch() => EsxConfigImport.Build(new[] { EsxConfigImport.Parse("esxcfg-vswitch.txt", _vswitchRows) }, null, null).Hosts.Count;

        [Benchmark]
        public int EsxcliPortgroupsLine() => EsxConfigImport.Build(new[] { EsxConfigImport.Parse("esxcli.txt", _portgroupsLine) }, null, null).Hosts.Count;

        [Benchmark]
        public int EtherchannelSummary() => SwitchConfigImport.Parse("etherchannel.txt", _etherchannelRows).Warnings.Count;

        [Benchmark]
        public int CiscoRunningConfig() => SwitchConfigImport.Build(new[] { SwitchConfigImport.Parse("core1.txt", _runningConfig) }, null, new VNHost[0], new Dictionary<string, string>()).Switches.Count;

        [Benchmark]
        public int RVToolsCsv() => RVToolsImport.Build(new[] { RVToolsImport.ParseCsv("vPort.csv", _vPortCsv) }, null).Hosts.Count;

        [Benchmark]
        public int PowerCLI() => PowerCliImport.Convert(_powerCli, null, null).Hosts.Count;

        [Benchmark]
        public int ImportConfig() => ConfigFile.ReadText("lab.json", _config).TopLevelObjects.Count();
    }
}
