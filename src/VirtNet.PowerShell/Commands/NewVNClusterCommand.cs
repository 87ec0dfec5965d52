using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Commands
{
    /// <summary>Creates a VMware HA cluster from hosts; the hosts may come from the pipeline.</summary>
    [Cmdlet(VerbsCommon.New, "VNCluster")]
    [OutputType(typeof(VNCluster))]
    public sealed class NewVNClusterCommand : VNCmdlet
    {
        readonly List<VNHost> _hosts = new List<VNHost>();

        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; }

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        [Parameter]
        public HaAgent HaAgent { get; set; }

        [Parameter]
        [DurationTransformation]
        public TimeSpan FailureDetectionTime { get; set; }

        [Parameter]
        public string[] IsolationAddress { get; set; }

        [Parameter]
        public bool UseDefaultIsolationAddress { get; set; }

        [Parameter]
        public IsolationResponse IsolationResponse { get; set; }

        [Parameter]
        public Hashtable AdvancedSetting { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public string[] HeartbeatDatastore { get; set; }

        [Parameter]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch[] PhysicalSwitch { get; set; }

        protected override void ProcessRecord() => _hosts.AddRange(Host.Where(h => h != null));

        /// <summary>One cluster from every host given, built once all have arrived.</summary>
        protected override void EndProcessing()
        {
            var warnings = new List<string>();
            var cluster = Fatal(() => VNCluster.Create(new VNClusterSpec
            {
                Name = Name,
                Hosts = _hosts,
                PhysicalSwitches = PhysicalSwitch ?? new VNPhysicalSwitch[0],
                HaAgent = IsBound(nameof(HaAgent)) ? HaAgent : (HaAgent?)null,
                FailureDetectionTime = IsBound(nameof(FailureDetectionTime)) ? FailureDetectionTime : (TimeSpan?)null,
                IsolationAddress = (IsolationAddress ?? new string[0]).Select(IPv4Address.Parse).ToList(),
                UseDefaultIsolationAddress = IsBound(nameof(UseDefaultIsolationAddress)) ? UseDefaultIsolationAddress : (bool?)null,
                IsolationResponse = IsBound(nameof(IsolationResponse)) ? IsolationResponse : (IsolationResponse?)null,
                AdvancedSetting = ToSettings(AdvancedSetting),
                HeartbeatDatastore = HeartbeatDatastore,
            }, warnings));
            foreach (var warning in warnings) WriteWarning(warning);
            WriteVerbose($"Created cluster '{cluster.Name}' ({cluster.HaProfile}) of {cluster.Hosts.Count} host(s): {string.Join(", ", cluster.Hosts.Select(h => h.Name))}.");
            WriteKept(cluster);
        }
    }
}
