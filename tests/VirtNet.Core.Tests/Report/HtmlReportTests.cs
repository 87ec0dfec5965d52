using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VirtNet.HA;
using VirtNet.Labs;
using VirtNet.Net;
using VirtNet.Report;
using VirtNet.Serialization;
using Xunit;

namespace VirtNet.Tests.Report
{
    public class HtmlReportTests
    {
        static ConfigContents Contents(params object[] objects)
        {
            var contents = new ConfigContents();
            foreach (var o in objects) contents.Add(o);
            return contents;
        }

        static XDocument Parse(string html) => XDocument.Parse(html.Substring(html.IndexOf("<html", StringComparison.Ordinal)));

        static (VNReport Report, XDocument Dom, VNSampleLab Nic, VNSampleLab Ha) SampleLabs()
        {
            var nic = SampleLab.Build(SampleLabName.NicTeaming);
            var ha = SampleLab.Build(SampleLabName.HaCluster);
            var cluster = VNCluster.Create(new VNClusterSpec { Name = "HaCluster", Hosts = ha.Hosts }, new List<string>());
            var vmk0 = nic.Hosts[0].GetVMKernelAdapter("vmk0");
            var flows = VNFlowList.Create(new[] { ((VNVirtualAdapter)vmk0, vmk0.IPAddress.Value) },
                new[] { IPv4AddressRange.Parse("10.0.0.20-10.0.0.21") }, 1000);
            var objects = nic.Hosts.Cast<object>().Concat(nic.PhysicalSwitches).Concat(new object[] { cluster }).ToArray();
            var report = HtmlReport.Build(Contents(objects), new ReportSettings { Title = "Labs", Flow = flows, GeneratedAt = new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero) });
            return (report, Parse(report.Html), nic, ha);
        }

        static IEnumerable<XElement> Kind(XDocument dom, string kind) =>
            dom.Descendants().Where(e => (string)e.Attribute("data-kind") == kind);

        [Fact]
        public void The_report_is_one_well_formed_file_that_fetches_nothing()
        {
            var (report, dom, _, _) = SampleLabs();
            Assert.StartsWith("<!DOCTYPE html>", report.Html);
            Assert.DoesNotMatch(new Regex(@"<script|<link|<img|@import|url\(|https?://(?!www\.w3\.org/2000/svg)", RegexOptions.IgnoreCase), report.Html);
            Assert.Equal("Labs", dom.Descendants("title").First().Value);
            Assert.Contains("Made 2026-12-04 03:00 UTC by VirtNet Export-VNReport from 4 hosts, 3 physical switches, 1 HA cluster and 2 flows.", report.Html);
            // NicTeaming: 1 host, 2 uplinks, 2 ports, 3 endpoints; HaCluster: 3 hosts, 6 uplinks, 6 ports, 2 endpoints; esx03 isolated once.
            var counts = dom.Descendants("ul").Single(u => (string)u.Attribute("class") == "counts").Elements("li").Select(li => li.Value).ToList();
            Assert.Equal(new[] { "4 hosts", "4 virtual switches", "8 uplinks", "3 physical switches", "8 switch ports", "0 port channels", "5 endpoints",
                "0 errors", "4 warnings", "1 note", "1 HA isolation or partition" }, counts);
        }

        [Fact]
        public void Every_host_uplink_switch_port_and_finding_of_the_model_has_one_element()
        {
            var (report, dom, nic, ha) = SampleLabs();
            var hosts = nic.Hosts.Concat(ha.Hosts).ToList();
            Assert.Equal(hosts.Count, Kind(dom, "host").Count());
            Assert.Equal(hosts.Sum(h => h.Uplinks.Count()), Kind(dom, "uplink").Count());
            Assert.Equal(nic.PhysicalSwitches.Concat(ha.PhysicalSwitches).Sum(s => s.Ports.Count), Kind(dom, "port").Count());
            Assert.Equal(report.Findings.Count, Kind(dom, "finding").Count());
            // The HaCluster lab's PortFast findings: VNS001 on both ports of esx03, VNH006, VNS003; the NicTeaming lab's VNT010.
            Assert.Equal(new[] { "VNH006", "VNS001", "VNS001", "VNS003", "VNT010" }, Kind(dom, "finding").Select(e => (string)e.Attribute("data-rule")).OrderBy(r => r));
        }

