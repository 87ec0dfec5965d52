using System.Linq;
using VirtNet.Net;

namespace VirtNet.Benchmarks
{
    /// <summary>One ESX host with an 8-uplink vSwitch in a static channel, IP hash, and a million flows from one VMkernel port.</summary>
    internal static class BenchmarkLab
    {
        public const int Flows = 1_000_000;
        public const int Uplinks = 8;

        public static (VNVirtualSwitch vswitch, VNFlowList flows) Build(bool mixedDemands, bool explicitDestinations = false)
        {
            var host = new VNHost("esx01", Hypervisor.Esx);
            var vswitch = host.AddVirtualSwitch("vSwitch1", VirtualSwitchType.Standard);
            var core = new VNPhysicalSwitch("core1", "WS-C3750X-48", 2);
            for (int i = 0; i < Uplinks; i++)
                vswitch.AddUplink("vmnic" + i, 10000).ConnectTo(core, $"Gi{1 + i % 2}/0/{i + 1}");
            core.AddPortChannel("Po1", vswitch.Uplinks.Select(u => u.SwitchPort.Name).ToList(), PortChannelMode.On);
            core.LoadBalance = EtherChannelLoadBalance.SrcDstIp;
            TeamingPolicyChange.Apply(vswitch, null, new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            var pg = vswitch.AddPortGroup("NFS");
            var vmk = VNVMKernelAdapter.Create(pg, "vmk1", IPv4Address.Parse("10.0.0.10"), 8);
            var source = new[] { ((VNVirtualAdapter)vmk, vmk.IPAddress.Value) };
            // 10.1.0.0-10.16.66.63 is exactly 1,000,000 addresses.
            var flows = VNFlowList.Create(source, new[] { IPv4AddressRange.Parse("10.1.0.0-10.16.66.63") }, 10,
                destinationPorts: explicitDestinations ? new[] { 2049 } : null);
            if (mixedDemands)
            {
                // A hundred lists of 10,000 flows asking 1 to 100 Mbps, so no uplink gets the closed form.
                uint first = IPv4Address.Parse("10.1.0.0").Value;
                flows = VNFlowList.Combine(Enumerable.Range(0, 100).Select(i => (object)VNFlowList.Create(source,
                    new[] { new IPv4AddressRange(new IPv4Address(first + (uint)i * 10000), new IPv4Address(first + (uint)i * 10000 + 9999)) }, 1 + i)));
            }
            return (vswitch, flows);
        }
    }
}
