using System.Collections.Generic;

namespace VirtNet.Import
{
    /// <summary>Hosts built by an importer (ESX files, RVTools, PowerCLI), with what was lost on the way.</summary>
    public sealed class HostImportResult
    {
        internal HostImportResult(IReadOnlyList<VNHost> hosts, IReadOnlyList<ImportWarning> warnings)
        {
            Hosts = hosts;
            Warnings = warnings;
        }

        public IReadOnlyList<VNHost> Hosts { get; }
        public IReadOnlyList<ImportWarning> Warnings { get; }
    }
}