        [Fact]
        public void Each_finding_links_to_the_element_of_the_object_it_concerns()
        {
            var (report, dom, _, _) = SampleLabs();
            var ids = dom.Descendants().Where(e => e.Attribute("id") != null).ToDictionary(e => (string)e.Attribute("id"));
            foreach (var row in Kind(dom, "finding"))
            {
                var link = row.Descendants("a").Single();
                var target = ids[((string)link.Attribute("href")).Substring(1)];
                // A VMkernel port is drawn as its port group: esx01/vmk0 is on esx01/vSwitch0/IP Storage.
                var expected = link.Value == "esx01/vmk0" ? "esx01/vSwitch0/IP Storage" : link.Value;
                Assert.Equal(expected, (string)target.Attribute("data-path"));
            }
            // cat-a/Gi0/3 has a warning: it is outlined in the warning colour.
            var gi03 = Kind(dom, "port").Single(e => (string)e.Attribute("data-path") == "cat-a/Gi0/3");
            Assert.Contains("sev-warning", (string)gi03.Attribute("class"));
        }

        [Fact]
        public void The_HA_section_colours_esx03_isolated_and_draws_its_timeline()
        {
            var (report, dom, _, _) = SampleLabs();
            // The standard catalogue of the HaCluster lab: 15 scenarios x 3 hosts; one isolation (esx03, vmnic0 flaps 2 s).
            Assert.Equal(45, report.HaResults.Count);
            var strip = Assert.Single(report.Timelines);
            Assert.Equal("esx03", strip.Result.Host.Name);
            var cell = dom.Descendants("td").Single(e => (string)e.Attribute("class") == "v-isolated");
            // Last heartbeat heard at 2 s (failback waits the 100 ms up delay, to 2.1 s), 2 + 15 = 17 s.
            Assert.Equal("Isolated 17 s", cell.Value);
            Assert.Equal(44, dom.Descendants("td").Count(e => (string)e.Attribute("class") == "v-notisolated"));
        }

        [Fact]
        public void The_traffic_section_shows_port_id_keeping_both_NFS_targets_on_one_uplink()
        {
            var (report, dom, _, _) = SampleLabs();
            var table = dom.Descendants("table").Single(t => (string)t.Attribute("class") == "traffic");
            var srcId = table.Descendants("tr").First(tr => tr.Elements("th").Any(th => th.Value.StartsWith("LoadBalanceSrcId")));
            // Port ID puts vmk0 (port 1) on vmnic1: both 1000 Mbps flows share it, 1000 Mbps in all, vmnic0 idle.
            var cells = srcId.Elements("td").ToList();
            Assert.Equal("yes", cells[0].Value);
            Assert.Equal("1000", cells[2].Value);
            Assert.StartsWith("Tx 0 Mbps", (string)cells[3].Attribute("title"));
            Assert.StartsWith("Tx 1000 Mbps (100 %)", (string)cells[4].Attribute("title"));
            Assert.Contains("configured", srcId.Value);
            var ipHash = table.Descendants("tr").First(tr => tr.Elements("th").Any(th => th.Value.StartsWith("LoadBalanceIP")));
            Assert.StartsWith("no: ", ipHash.Elements("td").First().Value);
        }

        [Fact]
        public void Names_from_imported_files_are_escaped_everywhere()
        {
            var evil = "<b onmouseover=\"x()\">&'";
            var host = new VNHost("esx01" + evil, Hypervisor.Esx, "6.7");
            var core = new VNPhysicalSwitch("core" + evil, "<i>model</i>");
            var vs = host.AddVirtualSwitch("vSwitch" + evil, VirtualSwitchType.Standard);
            vs.AddUplink("vmnic0").ConnectTo(core, "Gi1/0/1");
            vs.AddPortGroup("VM" + evil);
            var report = HtmlReport.Build(Contents(host), new ReportSettings { Title = "Title" + evil });
            Assert.DoesNotContain("<b ", report.Html);
            Assert.DoesNotContain("<i>", report.Html);
            var dom = Parse(report.Html);
            Assert.Equal("Title" + evil, dom.Descendants("h1").Single().Value);
            Assert.Contains(Kind(dom, "host"), e => (string)e.Attribute("data-path") == "esx01" + evil);
        }

