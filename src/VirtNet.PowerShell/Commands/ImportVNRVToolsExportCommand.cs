using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Import.RVTools;

namespace VirtNet.Commands
{
    /// <summary>Reads an RVTools export (an .xlsx workbook, or a folder of per-tab CSV files) into one host per host.</summary>
    [Cmdlet(VerbsData.Import, "VNRVToolsExport")]
    [OutputType(typeof(VNHost))]
    public sealed class ImportVNRVToolsExportCommand : VNImportCmdlet
    {
        readonly List<RVToolsTable> _tables = new List<RVToolsTable>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string[] Path { get; set; }

        [Parameter]
        public string Version { get; set; }

        protected override void BeginProcessing()
        {
            if (!string.IsNullOrEmpty(Version)) Fatal(() => HostVersion.Parse(Hypervisor.Esx, Version));
        }

        protected override void ProcessRecord() =>
            _tables.AddRange(ReadFiles(Path, "Import-VNRVToolsExport", RVToolsImport.FormatsRead, file => RVToolsImport.Read(file)).SelectMany(t => t));

        protected override void EndProcessing()
        {
            if (_tables.Count == 0) return;
            ForInput(() =>
            {
                var result = RVToolsImport.Build(_tables, string.IsNullOrEmpty(Version) ? null : Version);
                WriteWarnings(result.Warnings);
                WriteKept(result.Hosts);
            }, BuiltFrom(_tables.Select(t => t.Source)));
        }
    }
}
