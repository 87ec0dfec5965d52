using System;
using System.Collections.Generic;

namespace VirtNet.HA
{
    /// <summary>One line of a timeline: what happened when, and on which host or device.</summary>
    public sealed class VNHaTimelineEvent
    {
        internal VNHaTimelineEvent(TimeSpan time, string host, HaEventKind kind, string detail)
        {
            Time = time;
            Host = host;
            Event = kind;
            Detail = detail;
        }

        public TimeSpan Time { get; }
        /// <summary>The host that acts or observes; for network events, the host or switch concerned.</summary>
        public string Host { get; }
        public HaEventKind Event { get; }
        public string Detail { get; }

        public override string ToString() => $"{VNFailureEvent.Seconds(Time)} s {Host} {Event}: {Detail}";
    }

    /// <summary>How one host of a cluster fared in one failure scenario.</summary>
    public sealed class VNHaIsolationResult
    {
        internal VNHaIsolationResult(VNCluster cluster, VNHost host, VNFailureScenario scenario, HaVerdict verdict,
            TimeSpan? isolationDeclaredAt, TimeSpan? responseAt, IsolationResponse? response,
            IReadOnlyList<VNHaTimelineEvent> timeline, string explanation)
        {
            Cluster = cluster;
            Host = host;
            Scenario = scenario;
            Verdict = verdict;
            IsolationDeclaredAt = isolationDeclaredAt;
            ResponseAt = responseAt;
            Response = response;
            Timeline = timeline;
            Explanation = explanation;
        }

        public VNCluster Cluster { get; }
        public VNHost Host { get; }
        public VNFailureScenario Scenario { get; }
        public HaVerdict Verdict { get; }
        /// <summary>When the host first declared itself isolated; null if it never did.</summary>
        public TimeSpan? IsolationDeclaredAt { get; }
        /// <summary>When the isolation response was applied; null if none was (not isolated, or cancelled in time).</summary>
        public TimeSpan? ResponseAt { get; }
        /// <summary>The isolation response applied at <see cref="ResponseAt"/>; null when none was.</summary>
        public IsolationResponse? Response { get; }
        /// <summary>The scenario's events and what this host and its peers did about them, in time order.</summary>
        public IReadOnlyList<VNHaTimelineEvent> Timeline { get; }
        /// <summary>One or two sentences naming the cause.</summary>
        public string Explanation { get; }

        public override string ToString() => $"{Host.Name} in '{Scenario.Name}': {Verdict}";
    }
}
