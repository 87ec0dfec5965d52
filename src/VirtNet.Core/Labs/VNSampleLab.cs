using System.Collections.Generic;

namespace VirtNet.Labs
{
    /// <summary>A built sample lab: fresh model objects, not shared with any other build of the same lab.</summary>
    public sealed class VNSampleLab
    {
        internal VNSampleLab(SampleLabName name, string description, IReadOnlyList<VNHost> hosts, IReadOnlyList<VNPhysicalSwitch> physicalSwitches)
        {
            Name = name;
            Description = description;
            Hosts = hosts;
            PhysicalSwitches = physicalSwitches;
        }

        public SampleLabName Name { get; }
        public string Description { get; }
        public IReadOnlyList<VNHost> Hosts { get; }
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches { get; }

        public override string ToString() => Name.ToString();
    }
}
