using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;
using VirtNet.Rules;

namespace VirtNet
{
    /// <summary>
    /// Checks hosts, vSwitches, physical switches and HA clusters against the rule catalogue (Test-VNConfiguration).
    /// <list type="bullet">
    /// <item>A host brings its ESX vSwitches; a vSwitch brings its teams, port groups and VMkernel ports, and the
    /// physical switch ports its uplinks are cabled to, which are checked against it.</item>
    /// <item>A physical switch brings its ports, checked on the switch side only (PortFast, trunks).</item>
    /// <item>Hyper-V and Linux switches bring their cabled ports and their platform's teaming rules (SET, LBFO teams,
    /// bond modes against the physical switch); the ESX teaming, VLAN and MTU rules do not apply to them.</item>
    /// <item>A host given as such is also compared with the other hosts given for MAC address conflicts.</item>
    /// <item>An HA cluster brings its hosts, and itself for the HA rules, which need its generation and settings.</item>
    /// </list>
    /// Each object is checked once however often it is given (a host and its switch both reach the host's
    /// ports), and findings are unique by rule and target. They come ordered by target, then rule id; targets
    /// compare case-insensitively with digit runs as numbers, so core1/Gi1/0/2 comes before core1/Gi1/0/10.
    /// </summary>
    public sealed class ConfigurationCheck
    {
        readonly List<VNVirtualSwitch> _virtualSwitches = new List<VNVirtualSwitch>();
        readonly HashSet<VNVirtualSwitch> _seenSwitches = new HashSet<VNVirtualSwitch>();
        readonly List<VNSwitchPort> _switchPorts = new List<VNSwitchPort>();
        readonly HashSet<VNSwitchPort> _seenPorts = new HashSet<VNSwitchPort>();
        readonly List<VNVirtualSwitch> _platformSwitches = new List<VNVirtualSwitch>();
        readonly List<VNHost> _hosts = new List<VNHost>();
        readonly HashSet<VNHost> _seenHosts = new HashSet<VNHost>();
        readonly List<VNCluster> _clusters = new List<VNCluster>();

        /// <summary>Adds a VNHost, VNVirtualSwitch, VNPhysicalSwitch or VNCluster; anything else is UnsupportedCheckInput.</summary>
        public void Add(object input)
        {
            switch (input)
            {
                case VNHost host:
                    if (_seenHosts.Add(host)) _hosts.Add(host);
                    foreach (var vswitch in host.VirtualSwitches) AddVirtualSwitch(vswitch);
                    break;
                case VNVirtualSwitch vswitch:
                    AddVirtualSwitch(vswitch);
                    break;
                case VNPhysicalSwitch physicalSwitch:
                    foreach (var port in physicalSwitch.Ports) AddSwitchPort(port);
                    break;
                case VNCluster cluster:
                    if (_clusters.Contains(cluster)) break;
                    _clusters.Add(cluster);
                    foreach (var host in cluster.Hosts)
                        foreach (var vswitch in host.VirtualSwitches) AddVirtualSwitch(vswitch);
                    break;
                default:
                    throw new VirtNetException(ErrorIds.UnsupportedCheckInput, VirtNetErrorKind.InvalidArgument,
                        $"Cannot check {(input == null ? "a null value" : $"'{input}' ({input.GetType().FullName})")}. " +
                        "Give hosts (New-VNHost, Import-VNConfig), virtual switches, physical switches or HA clusters (New-VNCluster).", input);
            }
        }

        void AddVirtualSwitch(VNVirtualSwitch vswitch)
        {
            if (!_seenSwitches.Add(vswitch)) return;
            if (vswitch.Type == VirtualSwitchType.Standard || vswitch.Type == VirtualSwitchType.Distributed)
                _virtualSwitches.Add(vswitch);
            else
                _platformSwitches.Add(vswitch);
            foreach (var uplink in vswitch.Uplinks)
                if (uplink.SwitchPort != null) AddSwitchPort(uplink.SwitchPort);
        }

        void AddSwitchPort(VNSwitchPort port)
        {
            if (_seenPorts.Add(port)) _switchPorts.Add(port);
        }

        /// <summary>
        /// Runs the given rules (default: the whole catalogue) whose severity is at least
        /// <paramref name="minimumSeverity"/>, and returns their findings, unique and ordered.
        /// </summary>
        public IReadOnlyList<VNFinding> Run(IEnumerable<VNRule> rules = null, Severity minimumSeverity = Severity.Information)
        {
            var scope = new CheckScope(_virtualSwitches, _switchPorts, _clusters) { PlatformSwitches = _platformSwitches, Hosts = _hosts };
            var findings = new List<VNFinding>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in (rules ?? RuleCatalogue.Rules).Where(r => r.Severity >= minimumSeverity))
                foreach (var finding in rule.Definition.Evaluate(scope))
                    if (seen.Add(finding.RuleId + "\n" + finding.Target)) findings.Add(finding);
            return findings.OrderBy(f => f.Target, TargetComparer.Instance).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
        }
    }
}
