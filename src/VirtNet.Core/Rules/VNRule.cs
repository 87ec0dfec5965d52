using System;
using System.Text.RegularExpressions;
using VirtNet.Rules;

namespace VirtNet
{
    /// <summary>The area a rule checks; the three letters of its id name it (VNT001 is a teaming rule).</summary>
    public enum RuleArea
    {
        /// <summary>VNT: NIC teaming against the physical switch.</summary>
        Teaming,
        /// <summary>VNV: VLANs of port groups and switch ports.</summary>
        VLan,
        /// <summary>VNM: MTU of VMkernel ports, vSwitches and switch ports.</summary>
        Mtu,
        /// <summary>VNR: single points of failure.</summary>
        Redundancy,
        /// <summary>VNP: vSwitch port counts.</summary>
        Ports,
        /// <summary>VNS: spanning tree and PortFast on host-facing ports.</summary>
        SpanningTree,
        /// <summary>VNH: VMware HA clusters (heartbeat networks, isolation addresses, DNS, das.* settings).</summary>
        HA,
        /// <summary>VNW: Hyper-V (Windows Server) switches: Switch Embedded Teaming and LBFO teams.</summary>
        HyperV,
        /// <summary>VNL: Linux bonds against the physical switch.</summary>
        LinuxBond,
        /// <summary>VNA: MAC addresses: Hyper-V pools and addresses in use.</summary>
        MacAddress,
        /// <summary>VNF: what only a traffic simulation sees (lost flows, failures detection misses); Invoke-VNTrafficSimulation raises them.</summary>
        Simulation,
    }

    /// <summary>
    /// A rule of the catalogue, as Get-VNRule lists it and the help topic about_VirtNet_Rules prints it.
    /// The id is stable: scripts filter on it, so a rule is never renumbered, and a retired id is not reused.
    /// </summary>
    public sealed class VNRule
    {
        static readonly Regex IdPattern = new Regex("^VN[A-Z][0-9]{3}$", RegexOptions.CultureInvariant);

        internal VNRule(RuleDefinition definition, string ruleId, Severity severity, string title, string description,
            string recommendation, string source)
        {
            if (!IdPattern.IsMatch(ruleId ?? ""))
                throw new ArgumentException($"Rule id '{ruleId}' does not have the form VN<area letter><three digits>.", nameof(ruleId));
            Definition = definition;
            RuleId = ruleId;
            Area = AreaOf(ruleId);
            Severity = severity;
            Title = title;
            Description = description;
            Recommendation = recommendation;
            Source = source;
        }

        public string RuleId { get; }
        public RuleArea Area { get; }
        public Severity Severity { get; }
        public string Title { get; }
        /// <summary>What the rule checks and why it matters.</summary>
        public string Description { get; }
        /// <summary>What to do about a finding; every finding of the rule carries it.</summary>
        public string Recommendation { get; }
        /// <summary>The document or KB article the rule comes from.</summary>
        public string Source { get; }

        internal RuleDefinition Definition { get; }

        /// <summary>The id prefix of each area. A new area adds a value to <see cref="RuleArea"/> and a line here.</summary>
        internal static string PrefixOf(RuleArea area)
        {
            switch (area)
            {
                case RuleArea.Teaming: return "VNT";
                case RuleArea.VLan: return "VNV";
                case RuleArea.Mtu: return "VNM";
                case RuleArea.Redundancy: return "VNR";
                case RuleArea.Ports: return "VNP";
                case RuleArea.SpanningTree: return "VNS";
                case RuleArea.HA: return "VNH";
                case RuleArea.HyperV: return "VNW";
                case RuleArea.LinuxBond: return "VNL";
                case RuleArea.MacAddress: return "VNA";
                case RuleArea.Simulation: return "VNF";
                default: throw new ArgumentOutOfRangeException(nameof(area), area, "No id prefix for this area.");
            }
        }

        static RuleArea AreaOf(string ruleId)
        {
            foreach (RuleArea area in Enum.GetValues(typeof(RuleArea)))
                if (ruleId.StartsWith(PrefixOf(area), StringComparison.Ordinal)) return area;
            throw new ArgumentException($"Rule id '{ruleId}' has no known area prefix.", nameof(ruleId));
        }

        public override string ToString() => RuleId + " " + Title;
    }
}
