using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Cisco
{
    /// <summary>One switch export read into facts, before any model object is made.</summary>
    public sealed class SwitchConfigFile
    {
        internal SwitchConfigFile(string path, SwitchFacts facts, string promptHost, IReadOnlyList<ImportWarning> warnings)
        {
            Path = path;
            Facts = facts;
            PromptHost = promptHost;
            Warnings = warnings;
        }

        public string Path { get; }
        /// <summary>The switch the file names: its hostname line, else the prompt (SW1#), else null.</summary>
        public string SwitchName => Facts.HostName ?? PromptHost;
        public IReadOnlyList<ImportWarning> Warnings { get; }
        internal SwitchFacts Facts { get; }
        internal string PromptHost { get; }
    }

    /// <summary>The switches an import made, the uplinks it cabled to them, and what it had to skip.</summary>
    public sealed class SwitchImportResult
    {
        internal SwitchImportResult(IReadOnlyList<VNPhysicalSwitch> switches, IReadOnlyList<VNUplink> cabled, IReadOnlyList<ImportWarning> warnings,
            IReadOnlyList<string> notes)
        {
            Notes = notes;
            Switches = switches;
            Cabled = cabled;
            Warnings = warnings;
        }

        public IReadOnlyList<VNPhysicalSwitch> Switches { get; }
        public IReadOnlyList<VNUplink> Cabled { get; }
        public IReadOnlyList<ImportWarning> Warnings { get; }
        /// <summary>What was read and deliberately left out, such as routed ports: information, not a loss.</summary>
        public IReadOnlyList<string> Notes { get; }
    }

    /// <summary>
    /// Import-VNSwitchConfig's core: reads Cisco IOS exports (running-config, show etherchannel summary, show
    /// interfaces trunk) into physical switches, and cables host uplinks to the switch ports they are plugged into.
    /// </summary>
    public static class SwitchConfigImport
    {
        public const string FormatsRead = "IOS show running-config (or configuration-mode input), show etherchannel summary, show interfaces trunk, " +
            "show interfaces switchport";

        /// <summary>Reads a file. A file in none of the formats is an error unless it was found in a folder: then null.</summary>
        public static SwitchConfigFile Read(ImportFile file) => Parse(file.Path, ExportText.ReadFile(file.Path), file.InFolder);

        /// <summary>Reads text as if from the named file; never throws anything but <see cref="VirtNetException"/>.</summary>
        public static SwitchConfigFile Parse(string file, string text, bool passOverUnknown = false)
        {
            var warnings = new List<ImportWarning>();
            var context = new ParseContext(file, warnings);
            var facts = new SwitchFacts();
            var config = new IosRunningConfigParser(facts, context);
            var etherChannel = new ShowEtherchannelSummaryParser(facts, context);
            var trunk = new ShowInterfacesTrunkParser(facts, context);
            var switchport = new ShowInterfacesSwitchportParser(facts, context);
            Action<ExportLine> current = null;
            bool recognized = false;
            string promptHost = null;
            var unplaced = new List<ExportLine>();
            foreach (var line in ExportText.Lines(text))
            {
                if (line.IsBlank) continue;
                if (line.IsCommand)
                {
                    promptHost = ExportText.UsefulHost(line.PromptHost) ?? promptHost;
                    current = null;
                    continue;
                }
                if (ShowEtherchannelSummaryParser.Starts(line)) current = etherChannel.Take;
                else if (ShowInterfacesTrunkParser.Starts(line)) current = trunk.Take;
                else if (ShowInterfacesSwitchportParser.Starts(line)) current = switchport.Take;
                else if (IosRunningConfigParser.StartsConfig(line) && current != config.Take) current = config.Take;
                if (current == null)
                {
                    unplaced.Add(line);
                    continue;
                }
                recognized = true;
                current(line);
            }
            if (!recognized)
            {
                if (passOverUnknown) return null;
                throw new VirtNetException(ErrorIds.UnknownImportFormat, VirtNetErrorKind.InvalidData,
                    $"'{file}' is in no format Import-VNSwitchConfig reads. Formats tried: {FormatsRead}.", file);
            }
            config.EndInterface();
            foreach (var line in unplaced)
                // Lines before the first recognised one are most likely more of the configuration (a banner, a
                // "version" line) when they read as IOS commands.
                if (!char.IsLetter(line.Text[0]) && !line.Text.StartsWith("!", StringComparison.Ordinal)) context.Unknown(line, "switch output");
                else config.Take(line);
            return new SwitchConfigFile(file, facts, promptHost, warnings);
        }

        /// <summary>
        /// Builds one switch per switch name: <paramref name="name"/> when given (every file is then that switch), else
        /// what each file names, else the file's name. Files naming the same switch are merged in the order given; when
        /// they disagree, the later file wins. Then the uplinks of <paramref name="hosts"/> are cabled: first as
        /// <paramref name="cabling"/> says ("host/vmnic" or "vmnic" = port name, long or short form), then by
        /// interface descriptions that name a host and one of its uplinks ("esx01 vmnic0", "esx01-vmnic0").
        /// </summary>
        public static SwitchImportResult Build(IReadOnlyList<SwitchConfigFile> files, string name, IReadOnlyList<VNHost> hosts, IReadOnlyDictionary<string, string> cabling)
        {
            var warnings = new List<ImportWarning>();
            var notes = new List<string>();
            var switches = new List<VNPhysicalSwitch>();
            var descriptions = new List<(VNSwitchPort Port, string Description, SourceLine Source)>();
            foreach (var group in files.GroupBy(f => name ?? f.SwitchName ?? ImportFiles.BaseName(f.Path), StringComparer.OrdinalIgnoreCase))
            {
                var physicalSwitch = BuildSwitch(group.Key, group.ToList(), warnings, descriptions, notes);
                if (physicalSwitch != null) switches.Add(physicalSwitch);
            }
            var cabled = new List<VNUplink>();
            if (hosts != null && hosts.Count > 0) Cable(switches, hosts, cabling, descriptions, cabled, warnings);
            return new SwitchImportResult(switches, cabled, warnings, notes);
        }

        static VNPhysicalSwitch BuildSwitch(string switchName, List<SwitchConfigFile> files, List<ImportWarning> warnings,
            List<(VNSwitchPort, string, SourceLine)> descriptions, List<string> notes)
        {
            var first = new SourceLine(files[0].Path, 0);
            var ports = files.SelectMany(f => f.Facts.Ports).ToList();
            // A stack is as large as its highest member number (Gi3/0/1 is on member 3); IOS numbers at most 9.
            int stack = Math.Max(1, Math.Min(9, ports.Select(p => Net.SwitchPortName.StackMember(p.Name)).DefaultIfEmpty(1).Max()));
            VNPhysicalSwitch physicalSwitch;
            try { physicalSwitch = new VNPhysicalSwitch(switchName, null, stack); }
            catch (VirtNetException e)
            {
                ParseContext.Warn(warnings, first, $"no switch can be named '{Echo.Cut(switchName)}': {e.Message} Give -Name.");
                return null;
            }
            var channels = new SortedDictionary<int, (PortChannelMode Mode, List<string> Members, SourceLine Source)>();
            bool portFastDefault = false;
            int? systemMtu = null;
            var systemMtuSource = first;
            var ownMtu = new HashSet<VNSwitchPort>();
            var ownPortFast = new HashSet<VNSwitchPort>();
            var ownMode = new HashSet<VNSwitchPort>();
            var ownNative = new HashSet<VNSwitchPort>();
            var ownAllowed = new HashSet<VNSwitchPort>();
            var channelTrunks = new Dictionary<int, PortFacts>();
            var routed = new List<string>();
            foreach (var file in files)
            {
                var facts = file.Facts;
                if (facts.LoadBalance.HasValue) physicalSwitch.LoadBalance = facts.LoadBalance.Value;
                if (facts.SpanningTree.HasValue) physicalSwitch.SpanningTree = facts.SpanningTree.Value;
                Model(warnings, facts.TimersSource, () =>
                {
                    if (facts.ForwardDelay.HasValue) physicalSwitch.ForwardDelay = TimeSpan.FromSeconds(facts.ForwardDelay.Value);
                    if (facts.MaxAge.HasValue) physicalSwitch.MaxAge = TimeSpan.FromSeconds(facts.MaxAge.Value);
                });
                portFastDefault |= facts.PortFastDefault;
                if (facts.SystemMtu.HasValue) { systemMtu = facts.SystemMtu; systemMtuSource = facts.SystemMtuSource; }
                foreach (var pair in facts.ChannelTrunks) channelTrunks[pair.Key] = pair.Value;
                foreach (var p in facts.Ports)
                {
                    if (p.Routed)
                    {
                        routed.Add(p.Name);
                        continue;
                    }
                    VNSwitchPort port = null;
                    Model(warnings, p.Source, () => port = physicalSwitch.GetOrAddPort(p.Name));
                    if (port == null) continue;
                    if (p.Mode.HasValue) { port.Mode = p.Mode.Value; ownMode.Add(port); }
                    if (p.AccessVLan.HasValue) port.AccessVLan = p.AccessVLan.Value;
                    if (p.NativeVLan.HasValue) { port.NativeVLan = p.NativeVLan.Value; ownNative.Add(port); }
                    if (p.AllowedAll) { port.SetAllowedVLan(new[] { "all" }); ownAllowed.Add(port); }
                    else if (p.Allowed != null) { port.SetAllowedVLan(new[] { VLanList.Format(p.Allowed) }); ownAllowed.Add(port); }
                    if (p.PortFast.HasValue) { port.PortFast = p.PortFast.Value; ownPortFast.Add(port); }
                    if (p.Mtu.HasValue) Model(warnings, p.MtuSource, () => { port.Mtu = p.Mtu.Value; ownMtu.Add(port); });
                    if (p.Description != null) descriptions.Add((port, p.Description, p.Source));
                }
                foreach (var c in facts.Channels)
                {
                    if (!channels.TryGetValue(c.Group, out var channel))
                        channel = (c.Mode ?? PortChannelMode.On, new List<string>(), c.Source);
                    if (c.Mode.HasValue) channel.Mode = c.Mode.Value;
                    foreach (var member in c.Members)
                        if (!channel.Members.Contains(member, StringComparer.OrdinalIgnoreCase)) channel.Members.Add(member);
                    channels[c.Group] = channel;
                }
            }
            // The global defaults reach only the ports that set nothing of their own, in any file:
            // spanning-tree portfast default enables PortFast on access ports, system mtu sets the MTU.
            foreach (var port in physicalSwitch.Ports)
            {
                if (portFastDefault && !ownPortFast.Contains(port) && port.Mode == SwitchPortMode.Access) port.PortFast = PortFastMode.Enabled;
                if (systemMtu.HasValue && !ownMtu.Contains(port)) Model(warnings, systemMtuSource, () => port.Mtu = systemMtu.Value);
            }
            // A channel without members (configured, no port assigned yet) is nothing the model can hold, nor anything lost.
            foreach (var pair in channels.Where(c => c.Value.Members.Count > 0))
                Model(warnings, pair.Value.Source, () => physicalSwitch.AddPortChannel("Po" + pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair.Value.Members, pair.Value.Mode));
            // show interfaces trunk lists a channel, not its members: what its row says holds for each member that says nothing itself.
            foreach (var channel in physicalSwitch.PortChannels)
            {
                if (!Numbers.TryParse(channel.Name.Substring(2), out int group) || !channelTrunks.TryGetValue(group, out var trunk)) continue;
                foreach (var port in channel.Members)
                {
                    if (trunk.Mode.HasValue && !ownMode.Contains(port)) port.Mode = trunk.Mode.Value;
                    if (trunk.NativeVLan.HasValue && !ownNative.Contains(port)) port.NativeVLan = trunk.NativeVLan.Value;
                    if (ownAllowed.Contains(port)) continue;
                    if (trunk.AllowedAll) port.SetAllowedVLan(new[] { "all" });
                    else if (trunk.Allowed != null) port.SetAllowedVLan(new[] { VLanList.Format(trunk.Allowed) });
                }
            }
            // Routed ports carry no VLANs and no host uplink's layer-2 traffic: they are left out, with one note.
            if (routed.Count > 0)
                notes.Add($"{switchName}: {routed.Count} routed port{(routed.Count > 1 ? "s are" : " is")} left out, as {(routed.Count > 1 ? "they are" : "it is")} no layer-2 port (no switchport, or an IP address): " +
                    string.Join(", ", routed.Take(10)) + (routed.Count > 10 ? ", ..." : "") + ".");
            return physicalSwitch;
        }

        static void Cable(List<VNPhysicalSwitch> switches, IReadOnlyList<VNHost> hosts, IReadOnlyDictionary<string, string> cabling,
            List<(VNSwitchPort Port, string Description, SourceLine Source)> descriptions, List<VNUplink> cabled, List<ImportWarning> warnings)
        {
            var byCabling = new HashSet<VNUplink>();
            foreach (var entry in cabling ?? new Dictionary<string, string>())
            {
                var where = new SourceLine("-Cabling", 0);
                var uplinks = FindUplinks(hosts, entry.Key);
                if (uplinks.Count != 1)
                {
                    ParseContext.Warn(warnings, where, uplinks.Count == 0
                        ? $"'{Echo.Cut(entry.Key)}' names no uplink of the hosts given ({string.Join(", ", hosts.Select(h => h.Name))}). Use host/vmnic, such as esx01/vmnic0."
                        : $"'{Echo.Cut(entry.Key)}' names an uplink of several hosts ({string.Join(", ", uplinks.Select(u => u.Host.Name))}). Use host/vmnic, such as {uplinks[0].Host.Name}/{uplinks[0].Name}.");
                    continue;
                }
                var ports = switches.Select(s => s.FindPort(entry.Value ?? "")).Where(p => p != null).ToList();
                if (ports.Count != 1)
                {
                    ParseContext.Warn(warnings, where, ports.Count == 0
                        ? $"'{Echo.Cut(entry.Key)}' is cabled to '{Echo.Cut(entry.Value)}', which is no port in the configuration read ({string.Join(", ", switches.Select(s => s.Name))})."
                        : $"'{Echo.Cut(entry.Key)}' is cabled to '{Echo.Cut(entry.Value)}', a port of several switches read ({string.Join(", ", ports.Select(p => p.PhysicalSwitch.Name))}). Import them one at a time.");
                    continue;
                }
                if (Connect(uplinks[0], ports[0], where, warnings)) { byCabling.Add(uplinks[0]); cabled.Add(uplinks[0]); }
            }
            foreach (var (port, description, source) in descriptions)
            {
                if (port.Uplink != null && byCabling.Contains(port.Uplink)) continue;
                var matches = hosts.Where(h => NamesHost(description, h))
                    .SelectMany(h => h.Uplinks.Where(u => Mentions(description, u.Name))).Where(u => !byCabling.Contains(u)).ToList();
                if (matches.Count > 1)
                    ParseContext.Warn(warnings, source, $"the description '{Echo.Cut(description)}' of {port.Path} names several uplinks ({string.Join(", ", matches.Select(u => u.Path))}); none is cabled there.");
                else if (matches.Count == 1 && Connect(matches[0], port, source, warnings)) cabled.Add(matches[0]);
            }
        }

        static List<VNUplink> FindUplinks(IReadOnlyList<VNHost> hosts, string key)
        {
            var slash = key.IndexOf('/');
            if (slash < 0) return hosts.Select(h => h.FindUplink(key)).Where(u => u != null).ToList();
            string hostName = key.Substring(0, slash), uplinkName = key.Substring(slash + 1);
            return hosts.Where(h => string.Equals(h.Name, hostName, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Fqdn, hostName, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.FindUplink(uplinkName)).Where(u => u != null).ToList();
        }

        static bool Connect(VNUplink uplink, VNSwitchPort port, SourceLine source, List<ImportWarning> warnings)
        {
            try
            {
                uplink.ConnectTo(port.PhysicalSwitch, port.Name);
                return true;
            }
            catch (VirtNetException e)
            {
                ParseContext.Warn(warnings, source, $"uplink '{uplink.Path}' is not cabled to {port.Path}: {e.Message}");
                return false;
            }
        }

        static bool NamesHost(string description, VNHost host) =>
            Mentions(description, host.Name) || (!string.IsNullOrEmpty(host.Fqdn) && Mentions(description, host.Fqdn));

        /// <summary>A whole word: esx01 is in "esx01-vmnic0" and "to esx01.lab.local", but not in "esx011".</summary>
        static bool Mentions(string text, string word) =>
            Regex.IsMatch(text, @"(?<![A-Za-z0-9])" + Regex.Escape(word) + @"(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        static void Model(List<ImportWarning> warnings, SourceLine source, Action change)
        {
            try { change(); }
            catch (VirtNetException e) { ParseContext.Warn(warnings, source, e.Message + " It is skipped."); }
        }
    }
}
