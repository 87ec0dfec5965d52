using System;
using VirtNet.Net;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using VirtNet.Traffic;

namespace VirtNet
{
    /// <summary>
    /// What a traffic simulation found: per uplink the load in each direction, per flow where it goes and what it
    /// gets, the total delivered, and the findings. In a failure scenario, flows are compared with the same
    /// simulation without the failures to tell which moved.
    /// </summary>
    public sealed class VNTrafficResult
    {
        readonly TrafficModel _model;
        readonly TrafficRun _run;
        readonly TrafficRun _healthy;

        internal VNTrafficResult(TrafficModel model, TrafficRun run, TrafficRun healthy, TrafficScenario scenario)
        {
            _model = model;
            _run = run;
            _healthy = healthy;
            VirtualSwitch = model.Switches;
            LoadBalancingPolicy = scenario.LoadBalancingPolicy;
            AssumeMatchingPhysicalSwitch = scenario.AssumeMatchingPhysicalSwitch;
            FailedUplink = model.Uplinks.Where((u, i) => run.State[i] == UplinkState.Failed || run.State[i] == UplinkState.UpstreamFailed).ToArray();
            var uplinks = new VNUplinkResult[model.Uplinks.Length];
            for (int u = 0; u < uplinks.Length; u++)
                uplinks[u] = new VNUplinkResult(model.Uplinks[u], run.State[u], run.FlowCount[u], run.TxMbps[u], run.RxMbps[u]);
            Uplinks = uplinks;
            Flows = new FlowResultList(this);
            AggregateThroughputMbps = run.AggregateMbps;
            FlowCount = model.FlowCount;
            LostFlowCount = run.LostFlowCount;
            MovedFlowCount = healthy == null ? 0 : CountMoved(model, healthy, run);
            Findings = run.Findings;
        }

        public IReadOnlyList<VNVirtualSwitch> VirtualSwitch { get; }
        /// <summary>The policy every port group was evaluated with; null: each its own.</summary>
        public LoadBalancingPolicy? LoadBalancingPolicy { get; }
        public bool AssumeMatchingPhysicalSwitch { get; }
        /// <summary>Uplinks failed in this scenario (link down or path down).</summary>
        public IReadOnlyList<VNUplink> FailedUplink { get; }
        public IReadOnlyList<VNUplinkResult> Uplinks { get; }
        /// <summary>One row per flow, made when read.</summary>
        public IReadOnlyList<VNFlowResult> Flows { get; }
        /// <summary>Everything delivered, both directions of every uplink.</summary>
        public double AggregateThroughputMbps { get; }
        public int FlowCount { get; }
        /// <summary>Flows whose status is an error: they deliver nothing.</summary>
        public int LostFlowCount { get; }
        /// <summary>Flows that use another uplink, out or in, than without the failures.</summary>
        public int MovedFlowCount { get; }
        public IReadOnlyList<VNFinding> Findings { get; }

        /// <summary>Flows on a usable uplink now that sent or received on another one in the healthy run.</summary>
        internal static int CountMoved(TrafficModel model, TrafficRun healthy, TrafficRun run)
        {
            int moved = 0;
            for (int r = 0; r < model.RunSource.Length; r++)
                for (int f = model.RunStart[r]; f < model.RunStart[r + 1]; f++)
                    if (Moved(healthy, run, r, f)) moved++;
            return moved;
        }

        static bool Moved(TrafficRun healthy, TrafficRun run, int r, int f) =>
            run.FlowUplink[f] >= 0 && (run.FlowUplink[f] != healthy.FlowUplink[f] || run.InboundOf(r, f) != healthy.InboundOf(r, f));

        public override string ToString() =>
            $"{FlowCount} flow(s) over {Uplinks.Count} uplink(s): {AggregateThroughputMbps:0.#} Mbps" + (MovedFlowCount > 0 ? $", {MovedFlowCount} moved" : "");

        internal VNFlowResult FlowAt(int f)
        {
            VNUplink Uplink(int u) => u >= 0 ? _model.Uplinks[u] : null;
            int r = _model.Flows.SegmentOf(f), s = _model.RunSource[r];
            var source = _model.Flows.Sources[s];
            var team = _run.Teams[_model.SourceTeam[s]];
            double outbound = _run.OutboundMbps(_model, r, f), inbound = _run.InboundMbps(_model, r, f);
            return new VNFlowResult(_model.Flows[f], source.Adapter.PortGroup, team.Option,
                Uplink(_run.FlowUplink[f]), Uplink(_run.InboundOf(r, f)), _healthy == null ? null : Uplink(_healthy.FlowUplink[f]),
                outbound, inbound, _run.StatusOf(f), _healthy != null && Moved(_healthy, _run, r, f));
        }

