using System.Management.Automation;
using VirtNet.Net;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Add, "VNEndpoint", SupportsShouldProcess = true)]
    [OutputType(typeof(VNEndpoint))]
    public sealed class AddVNEndpointCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [InventoryName(typeof(VNPhysicalSwitch))]
        [ArgumentCompleter(typeof(PhysicalSwitchNameCompleter))]
        public VNPhysicalSwitch PhysicalSwitch { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        public string IPAddress { get; set; }

        // Nullable rather than IsBound: BoundParameters keeps a by-property-name value from the previous pipeline object.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? VLanId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool RespondsToPing { get; set; } = true;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public EndpointRole Role { get; set; } = EndpointRole.Other;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string MacAddress { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(PhysicalSwitch), PhysicalSwitch.Name, "endpoint");
                var ip = IPv4Address.Parse(IPAddress);
                var mac = ParseMac(MacAddress);
                if (!ShouldProcess(PhysicalSwitch.Name + "/" + Name, $"Add endpoint {ip} ({Role})")) return;
                var endpoint = PhysicalSwitch.AddEndpoint(Name, ip, VLanId, RespondsToPing, Role, mac);
                WriteVerbose($"Added endpoint {endpoint.Path} ({endpoint.IPAddress}{(mac.HasValue ? ", " + mac.Value : "")}, {Role}, {(RespondsToPing ? "answers" : "does not answer")} ping).");
                WriteObject(endpoint);
            });
        }
    }
}
