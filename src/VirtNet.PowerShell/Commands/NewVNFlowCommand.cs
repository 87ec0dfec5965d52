using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Net;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.New, "VNFlow")]
    [OutputType(typeof(VNFlowList))]
    public sealed class NewVNFlowCommand : VNCmdlet
    {
        readonly List<(VNVirtualAdapter, IPv4Address)> _sources = new List<(VNVirtualAdapter, IPv4Address)>();
        IPv4AddressRange[] _destinations;
        IPv4Address? _sourceIPAddress;
        MacAddress? _destinationMac;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public object[] Source { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [DestinationTransformation]
        public string[] Destination { get; set; }

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost Host { get; set; }

        [Parameter]
        public double DemandMbps { get; set; } = double.PositiveInfinity;

        [Parameter]
        public FlowProtocol Protocol { get; set; } = FlowProtocol.Tcp;

        [Parameter]
        [ValidateRange(0, 65535)]
        public int[] SourcePort { get; set; }

        [Parameter]
        [ValidateRange(0, 65535)]
        public int[] DestinationPort { get; set; }

        [Parameter]
        [ValidateRange(0, 65535)]
        public int[] IcmpIdentifier { get; set; }

        [Parameter]
        public string DestinationMacAddress { get; set; }

        [Parameter]
        public FlowDirection Direction { get; set; } = FlowDirection.Outbound;

        [Parameter]
        public string SourceIPAddress { get; set; }

        protected override void BeginProcessing()
        {
            _destinations = Fatal(() => Destination.Select(IPv4AddressRange.Parse).ToArray());
            _sourceIPAddress = Fatal(() => ParseIP(SourceIPAddress));
            _destinationMac = Fatal(() => ParseMac(DestinationMacAddress));
        }

        protected override void ProcessRecord()
        {
            foreach (var item in Source)
                ForInput(() => _sources.Add(VNFlowList.ResolveSource(FromInventory(item is PSObject ps ? ps.BaseObject : item), Host, _sourceIPAddress)));
        }

        /// <summary>Without -Host, a name or path (esx01/vmk1, esx01/web01) is looked up in the session: a VMkernel adapter, else a VM.</summary>
        object FromInventory(object source)
        {
            if (!(source is string nameOrPath) || Host != null) return source;
            try { return Inventory.Resolve<VNVMKernelAdapter>(nameOrPath); }
            catch (VirtNetException e) when (e.Kind == VirtNetErrorKind.ObjectNotFound) { }
            try { return Inventory.Resolve<VNVirtualMachine>(nameOrPath); }
            catch (VirtNetException e) when (e.Kind == VirtNetErrorKind.ObjectNotFound)
            {
                throw new VirtNetException(ErrorIds.FlowSourceNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"No VMkernel adapter or virtual machine in the session answers to '{nameOrPath}'. Give its path (esx01/vmk1), " +
                    "give -Host to look the name up on one host, or pass the adapter or VM itself.", nameOrPath);
            }
        }

        // One list for the whole call, written as one object: a million flows never cross the pipeline one by one.
        protected override void EndProcessing()
        {
            if (_sources.Count == 0) return;
            var flows = Fatal(() => VNFlowList.Create(_sources, _destinations, DemandMbps, Protocol, SourcePort, DestinationPort, Direction,
                IcmpIdentifier, _destinationMac));
            WriteVerbose($"Created {flows.Count} flow(s) from {_sources.Count} source(s) to {_destinations.Length} destination(s).");
            WriteObject(flows, enumerateCollection: false);
        }
    }
}
