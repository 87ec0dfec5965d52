using System.Management.Automation;
using VirtNet.Serialization;

namespace VirtNet.Commands
{
    /// <summary>
    /// Writes hosts, physical switches and HA clusters, with everything they reference, to a configuration file;
    /// without -InputObject, everything the session keeps. An existing file is replaced, as Export-Csv does.
    /// </summary>
    [Cmdlet(VerbsData.Export, "VNConfig", SupportsShouldProcess = true)]
    public sealed class ExportVNConfigCommand : VNCmdlet
    {
        readonly ConfigContents _contents = new ConfigContents();

        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public object[] InputObject { get; set; }

        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            AddInputs(_contents, InputObject);
        }

        /// <summary>One file for the whole pipeline, written once every input is in.</summary>
        protected override void EndProcessing()
        {
            AddSessionUnlessGiven(_contents);
            var path = Fatal(() => ResolveFilePath(Path, ErrorIds.ConfigWriteFailed));
            var what = $"{_contents.Hosts.Count} host(s), {_contents.PhysicalSwitches.Count} physical switch(es) and {_contents.Clusters.Count} cluster(s)";
            // An empty export is an error with or without -WhatIf; ConfigFile.Write reports it.
            if (!_contents.IsEmpty && !ShouldProcess(path, "Export " + what))
                return;
            Fatal(() => ConfigFile.Write(path, _contents, NoClobber, Force));
            WriteVerbose($"Exported {what} to {path}.");
        }
    }
}
