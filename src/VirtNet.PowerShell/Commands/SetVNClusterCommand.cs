using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.HA;
using VirtNet.Net;

namespace VirtNet.Commands
{
    /// <summary>Changes HA clusters' settings and members in place, as Set-Cluster and the cluster's advanced options do in vCenter.</summary>
    [Cmdlet(VerbsCommon.Set, "VNCluster", SupportsShouldProcess = true)]
    [OutputType(typeof(VNCluster))]
    public sealed class SetVNClusterCommand : VNCmdlet
    {
        VNClusterChange _change;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNCluster))]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public VNCluster[] Cluster { get; set; }

        [Parameter]
        public Hashtable AdvancedSetting { get; set; }

        [Parameter]
        public IsolationResponse IsolationResponse { get; set; }

        [Parameter]
        [DurationTransformation]
        public TimeSpan FailureDetectionTime { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public string[] IsolationAddress { get; set; }

        [Parameter]
        public bool UseDefaultIsolationAddress { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public string[] HeartbeatDatastore { get; set; }

        [Parameter]
        public HeartbeatDatastorePolicy HeartbeatDatastorePolicy { get; set; }

        [Parameter]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public VNHost[] AddHost { get; set; }

        [Parameter]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public VNHost[] RemoveHost { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A malformed address is wrong for every cluster, so it stops the call before any cluster changes.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _change = new VNClusterChange
            {
                AddHost = AddHost,
                RemoveHost = RemoveHost,
                FailureDetectionTime = IsBound(nameof(FailureDetectionTime)) ? FailureDetectionTime : (TimeSpan?)null,
                IsolationAddress = IsolationAddress == null ? null : Fatal(() => IsolationAddress.Select(IPv4Address.Parse).ToList()),
                UseDefaultIsolationAddress = IsBound(nameof(UseDefaultIsolationAddress)) ? UseDefaultIsolationAddress : (bool?)null,
                IsolationResponse = IsBound(nameof(IsolationResponse)) ? IsolationResponse : (IsolationResponse?)null,
                AdvancedSetting = AdvancedSetting == null ? null : ToSettings(AdvancedSetting),
                HeartbeatDatastore = HeartbeatDatastore,
                HeartbeatDatastorePolicy = IsBound(nameof(HeartbeatDatastorePolicy)) ? HeartbeatDatastorePolicy : (HeartbeatDatastorePolicy?)null,
            };
        }

        protected override void ProcessRecord()
        {
            foreach (var cluster in Cluster)
                ForInput(() =>
                {
                    var changes = Settings.Where(IsBound).ToList();
                    if (!ShouldProcess(cluster.Path, "Set " + (changes.Count == 0 ? "nothing" : string.Join(", ", changes)))) return;
                    var warnings = new List<string>();
                    cluster.Set(_change, warnings);
                    foreach (var warning in warnings) WriteWarning(warning);
                    WriteVerbose($"Set {(changes.Count == 0 ? "nothing" : string.Join(", ", changes))} of cluster '{cluster.Name}': {cluster.Hosts.Count} host(s), isolation response {cluster.IsolationResponse}" +
                        $", isolation address(es) {(cluster.IsolationAddress.Count == 0 ? "none" : string.Join(", ", cluster.IsolationAddress))}" +
                        $", heartbeat datastores {(cluster.HeartbeatDatastorePolicy == HeartbeatDatastorePolicy.Automatic ? "chosen by vCenter" : cluster.HeartbeatDatastore.Count == 0 ? "none" : string.Join(", ", cluster.HeartbeatDatastore))}.");
                    if (PassThru) WriteObject(cluster);
                });
        }

        static readonly string[] Settings =
        {
            nameof(AdvancedSetting), nameof(IsolationResponse), nameof(FailureDetectionTime), nameof(IsolationAddress),
            nameof(UseDefaultIsolationAddress), nameof(HeartbeatDatastore), nameof(HeartbeatDatastorePolicy), nameof(AddHost), nameof(RemoveHost),
        };
    }
}
