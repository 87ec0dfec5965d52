using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.HA;

namespace VirtNet.Commands
{
    /// <summary>
    /// Creates a failure scenario: links, switches, stack members or endpoints that fail at -At and come back at
    /// -Until. A scenario piped in contributes its events first, so scenarios with events at different times are
    /// built step by step.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VNFailureScenario")]
    [OutputType(typeof(VNFailureScenario))]
    public sealed class NewVNFailureScenarioCommand : VNCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; }

        [Parameter]
        public object[] LinkDown { get; set; }

        [Parameter]
        public object[] LinkUp { get; set; }

        [Parameter]
        public object[] SwitchDown { get; set; }

        [Parameter]
        public int StackMember { get; set; }

        [Parameter]
        public object[] EndpointDown { get; set; }

        [Parameter]
        [DurationTransformation]
        public TimeSpan At { get; set; }

        [Parameter]
        [DurationTransformation]
        public TimeSpan? Until { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public VNFailureScenario Scenario { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(() =>
            {
                var events = new List<VNFailureEvent>(Scenario?.Events ?? new VNFailureEvent[0]);
                int? member = IsBound(nameof(StackMember)) ? StackMember : (int?)null;
                Add(events, FailureEventKind.LinkDown, LinkDown, null);
                Add(events, FailureEventKind.LinkUp, LinkUp, null);
                Add(events, FailureEventKind.SwitchDown, SwitchDown, member);
                Add(events, FailureEventKind.EndpointDown, EndpointDown, null);
                if (member.HasValue && SwitchDown == null)
                    throw new VirtNetException(ErrorIds.InvalidFailureScenario, VirtNetErrorKind.InvalidArgument,
                        "-StackMember names the member of each -SwitchDown stack that goes down; give -SwitchDown too.", member);
                var scenario = new VNFailureScenario(Name, events);
                WriteVerbose($"Created failure scenario '{Name}' of {scenario.Events.Count} event(s).");
                WriteObject(scenario);
            });
        }

        void Add(List<VNFailureEvent> events, FailureEventKind kind, object[] targets, int? member)
        {
            foreach (var target in targets ?? new object[0])
                events.Add(new VNFailureEvent(kind, target is PSObject wrapped ? wrapped.BaseObject : target, At, Until, member));
        }
    }
}
