using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Get, "VNTeamingPolicy")]
    [OutputType(typeof(VNTeamingPolicy))]
    public sealed class GetVNTeamingPolicyCommand : VNCmdlet
    {
        /// <summary>Typed object[] so that one wrong input is a per-input InvalidTeamingTarget error, not a binding failure of the whole call.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(TeamingTargetCompleter))]
        public object[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var input in InputObject)
                ForInput(() =>
                {
                    TeamingTarget.Resolve(input, out var virtualSwitch, out var portGroup);
                    var policy = portGroup != null ? VNTeamingPolicy.For(portGroup) : VNTeamingPolicy.For(virtualSwitch);
                    WriteVerbose($"Effective teaming policy of {policy.Target}.");
                    WriteObject(policy);
                });
        }
    }
}
