using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using VirtNet.HA;

namespace VirtNet.Serialization
{
    /// <summary>
    /// Writes the configuration file format, schema version 1. Every property is written explicitly in a fixed order
    /// and every list in model order, so the same model always gives the same bytes and a diff of two exports shows
    /// exactly what changed. <see cref="ConfigReader"/> reads the same property names.
    /// </summary>
    sealed class ConfigWriter
    {
        readonly JsonTextWriter _json;

        ConfigWriter(TextWriter text)
        {
            _json = new JsonTextWriter(text)
            {
                Formatting = Formatting.Indented,
                Indentation = 2,
                Culture = CultureInfo.InvariantCulture,
            };
        }

        /// <summary>The file's text: indented, "\n" line endings on every platform, ending with a newline.</summary>
        public static string ToJson(ConfigContents contents)
        {
            var hosts = contents.Hosts;
            var physicalSwitches = contents.PhysicalSwitches;
            // The file refers to physical switches by name, and a reader could not tell two hosts apart either.
            CheckUniqueNames(hosts.Select(h => h.Name), "hosts");
            CheckUniqueNames(physicalSwitches.Select(s => s.Name), "physical switches");
            CheckUniqueNames(contents.Clusters.Select(c => c.Name), "clusters");

            var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var writer = new ConfigWriter(text);
            writer.WriteRoot(hosts, physicalSwitches, contents.SwitchPairs, contents.SwitchLinks, contents.Clusters);
            writer._json.Flush();
            text.Write('\n');
            return text.ToString();
        }

        static void CheckUniqueNames(IEnumerable<string> names, string what)
        {
            var duplicate = names.GroupBy(n => n, Names.Comparer).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
                throw new VirtNetException(ErrorIds.DuplicateName, VirtNetErrorKind.InvalidArgument,
                    $"The export holds two {what} named '{Echo.Cut(duplicate.Key)}'. A configuration file names each once; rename one of them or export them to separate files.",
                    duplicate.Key);
        }

        void WriteRoot(IReadOnlyList<VNHost> hosts, IReadOnlyList<VNPhysicalSwitch> physicalSwitches, IReadOnlyList<VNSwitchPair> pairs,
            IReadOnlyList<VNSwitchLink> links, IReadOnlyList<VNCluster> clusters)
        {
            _json.WriteStartObject();
            Property("schemaVersion", ConfigFile.SchemaVersion);
            List("hosts", hosts, WriteHost);
            List("physicalSwitches", physicalSwitches, WritePhysicalSwitch);
            // Only files with pairs have the list, so files without any keep their bytes.
            if (pairs.Count > 0) List("switchPairs", pairs, WriteSwitchPair);
            if (links.Count > 0) List("switchLinks", links, WriteSwitchLink);
            List("clusters", clusters, WriteCluster);
            _json.WriteEndObject();
        }

