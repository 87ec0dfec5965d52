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
    /// Import-VNSwitchConfig's core: reads Cisco IOS and NX-OS exports (running-config, show etherchannel summary,
    /// show interfaces trunk, show vpc brief) into physical switches, pairs the two switches of a vPC domain, and
    /// cables host uplinks to the switch ports they are plugged into.
    /// </summary>
    public static class SwitchConfigImport
    {
        public const string FormatsRead = "IOS or NX-OS show running-config (or configuration-mode input), show etherchannel summary, show interfaces trunk, " +
            "show interfaces switchport, NX-OS show vpc brief";

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
            var vpc = new ShowVpcBriefParser(facts, context);
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
                else if (ShowVpcBriefParser.Starts(line)) current = vpc.Take;
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
            PairVpcDomains(switches, files, name, warnings);
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
            var channels = new SortedDictionary<int, (PortChannelMode Mode, List<string> Members, Dictionary<string, PortChannelMemberState> States, SourceLine Source)>();
            bool portFastDefault = false;
            int? systemMtu = null;
            var systemMtuSource = first;
            var ownMtu = new HashSet<VNSwitchPort>();
            var ownPortFast = new HashSet<VNSwitchPort>();
            var ownMode = new HashSet<VNSwitchPort>();
            var ownNative = new HashSet<VNSwitchPort>();
            var ownAllowed = new HashSet<VNSwitchPort>();
            var channelTrunks = new Dictionary<int, PortFacts>();
            var channelCosts = new Dictionary<int, (int Cost, SourceLine Source)>();
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
                if (facts.BridgePriority.HasValue)
                {
                    var all = facts.BridgePriority.Value;
                    Model(warnings, all.Source, () => physicalSwitch.BridgePriority = all.Priority);
                }
                foreach (var priority in facts.VlanPriority)
                    Model(warnings, priority.Value.Source, () => physicalSwitch.SetBridgePriority(priority.Key, priority.Value.Priority));
                foreach (var cost in facts.ChannelCost) channelCosts[cost.Key] = cost.Value;
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
                    if (p.Cost.HasValue) Model(warnings, p.CostSource, () => port.SpanningTreeCost = p.Cost.Value);
                    if (p.Mtu.HasValue) Model(warnings, p.MtuSource, () => { port.Mtu = p.Mtu.Value; ownMtu.Add(port); });
                    if (p.Description != null) descriptions.Add((port, p.Description, p.Source));
                }
                foreach (var c in facts.Channels)
                {
                    if (!channels.TryGetValue(c.Group, out var channel))
                        channel = (c.Mode ?? PortChannelMode.On, new List<string>(), new Dictionary<string, PortChannelMemberState>(StringComparer.OrdinalIgnoreCase), c.Source);
                    if (c.Mode.HasValue) channel.Mode = c.Mode.Value;
                    foreach (var member in c.Members)
                        if (!channel.Members.Contains(member, StringComparer.OrdinalIgnoreCase)) channel.Members.Add(member);
                    foreach (var state in c.States) channel.States[state.Key] = state.Value;
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
                Model(warnings, pair.Value.Source, () =>
                {
                    var channel = physicalSwitch.AddPortChannel("Po" + pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair.Value.Members, pair.Value.Mode);
                    foreach (var member in channel.Members)
                        if (pair.Value.States.TryGetValue(member.Name, out var state)) channel.SetMemberState(member, state);
                });
            // A channel is one spanning-tree port: its cost (interface Port-channelN) is held by its members.
            foreach (var channel in physicalSwitch.PortChannels)
                if (Numbers.TryParse(channel.Name.Substring(2), out int group) && channelCosts.TryGetValue(group, out var cost))
                    foreach (var member in channel.Members) Model(warnings, cost.Source, () => member.SpanningTreeCost = cost.Cost);
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
            // NX-OS: a layer-2 port's MTU is 1500 or the system jumbomtu (Nexus 9000 Interfaces guide, "MTU").
            var jumbo = files.Select(f => f.Facts).LastOrDefault(f => f.JumboMtu.HasValue);
            if (jumbo != null)
                foreach (var port in physicalSwitch.Ports.Where(p => ownMtu.Contains(p) && p.Mtu != 1500 && p.Mtu != jumbo.JumboMtu.Value))
                    ParseContext.Warn(warnings, jumbo.JumboMtuSource, $"{port.Path} has mtu {port.Mtu}, but a layer-2 port's MTU is 1500 or the system jumbomtu {jumbo.JumboMtu.Value}; NX-OS refuses it, the model keeps {port.Mtu}.");
            // Routed ports carry no VLANs and no host uplink's layer-2 traffic: they are left out, with one note.
            if (routed.Count > 0)
                notes.Add($"{switchName}: {routed.Count} routed port{(routed.Count > 1 ? "s are" : " is")} left out, as {(routed.Count > 1 ? "they are" : "it is")} no layer-2 port (no switchport, or an IP address): " +
                    string.Join(", ", routed.Take(10)) + (routed.Count > 10 ? ", ..." : "") + ".");
            return physicalSwitch;
        }

        /// <summary>
        /// Pairs the two switches of each vPC domain read: the primary is the one show vpc brief calls primary, else the
        /// lower role priority (NX-OS default 32667); the peer link is each side's "vpc peer-link" channel. The model
        /// joins the peers' port channels by name, so a vPC whose number sits on differently numbered channels, or a
        /// same-named channel that only one side makes a vPC, is said in a warning.
        /// </summary>
        static void PairVpcDomains(List<VNPhysicalSwitch> switches, IReadOnlyList<SwitchConfigFile> files, string name, List<ImportWarning> warnings)
        {
            const int DefaultRolePriority = 32667;
            var domains = new List<(VNPhysicalSwitch Switch, SwitchFacts Facts)>();
            foreach (var physicalSwitch in switches)
            {
                var facts = new SwitchFacts();
                foreach (var file in files.Where(f => string.Equals(name ?? f.SwitchName ?? ImportFiles.BaseName(f.Path), physicalSwitch.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    var f = file.Facts;
                    if (f.VpcDomain.HasValue) { facts.VpcDomain = f.VpcDomain; facts.VpcSource = f.VpcSource; }
                    facts.RolePriority = f.RolePriority ?? facts.RolePriority;
                    facts.VpcPrimary = f.VpcPrimary ?? facts.VpcPrimary;
                    facts.PeerLinkGroup = f.PeerLinkGroup ?? facts.PeerLinkGroup;
                    foreach (var pair in f.VpcOfGroup) facts.VpcOfGroup[pair.Key] = pair.Value;
                }
                if (facts.VpcDomain.HasValue) domains.Add((physicalSwitch, facts));
            }
            foreach (var domain in domains.GroupBy(d => d.Facts.VpcDomain.Value))
            {
                var peers = domain.ToList();
                var source = peers[0].Facts.VpcSource;
                if (peers.Count != 2)
                {
                    ParseContext.Warn(warnings, source, peers.Count == 1
                        ? $"vPC domain {domain.Key} of {peers[0].Switch.Name} has no peer among the switches read; import the peer's configuration in the same call to build the pair."
                        : $"vPC domain {domain.Key} is on {peers.Count} switches ({string.Join(", ", peers.Select(p => p.Switch.Name))}); a domain has two peers, so none is paired.");
                    continue;
                }
                var ordered = peers.OrderBy(p => p.Facts.VpcPrimary == true ? 0 : p.Facts.VpcPrimary == false ? 2 : 1)
                    .ThenBy(p => p.Facts.RolePriority ?? DefaultRolePriority).ToList();
                if (ordered[0].Facts.VpcPrimary == null && (ordered[0].Facts.RolePriority ?? DefaultRolePriority) == (ordered[1].Facts.RolePriority ?? DefaultRolePriority))
                    ParseContext.Warn(warnings, source, $"vPC domain {domain.Key}: {ordered[0].Switch.Name} and {ordered[1].Switch.Name} have the same role priority, and NX-OS then " +
                        $"elects the lower system MAC address, which the files do not show; {ordered[0].Switch.Name} is taken as primary. Read show vpc brief to know.");
                var peerLink = ordered.Where(p => p.Facts.PeerLinkGroup.HasValue)
                    .Select(p => p.Switch.Name + "/Po" + p.Facts.PeerLinkGroup.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (peerLink.Count == 1)
                {
                    ParseContext.Warn(warnings, source, $"vPC domain {domain.Key}: only {peerLink[0]} is a vpc peer-link; the peer link is left out of the pair.");
                    peerLink.Clear();
                }
                VNSwitchPair pair = null;
                Model(warnings, source, () => pair = VNSwitchPair.Create("vpc-" + domain.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), SwitchPairKind.Vpc,
                    new[] { ordered[0].Switch, ordered[1].Switch }, peerLink, ordered[0].Switch));
                if (pair == null) continue;
                foreach (var (sw, facts) in ordered)
                {
                    var other = ordered.First(p => p.Switch != sw);
                    foreach (var channel in sw.PortChannels)
                    {
                        if (!Numbers.TryParse(channel.Name.Substring(2), out int group) || group == facts.PeerLinkGroup) continue;
                        bool isVpc = facts.VpcOfGroup.TryGetValue(group, out int vpc);
                        var peerChannel = other.Switch.FindPortChannel(channel.Name);
                        if (isVpc && peerChannel == null)
                            ParseContext.Warn(warnings, source, $"{channel.Path} is vpc {vpc}, but {other.Switch.Name} has no {channel.Name}: the model joins the peers' channels by name, so it is a channel of {sw.Name} alone.");
                        else if (isVpc && (!other.Facts.VpcOfGroup.TryGetValue(group, out int peerVpc) || peerVpc != vpc) && sw == ordered[0].Switch)
                            ParseContext.Warn(warnings, source, $"{channel.Path} is vpc {vpc}, but {other.Switch.Name}'s {channel.Name} is " +
                                (other.Facts.VpcOfGroup.TryGetValue(group, out peerVpc) ? "vpc " + peerVpc.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no vPC") +
                                ": the model joins the peers' channels by name and takes them as one.");
                        else if (!isVpc && peerChannel != null && !other.Facts.VpcOfGroup.ContainsKey(group) && sw == ordered[0].Switch)
                            ParseContext.Warn(warnings, source, $"{channel.Name} is on both {sw.Name} and {other.Switch.Name} without vpc: the model joins the peers' channels by name and takes them as one vPC.");
                    }
                }
            }
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
