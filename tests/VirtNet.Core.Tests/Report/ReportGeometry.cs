using System.Collections.Generic;
using System.Linq;
using VirtNet.Report;
using Xunit;

namespace VirtNet.Tests.Report
{
    /// <summary>
    /// What a readable picture needs, checked independently of how the layout got there: two boxes are apart or
    /// one holds the other, two labels never meet, and a label stays clear of every box except its own and the
    /// boxes that hold its own.
    /// </summary>
    internal static class ReportGeometry
    {
        public static List<string> Overlaps(IReadOnlyList<DiagramNode> nodes)
        {
            var problems = new List<string>();
            for (int i = 0; i < nodes.Count; i++)
                for (int j = i + 1; j < nodes.Count; j++)
                {
                    Box a = nodes[i].Box, b = nodes[j].Box;
                    if (a.Overlaps(b) && !a.Contains(b) && !b.Contains(a)) problems.Add($"box {nodes[i]} {a} crosses box {nodes[j]} {b}");
                }
            var labelled = nodes.Where(n => !string.IsNullOrEmpty(n.Label)).ToList();
            for (int i = 0; i < labelled.Count; i++)
            {
                var label = labelled[i].LabelBox;
                for (int j = i + 1; j < labelled.Count; j++)
                    if (label.Overlaps(labelled[j].LabelBox)) problems.Add($"label '{labelled[i].Label}' meets label '{labelled[j].Label}'");
                foreach (var other in nodes)
                    if (!other.Box.Contains(labelled[i].Box) && label.Overlaps(other.Box))
                        problems.Add($"label '{labelled[i].Label}' of {labelled[i]} lies on {other}");
            }
            return problems;
        }
    }
}
