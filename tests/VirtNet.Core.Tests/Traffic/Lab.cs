using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Tests.Traffic
{
    /// <summary>Small hand-built topologies for the traffic tests: one ESX host, one vSwitch, uplinks cabled to core1.</summary>
    internal sealed class Lab
    {
        public Lab(int uplinks = 2, VirtualSwitchType type = VirtualSwitchType.Standard, string version = "8.0", int stack = 1, int speedMbps = 1000)
        {
            Host = new VNHost("esx01", Hypervisor.Esx, version);
            Switch = Host.AddVirtualSwitch("vSwitch1", type);
            Core = new VNPhysicalSwitch("core1", "WS-C3750G-24T", stack);
            for (int i = 0; i < uplinks; i++)
            {
                var uplink = Switch.AddUplink("vmnic" + i, speedMbps);
                // With a stack, the uplinks alternate between members 1 and 2, as a redundant design cables them.
                int member = stack > 1 ? 1 + i % 2 : 1;
                uplink.ConnectTo(Core, $"Gi{member}/0/{i + 1}");
            }
            PortGroup = Switch.AddPortGroup("Storage");
        }

        public VNHost Host { get; }
        public VNVirtualSwitch Switch { get; }
        public VNPhysicalSwitch Core { get; }
        public VNPortGroup PortGroup { get; }
        public VNUplink Uplink(int i) => Switch.Uplinks[i];

        public VNVMKernelAdapter Vmk(string name, string ip, VNPortGroup portGroup = null) =>
            VNVMKernelAdapter.Create(portGroup ?? PortGroup, name, IPv4Address.Parse(ip), 24);

        public VNVMNetworkAdapter Vm(string name, string ip, string mac = null, VNPortGroup portGroup = null) =>
            Host.AddVirtualMachine(name, new[] { new VNVirtualMachine.AdapterSpec(portGroup ?? PortGroup, mac == null ? (MacAddress?)null : MacAddress.Parse(mac), IPv4Address.Parse(ip)) })
                .NetworkAdapters[0];

        public VNPortChannel Channel(PortChannelMode mode = PortChannelMode.On) =>
            Core.AddPortChannel("Po1", Switch.Uplinks.Select(u => u.SwitchPort.Name).ToList(), mode);

        public void Policy(LoadBalancingPolicy policy, VNPortGroup portGroup = null) =>
            TeamingPolicyChange.Apply(Switch, portGroup, new TeamingPolicyChange { LoadBalancingPolicy = policy });

        public void Teaming(TeamingPolicyChange change, VNPortGroup portGroup = null) => TeamingPolicyChange.Apply(Switch, portGroup, change);

        public static VNFlowList Flows(VNVirtualAdapter source, double demandMbps, params string[] destinations) =>
            VNFlowList.Create(new[] { (source, source.IPAddress.Value) }, destinations.Select(IPv4AddressRange.Parse).ToList(), demandMbps);

        public static VNFlowList Flows(VNVirtualAdapter source, params string[] destinations) =>
            Flows(source, double.PositiveInfinity, destinations);

        public static VNFlowList Combine(params VNFlowList[] lists) => VNFlowList.Combine(lists);

        public VNTrafficResult Simulate(VNFlowList flows, TrafficScenario scenario = null) =>
            new TrafficSimulation(new[] { Switch }, flows).Run(scenario);

        public static string[] UplinkNames(VNTrafficResult result) => result.Flows.Select(f => f.Uplink?.Name).ToArray();
    }
}
