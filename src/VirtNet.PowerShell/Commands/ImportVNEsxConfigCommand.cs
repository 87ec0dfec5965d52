using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Import.Esx;

namespace VirtNet.Commands
{
    /// <summary>Reads esxcfg-* and esxcli output (files, or a vm-support commands/ folder) into hosts.</summary>
    [Cmdlet(VerbsData.Import, "VNEsxConfig")]
    [OutputType(typeof(VNHost))]
    public sealed class ImportVNEsxConfigCommand : VNImportCmdlet
    {
        readonly List<EsxConfigFile> _files = new List<EsxConfigFile>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string[] Path { get; set; }

        [Parameter]
        public string HostName { get; set; }

        [Parameter]
        public string Version { get; set; }

        protected override void BeginProcessing()
        {
            if (!string.IsNullOrEmpty(Version)) Fatal(() => HostVersion.Parse(Hypervisor.Esx, Version));
        }

        protected override void ProcessRecord()
        {
            foreach (var file in ReadFiles(Path, "Import-VNEsxConfig", EsxConfigImport.FormatsRead, EsxConfigImport.Read))
            {
                WriteWarnings(file.Warnings);
                _files.Add(file);
            }
        }

        protected override void EndProcessing()
        {
            if (_files.Count == 0) return;
            ForInput(() =>
            {
                var result = EsxConfigImport.Build(_files, string.IsNullOrEmpty(HostName) ? null : HostName, string.IsNullOrEmpty(Version) ? null : Version);
                WriteWarnings(result.Warnings);
                WriteKept(result.Hosts);
            }, BuiltFrom(_files.Select(f => f.Path)));
        }
    }
}
