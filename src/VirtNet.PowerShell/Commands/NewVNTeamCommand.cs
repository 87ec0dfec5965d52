using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.New, "VNTeam", SupportsShouldProcess = true)]
    [OutputType(typeof(VNTeam))]
    public sealed class NewVNTeamCommand : VNCmdlet
    {
        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost Host { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        // Uplink objects bind too (VNUplink converts to its Name); Get-NetLbfoTeam objects carry the list as Members.
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Members")]
        [ValidateNotNullOrEmpty]
        public string[] TeamMembers { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public TeamingMode? TeamingMode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public LoadBalancingAlgorithm? LoadBalancingAlgorithm { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string StandbyMember { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                CheckNameNotFromPipedParent(nameof(Host), Host.Name, "team");
                var mode = TeamingMode ?? VirtNet.TeamingMode.SwitchIndependent;
                if (!ShouldProcess(Host.Name + "/" + Name, $"Create {mode} team of {string.Join(", ", TeamMembers)}")) return;
                var team = Host.NewTeam(Name, TeamMembers, mode, LoadBalancingAlgorithm, string.IsNullOrEmpty(StandbyMember) ? null : StandbyMember);
                WriteVerbose($"Created {mode} team {team.Path} of {string.Join(", ", TeamMembers)}.");
                WriteObject(team);
            });
        }
    }
}
