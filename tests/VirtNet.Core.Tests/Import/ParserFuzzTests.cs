using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VirtNet.Import.Cisco;
using VirtNet.Import.Esx;
using VirtNet.Import.PowerCli;
using VirtNet.Import.RVTools;
using Xunit;

namespace VirtNet.Tests.Import
{
    /// <summary>
    /// Every importer, and Import-VNConfig's reader, meets at least 10,000 truncated, shuffled, spliced, mutated and
    /// random inputs and gives only warnings or a VirtNetException: never a raw exception. The seed is fixed, so a
    /// failure reproduces. Inputs stay small (a few KB), so a hang or a runaway allocation shows as a test that does
    /// not end rather than as a slow one.
    /// </summary>
    public class ParserFuzzTests
    {
        const int CasesPerImporter = 10000;

        static readonly string[] Alphabet =
        {
            " ", "  ", "\t", "\n", "\r\n", ":", ": ", ",", ", ", "-", "/", ".", "#", "!", "(", ")", "[", "]", "~", "$", "\"", "...",
            "0", "1", "9", "4095", "4094", "65536", "99999999999", "-1", "N/A", "vmnic0", "vmk0", "vswif0", "vSwitch0", "Gi1/0/1", "Po1",
            "Te1/0/11", "10.0.0.1", "255.255.255.0", "0.0.0.0", "00:50:56:aa:bb:cc", "XX:XX", "IPv4", "IPv6", "Local Subnet", "default",
            "Switch Name", "DVS Name", "PortGroup Name", "DVPort ID", "Interface", "Port Group", "Name", "LACP", "PAgP", "(P)", "Mbps",
            "interface", "switchport", "channel-group", "mode", "on", "active", "trunk", "allowed", "vlan", "add", "remove", "native",
            "spanning-tree", "portfast", "edge", "mtu", "hostname", "Load Balancing", "Active Adapters", "Override Vswitch Uplinks", "true",
            "Portgroups", "Configured Ports", "VDS ID", "range", "\u00e9", "\u0000", "\uFFFD",
            // Digits of other scripts (Arabic-Indic, full-width) that \\d matches and int.Parse refuses; a non-breaking space.
            "\u0663", "\uFF11", "\u00A0", "U99999999999", "Gi99999999999/0/1", "Port-channel99999999999", "*", "?", "[", "]",
        };

        static IEnumerable<string> SourceTexts(string folder) =>
            Directory.GetFiles(Fixtures.PathOf(folder), "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText);

        static IEnumerable<string> Mutations(Random random, string text, int count)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < count; i++)
            {
                switch (i % 6)
                {
                    case 0: yield return text.Substring(0, random.Next(text.Length + 1)); break;
                    case 1: yield return string.Join("\n", lines.OrderBy(_ => random.Next())); break;
                    case 2:
                    {
                        var kept = lines.Where(_ => random.Next(4) > 0).SelectMany(l => random.Next(8) == 0 ? new[] { l, l } : new[] { l });
                        yield return string.Join("\n", kept);
                        break;
                    }
                    case 3:
                    {
                        var chars = text.ToCharArray();
                        for (int k = 0; k < 1 + chars.Length / 40; k++)
                            if (chars.Length > 0) chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
                        yield return new string(chars);
                        break;
                    }
                    case 4:
                    {
                        var spliced = lines.Select(l =>
                        {
                            if (random.Next(3) > 0 || l.Length == 0) return l;
                            int at = random.Next(l.Length + 1);
                            return l.Substring(0, at) + Alphabet[random.Next(Alphabet.Length)] + l.Substring(random.Next(at, l.Length + 1));
                        });
                        yield return string.Join("\n", spliced);
                        break;
                    }
                    default:
                    {
                        var sb = new StringBuilder();
                        int words = random.Next(200);
                        for (int k = 0; k < words; k++) sb.Append(Alphabet[random.Next(Alphabet.Length)]);
                        yield return sb.ToString();
                        break;
                    }
                }
            }
        }

        static int Run(string folder, int seed, Action<string> parseAndBuild) => Run(SourceTexts(folder).ToList(), seed, parseAndBuild);

        static int Run(IReadOnlyList<string> sources, int seed, Action<string> parseAndBuild)
        {
            var random = new Random(seed);
            int cases = 0;
            int perSource = (CasesPerImporter + sources.Count - 1) / sources.Count;
            foreach (var text in sources)
            {
                foreach (var input in Mutations(random, text, perSource))
                {
                    cases++;
                    try { parseAndBuild(input); }
                    catch (VirtNetException) { }
                    catch (Exception e)
                    {
                        throw new Xunit.Sdk.XunitException($"Case {cases} (seed {seed}) threw {e.GetType().Name}: {e.Message}\n--- input ---\n{input}\n--- stack ---\n{e}");
                    }
                }
            }
            return cases;
        }

        [Fact]
        public void Esx_parsers_give_only_warnings_or_VirtNetExceptions_on_damaged_input()
        {
            int cases = Run("Esx", 7101, text =>
            {
                var file = EsxConfigImport.Parse("fuzz.txt", text);
                EsxConfigImport.Build(new[] { file }, null, null);
                EsxConfigImport.Build(new[] { file }, "esx-fuzz", "4.0");
            });
            Assert.True(cases >= CasesPerImporter, $"only {cases} cases");
        }

