using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using VirtNet.HA;
using VirtNet.Import;
using VirtNet.Import.Cisco;
using VirtNet.Import.RVTools;
using VirtNet.Net;
using Xunit;

namespace VirtNet.Tests.Import
{
    /// <summary>
    /// What damaged input showed: numbers that overflow or are written in other scripts' digits, names that cannot be
    /// looked up again, setters that took what cmdlets refuse, files that never end, workbooks that expand without
    /// bound and values echoed whole. Each gives a named error or a warning, never a raw exception.
    /// </summary>
    public sealed class DamagedInputTests : IDisposable
    {
        readonly string _folder = Path.Combine(Path.GetTempPath(), "virtnet-damaged-" + Guid.NewGuid().ToString("N"));

        public DamagedInputTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Theory]
        [InlineData("8.0 U99999999999")]
        [InlineData("\u0668.0")]          // Arabic-Indic eight: \d matches it, int.Parse does not
        [InlineData("\uFF18.0 U1")]       // full-width eight
        [InlineData("6.7 U100")]
        public void A_version_number_out_of_bounds_or_in_other_digits_is_InvalidVersion(string version)
        {
            var e = Assert.Throws<VirtNetException>(() => HostVersion.Parse(Hypervisor.Esx, version));
            Assert.Equal(ErrorIds.InvalidVersion, e.ErrorId);
        }

        [Theory]
        [InlineData("7.0.3", "7.0 U3")]
        [InlineData("6.7.0 17700523", "6.7")]
        [InlineData("8.0.2 build-22380479", "8.0 U2")]
        [InlineData("8.0 U2", "8.0 U2")]
        public void ESX_versions_are_read_as_the_API_and_PowerCLI_print_them(string text, string canonical) =>
            Assert.Equal(canonical, HostVersion.Parse(Hypervisor.Esx, text).Text);

        [Theory]
        [InlineData("Gi99999999999/0/1")]
        [InlineData("Port-channel99999999999")]
        [InlineData("Gi1/0/\u0661")]
        public void A_switch_port_number_that_cannot_be_is_InvalidSwitchPortName(string name)
        {
            var e = Assert.Throws<VirtNetException>(() => SwitchPortName.Normalize(name));
            Assert.Equal(ErrorIds.InvalidSwitchPortName, e.ErrorId);
        }

        [Fact]
        public void FiveGigabitEthernet_and_the_other_IOS_XE_types_are_switch_ports()
        {
            Assert.Equal("Fi1/0/1", SwitchPortName.Normalize("FiveGigabitEthernet1/0/1"));
            Assert.Equal("Tw1/0/2", SwitchPortName.Normalize("TwoGigabitEthernet1/0/2"));
            Assert.Equal("Twe1/1/1", SwitchPortName.Normalize("TwentyFiveGigE1/1/1"));
            Assert.Equal("Hu1/1/3", SwitchPortName.Normalize("HundredGigE1/1/3"));
            Assert.Equal("Fo1/1/4", SwitchPortName.Normalize("FortyGigabitEthernet1/1/4"));
        }

        [Fact]
        public void An_isolation_address_index_that_overflows_is_an_unknown_option_not_an_exception()
        {
            var warnings = new List<string>();
            var settings = DasSettings.Parse(new Dictionary<string, object> { ["das.isolationaddress99999999999"] = "10.0.0.1" }, warnings);

            Assert.Empty(settings.IsolationAddress);
            Assert.Equal("das.isolationaddress99999999999 is not an HA advanced option VirtNet simulates; it is kept but has no effect.", warnings.Single());
        }