        /// <summary>
        /// The effective settings, and the das.* options as given. Reading builds the cluster from both again; they
        /// agree, so the same cluster comes back (and the same warnings, such as a clamped policy delay).
        /// </summary>
        void WriteCluster(VNCluster cluster)
        {
            _json.WriteStartObject();
            Property("name", cluster.Name);
            Property("haAgent", cluster.HaAgent.ToString());
            List("hosts", cluster.Hosts, h => _json.WriteValue(h.Name));
            List("physicalSwitches", cluster.PhysicalSwitches, s => _json.WriteValue(s.Name));
            Property("failureDetectionTimeMs", cluster.FailureDetectionTime.HasValue ? (int)cluster.FailureDetectionTime.Value.TotalMilliseconds : (int?)null);
            List("isolationAddress", cluster.IsolationAddress, a => _json.WriteValue(a.ToString()));
            Property("useDefaultIsolationAddress", cluster.UseDefaultIsolationAddress);
            Property("isolationResponse", cluster.IsolationResponse.ToString());
            // Absent: vCenter chooses; a list (even empty): the datastores chosen by name.
            if (cluster.HeartbeatDatastorePolicy == HeartbeatDatastorePolicy.UserSelected)
                List("heartbeatDatastores", cluster.HeartbeatDatastore, d => _json.WriteValue(d));
            _json.WritePropertyName("advancedSettings");
            _json.WriteStartObject();
            foreach (var setting in cluster.AdvancedSetting) Property(setting.Key, setting.Value);
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        /// <summary>The peer link as switch/port paths, the primary's ports first; the primary is the first switch.</summary>
        void WriteSwitchPair(VNSwitchPair pair)
        {
            _json.WriteStartObject();
            Property("name", pair.Name);
            Property("kind", pair.Kind.ToString());
            List("physicalSwitches", pair.PhysicalSwitches, s => _json.WriteValue(s.Name));
            List("peerLink", pair.PeerLink, p => _json.WriteValue(p.Path));
            _json.WriteEndObject();
        }

        void WriteSwitchLink(VNSwitchLink link)
        {
            _json.WriteStartObject();
            Property("physicalSwitch", link.PhysicalSwitch.Name);
            Property("port", link.Port);
            Property("peerSwitch", link.PeerSwitch.Name);
            Property("peerPort", link.PeerPort);
            _json.WriteEndObject();
        }

        void WriteHost(VNHost host)
        {
            _json.WriteStartObject();
            Property("name", host.Name);
            Property("hypervisor", host.Hypervisor.ToString());
            Property("version", host.Version);
            Property("fqdn", host.Fqdn);
            Property("ipAddress", host.IPAddress?.ToString());
            Property("dnsResolution", host.DnsResolution.ToString());
            if (host.AdvancedSetting.Count > 0)
            {
                _json.WritePropertyName("advancedSettings");
                _json.WriteStartObject();
                foreach (var setting in host.AdvancedSetting) Property(setting.Key, setting.Value);
                _json.WriteEndObject();
            }
            _json.WritePropertyName("macAddressPool");
            WriteMacAddressPool(host.MacAddressPool);
            List("virtualSwitches", host.VirtualSwitches, WriteVirtualSwitch);
            // Written only when there are some, so that files of hosts without spare NICs stay as they were.
            if (host.UnusedNics.Count > 0) List("unusedNics", host.UnusedNics, WriteUnusedNic);
            List("vmKernelAdapters", host.VMKernelAdapters, WriteVMKernelAdapter);
            List("virtualMachines", host.VirtualMachines, WriteVirtualMachine);
            _json.WriteEndObject();
        }

        void WriteUnusedNic(VNPhysicalNic nic)
        {
            _json.WriteStartObject();
            Property("name", nic.Name);
            Property("speedMbps", nic.SpeedMbps);
            Property("macAddress", nic.MacAddress?.ToString());
            Property("linkStatus", nic.LinkStatus?.ToString());
            _json.WriteEndObject();
        }

        /// <summary>
        /// The pool as it stands, not just its source: a derived pool stays with the host's first address, which the
        /// file does not otherwise hold, and the allocation point decides which address the next VM gets.
        /// </summary>
        void WriteMacAddressPool(MacAddressPool pool)
        {
            if (pool == null)
            {
                _json.WriteNull();
                return;
            }
            _json.WriteStartObject();
            Property("minimum", pool.Minimum.ToString());
            Property("maximum", pool.Maximum.ToString());
            Property("source", pool.Source.ToString());
            Property("next", pool.Next.ToString());
            _json.WriteEndObject();
        }

        void WriteVirtualSwitch(VNVirtualSwitch vswitch)
        {
            _json.WriteStartObject();
            Property("name", vswitch.Name);
            Property("type", vswitch.Type.ToString());
            Property("numPorts", vswitch.NumPorts);
            Property("mtu", vswitch.Mtu);
            Property("nextPortId", vswitch.NextPortId);
            _json.WritePropertyName("hyperV");
            WriteHyperVSettings(vswitch);
            _json.WritePropertyName("bond");
            WriteBondSettings(vswitch);
            // The vSphere teaming policy is ESX's: Hyper-V switches and bonds team by the settings above.
            _json.WritePropertyName("teaming");
            if (vswitch.SwitchType.HasValue || vswitch.BondMode.HasValue) _json.WriteNull();
            else WriteTeaming(vswitch.Teaming);
            List("uplinks", vswitch.Uplinks, WriteUplink);
            List("portGroups", vswitch.PortGroups, WritePortGroup);
            _json.WriteEndObject();
        }

        /// <summary>Hyper-V switches only; null for the others. The algorithm is SET's own; an LBFO team has its own.</summary>
        void WriteHyperVSettings(VNVirtualSwitch vswitch)
        {
            if (!vswitch.SwitchType.HasValue)
            {
                _json.WriteNull();
                return;
            }
            _json.WriteStartObject();
            Property("switchType", vswitch.SwitchType.Value.ToString());
            Property("embeddedTeaming", vswitch.EmbeddedTeamingEnabled);
            Property("loadBalancingAlgorithm", vswitch.EmbeddedTeamingEnabled ? vswitch.LoadBalancingAlgorithm.Value.ToString() : null);
            _json.WritePropertyName("team");
            if (vswitch.Team == null) _json.WriteNull();
            else WriteTeam(vswitch.Team);
            _json.WriteEndObject();
        }

        void WriteTeam(VNTeam team)
        {
            _json.WriteStartObject();
            Property("name", team.Name);
            Property("teamingMode", team.TeamingMode.ToString());
            Property("loadBalancingAlgorithm", team.LoadBalancingAlgorithm.ToString());
            List("members", team.TeamMembers, _json.WriteValue);
            Property("standbyMember", team.StandbyMember);
            _json.WriteEndObject();
        }

        /// <summary>Linux bonds only; null for the others. Written under the kernel's names, as a Linux admin reads them.</summary>
        void WriteBondSettings(VNVirtualSwitch vswitch)
        {
            if (!vswitch.BondMode.HasValue)
            {
                _json.WriteNull();
                return;
            }
            _json.WriteStartObject();
            Property("mode", LinuxBonding.Name(vswitch.BondMode.Value));
            Property("xmitHashPolicy", LinuxBonding.Name(vswitch.XmitHashPolicy.Value));
            Property("primary", vswitch.Primary);
            Property("primaryReselect", vswitch.PrimaryReselect.Value.ToString().ToLowerInvariant());
            Property("adSelect", vswitch.AdSelect.Value.ToString().ToLowerInvariant());
            // The kernel refuses tlb_dynamic_lb in the other modes, so it is written only where it counts.
            if (vswitch.BondMode == BondMode.BalanceTlb || vswitch.BondMode == BondMode.BalanceAlb) Property("tlbDynamicLb", vswitch.TlbDynamicLb.Value);
            Property("miimon", vswitch.MiiMon);
            Property("updelay", vswitch.UpDelay);
            Property("downdelay", vswitch.DownDelay);
            _json.WriteEndObject();
        }

        /// <summary>Only the fields that are set: on a port group a missing field is inherited from the vSwitch.</summary>
        void WriteTeaming(TeamingSettings teaming)
        {
            _json.WriteStartObject();
            if (teaming.LoadBalancingPolicy.HasValue) Property("loadBalancingPolicy", teaming.LoadBalancingPolicy.Value.ToString());
            if (teaming.NetworkFailoverDetectionPolicy.HasValue) Property("networkFailoverDetectionPolicy", teaming.NetworkFailoverDetectionPolicy.Value.ToString());
            if (teaming.NotifySwitches.HasValue) Property("notifySwitches", teaming.NotifySwitches.Value);
            if (teaming.FailbackEnabled.HasValue) Property("failbackEnabled", teaming.FailbackEnabled.Value);
            if (teaming.IpHashVariant.HasValue) Property("ipHashVariant", teaming.IpHashVariant.Value.ToString());
            if (teaming.FailoverOrder != null)
            {
                _json.WritePropertyName("failoverOrder");
                _json.WriteStartObject();
                List("active", teaming.FailoverOrder.Active, _json.WriteValue);
                List("standby", teaming.FailoverOrder.Standby, _json.WriteValue);
                List("unused", teaming.FailoverOrder.Unused, _json.WriteValue);
                _json.WriteEndObject();
            }
            _json.WriteEndObject();
        }

        void WriteUplink(VNUplink uplink)
        {
            _json.WriteStartObject();
            Property("name", uplink.Name);
            Property("speedMbps", uplink.SpeedMbps);
            Property("macAddress", uplink.MacAddress?.ToString());
            Property("physicalSwitch", uplink.PhysicalSwitch?.Name);
            Property("switchPort", uplink.SwitchPort?.Name);
            _json.WriteEndObject();
        }

        void WritePortGroup(VNPortGroup portGroup)
        {
            _json.WriteStartObject();
            Property("name", portGroup.Name);
            Property("vlanId", portGroup.VLanId);
            _json.WritePropertyName("teaming");
            WriteTeaming(portGroup.Teaming);
            _json.WriteEndObject();
        }

        void WriteVMKernelAdapter(VNVMKernelAdapter adapter)
        {
            _json.WriteStartObject();
            Property("name", adapter.Name);
            Property("portGroup", adapter.PortGroup.Host.PortGroupReference(adapter.PortGroup));
            Property("ipAddress", adapter.IPAddress?.ToString());
            Property("prefixLength", adapter.PrefixLength);
            Property("gateway", adapter.Gateway?.ToString());
            Property("mtu", adapter.Mtu);
            List("purpose", adapter.Purpose, p => _json.WriteValue(p.ToString()));
            Property("macAddress", adapter.MacAddress?.ToString());
            Property("portId", adapter.PortId);
            _json.WriteEndObject();
        }

        void WriteVirtualMachine(VNVirtualMachine vm)
        {
            _json.WriteStartObject();
            Property("name", vm.Name);
            List("networkAdapters", vm.NetworkAdapters, WriteNetworkAdapter);
            _json.WriteEndObject();
        }

        void WriteNetworkAdapter(VNVMNetworkAdapter adapter)
        {
            _json.WriteStartObject();
            Property("portGroup", adapter.PortGroup == null ? null : adapter.PortGroup.Host.PortGroupReference(adapter.PortGroup));
            Property("macAddress", adapter.MacAddress?.ToString());
            Property("dynamicMacAddress", adapter.DynamicMacAddressEnabled);
            Property("ipAddress", adapter.IPAddress?.ToString());
            // A disconnected adapter has no port; -1 is the model's marker for that, not an id.
            Property("portId", adapter.Connected ? adapter.PortId : (int?)null);
            _json.WriteEndObject();
        }

        void WritePhysicalSwitch(VNPhysicalSwitch physicalSwitch)
        {
            _json.WriteStartObject();
            Property("name", physicalSwitch.Name);
            Property("model", physicalSwitch.Model);
            Property("stack", physicalSwitch.Stack);
            Property("loadBalance", physicalSwitch.LoadBalance.ToString());
            Property("spanningTree", physicalSwitch.SpanningTree.ToString());
            Property("forwardDelaySeconds", (int)physicalSwitch.ForwardDelay.TotalSeconds);
            Property("maxAgeSeconds", (int)physicalSwitch.MaxAge.TotalSeconds);
            Property("bridgePriority", physicalSwitch.BridgePriority);
            List("vlanBridgePriority", physicalSwitch.VLanBridgePriority, p =>
            {
                _json.WriteStartObject();
                Property("vlanId", p.Key);
                Property("priority", p.Value);
                _json.WriteEndObject();
            });
            List("ports", physicalSwitch.Ports, WriteSwitchPort);
            List("portChannels", physicalSwitch.PortChannels, WritePortChannel);
            List("endpoints", physicalSwitch.Endpoints, WriteEndpoint);
            _json.WriteEndObject();
        }

        void WriteSwitchPort(VNSwitchPort port)
        {
            _json.WriteStartObject();
            Property("name", port.Name);
            Property("mode", port.Mode.ToString());
            Property("accessVLan", port.AccessVLan);
            Property("nativeVLan", port.NativeVLan);
            Property("allowedVLan", port.AllowedVLan);
            Property("portFast", port.PortFast.ToString());
            Property("mtu", port.Mtu);
            Property("spanningTreeCost", port.SpanningTreeCost);
            _json.WriteEndObject();
        }

        void WritePortChannel(VNPortChannel channel)
        {
            _json.WriteStartObject();
            Property("name", channel.Name);
            Property("mode", channel.Mode.ToString());
            List("members", channel.Members, m => _json.WriteValue(m.Name));
            // Written only when a member's state is known, so that files of configured channels stay as they were.
            if (channel.Members.Any(m => m.MemberState.HasValue)) List("memberStates", channel.Members, m => _json.WriteValue(m.MemberState?.ToString()));
            _json.WriteEndObject();
        }

        void WriteEndpoint(VNEndpoint endpoint)
        {
            _json.WriteStartObject();
            Property("name", endpoint.Name);
            Property("ipAddress", endpoint.IPAddress.ToString());
            Property("vlanId", endpoint.VLanId);
            Property("respondsToPing", endpoint.RespondsToPing);
            Property("role", endpoint.Role.ToString());
            Property("macAddress", endpoint.MacAddress?.ToString());
            _json.WriteEndObject();
        }

        void Property(string name, string value)
        {
            _json.WritePropertyName(name);
            _json.WriteValue(value);
        }

        void Property(string name, int? value)
        {
            _json.WritePropertyName(name);
            _json.WriteValue(value);
        }

        void Property(string name, bool value)
        {
            _json.WritePropertyName(name);
            _json.WriteValue(value);
        }

        void List<T>(string name, IEnumerable<T> items, System.Action<T> writeItem)
        {
            _json.WritePropertyName(name);
            _json.WriteStartArray();
            foreach (var item in items) writeItem(item);
            _json.WriteEndArray();
        }
    }
}
