using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Import.Cisco;

namespace VirtNet.Commands
{
    /// <summary>Reads Cisco IOS exports into physical switches and cables the given hosts' uplinks to them.</summary>
    [Cmdlet(VerbsData.Import, "VNSwitchConfig")]
    [OutputType(typeof(VNPhysicalSwitch))]
    public sealed class ImportVNSwitchConfigCommand : VNImportCmdlet
    {
        readonly List<SwitchConfigFile> _files = new List<SwitchConfigFile>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string[] Path { get; set; }

        [Parameter]
        public string Name { get; set; }

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        [Parameter]
        public Hashtable Cabling { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var file in ReadFiles(Path, "Import-VNSwitchConfig", SwitchConfigImport.FormatsRead, SwitchConfigImport.Read))
            {
                WriteWarnings(file.Warnings);
                _files.Add(file);
            }
        }

        protected override void EndProcessing()
        {
            if (_files.Count == 0) return;
            var hosts = (Host ?? new VNHost[0]).Where(h => h != null).ToList();
            ForInput(() =>
            {
                var result = SwitchConfigImport.Build(_files, string.IsNullOrEmpty(Name) ? null : Name, hosts, ToStringMap(Cabling));
                WriteWarnings(result.Warnings);
                foreach (var note in result.Notes) WriteInformation(note, new[] { "VirtNet" });
                foreach (var uplink in result.Cabled) WriteVerbose($"Cabled {uplink.Path} to {uplink.SwitchPort.Path}.");
                WriteKept(result.Switches);
            }, BuiltFrom(_files.Select(f => f.Path)));
        }
    }
}
