using System.Collections.Generic;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Benchmarks
{
    /// <summary>
    /// An estate: ESXi hosts with one vSwitch each, two 10 Gb uplinks cabled to a pair of top-of-rack switches (one
    /// pair per 20 hosts, PortFast trunks), a management VMkernel port and 20 VMs with 8 flows each to a range of
    /// servers. 10,000 hosts make 20,000 uplinks and 1.6 million flows.
    /// </summary>
    internal static class EstateLab
    {
        public const int VirtualMachines = 20, FlowsPerVirtualMachine = 8, HostsPerRack = 20;

        public static (List<VNHost> Hosts, List<VNPhysicalSwitch> Switches, VNFlowList Flows) Build(int hostCount)
        {
            var hosts = new List<VNHost>(hostCount);
            var switches = new List<VNPhysicalSwitch>();
            var sources = new List<(VNVirtualAdapter, IPv4Address)>();
            VNPhysicalSwitch a = null, b = null;
            uint vmAddress = IPv4Address.Parse("10.64.0.1").Value;
            for (int n = 0; n < hostCount; n++)
            {
                if (n % HostsPerRack == 0)
                {
                    int rack = n / HostsPerRack + 1;
                    switches.Add(a = new VNPhysicalSwitch($"tor{rack}a", "N9K-C93180YC-EX"));
                    switches.Add(b = new VNPhysicalSwitch($"tor{rack}b", "N9K-C93180YC-EX"));
                }
                var host = new VNHost($"esx{n + 1:00000}", Hypervisor.Esx, "7.0");
                var vswitch = host.AddVirtualSwitch("vSwitch0", VirtualSwitchType.Standard);
                string port = "Eth1/" + (n % HostsPerRack + 1);
                vswitch.AddUplink("vmnic0", 10000).ConnectTo(a, port);
                vswitch.AddUplink("vmnic1", 10000).ConnectTo(b, port);
                a.GetPort(port).Mode = b.GetPort(port).Mode = SwitchPortMode.Trunk;
                a.GetPort(port).PortFast = b.GetPort(port).PortFast = PortFastMode.Trunk;
                var management = vswitch.AddPortGroup("Management Network");
                VNVMKernelAdapter.Create(management, "vmk0", new IPv4Address(IPv4Address.Parse("10.0.0.0").Value + (uint)n + 10), 16,
                    purpose: new[] { AdapterPurpose.Management });
                var vmNetwork = vswitch.AddPortGroup("VM Network");
                for (int v = 0; v < VirtualMachines; v++)
                {
                    var address = new IPv4Address(vmAddress++);
                    var vm = host.AddVirtualMachine($"vm{n + 1:00000}-{v + 1:00}", new[] { new VNVirtualMachine.AdapterSpec(vmNetwork, null, address) });
                    sources.Add((vm.NetworkAdapters[0], address));
                }
                hosts.Add(host);
            }
            // Every VM talks to the same eight servers.
            var flows = VNFlowList.Create(sources, new[] { IPv4AddressRange.Parse("10.200.0.1-10.200.0.8") }, 100);
            return (hosts, switches, flows);
        }
    }
}