        [Fact]
        public void RVTools_csv_reader_gives_only_warnings_or_VirtNetExceptions_on_damaged_input()
        {
            int cases = Run("RVTools/csv", 7103, text =>
            {
                var table = RVToolsImport.ParseCsv("fuzz.csv", text);
                if (table != null) RVToolsImport.Build(new[] { table }, null);
            });
            Assert.True(cases >= CasesPerImporter, $"only {cases} cases");
        }

        [Fact]
        public void RVTools_workbook_reader_gives_only_VirtNetExceptions_on_damaged_files()
        {
            var workbook = File.ReadAllBytes(Fixtures.PathOf("RVTools", "RVTools_export_all.xlsx"));
            var random = new Random(7104);
            for (int i = 0; i < 1000; i++)
            {
                var bytes = i % 2 == 0 ? workbook.Take(random.Next(workbook.Length)).ToArray() : (byte[])workbook.Clone();
                if (i % 2 == 1)
                    for (int k = 0; k < 1 + random.Next(20); k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                try
                {
                    var tables = RVToolsImport.ParseWorkbook("fuzz.xlsx", new MemoryStream(bytes));
                    RVToolsImport.Build(tables, null);
                }
                catch (VirtNetException) { }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"Case {i} (seed 7104) threw {e.GetType().Name}: {e.Message}\n{e}");
                }
            }
        }

        [Fact]
        public void PowerCLI_conversion_gives_only_warnings_or_VirtNetExceptions_on_odd_objects()
        {
            var random = new Random(7105);
            var keys = new[] { "Name", "VMHost", "VMHostId", "Nic", "NumPorts", "Mtu", "VLanId", "VirtualSwitchName", "VirtualSwitch", "ActiveNic", "StandbyNic",
                "UnusedNic", "ActiveNicJoin", "LoadBalancingPolicy", "NetworkFailoverDetectionPolicy", "CheckBeacon", "FailbackEnabled", "RollingOrder",
                "NotifySwitches", "IsFailoverOrderInherited", "IsLoadBalancingInherited", "VirtualPortGroup", "VirtualPortGroupId", "Uid", "IP", "SubnetMask",
                "PortGroupName", "Mac", "BitRatePerSec", "Speed", "MACAddress", "ManagementTrafficEnabled", "Vendor" };
            object Value() => random.Next(9) switch
            {
                0 => null,
                1 => random.Next(2) == 0,
                2 => (long)random.Next(-5, 70000),
                3 => random.NextDouble() * 1e12,
                4 => new object[] { "vmnic" + random.Next(4), null, Alphabet[random.Next(Alphabet.Length)] },
                5 => "System.String[]",
                6 => "vmk" + random.Next(3),
                7 => "vmnic" + random.Next(4),
                _ => Alphabet[random.Next(Alphabet.Length)] + Alphabet[random.Next(Alphabet.Length)],
            };
            for (int i = 0; i < CasesPerImporter; i++)
            {
                var objects = Enumerable.Range(0, 1 + random.Next(8)).Select(k => new PowerCliObject("input object " + (k + 1),
                    keys.Where(_ => random.Next(4) == 0).ToDictionary(key => key, _ => Value()))).ToList();
                try { PowerCliImport.Convert(objects, random.Next(3) == 0 ? "esx-fuzz" : null, random.Next(2) == 0 ? null : "4.0"); }
                catch (VirtNetException) { }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"Case {i} (seed 7105) threw {e.GetType().Name}: {e.Message}\n{e}");
                }
            }
        }

        [Fact]
        public void Switch_parsers_give_only_warnings_or_VirtNetExceptions_on_damaged_input()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "6.7");
            host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard, nic: new[] { "vmnic0", "vmnic1" });
            int cases = Run("Cisco", 7102, text =>
            {
                var file = SwitchConfigImport.Parse("fuzz.txt", text);
                SwitchConfigImport.Build(new[] { file }, null, new[] { host }, new Dictionary<string, string> { ["vmnic0"] = "Gi1/0/1" });
            });
            Assert.True(cases >= CasesPerImporter, $"only {cases} cases");
        }

        [Fact]
        public void Config_reader_gives_only_VirtNetExceptions_on_damaged_files()
        {
            var files = VirtNet.Labs.SampleLab.KnownNames.Select(name =>
            {
                var lab = VirtNet.Labs.SampleLab.Build(name);
                var contents = new VirtNet.Serialization.ConfigContents();
                foreach (var host in lab.Hosts) contents.Add(host);
                foreach (var physicalSwitch in lab.PhysicalSwitches) contents.Add(physicalSwitch);
                return VirtNet.Serialization.ConfigWriter.ToJson(contents);
            }).ToList();
            int cases = Run(files, 7106, text => VirtNet.Serialization.ConfigFile.ReadText("fuzz.json", text));
            Assert.True(cases >= CasesPerImporter, $"only {cases} cases");
        }
    }
}
