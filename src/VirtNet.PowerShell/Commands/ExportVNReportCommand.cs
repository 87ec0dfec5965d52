using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using VirtNet.HA;
using VirtNet.Report;
using VirtNet.Serialization;

namespace VirtNet.Commands
{
    /// <summary>Writes a self-contained HTML report of hosts, physical switches and HA clusters; see <see cref="HtmlReport"/>.</summary>
    [Cmdlet(VerbsData.Export, "VNReport", SupportsShouldProcess = true)]
    public sealed class ExportVNReportCommand : VNCmdlet
    {
        readonly ConfigContents _contents = new ConfigContents();

        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public object[] InputObject { get; set; }

        [Parameter]
        [FlowListTransformation]
        public VNFlowList Flow { get; set; }

        [Parameter]
        public VNFailureScenario[] Scenario { get; set; }

        [Parameter]
        public object[] Proposal { get; set; }

        [Parameter]
        public string Title { get; set; }

        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        protected override void ProcessRecord()
        {
            AddInputs(_contents, InputObject);
        }

        /// <summary>Sorts -Proposal by planner; anything else is that item's error, and the others still go in.</summary>
        void AddProposals(ReportSettings settings)
        {
            var teaming = new List<VNTeamingProposal>();
            var ha = new List<VNHaIsolationChange>();
            var addresses = new List<VNAddressProposal>();
            foreach (var item in Proposal ?? new object[0])
                ForInput(() =>
                {
                    switch (item is PSObject wrapped ? wrapped.BaseObject : item)
                    {
                        case VNTeamingProposal p: teaming.Add(p); break;
                        case VNHaIsolationChange c: ha.Add(c); break;
                        case VNAddressProposal a: addresses.Add(a); break;
                        case var other:
                            throw new VirtNetException(ErrorIds.UnsupportedProposal, VirtNetErrorKind.InvalidArgument,
                                $"'{Echo.Cut(other?.ToString() ?? "null")}' is not a proposal. -Proposal takes the output of Optimize-VNTeaming, " +
                                "Optimize-VNHaIsolation and Find-VNBalancedAddress.", other);
                    }
                });
            settings.TeamingProposals = teaming;
            settings.HaChanges = ha;
            settings.AddressProposals = addresses;
        }

        /// <summary>One report for the whole pipeline, written once every input is in.</summary>
        protected override void EndProcessing()
        {
            AddSessionUnlessGiven(_contents);
            var path = Fatal(() => ResolveFilePath(Path, ErrorIds.ReportWriteFailed));
            // An empty report is an error with or without -WhatIf, as an empty Export-VNConfig is.
            Fatal(() => HtmlReport.CheckNotEmpty(_contents));
            var what = $"Report on {_contents.Hosts.Count} host(s), {_contents.PhysicalSwitches.Count} physical switch(es) and {_contents.Clusters.Count} cluster(s)";
            if (!ShouldProcess(path, what)) return;
            var progress = new SlowProgress(this, "Export-VNReport " + Path);
            var settings = new ReportSettings { Title = Title, Flow = Flow, Scenario = Scenario?.Where(s => s != null).ToList() };
            AddProposals(settings);
            var report = Fatal(() => HtmlReport.Build(_contents, settings, progress));
            foreach (var warning in report.Warnings) WriteWarning(warning);
            if (report.ProposalCount > 0) WriteVerbose($"Showing {report.ProposalCount} proposal(s) before and after.");
            Fatal(() => HtmlReport.Write(path, report.Html, NoClobber));
            progress.Complete();
            WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                "Wrote {0} ({1:N0} KB): {2} diagram(s), {3} finding(s), {4} HA result(s), {5} timeline(s).",
                path, report.Html.Length / 1024, report.Diagrams.Count, report.Findings.Count, report.HaResults.Count, report.Timelines.Count));
        }
    }
}
