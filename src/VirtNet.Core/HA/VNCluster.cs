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
    }

    /// <summary>
    /// A VMware HA cluster: its hosts, the HA generation (profile) and the settings that decide when a host that
    /// loses its management network declares itself isolated. Built with <see cref="Create"/>, read-only afterwards.
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
                    $"Cluster '{name}': legacy HA (AAM) does not run on ESXi {newest}; vSphere 5.0 replaced it with FDM. Use -HaAgent Fdm.", agent);
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
            };
            cluster.FailureDetectionTime = ResolveFailureDetectionTime(cluster, spec.FailureDetectionTime, settings.FailureDetectionTimeMs, warnings);
            if (agent == HaAgent.Fdm && settings.FailureDetectionIntervalMs.HasValue)
                warnings.Add($"Cluster '{name}': das.failuredetectioninterval is a legacy HA (AAM) setting; FDM heartbeats every second regardless.");
            if (agent == HaAgent.Aam && cluster.FailureDetectionInterval >= cluster.FailureDetectionTime.Value - TimeSpan.FromSeconds(3))
                throw new VirtNetException(ErrorIds.InvalidAdvancedSetting, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{name}': das.failuredetectioninterval {cluster.FailureDetectionInterval.TotalMilliseconds} ms is not shorter than F - 3 s " +
                    $"(F = {cluster.FailureDetectionTime.Value.TotalMilliseconds} ms), so no heartbeat could arrive before the isolation check. Use a shorter interval.", settings.FailureDetectionIntervalMs);
            cluster.UseDefaultIsolationAddress = Merge(name, "-UseDefaultIsolationAddress", spec.UseDefaultIsolationAddress,
                "das.usedefaultisolationaddress", settings.UseDefaultIsolationAddress) ?? true;
            cluster.IsolationResponse = spec.IsolationResponse ?? DefaultResponse(profile);
            cluster.IsolationAddress = settings.IsolationAddress.Concat(spec.IsolationAddress ?? new IPv4Address[0]).Distinct().ToList();
            cluster.IsolationPolicyDelay = ResolvePolicyDelay(name, profile, settings.IsolationPolicyDelaySeconds, warnings);
            if (!cluster.UseDefaultIsolationAddress && cluster.IsolationAddress.Count == 0)
                warnings.Add($"Cluster '{name}': das.usedefaultisolationaddress is false and no das.isolationaddress is set, so an isolated host has nothing to ping.");
            foreach (var host in hosts)
                if (cluster.ManagementAdapters(host).Count == 0)
                    throw NoManagementNetwork(cluster, host);
            return cluster;
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
                        $"Cluster '{name}' already has a host named '{host.Name}'. Host names must be unique in a cluster.", host);
                hosts.Add(host);
            }
            if (hosts.Count < 2)
                throw new VirtNetException(ErrorIds.InvalidCluster, VirtNetErrorKind.InvalidArgument,
                    $"Cluster '{name}' has {hosts.Count} host(s). HA isolation needs at least two hosts that heartbeat to each other.", name);
            return hosts;
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
                    warnings.Add($"Cluster '{name}': das.config.fdm.isolationPolicyDelaySec arrived with vSphere 5.1; {profile} ignores it.");
                return TimeSpan.Zero;
            }
            var value = seconds ?? MinIsolationPolicyDelaySeconds;
            if (value < MinIsolationPolicyDelaySeconds)
            {
                // HA Deepdive: "values below 30 are treated as 30".
                warnings.Add($"Cluster '{name}': das.config.fdm.isolationPolicyDelaySec {value} is below the minimum; FDM uses {MinIsolationPolicyDelaySeconds} s.");
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
