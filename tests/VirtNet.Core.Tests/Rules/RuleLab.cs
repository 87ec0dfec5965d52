using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VirtNet.Net;

namespace VirtNet.Tests.Rules
{
    /// <summary>
    /// A small configuration that satisfies every rule: ESX 4.1 host esx01, vSwitch1 teaming vmnic0..n by port
    /// ID, cabled to trunks with PortFast trunk on alternating members of a two-member stack core1 (Gi1/0/1,
    /// Gi2/0/1, Gi1/0/2 ...), a management VMkernel port in VLAN 10 and a VM in VLAN 30. Each test breaks one
    /// thing and asserts the finding that names it.
    /// </summary>
    internal sealed class RuleLab
    {
        public RuleLab(string version = "4.1", int uplinks = 2, int stack = 2, VirtualSwitchType type = VirtualSwitchType.Standard)
        {
            Host = new VNHost("esx01", Hypervisor.Esx, version);
            Switch = new VNPhysicalSwitch("core1", "Catalyst 3750", stack);
            VSwitch = Host.AddVirtualSwitch("vSwitch1", type);
            for (int i = 0; i < uplinks; i++) AddUplink(PortName(i, stack));
            Management = VSwitch.AddPortGroup("Management Network", 10);
            VNVMKernelAdapter.Create(Management, "vmk0", IPv4Address.Parse("192.168.10.11"), 24, purpose: new[] { AdapterPurpose.Management });
            VMNetwork = VSwitch.AddPortGroup("VM Network", 30);
            Host.AddVirtualMachine("vm01", new[] { new VNVirtualMachine.AdapterSpec(VMNetwork) });
        }

        public VNHost Host { get; }
        public VNPhysicalSwitch Switch { get; }
        public VNVirtualSwitch VSwitch { get; }
        public VNPortGroup Management { get; }
        public VNPortGroup VMNetwork { get; }

        public VNUplink Uplink(int index) => VSwitch.Uplinks[index];
        public VNSwitchPort Port(int index) => VSwitch.Uplinks[index].SwitchPort;

        /// <summary>Adds an uplink cabled to a PortFast trunk of <paramref name="physicalSwitch"/> (default core1).</summary>
        public VNUplink AddUplink(string port, int speedMbps = 1000, VNPhysicalSwitch physicalSwitch = null)
        {
            var uplink = VSwitch.AddUplink("vmnic" + VSwitch.Uplinks.Count.ToString(CultureInfo.InvariantCulture), speedMbps);
            var switchPort = uplink.ConnectTo(physicalSwitch ?? Switch, port);
            switchPort.Mode = SwitchPortMode.Trunk;
            switchPort.PortFast = PortFastMode.Trunk;
            return uplink;
        }

        public void SetTeaming(TeamingPolicyChange change, VNPortGroup portGroup = null) => TeamingPolicyChange.Apply(VSwitch, portGroup, change);

        /// <summary>IP hash with a static EtherChannel over every uplink: the configuration KB 1004048 supports.</summary>
        public VNPortChannel UseIpHashWithChannel(PortChannelMode mode = PortChannelMode.On)
        {
            SetTeaming(new TeamingPolicyChange { LoadBalancingPolicy = LoadBalancingPolicy.LoadBalanceIP });
            return Switch.AddPortChannel("Po1", VSwitch.Uplinks.Select(u => u.SwitchPort.Name).ToList(), mode);
        }

        public VNVMKernelAdapter AddStorage(string name = "vmk1", int mtu = 1500, VNPortGroup portGroup = null)
        {
            portGroup = portGroup ?? VSwitch.AddPortGroup("NFS", 20);
            return VNVMKernelAdapter.Create(portGroup, name, IPv4Address.Parse("10.0.0.10"), 24, mtu: mtu, purpose: new[] { AdapterPurpose.Storage });
        }

        public void AddStorageTarget(string name, string ip) =>
            Switch.AddEndpoint(name, IPv4Address.Parse(ip), 20, respondsToPing: true, EndpointRole.Storage);

        static string PortName(int index, int stack) =>
            "Gi" + (index % stack + 1).ToString(CultureInfo.InvariantCulture) + "/0/" + (index / stack + 1).ToString(CultureInfo.InvariantCulture);

        /// <summary>The findings of one rule for the given inputs (default: the host).</summary>
        public IReadOnlyList<VNFinding> Check(string ruleId, params object[] inputs) =>
            Run(RuleCatalogue.Select(new[] { ruleId }, null), inputs.Length == 0 ? new object[] { Host } : inputs);

        /// <summary>The findings of the whole catalogue for the given inputs (default: the host).</summary>
        public IReadOnlyList<VNFinding> CheckAll(params object[] inputs) =>
            Run(RuleCatalogue.Rules, inputs.Length == 0 ? new object[] { Host } : inputs);

        static IReadOnlyList<VNFinding> Run(IEnumerable<VNRule> rules, IEnumerable<object> inputs)
        {
            var check = new ConfigurationCheck();
            foreach (var input in inputs) check.Add(input);
            return check.Run(rules);
        }
    }
}
