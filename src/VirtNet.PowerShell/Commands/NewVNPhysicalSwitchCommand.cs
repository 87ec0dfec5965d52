using System;
using System.Management.Automation;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.New, "VNPhysicalSwitch")]
    [OutputType(typeof(VNPhysicalSwitch))]
    public sealed class NewVNPhysicalSwitchCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string[] Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Model { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int Stack { get; set; } = 1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public EtherChannelLoadBalance LoadBalance { get; set; } = EtherChannelLoadBalance.SrcMac;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SpanningTreeMode SpanningTree { get; set; } = SpanningTreeMode.Pvst;

        // Nullable rather than IsBound: BoundParameters keeps a by-property-name value from the previous pipeline object.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DurationTransformation]
        public TimeSpan? ForwardDelay { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DurationTransformation]
        public TimeSpan? MaxAge { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? BridgePriority { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
                ForInput(() =>
                {
                    var physicalSwitch = new VNPhysicalSwitch(name, Model, Stack) { LoadBalance = LoadBalance, SpanningTree = SpanningTree };
                    // Timers not given keep the core's 802.1D defaults (15 s, 20 s).
                    if (ForwardDelay.HasValue) physicalSwitch.ForwardDelay = ForwardDelay.Value;
                    if (MaxAge.HasValue) physicalSwitch.MaxAge = MaxAge.Value;
                    if (BridgePriority.HasValue) physicalSwitch.BridgePriority = BridgePriority.Value;
                    WriteVerbose($"Created physical switch {physicalSwitch.Name}" + (Stack > 1 ? $", a stack of {Stack}" : "") +
                        (BridgePriority.HasValue ? $", bridge priority {physicalSwitch.BridgePriority}." : "."));
                    WriteKept(physicalSwitch);
                });
        }
    }
}
