using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Serialization
{
    /// <summary>
    /// Builds a model from a parsed configuration file (the format <see cref="ConfigWriter"/> writes). Each value is
    /// checked where it is read, by the model's own rules, so an error names the file, the JSON path and the line of
    /// the bad value. Properties that hold a list or may be null can be left out; the others are required, and a
    /// property the format does not know is an error (it is most likely a misspelt one).
    /// </summary>
    sealed class ConfigReader
    {
        readonly string _file;
        /// <summary>Port ids taken on each vSwitch and the adapter holding each, so a clash can name both.</summary>
        readonly Dictionary<VNVirtualSwitch, Dictionary<int, string>> _portIds = new Dictionary<VNVirtualSwitch, Dictionary<int, string>>();
        /// <summary>NextPortId is restored once every adapter of the host is connected: connecting moves it.</summary>
        readonly List<(VNVirtualSwitch VirtualSwitch, JToken Token, int Value)> _nextPortIds = new List<(VNVirtualSwitch, JToken, int)>();

        ConfigReader(string file) { _file = file; }

        public static ConfigContents Read(string file, JObject root) => new ConfigReader(file).ReadRoot(root);

        ConfigContents ReadRoot(JObject root)
        {
            // The version comes first: a newer file may hold properties this version does not know.
            CheckSchemaVersion(root);
            Expect(root, "schemaVersion", "hosts", "physicalSwitches", "switchPairs", "switchLinks", "clusters");

            // Switches first, so that uplinks can be cabled to their ports as the hosts are read.
            var physicalSwitches = new List<VNPhysicalSwitch>();
            foreach (var s in Objects(root, "physicalSwitches"))
            {
                var physicalSwitch = ReadPhysicalSwitch(s);
                if (Names.Find(physicalSwitches, p => p.Name, physicalSwitch.Name) != null)
                    throw Invalid(s["name"], $"physical switch '{physicalSwitch.Name}' is listed twice. List each physical switch once.");
                physicalSwitches.Add(physicalSwitch);
            }
            foreach (var p in Objects(root, "switchPairs")) ReadSwitchPair(p, physicalSwitches);
            foreach (var l in Objects(root, "switchLinks")) ReadSwitchLink(l, physicalSwitches);
            var hosts = new List<VNHost>();
            foreach (var h in Objects(root, "hosts"))
            {
                var host = ReadHost(h, physicalSwitches);
                if (Names.Find(hosts, x => x.Name, host.Name) != null)
                    throw Invalid(h["name"], $"host '{host.Name}' is listed twice. List each host once.");
                hosts.Add(host);
            }

            var contents = new ConfigContents();
            foreach (var host in hosts) contents.Add(host);
            foreach (var physicalSwitch in physicalSwitches) contents.Add(physicalSwitch);
            // Last: a cluster names hosts and switches of the file.
            var warnings = new List<string>();
            foreach (var c in Objects(root, "clusters"))
            {
                var cluster = ReadCluster(c, hosts, physicalSwitches, warnings);
                if (contents.Clusters.Any(x => Names.Comparer.Equals(x.Name, cluster.Name)))
                    throw Invalid(c["name"], $"cluster '{cluster.Name}' is listed twice. List each cluster once.");
                contents.Add(cluster);
            }
            contents.AddWarnings(warnings);
            return contents;
        }

        void CheckSchemaVersion(JObject root)
        {
            var supported = string.Join(", ", ConfigFile.SupportedSchemaVersions);
            var token = Value(root, "schemaVersion");
            if (token == null)
                throw new VirtNetException(ErrorIds.UnsupportedSchemaVersion, VirtNetErrorKind.InvalidData,
                    $"Configuration file '{_file}' has no schemaVersion, so it is not a VirtNet configuration file. " +
                    $"This version of VirtNet reads schema version {supported}.", _file);
            long? version = token.Type == JTokenType.Integer && ((JValue)token).Value is long number ? number : (long?)null;
            if (version == null || !ConfigFile.SupportedSchemaVersions.Any(v => v == version))
                throw new VirtNetException(ErrorIds.UnsupportedSchemaVersion, VirtNetErrorKind.InvalidData,
                    $"Configuration file '{_file}' has schemaVersion {Show(token)}, but this version of VirtNet reads schema version {supported} only." +
                    (version > ConfigFile.SupportedSchemaVersions.Max() ? " The file was written by a newer VirtNet; read it with that version of the module." : ""),
                    _file);
        }

        VNPhysicalSwitch ReadPhysicalSwitch(JObject s)
        {
            Expect(s, "name", "model", "stack", "loadBalance", "spanningTree", "forwardDelaySeconds", "maxAgeSeconds", "bridgePriority", "vlanBridgePriority",
                "ports", "portChannels", "endpoints");
            string name = RequiredString(s, "name"), model = OptionalString(s, "model");
            int stack = RequiredInt(s, "stack");
            var physicalSwitch = Build(s, () => new VNPhysicalSwitch(name, model, stack),
                (ErrorIds.InvalidName, "name"), (ErrorIds.InvalidStack, "stack"));
            physicalSwitch.LoadBalance = RequiredEnum<EtherChannelLoadBalance>(s, "loadBalance");
            physicalSwitch.SpanningTree = RequiredEnum<SpanningTreeMode>(s, "spanningTree");
            SetInt(s, "forwardDelaySeconds", seconds => physicalSwitch.ForwardDelay = TimeSpan.FromSeconds(seconds));
            SetInt(s, "maxAgeSeconds", seconds => physicalSwitch.MaxAge = TimeSpan.FromSeconds(seconds));
            // Files written before spanning trees were computed have no priorities: the IEEE default stands.
            if (Value(s, "bridgePriority") is JToken priority) Apply(priority, () => physicalSwitch.BridgePriority = Int(priority));
            foreach (var v in Objects(s, "vlanBridgePriority"))
            {
                Expect(v, "vlanId", "priority");
                int vlanId = RequiredInt(v, "vlanId");
                SetInt(v, "priority", p => physicalSwitch.SetBridgePriority(vlanId, p));
            }
            foreach (var p in Objects(s, "ports")) ReadSwitchPort(p, physicalSwitch);
            foreach (var c in Objects(s, "portChannels")) ReadPortChannel(c, physicalSwitch);
            foreach (var e in Objects(s, "endpoints")) ReadEndpoint(e, physicalSwitch);
            return physicalSwitch;
        }

        void ReadSwitchPort(JObject p, VNPhysicalSwitch physicalSwitch)
        {
            Expect(p, "name", "mode", "accessVLan", "nativeVLan", "allowedVLan", "portFast", "mtu", "spanningTreeCost");
            var nameToken = Required(p, "name");
            var name = String(nameToken);
            if (physicalSwitch.FindPort(name) != null)
                throw Invalid(nameToken, $"port '{Echo.Cut(name)}' is listed twice on physical switch '{physicalSwitch.Name}'. List each port once.");
            var port = Model(nameToken, () => physicalSwitch.GetOrAddPort(name));
            port.Mode = RequiredEnum<SwitchPortMode>(p, "mode");
            SetInt(p, "accessVLan", vlan => port.AccessVLan = vlan);
            SetInt(p, "nativeVLan", vlan => port.NativeVLan = vlan);
            var allowedToken = Required(p, "allowedVLan");
            var allowed = String(allowedToken);
            Apply(allowedToken, () => port.SetAllowedVLan(new[] { allowed }));
            port.PortFast = RequiredEnum<PortFastMode>(p, "portFast");
            SetInt(p, "mtu", mtu => port.Mtu = mtu);
            if (Value(p, "spanningTreeCost") is JToken cost) Apply(cost, () => port.SpanningTreeCost = Int(cost));
        }

        void ReadPortChannel(JObject c, VNPhysicalSwitch physicalSwitch)
        {
            Expect(c, "name", "mode", "members", "memberStates");
            var name = RequiredString(c, "name");
            var mode = RequiredEnum<PortChannelMode>(c, "mode");
            var members = new List<string>();
            foreach (var m in Array(c, "members"))
            {
                var member = String(m);
                // The file lists every port of the switch, so a member that is not among them is a broken reference.
                if (physicalSwitch.FindPort(member) == null)
                    throw Dangling(m, $"port channel '{Echo.Cut(name)}' names member port '{Echo.Cut(member)}', which is not among the ports of physical switch " +
                        $"'{physicalSwitch.Name}' ({NameList(physicalSwitch.Ports.Select(x => x.Name))}).");
                members.Add(member);
            }
            // Left out by files written before members had states, and when no member's state is known.
            var states = Value(c, "memberStates") == null ? null : Array(c, "memberStates").Select(t => t.Type == JTokenType.Null ? null : Map(t, Enum<PortChannelMemberState>)).ToList();
            if (states != null && states.Count != members.Count)
                throw Invalid(c["memberStates"], $"port channel '{Echo.Cut(name)}' has {members.Count} member(s) and {states.Count} member state(s). Give one state (or null) per member, in the same order.");
            var channel = Build(c, () => physicalSwitch.AddPortChannel(name, members, mode),
                (ErrorIds.InvalidSwitchPortName, "name"), (ErrorIds.DuplicateName, "name"),
                (ErrorIds.SwitchPortInUse, "members"), (ErrorIds.InvalidPortChannel, "members"));
            for (int i = 0; states != null && i < states.Count; i++) channel.SetMemberState(physicalSwitch.FindPort(members[i]), states[i]);
        }

        void ReadEndpoint(JObject e, VNPhysicalSwitch physicalSwitch)
        {
            Expect(e, "name", "ipAddress", "vlanId", "respondsToPing", "role", "macAddress");
            var name = RequiredString(e, "name");
            var ip = IP(Required(e, "ipAddress"));
            var vlanId = Map(Value(e, "vlanId"), Int);
            var respondsToPing = Bool(Required(e, "respondsToPing"));
            var role = RequiredEnum<EndpointRole>(e, "role");
            var mac = Map(Value(e, "macAddress"), Mac);
            Build(e, () => physicalSwitch.AddEndpoint(name, ip, vlanId, respondsToPing, role, mac),
                (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"), (ErrorIds.InvalidVLanId, "vlanId"));
        }

        void ReadSwitchPair(JObject p, IReadOnlyList<VNPhysicalSwitch> physicalSwitches)
        {
            Expect(p, "name", "kind", "physicalSwitches", "peerLink");
            var name = RequiredString(p, "name");
            var switches = Array(p, "physicalSwitches").Select(t => Names.Find(physicalSwitches, s => s.Name, String(t))
                ?? throw Dangling(t, $"switch pair '{name}' names physical switch '{String(t)}', which is not in the file " +
                    $"(physical switches: {NameList(physicalSwitches.Select(s => s.Name))}).")).ToList();
            var kind = RequiredEnum<SwitchPairKind>(p, "kind");
            var peerLink = Array(p, "peerLink").Select(String).ToList();
            Build(p, () => VNSwitchPair.Create(name, kind, switches, peerLink, switches.FirstOrDefault()),
                (ErrorIds.InvalidName, "name"), (ErrorIds.InvalidSwitchPair, "physicalSwitches"), (ErrorIds.InvalidSwitchPortName, "peerLink"),
                (ErrorIds.SwitchPortNotFound, "peerLink"), (ErrorIds.SwitchPortInUse, "peerLink"));
        }

        void ReadSwitchLink(JObject l, IReadOnlyList<VNPhysicalSwitch> physicalSwitches)
        {
            Expect(l, "physicalSwitch", "port", "peerSwitch", "peerPort");
            VNPhysicalSwitch Switch(string key)
            {
                var token = Required(l, key);
                return Names.Find(physicalSwitches, s => s.Name, String(token))
                    ?? throw Dangling(token, $"a switch link names physical switch '{String(token)}', which is not in the file " +
                        $"(physical switches: {NameList(physicalSwitches.Select(s => s.Name))}).");
            }
            var physicalSwitch = Switch("physicalSwitch");
            var peerSwitch = Switch("peerSwitch");
            string port = RequiredString(l, "port"), peerPort = RequiredString(l, "peerPort");
            Build(l, () => VNSwitchLink.Create(physicalSwitch, port, peerSwitch, peerPort),
                (ErrorIds.InvalidSwitchPortName, "port"), (ErrorIds.SwitchPortNotFound, "port"), (ErrorIds.SwitchPortInUse, "port"), (ErrorIds.InvalidSwitchLink, "peerSwitch"));
        }

        VNCluster ReadCluster(JObject c, IReadOnlyList<VNHost> hosts, IReadOnlyList<VNPhysicalSwitch> physicalSwitches, List<string> warnings)
        {
            Expect(c, "name", "haAgent", "hosts", "physicalSwitches", "failureDetectionTimeMs", "isolationAddress",
                "useDefaultIsolationAddress", "isolationResponse", "heartbeatDatastores", "advancedSettings");
            var name = RequiredString(c, "name");
            var members = Array(c, "hosts").Select(t => Names.Find(hosts, h => h.Name, String(t))
                ?? throw Dangling(t, $"cluster '{Echo.Cut(name)}' names host '{String(t)}', which is not in the file (hosts: {NameList(hosts.Select(h => h.Name))}).")).ToList();
            var switches = Array(c, "physicalSwitches").Select(t => Names.Find(physicalSwitches, s => s.Name, String(t))
                ?? throw Dangling(t, $"cluster '{Echo.Cut(name)}' names physical switch '{String(t)}', which is not in the file " +
                    $"(physical switches: {NameList(physicalSwitches.Select(s => s.Name))}).")).ToList();
            var settings = new Dictionary<string, object>();
            var advanced = Value(c, "advancedSettings");
            if (advanced != null)
                foreach (var property in Object(advanced).Properties()) settings[property.Name] = String(property.Value);
            var spec = new VNClusterSpec
            {
                Name = name,
                Hosts = members,
                PhysicalSwitches = switches,
                HaAgent = RequiredEnum<HaAgent>(c, "haAgent"),
                FailureDetectionTime = Map(Value(c, "failureDetectionTimeMs"), t => TimeSpan.FromMilliseconds(Int(t))),
                IsolationAddress = Array(c, "isolationAddress").Select(IP).ToList(),
                UseDefaultIsolationAddress = Bool(Required(c, "useDefaultIsolationAddress")),
                IsolationResponse = RequiredEnum<IsolationResponse>(c, "isolationResponse"),
                AdvancedSetting = settings,
                HeartbeatDatastore = Value(c, "heartbeatDatastores") == null ? null : Array(c, "heartbeatDatastores").Select(String).ToList(),
            };
            return Build(c, () => VNCluster.Create(spec, warnings),
                (ErrorIds.InvalidName, "name"), (ErrorIds.InvalidCluster, "hosts"), (ErrorIds.NoManagementNetwork, "hosts"),
                (ErrorIds.DuplicateName, "hosts"), (ErrorIds.InvalidAdvancedSetting, "advancedSettings"),
                (ErrorIds.ConflictingClusterSetting, "advancedSettings"));
        }

        /// <summary>Flags are written as .NET prints them: "All", or names separated by commas such as "ShortNameForward, Fqdn".</summary>
        DnsResolution DnsLookups(JToken token)
        {
            var lookups = DnsResolution.None;
            foreach (var name in String(token).Split(','))
                lookups |= EnumName<DnsResolution>(name.Trim(), token);
            return lookups;
        }

        VNHost ReadHost(JObject h, IReadOnlyList<VNPhysicalSwitch> physicalSwitches)
        {
            Expect(h, "name", "hypervisor", "version", "fqdn", "ipAddress", "dnsResolution", "advancedSettings", "macAddressPool", "virtualSwitches", "unusedNics",
                "vmKernelAdapters", "virtualMachines");
            var name = RequiredString(h, "name");
            var hypervisor = RequiredEnum<Hypervisor>(h, "hypervisor");
            var version = RequiredString(h, "version");
            var host = Build(h, () => new VNHost(name, hypervisor, version), (ErrorIds.InvalidName, "name"), (ErrorIds.InvalidVersion, "version"));
            host.Fqdn = OptionalString(h, "fqdn");
            host.IPAddress = Map(Value(h, "ipAddress"), IP);
            // Left out by files written before hosts had DNS facts: every lookup works, as for a new host.
            host.DnsResolution = Map(Value(h, "dnsResolution"), DnsLookups) ?? DnsResolution.All;
            // Left out by files written before hosts had advanced settings: the defaults.
            var advanced = Value(h, "advancedSettings");
            if (advanced != null)
                foreach (var setting in Object(advanced).Properties())
                {
                    int value = Int(setting.Value);
                    Build(h, () => { host.SetAdvancedSetting(setting.Name, value); return host; }, (ErrorIds.InvalidAdvancedSetting, "advancedSettings"),
                        (ErrorIds.UnsupportedOnHost, "advancedSettings"));
                }
            // After the address, which derives a pool first; files written before pools were saved keep that one.
            var pool = Value(h, "macAddressPool");
            if (pool != null) ReadMacAddressPool(Object(pool), host);

            _nextPortIds.Clear();
            foreach (var s in Objects(h, "virtualSwitches")) ReadVirtualSwitch(s, host, physicalSwitches);
            // Left out by files written before hosts kept NICs no switch uses, and when there are none.
            foreach (var n in Objects(h, "unusedNics"))
            {
                Expect(n, "name", "speedMbps", "macAddress", "linkStatus");
                var nicName = RequiredString(n, "name");
                var speed = Map(Value(n, "speedMbps"), Int);
                var mac = Map(Value(n, "macAddress"), Mac);
                var link = Map(Value(n, "linkStatus"), Enum<NicLinkStatus>);
                Build(n, () => host.AddUnusedNic(nicName, speed, mac, link), (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"),
                    (ErrorIds.UplinkInUse, "name"), (ErrorIds.InvalidSpeed, "speedMbps"));
            }
            // Created in file order, which is the host's creation order: the Service Console routes in that order.
            foreach (var a in Objects(h, "vmKernelAdapters")) ReadVMKernelAdapter(a, host);
            foreach (var v in Objects(h, "virtualMachines")) ReadVirtualMachine(v, host);
            foreach (var (vswitch, token, value) in _nextPortIds) RestoreNextPortId(vswitch, token, value);
            foreach (var portGroup in host.PortGroups) portGroup.SortPortsByPortId();
            return host;
        }

        void ReadMacAddressPool(JObject p, VNHost host)
        {
            Expect(p, "minimum", "maximum", "source", "next");
            var minimum = Mac(Required(p, "minimum"));
            var maximum = Mac(Required(p, "maximum"));
            var source = RequiredEnum<MacAddressPoolSource>(p, "source");
            var next = Mac(Required(p, "next"));
            Build(p, () => { host.RestoreMacAddressPool(minimum, maximum, source, next); return host; });
        }

        void ReadVirtualSwitch(JObject s, VNHost host, IReadOnlyList<VNPhysicalSwitch> physicalSwitches)
        {
            Expect(s, "name", "type", "numPorts", "mtu", "nextPortId", "hyperV", "bond", "teaming", "uplinks", "portGroups");
            var name = RequiredString(s, "name");
            var type = RequiredEnum<VirtualSwitchType>(s, "type");
            int numPorts = RequiredInt(s, "numPorts"), mtu = RequiredInt(s, "mtu");
            var hyperV = Value(s, "hyperV");
            var bond = Value(s, "bond");
            var settings = new VirtualSwitchSettings();
            if (hyperV != null) ReadHyperVSettings(Object(hyperV), settings);
            if (bond != null) ReadBondSettings(Object(bond), settings);
            var vswitch = Build(s, () => host.AddVirtualSwitch(name, type, numPorts, mtu, settings: settings),
                (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"), (ErrorIds.UnsupportedOnHost, "type"),
                (ErrorIds.InvalidNumPorts, "numPorts"), (ErrorIds.InvalidMtu, "mtu"),
                (ErrorIds.UnsupportedOnSwitch, hyperV != null ? "hyperV" : "bond"));
            var nextPortId = Required(s, "nextPortId");
            _nextPortIds.Add((vswitch, nextPortId, Int(nextPortId)));
            foreach (var u in Objects(s, "uplinks")) ReadUplink(u, vswitch, physicalSwitches);
            // After the uplinks: the team names them.
            var team = hyperV == null ? null : Value((JObject)hyperV, "team");
            if (team != null) ReadTeam(Object(team), vswitch);
            // After the uplinks: the failover order names them. Hyper-V switches and bonds team by their own settings;
            // files written before those existed hold the vSphere defaults here, which mean nothing for them.
            if (type == VirtualSwitchType.Standard || type == VirtualSwitchType.Distributed)
                ReadTeaming(Object(Required(s, "teaming")), vswitch, portGroup: null);
            foreach (var p in Objects(s, "portGroups")) ReadPortGroup(p, vswitch);
        }

        void ReadHyperVSettings(JObject h, VirtualSwitchSettings settings)
        {
            Expect(h, "switchType", "embeddedTeaming", "loadBalancingAlgorithm", "team");
            settings.SwitchType = RequiredEnum<HyperVSwitchType>(h, "switchType");
            settings.EnableEmbeddedTeaming = Bool(Required(h, "embeddedTeaming"));
            settings.LoadBalancingAlgorithm = Map(Value(h, "loadBalancingAlgorithm"), Enum<LoadBalancingAlgorithm>);
        }

        void ReadBondSettings(JObject b, VirtualSwitchSettings settings)
        {
            Expect(b, "mode", "xmitHashPolicy", "primary", "primaryReselect", "adSelect", "tlbDynamicLb", "miimon", "updelay", "downdelay");
            var mode = Required(b, "mode");
            var policy = Required(b, "xmitHashPolicy");
            settings.BondMode = Model(mode, () => LinuxBonding.ParseBondMode(String(mode)));
            settings.XmitHashPolicy = Model(policy, () => LinuxBonding.ParseXmitHashPolicy(String(policy)));
            var primary = Value(b, "primary");
            settings.Primary = primary == null ? null : String(primary);
            settings.PrimaryReselect = Map(Value(b, "primaryReselect"), Enum<PrimaryReselect>);
            settings.AdSelect = Map(Value(b, "adSelect"), Enum<AdSelect>);
            settings.TlbDynamicLb = Map(Value(b, "tlbDynamicLb"), Bool);
            settings.MiiMon = Map(Value(b, "miimon"), Int);
            settings.UpDelay = Map(Value(b, "updelay"), Int);
            settings.DownDelay = Map(Value(b, "downdelay"), Int);
        }

        void ReadTeam(JObject t, VNVirtualSwitch vswitch)
        {
            Expect(t, "name", "teamingMode", "loadBalancingAlgorithm", "members", "standbyMember");
            var name = RequiredString(t, "name");
            var mode = RequiredEnum<TeamingMode>(t, "teamingMode");
            var algorithm = RequiredEnum<LoadBalancingAlgorithm>(t, "loadBalancingAlgorithm");
            var members = new List<string>();
            foreach (var m in Array(t, "members"))
            {
                var member = String(m);
                if (Names.Find(vswitch.Uplinks, u => u.Name, member) == null)
                    throw Dangling(m, $"team '{Echo.Cut(name)}' names member '{Echo.Cut(member)}', which is not an uplink of virtual switch '{vswitch.Path}' " +
                        $"(uplinks: {NameList(vswitch.Nic)}).");
                members.Add(member);
            }
            var standby = OptionalString(t, "standbyMember");
            Build(t, () => vswitch.Host.NewTeam(name, members, mode, algorithm, standby),
                (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"), (ErrorIds.InvalidTeam, "members"),
                (ErrorIds.UnsupportedOnHost, "loadBalancingAlgorithm"));
        }

        void ReadUplink(JObject u, VNVirtualSwitch vswitch, IReadOnlyList<VNPhysicalSwitch> physicalSwitches)
        {
            Expect(u, "name", "speedMbps", "macAddress", "physicalSwitch", "switchPort");
            var name = RequiredString(u, "name");
            var speedMbps = RequiredInt(u, "speedMbps");
            var mac = Map(Value(u, "macAddress"), Mac);
            var uplink = Build(u, () => vswitch.AddUplink(name, speedMbps, mac),
                (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"), (ErrorIds.UplinkInUse, "name"), (ErrorIds.InvalidSpeed, "speedMbps"));

            var switchToken = Value(u, "physicalSwitch");
            var portToken = Value(u, "switchPort");
            if (switchToken == null && portToken == null) return;
            if (switchToken == null || portToken == null)
                throw Invalid(switchToken ?? portToken, $"uplink '{uplink.Path}' gives only one of physicalSwitch and switchPort. Give both for a cabled uplink, or neither.");
            string switchName = String(switchToken), portName = String(portToken);
            var physicalSwitch = Names.Find(physicalSwitches, p => p.Name, switchName)
                ?? throw Dangling(switchToken, $"uplink '{uplink.Path}' is cabled to physical switch '{Echo.Cut(switchName)}', which is not in the file " +
                    $"(physical switches: {NameList(physicalSwitches.Select(p => p.Name))}).");
            if (physicalSwitch.FindPort(portName) == null)
                throw Dangling(portToken, $"uplink '{uplink.Path}' is cabled to port '{Echo.Cut(portName)}' of physical switch '{physicalSwitch.Name}', " +
                    $"which is not among its ports ({NameList(physicalSwitch.Ports.Select(p => p.Name))}).");
            Model(portToken, () => uplink.ConnectTo(physicalSwitch, portName));
        }

        void ReadPortGroup(JObject p, VNVirtualSwitch vswitch)
        {
            Expect(p, "name", "vlanId", "teaming");
            var name = RequiredString(p, "name");
            var vlanId = RequiredInt(p, "vlanId");
            var portGroup = Build(p, () => vswitch.AddPortGroup(name, vlanId),
                (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"), (ErrorIds.InvalidVLanId, "vlanId"));
            var teaming = Value(p, "teaming");
            if (teaming != null) ReadTeaming(Object(teaming), vswitch, portGroup);
        }

        /// <summary>
        /// A vSwitch sets every field; a port group only those it overrides, the rest it inherits. The policy fields go
        /// through <see cref="TeamingPolicyChange"/>, so the rules Set-VNTeamingPolicy enforces hold for a file too. The
        /// failover order is restored as saved: a port group's override stays one even when it lists no uplinks.
        /// </summary>
        void ReadTeaming(JObject t, VNVirtualSwitch vswitch, VNPortGroup portGroup)
        {
            Expect(t, "loadBalancingPolicy", "networkFailoverDetectionPolicy", "notifySwitches", "failbackEnabled", "ipHashVariant", "failoverOrder");
            JToken Field(string key) => portGroup != null ? Value(t, key) : Required(t, key);
            var change = new TeamingPolicyChange
            {
                LoadBalancingPolicy = Map(Field("loadBalancingPolicy"), Enum<LoadBalancingPolicy>),
                NetworkFailoverDetectionPolicy = Map(Field("networkFailoverDetectionPolicy"), Enum<NetworkFailoverDetectionPolicy>),
                NotifySwitches = Map(Field("notifySwitches"), Bool),
                FailbackEnabled = Map(Field("failbackEnabled"), Bool),
                IpHashVariant = Map(Field("ipHashVariant"), Enum<IpHashVariant>),
            };
            var order = Field("failoverOrder");
            var failoverOrder = order == null ? null : ReadFailoverOrder(Object(order), vswitch);
            Apply(t, () => TeamingPolicyChange.Apply(vswitch, portGroup, change));
            (portGroup?.Teaming ?? vswitch.Teaming).FailoverOrder = failoverOrder;
        }

        /// <summary>Every uplink of the vSwitch is in exactly one of the lists, as the model keeps it.</summary>
        FailoverOrder ReadFailoverOrder(JObject o, VNVirtualSwitch vswitch)
        {
            Expect(o, "active", "standby", "unused");
            var order = new FailoverOrder();
            var placed = new HashSet<string>(Names.Comparer);
            void Place(string key, List<string> into)
            {
                foreach (var t in Array(o, key))
                {
                    var name = String(t);
                    var uplink = Names.Find(vswitch.Uplinks, u => u.Name, name)
                        ?? throw Dangling(t, $"the failover order names uplink '{Echo.Cut(name)}', which is not on virtual switch '{vswitch.Path}' " +
                            $"(uplinks: {NameList(vswitch.Nic)}).");
                    if (!placed.Add(uplink.Name))
                        throw Invalid(t, $"uplink '{uplink.Name}' is named more than once in the failover order. Name each uplink once, in active, standby or unused.");
                    into.Add(uplink.Name);
                }
            }
            Place("active", order.Active);
            Place("standby", order.Standby);
            Place("unused", order.Unused);
            var missing = vswitch.Nic.Where(n => !placed.Contains(n)).ToList();
            if (missing.Count > 0)
                throw Invalid(o, $"the failover order leaves out uplink(s) {string.Join(", ", missing)} of virtual switch '{vswitch.Path}'. " +
                    "Place every uplink in active, standby or unused.");
            return order;
        }

        void ReadVMKernelAdapter(JObject a, VNHost host)
        {
            Expect(a, "name", "portGroup", "ipAddress", "prefixLength", "gateway", "mtu", "purpose", "macAddress", "portId");
            var name = RequiredString(a, "name");
            var holder = $"VMkernel adapter '{host.Name}/{name}'";
            var portGroup = ResolvePortGroup(Required(a, "portGroup"), host, holder);
            var ip = IP(Required(a, "ipAddress"));
            var prefixLength = RequiredInt(a, "prefixLength");
            var gateway = Map(Value(a, "gateway"), IP);
            var mtu = RequiredInt(a, "mtu");
            var purpose = Array(a, "purpose").Select(p => Enum<AdapterPurpose>(p)).ToList();
            var mac = Map(Value(a, "macAddress"), Mac);
            var portId = ClaimPortId(a, portGroup.VirtualSwitch, holder);
            Build(a, () => VNVMKernelAdapter.Create(portGroup, name, ip, prefixLength, gateway, mtu, purpose, mac, portId),
                (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"), (ErrorIds.InvalidSubnet, "prefixLength"),
                (ErrorIds.InvalidMtu, "mtu"), (ErrorIds.InvalidIPAddress, "gateway"));
        }

        void ReadVirtualMachine(JObject v, VNHost host)
        {
            Expect(v, "name", "networkAdapters");
            var name = RequiredString(v, "name");
            var specs = new List<VNVirtualMachine.AdapterSpec>();
            foreach (var a in Objects(v, "networkAdapters"))
            {
                Expect(a, "portGroup", "macAddress", "dynamicMacAddress", "ipAddress", "portId");
                var holder = $"adapter {specs.Count + 1} of virtual machine '{host.Name}/{name}'";
                var mac = Map(Value(a, "macAddress"), Mac);
                // Left out by files written before adapters told generated addresses apart: a saved address was given.
                var dynamicMac = Map(Value(a, "dynamicMacAddress"), Bool) ?? false;
                var ip = Map(Value(a, "ipAddress"), IP);
                var portGroupToken = Value(a, "portGroup");
                if (portGroupToken == null)
                {
                    var portIdToken = Value(a, "portId");
                    if (portIdToken != null)
                        throw Invalid(portIdToken, $"{holder} has a port id but no port group. A disconnected adapter has no port; give its port group, or no port id.");
                    specs.Add(new VNVirtualMachine.AdapterSpec(null, mac, ip, dynamicMacAddress: dynamicMac));
                    continue;
                }
                var portGroup = ResolvePortGroup(portGroupToken, host, holder);
                specs.Add(new VNVirtualMachine.AdapterSpec(portGroup, mac, ip, ClaimPortId(a, portGroup.VirtualSwitch, holder), dynamicMac));
            }
            Build(v, () => host.AddVirtualMachine(name, specs), (ErrorIds.InvalidName, "name"), (ErrorIds.DuplicateName, "name"),
                (ErrorIds.MacAddressPoolExhausted, "networkAdapters"), (ErrorIds.MacAddressPoolUndefined, "networkAdapters"));
        }

        VNPortGroup ResolvePortGroup(JToken token, VNHost host, string holder)
        {
            var name = String(token);
            VNPortGroup portGroup;
            try { portGroup = host.FindPortGroup(name); }
            catch (VirtNetException e) { throw Invalid(token, $"{holder}: {e.Message}"); }
            return portGroup
                ?? throw Dangling(token, $"{holder} is connected to port group '{Echo.Cut(name)}', which is not on host '{host.Name}' " +
                    $"(port groups: {NameList(host.PortGroups.Select(host.PortGroupReference))}).");
        }

        int ClaimPortId(JObject adapter, VNVirtualSwitch vswitch, string holder)
        {
            var token = Required(adapter, "portId");
            var portId = Int(token);
            if (portId < 0)
                throw Invalid(token, $"port id {portId} of {holder} is not valid. Port ids are 0 or more.");
            if (!_portIds.TryGetValue(vswitch, out var taken)) _portIds[vswitch] = taken = new Dictionary<int, string>();
            if (taken.TryGetValue(portId, out var other))
                throw Invalid(token, $"port id {portId} on virtual switch '{vswitch.Path}' is given to both {other} and {holder}. Each connected adapter has its own port id.");
            taken[portId] = holder;
            return portId;
        }

        void RestoreNextPortId(VNVirtualSwitch vswitch, JToken token, int value)
        {
            // Connecting with saved ids has already moved NextPortId past the highest id in use; ids are never reused.
            if (value < vswitch.NextPortId)
                throw Invalid(token, vswitch.NextPortId == 0
                    ? $"nextPortId {value} of virtual switch '{vswitch.Path}' is negative. Port ids are 0 or more."
                    : $"nextPortId {value} of virtual switch '{vswitch.Path}' would hand out port id {vswitch.NextPortId - 1} again, which is in use. " +
                      $"Ids are never reused: use {vswitch.NextPortId} or more.");
            vswitch.NextPortId = value;
        }

        // ---- Reading values. Each check reports the token it failed on. ----

        void Expect(JObject o, params string[] keys)
        {
            foreach (var property in o.Properties())
                if (!keys.Contains(property.Name))
                    throw Invalid(property, $"unknown property '{property.Name}'. Valid here: {string.Join(", ", keys)}.");
        }

        /// <summary>The value of a property, or null when it is missing or JSON null.</summary>
        static JToken Value(JObject o, string key)
        {
            var token = o[key];
            return token == null || token.Type == JTokenType.Null ? null : token;
        }

        JToken Required(JObject o, string key) =>
            Value(o, key) ?? throw Invalid(o, $"the required property '{Echo.Cut(key)}' is missing or null.");

        JObject Object(JToken token) =>
            token as JObject ?? throw Invalid(token, $"expected an object, found {Show(token)}.");

        /// <summary>A list property; left out or null, it is an empty list.</summary>
        JArray Array(JObject o, string key)
        {
            var token = Value(o, key);
            if (token == null) return new JArray();
            return token as JArray ?? throw Invalid(token, $"expected a list, found {Show(token)}.");
        }

        IEnumerable<JObject> Objects(JObject o, string key) => Array(o, key).Select(Object);

        string String(JToken token) =>
            token.Type == JTokenType.String ? (string)token : throw Invalid(token, $"expected a string, found {Show(token)}.");

        int Int(JToken token) =>
            token.Type == JTokenType.Integer && ((JValue)token).Value is long value && value >= int.MinValue && value <= int.MaxValue
                ? (int)value
                : throw Invalid(token, $"expected a whole number, found {Show(token)}.");

        bool Bool(JToken token) =>
            token.Type == JTokenType.Boolean ? (bool)token : throw Invalid(token, $"expected true or false, found {Show(token)}.");

        /// <summary>Enum values are written by name; reading accepts any letter case but not numbers.</summary>
        T Enum<T>(JToken token) where T : struct => EnumName<T>(String(token), token);

        T EnumName<T>(string text, JToken at) where T : struct
        {
            var names = System.Enum.GetNames(typeof(T));
            var name = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid(at, $"'{Echo.Cut(text)}' is not a valid {typeof(T).Name}. Use one of: {string.Join(", ", names)}.");
            return (T)System.Enum.Parse(typeof(T), name);
        }

        IPv4Address IP(JToken token)
        {
            var text = String(token);
            return Model(token, () => IPv4Address.Parse(text));
        }

        MacAddress Mac(JToken token)
        {
            var text = String(token);
            return Model(token, () => MacAddress.Parse(text));
        }

        static T? Map<T>(JToken token, Func<JToken, T> read) where T : struct => token == null ? (T?)null : read(token);

        string RequiredString(JObject o, string key) => String(Required(o, key));

        string OptionalString(JObject o, string key)
        {
            var token = Value(o, key);
            return token == null ? null : String(token);
        }

        int RequiredInt(JObject o, string key) => Int(Required(o, key));

        T RequiredEnum<T>(JObject o, string key) where T : struct => Enum<T>(Required(o, key));

        void SetInt(JObject o, string key, Action<int> set)
        {
            var token = Required(o, key);
            var value = Int(token);
            Apply(token, () => set(value));
        }

        // ---- Model calls. The model's own error is kept (as the inner exception) and located in the file. ----

        /// <summary>Runs a model call on one value; a model error is reported at that value.</summary>
        T Model<T>(JToken at, Func<T> call)
        {
            try { return call(); }
            catch (VirtNetException e) { throw Invalid(at, e.Message, e); }
        }

        void Apply(JToken at, Action change)
        {
            try { change(); }
            catch (VirtNetException e) { throw Invalid(at, e.Message, e); }
        }

        /// <summary>
        /// Runs a model call that takes several properties of an object. The model's error id tells which property
        /// was refused (an InvalidMtu is the "mtu"); errors that no single property explains are reported at the object.
        /// </summary>
        T Build<T>(JObject at, Func<T> call, params (string ErrorId, string Key)[] blame)
        {
            try { return call(); }
            catch (VirtNetException e)
            {
                var key = blame.Where(b => b.ErrorId == e.ErrorId).Select(b => b.Key).FirstOrDefault();
                throw Invalid(key != null && at[key] != null ? at[key] : at, e.Message, e);
            }
        }

        VirtNetException Invalid(JToken at, string message, Exception inner = null) =>
            new VirtNetException(ErrorIds.InvalidConfigValue, VirtNetErrorKind.InvalidData, Where(at) + ": " + message, _file, inner);

        VirtNetException Dangling(JToken at, string message) =>
            new VirtNetException(ErrorIds.DanglingReference, VirtNetErrorKind.InvalidData, Where(at) + ": " + message, _file);

        string Where(JToken at)
        {
            var path = at.Path.Length == 0 ? "top level" : at.Path;
            var line = (IJsonLineInfo)at;
            return line.HasLineInfo()
                ? $"Configuration file '{_file}', {path} (line {line.LineNumber}, position {line.LinePosition})"
                : $"Configuration file '{_file}', {path}";
        }

        static string Show(JToken token) =>
            token is JContainer ? "a JSON " + token.Type.ToString().ToLowerInvariant() : token.ToString(Formatting.None);

        static string NameList(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 0 ? "there are none" : string.Join(", ", list);
        }
    }
}