        [Theory]
        [InlineData("vs[1")]
        [InlineData("vs*")]
        [InlineData("vs?")]
        [InlineData("vSwitch\n1")]
        [InlineData("vSwitch\u00001")]
        public void Names_with_wildcard_or_control_characters_are_InvalidName(string name)
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            var e = Assert.Throws<VirtNetException>(() => host.AddVirtualSwitch(name, VirtualSwitchType.Standard));
            Assert.Equal(ErrorIds.InvalidName, e.ErrorId);
            Assert.Contains("the wildcard characters * ? [ ]", e.Message);
            Assert.Empty(host.VirtualSwitches);
        }

        [Fact]
        public void A_ten_megabyte_name_is_refused_with_a_message_of_readable_length()
        {
            var name = new string('x', 10 * 1024 * 1024);
            var e = Assert.Throws<VirtNetException>(() => new VNHost(name, Hypervisor.Esx, "8.0"));

            Assert.Equal(ErrorIds.InvalidName, e.ErrorId);
            // 77 characters of the name and "...", then what is valid.
            Assert.StartsWith("'" + new string('x', 77) + "...' is not a valid host name.", e.Message);
            Assert.True(e.Message.Length < 400, $"{e.Message.Length} characters");
        }

        [Fact]
        public void Model_setters_refuse_what_the_cmdlets_refuse()
        {
            var host = new VNHost("esx01", Hypervisor.Esx, "8.0");
            var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
            var physicalSwitch = new VNPhysicalSwitch("sw1", null, 1);
            var port = physicalSwitch.GetOrAddPort("Gi0/1");

            Assert.Equal(ErrorIds.InvalidMtu, Assert.Throws<VirtNetException>(() => vswitch.Mtu = -5).ErrorId);
            Assert.Equal(1500, vswitch.Mtu);
            Assert.Equal(ErrorIds.InvalidEnumValue, Assert.Throws<VirtNetException>(() => port.Mode = (SwitchPortMode)7).ErrorId);
            Assert.Equal(ErrorIds.InvalidEnumValue, Assert.Throws<VirtNetException>(() => port.PortFast = (PortFastMode)99).ErrorId);
            Assert.Equal(ErrorIds.InvalidEnumValue, Assert.Throws<VirtNetException>(() => physicalSwitch.LoadBalance = (EtherChannelLoadBalance)42).ErrorId);
            Assert.Equal(ErrorIds.InvalidEnumValue, Assert.Throws<VirtNetException>(() => physicalSwitch.SpanningTree = (SpanningTreeMode)42).ErrorId);
            var dns = Assert.Throws<VirtNetException>(() => host.DnsResolution = (DnsResolution)16);
            Assert.Equal(ErrorIds.InvalidEnumValue, dns.ErrorId);
            Assert.Equal(DnsResolution.All, host.DnsResolution);
            // Combinations of defined flags are values.
            host.DnsResolution = DnsResolution.ShortNameForward | DnsResolution.FqdnReverse;
        }

        [Fact]
        public void An_empty_file_a_device_or_a_pipe_is_refused_before_it_is_read()
        {
            var empty = Path.Combine(_folder, "empty.txt");
            File.WriteAllText(empty, "");
            foreach (var path in new[] { empty, "/dev/zero" }.Where(p => p == empty || File.Exists(p)))
            {
                var e = Assert.Throws<VirtNetException>(() => ExportText.ReadFile(path));
                Assert.Equal(ErrorIds.FileEmptyOrNotRegular, e.ErrorId);
                Assert.Contains("it is empty, or it is not a regular file (a device such as /dev/zero, a pipe)", e.Message);
            }
            var config = Assert.Throws<VirtNetException>(() => VirtNet.Serialization.ConfigFile.Read(empty));
            Assert.Equal(ErrorIds.FileEmptyOrNotRegular, config.ErrorId);
        }

        static byte[] Workbook(string sheetXml, string sharedStrings = null)
        {
            var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                void Part(string name, string xml)
                {
                    using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write(xml);
                }
                Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                    "<sheets><sheet name=\"vSwitch\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
                Part("xl/worksheets/sheet1.xml", sheetXml);
                if (sharedStrings != null) Part("xl/sharedStrings.xml", sharedStrings);
            }
            return stream.ToArray();
        }

        [Fact]
        public void A_sheet_whose_cells_reach_XFD1048576_is_refused_as_too_large()
        {
            // 400 rows with a cell in column XFD: each row would expand to 16,384 cells, 6.5 million in all.
            var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:XFD1048576\"/><sheetData>");
            sheet.Append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Host</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Switch</t></is></c></row>");
            for (int r = 1048177; r <= 1048576; r++) sheet.Append($"<row r=\"{r}\"><c r=\"XFD{r}\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
            sheet.Append("</sheetData></worksheet>");
            var bytes = Workbook(sheet.ToString());

            var e = Assert.Throws<VirtNetException>(() => RVToolsImport.ParseWorkbook("bomb.xlsx", new MemoryStream(bytes)));
            Assert.Equal(ErrorIds.WorkbookTooLarge, e.ErrorId);
            Assert.Contains("more than 5000000 cells", e.Message);
        }

        [Fact]
        public void A_shared_string_longer_than_an_Excel_cell_holds_is_refused_without_reading_it_whole()
        {
            var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
            var strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + new string('a', 2000000) + "</t></si></sst>";

            var e = Assert.Throws<VirtNetException>(() => RVToolsImport.ParseWorkbook("long.xlsx", new MemoryStream(Workbook(sheet, strings))));
            Assert.Equal(ErrorIds.WorkbookTooLarge, e.ErrorId);
            Assert.Contains("a cell holds more than 32767 characters", e.Message);
        }

        [Fact]
        public void A_non_breaking_space_as_the_only_separator_separates_columns_as_a_blank_does()
        {
            // Wiki and mail pastes turn runs of blanks into non-breaking spaces.
            var file = SwitchConfigImport.Parse("trunk.txt", "Port\u00A0Mode\u00A0Encapsulation\u00A0Status\u00A0Native vlan\nGi1/0/1\u00A0on\u00A0802.1q\u00A0trunking\u00A099\n");
            var port = SwitchConfigImport.Build(new[] { file }, "sw1", null, null).Switches.Single().GetPort("Gi1/0/1");

            Assert.Empty(file.Warnings);
            Assert.Equal((SwitchPortMode.Trunk, 99), (port.Mode, port.NativeVLan));
            var esx = VirtNet.Import.Esx.EsxConfigImport.Parse("vswitch.txt",
                "Switch Name\u00A0Num Ports\u00A0Used Ports\u00A0Configured Ports\u00A0MTU\u00A0Uplinks\nvSwitch0\u00A02560\u00A03\u00A0128\u00A01500\u00A0vmnic0\n");
            var vSwitch0 = VirtNet.Import.Esx.EsxConfigImport.Build(new[] { esx }, "esx01", "6.7").Hosts.Single().VirtualSwitches.Single();
            Assert.Equal(("vSwitch0", 128, "vmnic0"), (vSwitch0.Name, vSwitch0.NumPorts, vSwitch0.Nic.Single()));
        }
    }
}
