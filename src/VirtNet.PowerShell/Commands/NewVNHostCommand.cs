using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.New, "VNHost")]
    [OutputType(typeof(VNHost))]
    public sealed class NewVNHostCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string[] Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Hypervisor Hypervisor { get; set; } = Hypervisor.Esx;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(HostVersionCompleter))]
        public string Version { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Fqdn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string IPAddress { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DnsResolution DnsResolution { get; set; } = DnsResolution.All;

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
                ForInput(() =>
                {
                    var host = new VNHost(name, Hypervisor, Version) { Fqdn = Fqdn, IPAddress = ParseIP(IPAddress), DnsResolution = DnsResolution };
                    WriteVerbose($"Created host {host.Name} ({host.Hypervisor} {host.Version}).");
                    WriteKept(host);
                });
        }
    }
}
