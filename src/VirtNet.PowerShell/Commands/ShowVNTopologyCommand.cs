using System.Management.Automation;
using VirtNet.Report;
using VirtNet.Serialization;

namespace VirtNet.Commands
{
    /// <summary>Prints the topology as a tree: host, vSwitch, uplink, switch port, switch; see <see cref="TopologyText"/>.</summary>
    [Cmdlet(VerbsCommon.Show, "VNTopology")]
    [OutputType(typeof(string))]
    public sealed class ShowVNTopologyCommand : VNCmdlet
    {
        readonly ConfigContents _contents = new ConfigContents();

        [Parameter(Position = 0, ValueFromPipeline = true)]
        public object[] InputObject { get; set; }

        /// <summary>Columns to fit in; default: the console's width, or 120 when there is no console.</summary>
        [Parameter]
        [ValidateRange(TopologyText.MinWidth, 1000)]
        public int Width { get; set; }

        protected override void ProcessRecord()
        {
            AddInputs(_contents, InputObject);
        }

        protected override void EndProcessing()
        {
            AddSessionUnlessGiven(_contents);
            int width = IsBound(nameof(Width)) ? Width : ConsoleWidth();
            WriteVerbose($"Showing {_contents.Hosts.Count} host(s) and {_contents.PhysicalSwitches.Count} physical switch(es) in {width} columns.");
            WriteObject(TopologyText.Lines(_contents, width), enumerateCollection: true);
        }

        int ConsoleWidth()
        {
            try
            {
                int width = Host?.UI?.RawUI?.BufferSize.Width ?? 0;
                // One column less than the buffer, so that a line of exactly the width does not wrap on its own.
                return width > TopologyText.MinWidth ? width - 1 : 120;
            }
            catch (System.Management.Automation.Host.HostException) { return 120; }
            // Hosts without a console window (a runspace hosted by a service or an editor) implement RawUI's buffer
            // size by throwing NotImplementedException: they have no width to fit.
            catch (System.NotImplementedException) { return 120; }
            // A console whose output is redirected has no buffer to measure on some platforms.
            catch (System.IO.IOException) { return 120; }
        }
    }
}