        sealed class FlowResultList : IReadOnlyList<VNFlowResult>
        {
            readonly VNTrafficResult _result;
            public FlowResultList(VNTrafficResult result) { _result = result; }
            public int Count => _result.FlowCount;
            public VNFlowResult this[int index] =>
                (uint)index < (uint)Count ? _result.FlowAt(index) : throw new ArgumentOutOfRangeException(nameof(index));
            public IEnumerator<VNFlowResult> GetEnumerator()
            {
                for (int i = 0; i < Count; i++) yield return _result.FlowAt(i);
            }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            public override string ToString() => Count + " flows";
        }
    }

    /// <summary>One uplink's share of a simulation: flows sending on it, and the load in each direction.</summary>
    public sealed class VNUplinkResult
    {
        internal VNUplinkResult(VNUplink uplink, UplinkState state, int flowCount, double txMbps, double rxMbps)
        {
            Uplink = uplink;
            State = state;
            FlowCount = flowCount;
            TxMbps = txMbps;
            RxMbps = rxMbps;
        }

        public VNUplink Uplink { get; }
        public VNVirtualSwitch VirtualSwitch => Uplink.VirtualSwitch;
        public UplinkState State { get; }
        public int SpeedMbps => Uplink.SpeedMbps;
        /// <summary>Flows sending on this uplink (whatever their status).</summary>
        public int FlowCount { get; }
        /// <summary>Delivered traffic the host sends on this uplink.</summary>
        public double TxMbps { get; }
        /// <summary>Delivered traffic the host receives on this uplink.</summary>
        public double RxMbps { get; }
        public double TxUtilizationPercent => 100.0 * TxMbps / SpeedMbps;
        public double RxUtilizationPercent => 100.0 * RxMbps / SpeedMbps;
        /// <summary>The busier direction: a full-duplex link is as full as its fuller side.</summary>
        public double UtilizationPercent => Math.Max(TxUtilizationPercent, RxUtilizationPercent);

        public override string ToString() => $"{Uplink.Name}: {FlowCount} flow(s), Tx {TxMbps:0.#} Mbps, Rx {RxMbps:0.#} Mbps";
    }

    /// <summary>One flow's outcome.</summary>
    public sealed class VNFlowResult
    {
        internal VNFlowResult(VNFlow flow, VNPortGroup portGroup, TeamingOption teaming, VNUplink uplink, VNUplink inboundUplink,
            VNUplink healthyUplink, double outboundMbps, double inboundMbps, FlowStatus status, bool moved)
        {
            Flow = flow;
            PortGroup = portGroup;
            Teaming = teaming;
            Uplink = uplink;
            InboundUplink = inboundUplink;
            HealthyUplink = healthyUplink;
            OutboundMbps = outboundMbps;
            InboundMbps = inboundMbps;
            Status = status;
            Moved = moved;
        }

        public VNFlow Flow { get; }
        /// <summary>The flow's source adapter, as the table shows it, so Where-Object Source finds what the table showed.</summary>
        public VNVirtualAdapter Source => Flow.Source;
        /// <summary>The flow's destination address.</summary>
        public IPv4Address Destination => Flow.Destination;
        public VNPortGroup PortGroup { get; }
        /// <summary>The teaming the flow's port group was evaluated with.</summary>
        public TeamingOption Teaming { get; }
        /// <summary>The ESX policy the flow's port group was evaluated with; null on a Hyper-V switch or a bond.</summary>
        public LoadBalancingPolicy? LoadBalancingPolicy => Teaming.LoadBalancingPolicy;
        /// <summary>The uplink the host sends the flow's frames on (in shotgun mode, the one whose copies get through).</summary>
        public VNUplink Uplink { get; }
        /// <summary>The uplink the physical switch delivers the flow's return frames on.</summary>
        public VNUplink InboundUplink { get; }
        /// <summary>In a failure scenario: the uplink the flow sent on without the failures.</summary>
        public VNUplink HealthyUplink { get; }
        public double OutboundMbps { get; }
        public double InboundMbps { get; }
        /// <summary>Both directions together; each direction alone never exceeds one uplink's speed.</summary>
        public double ThroughputMbps => OutboundMbps + InboundMbps;
        public FlowStatus Status { get; }
        /// <summary>True when the failures moved the flow to another uplink, out or in.</summary>
        public bool Moved { get; }

        public override string ToString() => $"{Flow}: {Uplink?.Name ?? "-"} {ThroughputMbps:0.#} Mbps {Status}";
    }
}
