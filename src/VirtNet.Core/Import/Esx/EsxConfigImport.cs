using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.Esx
{
    /// <summary>One ESX export read into facts, before any model object is made.</summary>
    public sealed class EsxConfigFile
    {
        internal EsxConfigFile(string path, HostFacts facts, string hostName, IReadOnlyList<ImportWarning> warnings)
        {
            Path = path;
            Facts = facts;
            HostName = hostName;
            Warnings = warnings;
        }

        public string Path { get; }
        /// <summary>The host the file names: a prompt's ([root@esx01:~]) or its vm-support bundle's; null when neither does.</summary>
        public string HostName { get; }
        public IReadOnlyList<ImportWarning> Warnings { get; }
        internal HostFacts Facts { get; }
    }

    /// <summary>
    /// Import-VNEsxConfig's core: reads esxcfg-* and esxcli output, as captured from a shell, a vm-support bundle or
    /// a web page, and builds a host from what all files about it say.
    /// </summary>
    public static class EsxConfigImport
    {
        public const string FormatsRead =
            "esxcfg-vswitch -l, esxcfg-vmknic -l, esxcfg-vswif -l, esxcfg-nics -l, esxcfg-route -l, esxcli network vswitch standard list, " +
            "esxcli network vswitch standard portgroup list, esxcli network vswitch standard [portgroup] policy failover get, " +
            "esxcli network ip interface ipv4 get, esxcli network ip interface list, esxcli network nic list, esxcli network vswitch dvs vmware list, " +
            "esxcli system settings advanced list -o /Net/TeamPolicyUpDelay";

        // Lines the commands print around their tables (esxcfg-route -l, vem status).
        static readonly Regex Noise = new Regex(@"^(?:VMkernel Routes:|VEM modules are loaded|VEM Agent \(vemdpa\) is running)$", RegexOptions.CultureInvariant);

        /// <summary>Reads a file. A vm-support bundle's name says which host it is better than a prompt can.</summary>
        public static EsxConfigFile Read(ImportFile file)
        {
            var parsed = Parse(file.Path, ExportText.ReadFile(file.Path), file.InFolder);
            return parsed == null || file.BundleHost == null ? parsed : new EsxConfigFile(parsed.Path, parsed.Facts, file.BundleHost, parsed.Warnings);
        }

        /// <summary>Reads text as if from the named file; never throws anything but <see cref="VirtNetException"/>.</summary>
        public static EsxConfigFile Parse(string file, string text, bool passOverUnknown = false)
        {
            var warnings = new List<ImportWarning>();
            var context = new ParseContext(file, warnings);
            var facts = new HostFacts();
            var route = new EsxcfgRouteParser(facts, context);
            var tables = new EsxTableParser[]
            {
                new EsxcfgVswitchParser(facts, context), new EsxcfgVmknicParser(facts, context), new EsxcfgNicsParser(facts, context), route,
                new EsxcliPortgroupListParser(facts, context), new EsxcliIpv4GetParser(facts, context),
            };
            var records = new EsxcliRecordParser(facts, context);
            EsxTableParser current = null;
            bool recognized = false;
            string host = null;
            foreach (var line in ExportText.Lines(text))
            {
                if (line.IsBlank) { records.End(); continue; }
                if (line.IsCommand)
                {
                    host = ExportText.UsefulHost(line.PromptHost) ?? host;
                    records.Command(line.Command);
                    current = null;
                    continue;
                }
                if (Noise.IsMatch(line.Text)) continue;
                if (EsxcfgRouteParser.DefaultGatewayLine.IsMatch(line.Text))
                {
                    route.TakeDefaultGatewayLine(line);
                    recognized = true;
                    continue;
                }
                var header = tables.FirstOrDefault(t => t.IsHeader(line));
                if (header != null)
                {
                    records.End();
                    current = header;
                    current.Begin(line);
                    recognized = true;
                }
                else if (EsxcliRecordParser.IsKeyValue(line))
                {
                    current = null;
                    records.Take(line);
                }
                else if (current != null) current.Row(line);
                else records.Name(line);
            }
            records.End();
            if (!recognized && !records.Recognized)
            {
                if (passOverUnknown) return null;
                throw new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                    $"'{file}' is in no format Import-VNEsxConfig reads. Formats tried: {FormatsRead}.", file);
            }
            return new EsxConfigFile(file, facts, host, warnings);
        }

        /// <summary>
        /// Builds one host per host name: <paramref name="hostName"/> when given (every file is then that host), else
        /// what each file names, else the file's name. Files about one host are merged in the order given; where
        /// they disagree, the later file wins. Without <paramref name="version"/>, a host with a Service Console
        /// (vswif) is ESX 4.1, any other 8.0.
        /// </summary>
        public static HostImportResult Build(IReadOnlyList<EsxConfigFile> files, string hostName, string version)
        {
            var warnings = new List<ImportWarning>();
            var hosts = new List<VNHost>();
            // A prompt shows the short name (esx01), a bundle the FQDN (esx01.lab.local): both are the same host.
            foreach (var group in files.GroupBy(f => ShortName(hostName ?? f.HostName ?? ImportFiles.BaseName(f.Path)), StringComparer.OrdinalIgnoreCase))
            {
                var name = hostName ?? group.Select(f => f.HostName).Where(n => n != null).OrderByDescending(n => n.Length).FirstOrDefault() ?? group.Key;
                var facts = new HostFacts();
                foreach (var file in group) facts.Merge(file.Facts);
                var host = new HostBuilder(facts, warnings, new SourceLine(group.First().Path, 0)).Build(name, version);
                if (host != null) hosts.Add(host);
            }
            return new HostImportResult(hosts, warnings);
        }

        static string ShortName(string name) => HostBuilder.ShortName(name);
    }
}
