using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Cisco
{
    /// <summary>
    /// Reads NX-OS "show vpc brief": the domain id, the configured role (primary, or secondary; "primary, operational
    /// secondary" after a role change is still the configured primary), the peer link's port channel and each vPC's
    /// port channel. The status lines (peer status, keep-alive, consistency, timers) describe the moment the command
    /// ran, not the configuration, and are passed over.
    /// </summary>
    sealed class ShowVpcBriefParser
    {
        static readonly Regex Field = new Regex(@"^(?<key>[A-Za-z][A-Za-z0-9 ()/-]*?)\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant);
        static readonly Regex Channel = new Regex(@"^(?:Po|Port-channel)(?<n>[0-9]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        static readonly Regex VlanList = new Regex(@"^[0-9,\-]+$|^-$", RegexOptions.CultureInvariant);

        enum Table { None, PeerLink, Vpc }

        readonly SwitchFacts _facts;
        readonly ParseContext _context;
        Table _table;

        public ShowVpcBriefParser(SwitchFacts facts, ParseContext context)
        {
            _facts = facts;
            _context = context;
        }

        /// <summary>The legend's one line, or the first field when the legend was cut off.</summary>
        public static bool Starts(ExportLine line) =>
            (line.Text.StartsWith("vPC domain id", StringComparison.Ordinal) && line.Text.Contains(":"))
            || line.Text.StartsWith("(*) - local vPC is down", StringComparison.Ordinal);

        public void Take(ExportLine line)
        {
            var text = line.Text;
            if (text.StartsWith("vPC Peer-link status", StringComparison.Ordinal)) { _table = Table.PeerLink; return; }
            if (text.StartsWith("vPC status", StringComparison.Ordinal)) { _table = Table.Vpc; return; }
            if (text.StartsWith("-", StringComparison.Ordinal) || text.StartsWith("id ", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("Legend", StringComparison.Ordinal) || text.StartsWith("(*)", StringComparison.Ordinal)
                // The closing hint NX-OS prints after the vPC table.
                || text.StartsWith("Please check \"show vpc consistency-parameters", StringComparison.Ordinal) || text == "consistency reasons") return;
            var tokens = ExportText.Tokens(text).Select(t => t.Text).ToList();
            if (_table != Table.None && Numbers.TryParse(tokens[0], out int id) && tokens.Count >= 3)
            {
                var po = Channel.Match(tokens[1]);
                if (!po.Success || !Numbers.TryParse(po.Groups["n"].Value, out int group) || group < 1)
                {
                    _context.Warn(line, $"'{Echo.Cut(tokens[1])}' is not a port channel such as Po10; the row is skipped.");
                    return;
                }
                if (_table == Table.PeerLink) _facts.PeerLinkGroup = group;
                else if (id >= 1 && id <= 4096) _facts.VpcOfGroup[group] = id;
                else _context.Warn(line, $"vPC id {id} is not from 1 to 4096; the row is skipped.");
                return;
            }
            // The Active vlans column wraps onto lines of its own.
            if (_table != Table.None && tokens.All(t => VlanList.IsMatch(t))) return;
            var field = Field.Match(text);
            if (!field.Success)
            {
                _context.Unknown(line, "show vpc brief");
                return;
            }
            var key = field.Groups["key"].Value.Trim();
            var value = field.Groups["value"].Value.Trim();
            if (key == "vPC domain id")
            {
                if (Numbers.TryParse(value, out int domain) && domain >= 1 && domain <= 1000)
                {
                    _facts.VpcDomain = domain;
                    _facts.VpcSource = _context.At(line);
                }
                else _context.Warn(line, $"vPC domain id '{Echo.Cut(value)}' is not from 1 to 1000; the domain is skipped.");
            }
            else if (key == "vPC role")
            {
                if (value.StartsWith("primary", StringComparison.OrdinalIgnoreCase)) _facts.VpcPrimary = true;
                else if (value.StartsWith("secondary", StringComparison.OrdinalIgnoreCase)) _facts.VpcPrimary = false;
                // "none established": the peers never met, so there is no role to read.
                else if (!value.StartsWith("none", StringComparison.OrdinalIgnoreCase))
                    _context.Warn(line, $"vPC role '{Echo.Cut(value)}' is neither primary nor secondary; it is skipped.");
            }
        }
    }
}
