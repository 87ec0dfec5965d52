using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.HA
{
    /// <summary>What New-VNCluster was asked for; null fields take the defaults of the cluster's HA profile.</summary>
    public sealed class VNClusterSpec
    {
        public string Name { get; set; }
        public IReadOnlyList<VNHost> Hosts { get; set; } = new VNHost[0];
        /// <summary>Switches of the layer-2 fabric that no host is cabled to, such as a core switch holding the gateway.</summary>
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches { get; set; } = new VNPhysicalSwitch[0];
        public HaAgent? HaAgent { get; set; }
        public TimeSpan? FailureDetectionTime { get; set; }
        public IReadOnlyList<IPv4Address> IsolationAddress { get; set; } = new IPv4Address[0];
        public bool? UseDefaultIsolationAddress { get; set; }
        public IsolationResponse? IsolationResponse { get; set; }
        /// <summary>das.* advanced options: name to value (number, boolean or text).</summary>
        public IDictionary<string, object> AdvancedSetting { get; set; } = new Dictionary<string, object>();
        /// <summary>The heartbeat datastores chosen by name (an empty list: none); null lets vCenter choose.</summary>
        public IReadOnlyList<string> HeartbeatDatastore { get; set; }
    }

    /// <summary>What Set-VNCluster changes; null means unchanged.</summary>
    public sealed class VNClusterChange
    {
        public IReadOnlyList<VNHost> AddHost { get; set; }
        public IReadOnlyList<VNHost> RemoveHost { get; set; }
        public TimeSpan? FailureDetectionTime { get; set; }
        /// <summary>Replaces the isolation addresses (an empty list removes them all).</summary>
        public IReadOnlyList<IPv4Address> IsolationAddress { get; set; }
        public bool? UseDefaultIsolationAddress { get; set; }
        public IsolationResponse? IsolationResponse { get; set; }
        /// <summary>das.* options to set; a null value removes the option.</summary>
        public IDictionary<string, object> AdvancedSetting { get; set; }
        /// <summary>Replaces the chosen heartbeat datastores (an empty list: none).</summary>
        public IReadOnlyList<string> HeartbeatDatastore { get; set; }
        /// <summary>Automatic drops the chosen heartbeat datastores and lets vCenter choose again.</summary>
        public HeartbeatDatastorePolicy? HeartbeatDatastorePolicy { get; set; }
    }

    /// <summary>
    /// A VMware HA cluster: its hosts, the HA generation (profile) and the settings that decide when a host that
    /// loses its management network declares itself isolated. Built with <see cref="Create"/>, changed only through <see cref="Set"/>.
    /// A host may belong to several clusters, so one model can be tried with different settings.
    /// </summary>
    public sealed class VNCluster
    {
        public const int DefaultShutdownTimeoutSeconds = 300;
        public const int MinIsolationPolicyDelaySeconds = 30;
        public const int DefaultHeartbeatDatastores = 2;
        /// <summary>AAM makes the first five hosts to join primaries (HA Deepdive 4.1; Pearson).</summary>
        public const int AamPrimaryCount = 5;

        VNCluster() { }

        public string Name { get; private set; }
        public IReadOnlyList<VNHost> Hosts { get; private set; }
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches { get; private set; }
        public HaAgent HaAgent { get; private set; }
        public HaProfile HaProfile { get; private set; }
        /// <summary>das.failuredetectiontime (F) of legacy HA; null on FDM, which has no such setting.</summary>
        public TimeSpan? FailureDetectionTime { get; private set; }
        /// <summary>das.failuredetectioninterval: the heartbeat period (1 s).</summary>
        public TimeSpan FailureDetectionInterval { get; private set; }
        /// <summary>das.isolationaddress and das.isolationaddress0..9, in that order.</summary>
        public IReadOnlyList<IPv4Address> IsolationAddress { get; private set; }
        /// <summary>das.usedefaultisolationaddress: whether the management gateway is pinged as well.</summary>
        public bool UseDefaultIsolationAddress { get; private set; }
        public IsolationResponse IsolationResponse { get; private set; }
        /// <summary>das.isolationShutdownTimeout: how long Shut down waits before powering off (300 s).</summary>
        public TimeSpan IsolationShutdownTimeout { get; private set; }
        /// <summary>The effective das.config.fdm.isolationPolicyDelaySec: at least 30 s on FDM 5.1+, zero otherwise.</summary>
        public TimeSpan IsolationPolicyDelay { get; private set; }
        /// <summary>das.heartbeatDsPerHost as set (2 by default; the product documents 2 to 5).</summary>
        public int HeartbeatDatastoresPerHost { get; private set; }
        /// <summary>Who chooses the heartbeat datastores: vCenter among the hosts' datastores, or the user by name.</summary>
        public HeartbeatDatastorePolicy HeartbeatDatastorePolicy { get; private set; }
        /// <summary>The heartbeat datastores chosen by name (user-selected policy); empty with the automatic policy.</summary>
        public IReadOnlyList<string> HeartbeatDatastore { get; private set; }
        /// <summary>
        /// How many datastores each host heartbeats to: das.heartbeatDsPerHost with the automatic policy, at most the
        /// chosen ones otherwise. With none, FDM's master cannot tell a partitioned or isolated host from a failed one.
        /// </summary>
        public int HeartbeatDatastoreCount => HaAgent != HaAgent.Fdm ? 0
            : HeartbeatDatastorePolicy == HeartbeatDatastorePolicy.Automatic ? HeartbeatDatastoresPerHost
            : Math.Min(HeartbeatDatastore.Count, HeartbeatDatastoresPerHost);
        /// <summary>das.allowNetworkN: the port groups HA may use; empty means every management network.</summary>
        public IReadOnlyList<string> AllowNetwork { get; private set; }
        /// <summary>das.ignoreRedundantNetWarning.</summary>
        public bool IgnoreRedundantNetWarning { get; private set; }
        /// <summary>The das.* options as given, under their canonical names, values as text.</summary>
        public IReadOnlyDictionary<string, string> AdvancedSetting { get; private set; }
        public string Path => Name;

        /// <summary>AAM primaries: the first <see cref="AamPrimaryCount"/> hosts.</summary>
        public bool IsPrimary(VNHost host)
        {
            int index = IndexOf(host);
            return index >= 0 && index < AamPrimaryCount;
        }

        /// <summary>
        /// The FDM master the model starts from: the first host. The real election prefers the host with the most
        /// datastores, then the highest managed object id (HA Deepdive), neither of which the model knows.
        /// </summary>
        public VNHost Master => Hosts[0];

        internal int IndexOf(VNHost host)
        {
            for (int i = 0; i < Hosts.Count; i++) if (Hosts[i] == host) return i;
            return -1;
        }

        /// <summary>
        /// Validates the request and builds the cluster. Warnings (values clamped as the product clamps them,
        /// settings that have no effect on this profile, unknown das.* names) go to <paramref name="warnings"/>.
        /// </summary>
        public static VNCluster Create(VNClusterSpec spec, ICollection<string> warnings)
        {
            var name = Names.Check(spec.Name, "cluster");
            var hosts = CheckHosts(name, spec.Hosts ?? new VNHost[0]);
            var agent = spec.HaAgent ?? (hosts.Any(h => h.VersionInfo.IsAtLeast(5, 0)) ? HaAgent.Fdm : HaAgent.Aam);
            var newest = hosts.Select(h => h.VersionInfo).Max();
            if (agent == HaAgent.Aam && newest.IsAtLeast(5, 0))
                throw new VirtNetException(ErrorIds.InvalidCluster, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{Echo.Cut(name)}': legacy HA (AAM) does not run on ESXi {newest}; vSphere 5.0 replaced it with FDM. Use -HaAgent Fdm.", agent);
            var profile = ProfileFor(agent, newest);
            var settings = DasSettings.Parse(spec.AdvancedSetting, warnings);

            var cluster = new VNCluster
            {
                Name = name,
                Hosts = hosts,
                PhysicalSwitches = (spec.PhysicalSwitches ?? new VNPhysicalSwitch[0]).Where(s => s != null).Distinct().ToList(),
                HaAgent = agent,
                HaProfile = profile,
                FailureDetectionInterval = TimeSpan.FromMilliseconds(settings.FailureDetectionIntervalMs ?? 1000),
                IsolationShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds ?? DefaultShutdownTimeoutSeconds),
                HeartbeatDatastoresPerHost = settings.HeartbeatDatastoresPerHost ?? DefaultHeartbeatDatastores,
                AllowNetwork = settings.AllowNetwork,
                IgnoreRedundantNetWarning = settings.IgnoreRedundantNetWarning ?? false,
                AdvancedSetting = settings.Canonical,
                HeartbeatDatastorePolicy = spec.HeartbeatDatastore == null ? HeartbeatDatastorePolicy.Automatic : HeartbeatDatastorePolicy.UserSelected,
                HeartbeatDatastore = CheckDatastores(name, spec.HeartbeatDatastore),
            };
            if (agent == HaAgent.Aam && cluster.HeartbeatDatastorePolicy == HeartbeatDatastorePolicy.UserSelected)
                warnings.Add($"Cluster '{name}': heartbeat datastores arrived with FDM (vSphere 5.0); legacy HA (AAM) ignores them.");
            cluster.FailureDetectionTime = ResolveFailureDetectionTime(cluster, spec.FailureDetectionTime, settings.FailureDetectionTimeMs, warnings);
            if (agent == HaAgent.Fdm && settings.FailureDetectionIntervalMs.HasValue)
                warnings.Add($"Cluster '{Echo.Cut(name)}': das.failuredetectioninterval is a legacy HA (AAM) setting; FDM heartbeats every second regardless.");
            if (agent == HaAgent.Aam && cluster.FailureDetectionInterval >= cluster.FailureDetectionTime.Value - TimeSpan.FromSeconds(3))
                throw new VirtNetException(ErrorIds.InvalidAdvancedSetting, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{Echo.Cut(name)}': das.failuredetectioninterval {cluster.FailureDetectionInterval.TotalMilliseconds} ms is not shorter than F - 3 s " +
                    $"(F = {cluster.FailureDetectionTime.Value.TotalMilliseconds} ms), so no heartbeat could arrive before the isolation check. Use a shorter interval.", settings.FailureDetectionIntervalMs);
            cluster.UseDefaultIsolationAddress = Merge(name, "-UseDefaultIsolationAddress", spec.UseDefaultIsolationAddress,
                "das.usedefaultisolationaddress", settings.UseDefaultIsolationAddress) ?? true;
            cluster.IsolationResponse = spec.IsolationResponse ?? DefaultResponse(profile);
            cluster.IsolationAddress = settings.IsolationAddress.Concat(spec.IsolationAddress ?? new IPv4Address[0]).Distinct().ToList();
            cluster.IsolationPolicyDelay = ResolvePolicyDelay(name, profile, settings.IsolationPolicyDelaySeconds, warnings);
            if (!cluster.UseDefaultIsolationAddress && cluster.IsolationAddress.Count == 0)
                warnings.Add($"Cluster '{Echo.Cut(name)}': das.usedefaultisolationaddress is false and no das.isolationaddress is set, so an isolated host has nothing to ping.");
            foreach (var host in hosts)
                if (cluster.ManagementAdapters(host).Count == 0)
                    throw NoManagementNetwork(cluster, host);
            return cluster;
        }

        /// <summary>
        /// Changes the cluster as Set-Cluster and the cluster's advanced options do in vCenter: what
        /// <paramref name="change"/> leaves null stays as it is. The changed cluster is validated as a new one would
        /// be, and a refused change leaves the cluster as it was. A parameter and the das.* option it stands for are
        /// one setting, so giving one drops the other (-FailureDetectionTime replaces das.failuredetectiontime,
        /// -IsolationAddress replaces every das.isolationaddress option); a das.* option given as null is removed.
        /// </summary>
        public void Set(VNClusterChange change, ICollection<string> warnings)
        {
            var settings = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in AdvancedSetting) settings[pair.Key] = pair.Value;
            var fromSettings = new HashSet<IPv4Address>(AdvancedSetting.Where(p => DasSettings.IsIsolationAddress(p.Key)).Select(p => IPv4Address.Parse(p.Value)));
            var spec = new VNClusterSpec
            {
                Name = Name,
                Hosts = Hosts.Concat(change.AddHost ?? new VNHost[0]).Where(h => h != null && !(change.RemoveHost ?? new VNHost[0]).Contains(h)).ToList(),
                PhysicalSwitches = PhysicalSwitches,
                HaAgent = HaAgent,
                FailureDetectionTime = FailureDetectionTime,
                IsolationAddress = IsolationAddress.Where(a => !fromSettings.Contains(a)).ToList(),
                UseDefaultIsolationAddress = UseDefaultIsolationAddress,
                IsolationResponse = change.IsolationResponse ?? IsolationResponse,
                AdvancedSetting = settings,
                HeartbeatDatastore = change.HeartbeatDatastorePolicy == HA.HeartbeatDatastorePolicy.Automatic ? null
                    : change.HeartbeatDatastore ?? (HeartbeatDatastorePolicy == HA.HeartbeatDatastorePolicy.UserSelected ? HeartbeatDatastore : null),
            };
            if (change.HeartbeatDatastorePolicy == HA.HeartbeatDatastorePolicy.Automatic && change.HeartbeatDatastore != null)
                throw new VirtNetException(ErrorIds.ConflictingClusterSetting, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{Name}': heartbeat datastores chosen by name contradict the Automatic policy. Give the names (the UserSelected policy) or Automatic, not both.", change.HeartbeatDatastore);
            if (change.HeartbeatDatastorePolicy == HA.HeartbeatDatastorePolicy.UserSelected && change.HeartbeatDatastore == null && HeartbeatDatastorePolicy == HA.HeartbeatDatastorePolicy.Automatic)
                throw new VirtNetException(ErrorIds.ConflictingClusterSetting, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{Name}': the UserSelected heartbeat datastore policy needs the datastores' names. Give them with -HeartbeatDatastore (an empty list for none).", change.HeartbeatDatastorePolicy);
            foreach (var pair in change.AdvancedSetting ?? new Dictionary<string, object>())
            {
                var name = (pair.Key ?? "").Trim();
                foreach (var key in settings.Keys.Where(k => Names.Comparer.Equals(k, name)).ToList()) settings.Remove(key);
                if (pair.Value != null) settings[name] = pair.Value;
                if (DasSettings.IsFailureDetectionTime(name)) spec.FailureDetectionTime = null;
                if (DasSettings.IsUseDefaultIsolationAddress(name)) spec.UseDefaultIsolationAddress = null;
            }
            if (change.FailureDetectionTime.HasValue)
            {
                spec.FailureDetectionTime = change.FailureDetectionTime;
                foreach (var key in settings.Keys.Where(DasSettings.IsFailureDetectionTime).ToList()) settings.Remove(key);
            }
            if (change.UseDefaultIsolationAddress.HasValue)
            {
                spec.UseDefaultIsolationAddress = change.UseDefaultIsolationAddress;
                foreach (var key in settings.Keys.Where(DasSettings.IsUseDefaultIsolationAddress).ToList()) settings.Remove(key);
            }
            if (change.IsolationAddress != null)
            {
                spec.IsolationAddress = change.IsolationAddress;
                foreach (var key in settings.Keys.Where(DasSettings.IsIsolationAddress).ToList()) settings.Remove(key);
            }
            var changed = Create(spec, warnings);
            Hosts = changed.Hosts;
            HaProfile = changed.HaProfile;
            FailureDetectionTime = changed.FailureDetectionTime;
            FailureDetectionInterval = changed.FailureDetectionInterval;
            IsolationAddress = changed.IsolationAddress;
            UseDefaultIsolationAddress = changed.UseDefaultIsolationAddress;
            IsolationResponse = changed.IsolationResponse;
            IsolationShutdownTimeout = changed.IsolationShutdownTimeout;
            IsolationPolicyDelay = changed.IsolationPolicyDelay;
            HeartbeatDatastoresPerHost = changed.HeartbeatDatastoresPerHost;
            HeartbeatDatastorePolicy = changed.HeartbeatDatastorePolicy;
            HeartbeatDatastore = changed.HeartbeatDatastore;
            AllowNetwork = changed.AllowNetwork;
            IgnoreRedundantNetWarning = changed.IgnoreRedundantNetWarning;
            AdvancedSetting = changed.AdvancedSetting;
        }

        static IReadOnlyList<VNHost> CheckHosts(string name, IReadOnlyList<VNHost> given)
        {
            var hosts = new List<VNHost>();
            foreach (var host in given)
            {
                if (host == null) continue;
                if (host.Hypervisor != Hypervisor.Esx)
                    throw new VirtNetException(ErrorIds.InvalidCluster, VirtNetErrorKind.InvalidArgument,
                        $"Host '{host.Name}' is {host.Hypervisor}; VMware HA clusters hold ESX/ESXi hosts only.", host);
                if (hosts.Contains(host)) continue;
                if (hosts.Any(h => Names.Comparer.Equals(h.Name, host.Name)))
                    throw new VirtNetException(ErrorIds.DuplicateName, VirtNetErrorKind.InvalidArgument,
                        $"Cluster '{Echo.Cut(name)}' already has a host named '{host.Name}'. Host names must be unique in a cluster.", host);
                hosts.Add(host);
            }
            // vSphere accepts a one-host cluster (no other host can restart its VMs: rule VNH010 says so).
            if (hosts.Count == 0)
                throw new VirtNetException(ErrorIds.InvalidCluster, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{Echo.Cut(name)}' has no host. Give at least one ESX/ESXi host.", name);
            return hosts;
        }

        /// <summary>Datastore names as vCenter takes them: trimmed, each once (case-insensitively), in the order given.</summary>
        static IReadOnlyList<string> CheckDatastores(string cluster, IReadOnlyList<string> given)
        {
            var names = new List<string>();
            foreach (var datastore in given ?? new string[0])
            {
                var name = Names.Check(datastore, "heartbeat datastore of cluster " + cluster);
                if (!names.Contains(name, Names.Comparer)) names.Add(name);
            }
            return names;
        }

        /// <summary>
        /// The generation follows the newest host: vCenter is at least that new, and it is vCenter that sets new
        /// clusters' defaults (HA Deepdive). FDM on hosts older than 5.0 means a vCenter 5.x pushed FDM to them;
        /// the model takes 5.1 or later, the usual case.
        /// </summary>
        static HaProfile ProfileFor(HaAgent agent, HostVersion newest)
        {
            if (agent == HaAgent.Fdm)
                return newest.IsAtLeast(5, 1) || !newest.IsAtLeast(5, 0) ? HaProfile.Fdm51 : HaProfile.Fdm50;
            if (newest.IsAtLeast(4, 0)) return HaProfile.Aam4;
            return newest.IsAtLeast(3, 5) && newest.Update >= 3 ? HaProfile.Aam35U3 : HaProfile.AamUpTo35U2;
        }

        /// <summary>Defaults of new clusters (HA Deepdive; yellow-bricks "Leave powered on", 2008; KB322784).</summary>
        public static IsolationResponse DefaultResponse(HaProfile profile)
        {
            switch (profile)
            {
                case HaProfile.AamUpTo35U2: return IsolationResponse.PowerOff;
                case HaProfile.Aam4: return IsolationResponse.ShutDown;
                default: return IsolationResponse.LeaveOn;
            }
        }

        static TimeSpan? ResolveFailureDetectionTime(VNCluster cluster, TimeSpan? parameter, long? advancedMs, ICollection<string> warnings)
        {
            if (cluster.HaAgent == HaAgent.Fdm)
            {
                if (parameter.HasValue || advancedMs.HasValue)
                    warnings.Add($"Cluster '{cluster.Name}': FDM (vSphere 5.0 and later) ignores das.failuredetectiontime; its timeline is fixed (isolated at 30 s for a slave, 5 s for the master).");
                return null;
            }
            if (parameter.HasValue && parameter.Value.Ticks % TimeSpan.TicksPerMillisecond != 0)
                throw new VirtNetException(ErrorIds.InvalidAdvancedSetting, VirtNetErrorKind.InvalidArgument,
                    $"-FailureDetectionTime {parameter.Value.TotalSeconds} s is not a whole number of milliseconds, as das.failuredetectiontime needs.", parameter);
            long? parameterMs = parameter.HasValue ? (long)parameter.Value.TotalMilliseconds : (long?)null;
            var ms = Merge(cluster.Name, "-FailureDetectionTime", parameterMs, "das.failuredetectiontime", advancedMs) ?? 15000;
            DasSettings.CheckFailureDetectionTime(ms);
            return TimeSpan.FromMilliseconds(ms);
        }

        static TimeSpan ResolvePolicyDelay(string name, HaProfile profile, long? seconds, ICollection<string> warnings)
        {
            if (profile != HaProfile.Fdm51)
            {
                if (seconds.HasValue)
                    warnings.Add($"Cluster '{Echo.Cut(name)}': das.config.fdm.isolationPolicyDelaySec arrived with vSphere 5.1; {profile} ignores it.");
                return TimeSpan.Zero;
            }
            var value = seconds ?? MinIsolationPolicyDelaySeconds;
            if (value < MinIsolationPolicyDelaySeconds)
            {
                // HA Deepdive: "values below 30 are treated as 30".
                warnings.Add($"Cluster '{Echo.Cut(name)}': das.config.fdm.isolationPolicyDelaySec {value} is below the minimum; FDM uses {MinIsolationPolicyDelaySeconds} s.");
                value = MinIsolationPolicyDelaySeconds;
            }
            return TimeSpan.FromSeconds(value);
        }

        static T? Merge<T>(string cluster, string parameter, T? fromParameter, string setting, T? fromSetting) where T : struct
        {
            if (fromParameter.HasValue && fromSetting.HasValue && !fromParameter.Value.Equals(fromSetting.Value))
                throw new VirtNetException(ErrorIds.ConflictingClusterSetting, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{cluster}': {parameter} {fromParameter.Value} contradicts {setting} {fromSetting.Value}. Give the value once.", setting);
            return fromParameter ?? fromSetting;
        }

        /// <summary>
        /// The interfaces HA heartbeats over: Service Console ports on ESX, management VMkernel ports on ESXi
        /// (a classic ESX host's VMkernel ports are not on the Service Console's network stack), limited to the
        /// das.allowNetworkN port groups when any are set. Creation order, as the host holds them.
        /// </summary>
        public IReadOnlyList<VNVMKernelAdapter> ManagementAdapters(VNHost host)
        {
            bool classic = host.VMKernelAdapters.Any(a => a.IsServiceConsole);
            return host.VMKernelAdapters
                .Where(a => a.Connected && (classic ? a.IsServiceConsole : a.IsManagement))
                .Where(a => AllowNetwork.Count == 0 || AllowNetwork.Contains(a.PortGroup.Name, Names.Comparer))
                .ToList();
        }

        /// <summary>
        /// The addresses <paramref name="host"/> pings when it hears no heartbeat: its management gateway when
        /// das.usedefaultisolationaddress is true, then the das.isolationaddress options, each once.
        /// </summary>
        public IReadOnlyList<IPv4Address> IsolationAddressesOf(VNHost host)
        {
            var addresses = new List<IPv4Address>();
            var gateway = ManagementAdapters(host).Select(a => a.Gateway).FirstOrDefault(g => g.HasValue);
            if (UseDefaultIsolationAddress && gateway.HasValue) addresses.Add(gateway.Value);
            addresses.AddRange(IsolationAddress.Where(a => !addresses.Contains(a)));
            return addresses;
        }

        /// <summary>
        /// What the model has at an isolation address: an endpoint of the switches the hosts are cabled to or that
        /// the cluster lists (<see cref="VNEndpoint"/>), or a connected adapter of one of its hosts (<see cref="VNVMKernelAdapter"/>);
        /// null when nothing is modelled there. The one assumption for such an address, which Test-VNHaIsolation and
        /// the configuration rules share: nothing answers ping there. The model cannot know what answers, and
        /// assuming an answer would hide an isolation; rule VNH011 reports each such address.
        /// </summary>
        public object IsolationTargetAt(IPv4Address address)
        {
            // The switches the hosts are cabled to or given, and those their switch links reach (a gateway on a distribution switch).
            var switches = Hosts.SelectMany(h => h.Uplinks).Select(u => u.PhysicalSwitch).Where(s => s != null).Concat(PhysicalSwitches).Distinct().ToList();
            SpanningTree.SwitchFabric.Close(switches);
            return (object)switches.SelectMany(s => s.Endpoints).FirstOrDefault(e => e.IPAddress == address)
                ?? Hosts.SelectMany(h => h.VMKernelAdapters).FirstOrDefault(a => a.Connected && a.IPAddress == address);
        }

        internal static VirtNetException NoManagementNetwork(VNCluster cluster, VNHost host) =>
            new VirtNetException(ErrorIds.NoManagementNetwork, VirtNetErrorKind.InvalidData,
                $"Host '{host.Name}' has no connected Service Console or management VMkernel adapter" +
                (cluster.AllowNetwork.Count > 0 ? " on the das.allowNetwork port groups (" + string.Join(", ", cluster.AllowNetwork) + ")" : "") +
                ", so HA cannot heartbeat from it (HostNoAvailableNetworksEvent). Add one with Add-VNVMKernelAdapter -Purpose ServiceConsole or Management.", host);

        /// <summary>
        /// Takes over the HA settings of <paramref name="other"/>, a cluster built from this one's hosts with some
        /// settings changed (the planner's -Apply): the cluster stays the one object scripts and results refer to.
        /// </summary>
        internal void TakeSettingsOf(VNCluster other)
        {
            FailureDetectionTime = other.FailureDetectionTime;
            IsolationAddress = other.IsolationAddress;
            UseDefaultIsolationAddress = other.UseDefaultIsolationAddress;
            AdvancedSetting = other.AdvancedSetting;
        }

        public override string ToString() => Name;
    }
}
