using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VirtNet.HA
{
    /// <summary>
    /// One thing that fails in a scenario: a link (given by its uplink or its switch port), a switch, a stack member,
    /// an endpoint or a host, from <see cref="At"/> until <see cref="Until"/> (null: for the rest of the scenario).
    /// The target is a model object or a name resolved against the cluster when the scenario runs:
    /// "esx01/vmnic0" or "esx01/vSwitch0/vmnic0" for an uplink, "cat-a/Gi0/1" for a switch port, "cat-a" for a
    /// switch, "cat-a/gateway" or a unique endpoint name for an endpoint, "esx02" for a host.
    /// </summary>
    public sealed class VNFailureEvent
    {
        public VNFailureEvent(FailureEventKind kind, object target, TimeSpan at, TimeSpan? until = null, int? stackMember = null)
        {
            Kind = kind;
            Target = CheckTarget(kind, target);
            if (at < TimeSpan.Zero)
                throw Invalid($"-At {Seconds(at)} s is before the scenario starts. Use 0 or later.", at);
            if (until.HasValue && until.Value <= at)
                throw Invalid($"-Until {Seconds(until.Value)} s is not after -At {Seconds(at)} s. Give a restore time after the failure.", until);
            if (stackMember.HasValue)
            {
                if (kind != FailureEventKind.SwitchDown)
                    throw Invalid("-StackMember applies to -SwitchDown only.", stackMember);
                int max = target is VNPhysicalSwitch sw ? sw.Stack : 9;
                if (stackMember.Value < 1 || stackMember.Value > max)
                    throw Invalid($"Stack member {stackMember.Value} is not valid" + (target is VNPhysicalSwitch s2 ? $" on '{Echo.Cut(s2.Name)}', which has {s2.Stack} member(s)" : "") + ". Members are numbered from 1.", stackMember);
            }
            At = at;
            Until = until;
            StackMember = stackMember;
        }

        public FailureEventKind Kind { get; }
        /// <summary>A VNUplink, VNSwitchPort, VNPhysicalSwitch, VNEndpoint, VNHost or a name.</summary>
        public object Target { get; }
        public string TargetName => NameOf(Target) + (StackMember.HasValue ? " member " + StackMember.Value.ToString(CultureInfo.InvariantCulture) : "");
        public int? StackMember { get; }
        public TimeSpan At { get; }
        public TimeSpan? Until { get; }

        static object CheckTarget(FailureEventKind kind, object target)
        {
            if (target is string name)
            {
                if (string.IsNullOrWhiteSpace(name))
                    throw Invalid($"A {kind} event needs a target name.", target);
                return name.Trim();
            }
            bool ok = kind == FailureEventKind.SwitchDown ? target is VNPhysicalSwitch
                : kind == FailureEventKind.EndpointDown ? target is VNEndpoint
                : kind == FailureEventKind.HostDown ? target is VNHost
                : target is VNUplink || target is VNSwitchPort;
            if (!ok)
                throw Invalid($"'{target ?? "null"}' ({target?.GetType().Name ?? "null"}) cannot be the target of {kind}. " +
                    (kind == FailureEventKind.SwitchDown ? "Give a physical switch or its name."
                    : kind == FailureEventKind.EndpointDown ? "Give an endpoint or its name."
                    : kind == FailureEventKind.HostDown ? "Give a host of the cluster or its name."
                    : "Give an uplink or a switch port, or a name such as esx01/vmnic0 or cat-a/Gi0/1."), target);
            return target;
        }

        internal static string NameOf(object target)
        {
            switch (target)
            {
                case VNUplink uplink: return uplink.Path;
                case VNSwitchPort port: return port.Path;
                case VNPhysicalSwitch sw: return sw.Name;
                case VNEndpoint endpoint: return endpoint.Path;
                case VNHost host: return host.Name;
                default: return Convert.ToString(target, CultureInfo.InvariantCulture);
            }
        }

        internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

        static VirtNetException Invalid(string message, object target) =>
            new VirtNetException(ErrorIds.InvalidFailureScenario, VirtNetErrorKind.InvalidArgument, message, target);

        public override string ToString() =>
            $"{Kind} {TargetName} at {Seconds(At)} s" + (Until.HasValue ? $" until {Seconds(Until.Value)} s" : "");
    }

    /// <summary>A named set of failure events that run together, times counted from the start of the scenario.</summary>
    public sealed class VNFailureScenario
    {
        public VNFailureScenario(string name, IEnumerable<VNFailureEvent> events)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new VirtNetException(ErrorIds.InvalidFailureScenario, VirtNetErrorKind.InvalidArgument,
                    "A failure scenario needs a name.", name);
            Name = name.Trim();
            Events = events.ToList();
            if (Events.Count == 0)
                throw new VirtNetException(ErrorIds.InvalidFailureScenario, VirtNetErrorKind.InvalidArgument,
                    $"Failure scenario '{Name}' has no events. Give -LinkDown, -LinkUp, -SwitchDown, -EndpointDown or -HostDown.", name);
        }

        public string Name { get; }
        public IReadOnlyList<VNFailureEvent> Events { get; }

        public override string ToString() => Name;
    }
}
