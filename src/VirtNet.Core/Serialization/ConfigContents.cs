using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet.Serialization
{
    /// <summary>
    /// The top-level objects of a configuration file: hosts, physical switches and HA clusters. Any model object can be
    /// added; it stands for the host or physical switch it lives on, so "export this port group" exports its whole
    /// host, and a cluster brings its hosts and switches.
    /// </summary>
    public sealed class ConfigContents
    {
        readonly List<VNHost> _hosts = new List<VNHost>();
        readonly List<VNPhysicalSwitch> _physicalSwitches = new List<VNPhysicalSwitch>();
        readonly List<VNCluster> _clusters = new List<VNCluster>();
        readonly List<string> _warnings = new List<string>();

        /// <summary>Hosts in the order they were first added.</summary>
        public IReadOnlyList<VNHost> Hosts => _hosts;

        /// <summary>
        /// The physical switches added, in the order added, then those the hosts' uplinks are cabled to and that were
        /// not added, in uplink order. Reading a file gives them all back as added, in file order, so exporting what an
        /// import returned lists them in the same order again.
        /// </summary>
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches
        {
            get
            {
                var all = new List<VNPhysicalSwitch>(_physicalSwitches);
                foreach (var uplink in _hosts.SelectMany(h => h.Uplinks))
                    if (uplink.PhysicalSwitch != null && !all.Contains(uplink.PhysicalSwitch)) all.Add(uplink.PhysicalSwitch);
                // A vPC or MLAG pair goes with both its peers, a switch link with the switches at its ends.
                SpanningTree.SwitchFabric.Close(all);
                return all;
            }
        }

        /// <summary>The vPC and MLAG pairs of the physical switches, in the order of their primaries.</summary>
        public IReadOnlyList<VNSwitchPair> SwitchPairs => PhysicalSwitches.Select(s => s.Pair).Where(p => p != null).Distinct().ToList();

        /// <summary>The links between the physical switches, in the order of the switches and their links.</summary>
        public IReadOnlyList<VNSwitchLink> SwitchLinks => PhysicalSwitches.SelectMany(s => s.SwitchLinks).Distinct().ToList();

        /// <summary>HA clusters in the order they were first added.</summary>
        public IReadOnlyList<VNCluster> Clusters => _clusters;

        /// <summary>Warnings from rebuilding the model on import, such as a cluster setting the product clamps.</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>The hosts, then the physical switches, then the clusters: what Import-VNConfig emits.</summary>
        public IEnumerable<object> TopLevelObjects => _hosts.Cast<object>().Concat(PhysicalSwitches).Concat(_clusters);

        public bool IsEmpty => _hosts.Count == 0 && _physicalSwitches.Count == 0;

        internal void AddWarnings(IEnumerable<string> warnings) => _warnings.AddRange(warnings);

        /// <summary>Adds the host or physical switch that a model object belongs to (once, however often it is reached).</summary>
        public void Add(object modelObject)
        {
            switch (modelObject)
            {
                case VNHost host: AddHost(host, host); break;
                case VNVirtualSwitch vswitch: AddHost(vswitch.Host, vswitch); break;
                case VNUplink uplink: AddHost(uplink.Host, uplink); break;
                case VNPortGroup portGroup: AddHost(portGroup.Host, portGroup); break;
                case VNVMKernelAdapter vmk: AddHost(vmk.Host, vmk); break;
                case VNVMNetworkAdapter adapter: AddHost(HostOf(adapter.VirtualMachine), adapter); break;
                case VNVirtualMachine vm: AddHost(HostOf(vm), vm); break;
                case VNTeamingPolicy policy: AddHost(policy.VirtualSwitch.Host, policy); break;
                case VNPhysicalSwitch physicalSwitch: AddPhysicalSwitch(physicalSwitch); break;
                case VNSwitchPort port: AddPhysicalSwitch(port.PhysicalSwitch); break;
                case VNPortChannel channel: AddPhysicalSwitch(channel.PhysicalSwitch); break;
                case VNEndpoint endpoint: AddPhysicalSwitch(endpoint.PhysicalSwitch); break;
                case VNSwitchLink link: AddPhysicalSwitch(link.PhysicalSwitch); break;
                case VNCluster cluster: AddCluster(cluster); break;
                default:
                    throw new VirtNetException(ErrorIds.UnsupportedExportObject, VirtNetErrorKind.InvalidArgument,
                        $"Cannot export {Describe(modelObject)}. Export takes VirtNet model objects: hosts, physical switches, HA clusters, " +
                        "or anything on them (virtual switches, uplinks, port groups, VMkernel adapters, virtual machines, switch ports, port channels, endpoints).",
                        modelObject);
            }
        }

        void AddHost(VNHost host, object given)
        {
            // A removed object keeps its name but no longer belongs to a host, so there is nothing to export it with.
            if (host == null)
                throw new VirtNetException(ErrorIds.UnsupportedExportObject, VirtNetErrorKind.InvalidArgument,
                    $"Cannot export {given.GetType().Name} '{Echo.Cut(given)}': it was removed from its host. Export the host instead.", given);
            if (!_hosts.Contains(host)) _hosts.Add(host);
        }

        /// <summary>A cluster refers to its hosts and extra switches by name, so they go into the file with it.</summary>
        void AddCluster(VNCluster cluster)
        {
            if (_clusters.Contains(cluster)) return;
            _clusters.Add(cluster);
            foreach (var host in cluster.Hosts) AddHost(host, cluster);
            foreach (var physicalSwitch in cluster.PhysicalSwitches) AddPhysicalSwitch(physicalSwitch);
        }

        void AddPhysicalSwitch(VNPhysicalSwitch physicalSwitch)
        {
            if (!_physicalSwitches.Contains(physicalSwitch)) _physicalSwitches.Add(physicalSwitch);
        }

        // A removed VM keeps its Host property; only the host's list tells whether it is still there.
        static VNHost HostOf(VNVirtualMachine vm) => vm.Host != null && vm.Host.VirtualMachines.Contains(vm) ? vm.Host : null;

        static string Describe(object value) =>
            value == null ? "a null value" : $"'{Echo.Cut(value)}' (a {value.GetType().FullName})";
    }
}
