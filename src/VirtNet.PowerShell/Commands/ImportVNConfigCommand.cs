using System.Management.Automation;
using VirtNet.HA;
using VirtNet.Serialization;

namespace VirtNet.Commands
{
    /// <summary>Reads configuration files written by Export-VNConfig and emits their hosts, then their physical switches, then their clusters.</summary>
    [Cmdlet(VerbsData.Import, "VNConfig")]
    [OutputType(typeof(VNHost), typeof(VNPhysicalSwitch), typeof(VNCluster))]
    public sealed class ImportVNConfigCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string[] Path { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
                ForInput(() =>
                {
                    var contents = ConfigFile.Read(ResolveFilePath(path, ErrorIds.ConfigFileNotFound));
                    foreach (var warning in contents.Warnings) WriteWarning(warning);
                    WriteVerbose($"Read {path}: {contents.Hosts.Count} host(s), {contents.PhysicalSwitches.Count} physical switch(es), {contents.Clusters.Count} cluster(s).");
                    WriteKept(contents.TopLevelObjects);
                }, $"'{path}'");
        }
    }
}
