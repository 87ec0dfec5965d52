using System.Management.Automation;
using VirtNet.Labs;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.New, "VNSampleLab")]
    [OutputType(typeof(VNHost), typeof(VNPhysicalSwitch))]
    public sealed class NewVNSampleLabCommand : VNCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public SampleLabName Name { get; set; } = SampleLabName.NicTeaming;

        protected override void ProcessRecord()
        {
            var lab = Fatal(() => SampleLab.Build(Name));
            WriteVerbose(lab.Description);
            WriteKept(lab.Hosts);
            WriteKept(lab.PhysicalSwitches);
        }
    }
}
