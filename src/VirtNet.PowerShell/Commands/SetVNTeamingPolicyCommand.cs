using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Set, "VNTeamingPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(VNTeamingPolicy))]
    public sealed class SetVNTeamingPolicyCommand : VNCmdlet
    {
        TeamingPolicyChange _change;

        /// <summary>Typed object[] so that one wrong input is a per-input InvalidTeamingTarget error, not a binding failure of the whole call.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(TeamingTargetCompleter))]
        public object[] InputObject { get; set; }

        [Parameter]
        public LoadBalancingPolicy LoadBalancingPolicy { get; set; }

        [Parameter]
        public NetworkFailoverDetectionPolicy NetworkFailoverDetectionPolicy { get; set; }

        [Parameter]
        public bool NotifySwitches { get; set; }

        [Parameter]
        public bool FailbackEnabled { get; set; }

        // Uplink objects bind too: VNUplink converts to string as its Name.
        [Parameter]
        [ArgumentCompleter(typeof(UplinkNameCompleter))]
        public string[] MakeNicActive { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(UplinkNameCompleter))]
        public string[] MakeNicStandby { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(UplinkNameCompleter))]
        public string[] MakeNicUnused { get; set; }

        [Parameter]
        public IpHashVariant IpHashVariant { get; set; }

        [Parameter]
        public SwitchParameter Inherit { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _change = new TeamingPolicyChange
            {
                LoadBalancingPolicy = IsBound(nameof(LoadBalancingPolicy)) ? LoadBalancingPolicy : (LoadBalancingPolicy?)null,
                NetworkFailoverDetectionPolicy = IsBound(nameof(NetworkFailoverDetectionPolicy)) ? NetworkFailoverDetectionPolicy : (NetworkFailoverDetectionPolicy?)null,
                NotifySwitches = IsBound(nameof(NotifySwitches)) ? NotifySwitches : (bool?)null,
                FailbackEnabled = IsBound(nameof(FailbackEnabled)) ? FailbackEnabled : (bool?)null,
                IpHashVariant = IsBound(nameof(IpHashVariant)) ? IpHashVariant : (IpHashVariant?)null,
                MakeNicActive = MakeNicActive,
                MakeNicStandby = MakeNicStandby,
                MakeNicUnused = MakeNicUnused,
                Inherit = Inherit.IsPresent,
            };
        }

        protected override void ProcessRecord()
        {
            foreach (var input in InputObject)
                ForInput(() =>
                {
                    TeamingTarget.Resolve(input, out var virtualSwitch, out var portGroup);
                    if (!ShouldProcess(portGroup?.Path ?? virtualSwitch.Path, "Set teaming policy")) return;
                    TeamingPolicyChange.Apply(virtualSwitch, portGroup, _change);
                    WriteVerbose($"Set the teaming policy of {portGroup?.Path ?? virtualSwitch.Path}.");
                    if (PassThru) WriteObject(portGroup != null ? VNTeamingPolicy.For(portGroup) : VNTeamingPolicy.For(virtualSwitch));
                });
        }
    }
}
