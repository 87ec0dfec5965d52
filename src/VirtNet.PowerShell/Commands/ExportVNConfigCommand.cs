using System.Management.Automation;
using VirtNet.Serialization;

namespace VirtNet.Commands
{
    /// <summary>Writes hosts, physical switches and HA clusters, with everything they reference, to a configuration file.</summary>
    [Cmdlet(VerbsData.Export, "VNConfig", SupportsShouldProcess = true)]
    public sealed class ExportVNConfigCommand : VNCmdlet
    {
        readonly ConfigContents _contents = new ConfigContents();

        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public object[] InputObject { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
                ForInput(() => _contents.Add(item is PSObject wrapped ? wrapped.BaseObject : item));
        }

        /// <summary>One file for the whole pipeline, written once every input is in.</summary>
        protected override void EndProcessing()
        {
            var path = Fatal(() => ResolveFilePath(Path, ErrorIds.ConfigWriteFailed));
            // An empty export is an error with or without -WhatIf; ConfigFile.Write reports it.
            if (!_contents.IsEmpty && !ShouldProcess(path,
                    $"Export {_contents.Hosts.Count} host(s), {_contents.PhysicalSwitches.Count} physical switch(es) and {_contents.Clusters.Count} cluster(s)"))
                return;
            Fatal(() => ConfigFile.Write(path, _contents, Force));
        }
    }
}
