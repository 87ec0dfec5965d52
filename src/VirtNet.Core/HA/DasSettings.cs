using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.HA
{
    /// <summary>
    /// The das.* advanced options VirtNet simulates, parsed and checked (names from the HA Deepdive's
    /// advanced_settings.md, KB 1004700 and yellow-bricks' das.allowNetwork post).
    /// Names compare case-insensitively, as vCenter's do.
    /// </summary>
    internal sealed class DasSettings
    {
        const string FailureDetectionTime = "das.failuredetectiontime";
        const string FailureDetectionInterval = "das.failuredetectioninterval";
        const string IsolationAddressPrefix = "das.isolationaddress";
        const string UseDefaultIsolationAddressName = "das.usedefaultisolationaddress";
        const string ShutdownTimeout = "das.isolationShutdownTimeout";
        const string AllowNetworkPrefix = "das.allowNetwork";
        const string IgnoreRedundantNetWarningName = "das.ignoreRedundantNetWarning";
        internal const string IsolationPolicyDelay = "das.config.fdm.isolationPolicyDelaySec";
        internal const string HeartbeatDsPerHost = "das.heartbeatDsPerHost";
        internal const long MinFailureDetectionTimeMs = 4000;

        static readonly Regex Indexed = new Regex(@"^(das\.isolationaddress|das\.allownetwork)(\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public long? FailureDetectionTimeMs;
        public long? FailureDetectionIntervalMs;
        public bool? UseDefaultIsolationAddress;
        public long? ShutdownTimeoutSeconds;
        public long? IsolationPolicyDelaySeconds;
        public int? HeartbeatDatastoresPerHost;
        public bool? IgnoreRedundantNetWarning;
        public readonly List<IPv4Address> IsolationAddress = new List<IPv4Address>();
        public readonly List<string> AllowNetwork = new List<string>();
        public readonly SortedDictionary<string, string> Canonical = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public static DasSettings Parse(IDictionary<string, object> given, ICollection<string> warnings)
        {
            var settings = new DasSettings();
            var addresses = new SortedDictionary<int, IPv4Address>();
            var networks = new SortedDictionary<int, string>();
            foreach (var pair in given ?? new Dictionary<string, object>())
            {
                var name = (pair.Key ?? "").Trim();
                if (!name.StartsWith("das.", StringComparison.OrdinalIgnoreCase))
                    throw Invalid(name, pair.Value, "is not an HA advanced option. Use das.* names, such as das.isolationaddress0");
                string canonical;
                var indexed = Indexed.Match(name);
                if (indexed.Success)
                {
                    int index = int.Parse(indexed.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (indexed.Groups[1].Value.Equals(IsolationAddressPrefix, StringComparison.OrdinalIgnoreCase))
                    {
                        canonical = IsolationAddressPrefix + index.ToString(CultureInfo.InvariantCulture);
                        var address = Address(canonical, pair.Value);
                        // The HA Deepdive documents 0-9; vsphere-land lists 1-10. Accept 10 with a warning.
                        if (index > 10)
                        {
                            Unknown(canonical, warnings);
                            settings.Record(canonical, address.ToString());
                            continue;
                        }
                        if (index == 10)
                            warnings.Add($"{canonical}: the HA Deepdive documents das.isolationaddress0 to 9 only; some releases may ignore index 10. VirtNet uses it.");
                        addresses[index] = address;
                        settings.Record(canonical, address.ToString());
                    }
                    else
                    {
                        canonical = AllowNetworkPrefix + index.ToString(CultureInfo.InvariantCulture);
                        var portGroup = Convert.ToString(pair.Value, CultureInfo.InvariantCulture)?.Trim();
                        if (string.IsNullOrEmpty(portGroup))
                            throw Invalid(canonical, pair.Value, "needs a port group name, such as 'Service Console' or 'Management Network'");
                        networks[index] = portGroup;
                        settings.Record(canonical, portGroup);
                    }
                    continue;
                }
                switch (name.ToLowerInvariant())
                {
                    case "das.failuredetectiontime":
                        settings.FailureDetectionTimeMs = CheckFailureDetectionTime(Integer(FailureDetectionTime, pair.Value, 0));
                        settings.Record(FailureDetectionTime, settings.FailureDetectionTimeMs.Value);
                        break;
                    case "das.failuredetectioninterval":
                        settings.FailureDetectionIntervalMs = Integer(FailureDetectionInterval, pair.Value, 100);
                        settings.Record(FailureDetectionInterval, settings.FailureDetectionIntervalMs.Value);
                        break;
                    case "das.isolationaddress":
                        // The bare name is the oldest form (Availability Guide 4.0); it is pinged before the indexed ones.
                        var bare = Address(IsolationAddressPrefix, pair.Value);
                        addresses[-1] = bare;
                        settings.Record(IsolationAddressPrefix, bare.ToString());
                        break;
                    case "das.usedefaultisolationaddress":
                        settings.UseDefaultIsolationAddress = Boolean(UseDefaultIsolationAddressName, pair.Value);
                        settings.Record(UseDefaultIsolationAddressName, settings.UseDefaultIsolationAddress.Value);
                        break;
                    case "das.isolationshutdowntimeout":
                        settings.ShutdownTimeoutSeconds = Integer(ShutdownTimeout, pair.Value, 0);
                        settings.Record(ShutdownTimeout, settings.ShutdownTimeoutSeconds.Value);
                        break;
                    case "das.ignoreredundantnetwarning":
                        settings.IgnoreRedundantNetWarning = Boolean(IgnoreRedundantNetWarningName, pair.Value);
                        settings.Record(IgnoreRedundantNetWarningName, settings.IgnoreRedundantNetWarning.Value);
                        break;
                    case "das.config.fdm.isolationpolicydelaysec":
                        settings.IsolationPolicyDelaySeconds = Integer(IsolationPolicyDelay, pair.Value, 0);
                        settings.Record(IsolationPolicyDelay, settings.IsolationPolicyDelaySeconds.Value);
                        break;
                    case "das.heartbeatdsperhost":
                        settings.HeartbeatDatastoresPerHost = (int)Math.Min(int.MaxValue, Integer(HeartbeatDsPerHost, pair.Value, 0));
                        settings.Record(HeartbeatDsPerHost, settings.HeartbeatDatastoresPerHost.Value);
                        break;
                    default:
                        Unknown(name, warnings);
                        settings.Record(name, pair.Value);
                        break;
                }
            }
            settings.IsolationAddress.AddRange(addresses.Values.Distinct());
            settings.AllowNetwork.AddRange(networks.Values.Distinct(Names.Comparer));
            return settings;
        }

        internal static long CheckFailureDetectionTime(long ms)
        {
            // The isolation check runs at F - 3 s (Nobel; KB322784), so F must leave room for it.
            if (ms < MinFailureDetectionTimeMs)
                throw Invalid(FailureDetectionTime, ms, $"is below {MinFailureDetectionTimeMs} ms; the isolation check runs at F - 3 s. " +
                    "Use milliseconds: 15000 is the default, 20000 or more with extra isolation addresses");
            return ms;
        }

        void Record(string name, object value)
        {
            if (Canonical.ContainsKey(name))
                throw Invalid(name, value, "is given twice (names differ only in case). Give each option once");
            Canonical[name] = value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        static void Unknown(string name, ICollection<string> warnings) =>
            warnings.Add($"{name} is not an HA advanced option VirtNet simulates; it is kept but has no effect.");

        static long Integer(string name, object value, long minimum)
        {
            long result;
            switch (value)
            {
                case int i: result = i; break;
                case long l: result = l; break;
                case short s: result = s; break;
                case byte b: result = b; break;
                case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed): result = parsed; break;
                case double d when d == Math.Floor(d) && Math.Abs(d) < long.MaxValue: result = (long)d; break;
                default: throw Invalid(name, value, "needs a whole number");
            }
            if (result < minimum)
                throw Invalid(name, value, $"must be at least {minimum}");
            return result;
        }

        static bool Boolean(string name, object value)
        {
            if (value is bool b) return b;
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
            throw Invalid(name, value, "needs true or false");
        }

        static IPv4Address Address(string name, object value)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (IPv4Address.TryParse(text, out var address)) return address;
            throw Invalid(name, value, "needs an IPv4 address, such as 192.168.1.1");
        }

        static VirtNetException Invalid(string name, object value, string problem) =>
            new VirtNetException(ErrorIds.InvalidAdvancedSetting, VirtNetErrorKind.InvalidArgument,
                $"Advanced setting {name} = '{value}' {problem}.", name);
    }
}