        [Fact]
        public void Control_characters_and_broken_surrogates_are_dropped_so_the_file_stays_valid()
        {
            var writer = new StringWriter();
            HtmlWriter.Escape("a\u0001b\u001Fc\tline\nd\uD800e\uDC00f\uD83D\uDE00g", writer);
            Assert.Equal("abc\tline\nde" + "f\uD83D\uDE00g", writer.ToString());
        }

        [Fact]
        public void Nothing_to_report_is_an_error_that_says_what_to_give()
        {
            var e = Assert.Throws<VirtNetException>(() => HtmlReport.Build(new ConfigContents(), new ReportSettings()));
            Assert.Equal(ErrorIds.NothingToReport, e.ErrorId);
        }

        [Fact]
        public void NoClobber_leaves_an_existing_file_alone_and_without_it_the_file_is_replaced()
        {
            var folder = Path.Combine(Path.GetTempPath(), "virtnet-report-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var path = Path.Combine(folder, "r.html");
                File.WriteAllText(path, "old");
                var e = Assert.Throws<VirtNetException>(() => HtmlReport.Write(path, "<html/>", noClobber: true));
                Assert.Equal(ErrorIds.ReportFileExists, e.ErrorId);
                Assert.Equal("old", File.ReadAllText(path));
                HtmlReport.Write(path, "<html/>", noClobber: false);
                Assert.Equal("<html/>", File.ReadAllText(path));
                var missing = Assert.Throws<VirtNetException>(() => HtmlReport.Write(Path.Combine(folder, "no", "r.html"), "x", false));
                Assert.Equal(ErrorIds.ReportWriteFailed, missing.ErrorId);
                Assert.Equal(new[] { "r.html" }, Directory.GetFiles(folder).Select(Path.GetFileName));
            }
            finally { Directory.Delete(folder, recursive: true); }
        }

        [Fact]
        public void The_Hyper_V_section_lists_each_pool_and_the_collision_of_two_hosts_ending_in_1_133()
        {
            // KB 2804678: the pool is 00-15-5D plus the last two octets of the first IP address, so 192.168.1.133 and
            // 10.0.1.133 both get 00-15-5D-01-85-00 to 00-15-5D-01-85-FF (1 = 0x01, 133 = 0x85).
            var hv01 = new VNHost("hv01", Hypervisor.HyperV) { IPAddress = IPv4Address.Parse("192.168.1.133") };
            var hv02 = new VNHost("hv02", Hypervisor.HyperV) { IPAddress = IPv4Address.Parse("10.0.1.133") };
            var set = hv01.AddVirtualSwitch("Converged", VirtualSwitchType.HyperV, settings: new VirtualSwitchSettings { EnableEmbeddedTeaming = true });
            set.AddUplink("NIC1");
            set.AddUplink("NIC2");
            var report = HtmlReport.Build(Contents(hv01, hv02), new ReportSettings());
            var dom = Parse(report.Html);
            var pools = dom.Descendants("table").Single(t => (string)t.Attribute("class") == "pools").Descendants("tbody").Single().Elements("tr").ToList();
            Assert.Equal(new[] { "hv01", "hv02" }, pools.Select(r => r.Elements("td").First().Value));
            Assert.All(pools, r => Assert.Equal("00-15-5D-01-85-00", r.Elements("td").ElementAt(1).Value));
            var conflict = Assert.Single(dom.Descendants("tr"), r => (string)r.Attribute("class") == "conflict");
            Assert.Equal("SameIPOctets", conflict.Elements("td").First().Value);
            // Switch Embedded Teaming: both NICs active in the switch's one team.
            var chips = Kind(dom, "role").Select(e => e.Element(XName.Get("text", "http://www.w3.org/2000/svg")).Value);
            Assert.Equal(new[] { "1A", "1A" }, chips);
        }

        [Fact]
        public void A_500_host_report_stays_under_5_MB()
        {
            var (hosts, switches, _) = GeneratedEstate.Build(500, clusters: false);
            var contents = Contents(hosts.Cast<object>().Concat(switches).ToArray());
            var report = HtmlReport.Build(contents, new ReportSettings());
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(report.Html), 1, 5 * 1024 * 1024);
            // 500 hosts, 8 to a diagram: 63 diagrams (62 full, one of 4).
            Assert.Equal(63, report.Diagrams.Count);
            Assert.Equal(500, Regex.Matches(report.Html, "data-kind=\"host\"").Count);
        }
    }
}
