using System;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.Cisco
{
    /// <summary>
    /// Reads "show etherchannel summary". As published outputs show: a static "mode on" channel shows Protocol "-"; members wrap
    /// onto continuation lines; flags are "(P)" or "(bndl)"; separators can be tabs; the legend differs by release.
    /// LACP does not say whether a side is active or passive, nor PAgP desirable or auto: they are read as active and
    /// desirable, and a running-config read with it says which.
    /// </summary>
    sealed class ShowEtherchannelSummaryParser
    {
        static readonly Regex Header = new Regex(@"^Group\s+Port-channel\s+Protocol\s+Ports$", RegexOptions.CultureInvariant);
        static readonly Regex Legend = new Regex(@"^(?:Flags:|Number of (?:channel-groups in use|aggregators):|[A-Za-z] - |-+\+)", RegexOptions.CultureInvariant);
        static readonly Regex Member = new Regex(@"^(?<port>[A-Za-z][A-Za-z-]*[0-9]+(?:/[0-9]+)*)(?:\((?<flags>[A-Za-z]+)\))?$", RegexOptions.CultureInvariant);
        static readonly Regex Channel = new Regex(@"^(?:Po|Port-channel)(?<n>[0-9]+)(?:\([A-Za-z]+\))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        readonly SwitchFacts _facts;
        readonly ParseContext _context;
        ChannelFacts _current;
        bool _inTable;

        public ShowEtherchannelSummaryParser(SwitchFacts facts, ParseContext context)
        {
            _facts = facts;
            _context = context;
        }

        public static bool Starts(ExportLine line) => Header.IsMatch(line.Text) || line.Text.StartsWith("Flags:", StringComparison.Ordinal);

        public void Take(ExportLine line)
        {
            if (Header.IsMatch(line.Text)) { _inTable = true; _current = null; return; }
            var tokens = ExportText.Tokens(line.Text).Select(t => t.Text).ToList();
            // The legend comes before the table, and IOS-XE prints a second one after it ("P/bndl -  Bundled").
            if (Legend.IsMatch(line.Text) || (line.Text.Contains(" - ") && !Numbers.IsAllDigits(tokens[0]))) return;
            if (_inTable && Numbers.TryParse(tokens[0], out int group) && tokens.Count >= 3)
            {
                var po = Channel.Match(tokens[1]);
                if (!po.Success || group < 1)
                {
                    _context.Unknown(line, "a row of show etherchannel summary");
                    _current = null;
                    return;
                }
                PortChannelMode? mode = tokens[2] == "-" ? PortChannelMode.On
                    : tokens[2].Equals("LACP", StringComparison.OrdinalIgnoreCase) ? PortChannelMode.Active
                    : tokens[2].Equals("PAgP", StringComparison.OrdinalIgnoreCase) ? PortChannelMode.Desirable
                    : (PortChannelMode?)null;
                if (mode == null)
                {
                    _context.Warn(line, $"protocol '{Echo.Cut(tokens[2])}' is none of LACP, PAgP or '-' (static); the channel is skipped.");
                    _current = null;
                    return;
                }
                _current = _facts.Channel(group, _context.At(line));
                _current.Mode = mode;
                AddMembers(line, tokens.Skip(3));
                return;
            }
            if (_inTable && _current != null && tokens.All(t => Member.IsMatch(t)))
            {
                AddMembers(line, tokens);
                return;
            }
            _context.Unknown(line, "show etherchannel summary");
        }

        void AddMembers(ExportLine line, System.Collections.Generic.IEnumerable<string> tokens)
        {
            foreach (var token in tokens)
            {
                var m = Member.Match(token);
                if (!m.Success || !SwitchPortName.TryNormalize(m.Groups["port"].Value, out var shortName, out _) || shortName.StartsWith("Po", StringComparison.Ordinal))
                {
                    _context.Warn(line, $"'{Echo.Cut(token)}' is not a member port such as Gi1/0/1(P); it is skipped.");
                    continue;
                }
                _facts.Port(shortName, _context.At(line));
                if (!_current.Members.Contains(shortName, StringComparer.OrdinalIgnoreCase)) _current.Members.Add(shortName);
                var flags = m.Groups["flags"].Value;
                if (flags.Length == 0) continue;
                if (MemberState(flags) is PortChannelMemberState state) _current.States[shortName] = state;
                else _context.Warn(line, $"member flag '{Echo.Cut(flags)}' of {shortName} is none of P (bundled), H (hot-standby), s (suspended), I (stand-alone), " +
                    "D (down) and w (waiting); the member is kept without a state.");
            }
        }

        /// <summary>
        /// A member's flags: one letter of the legend (Gi1/0/1(P)), or the word some IOS-XE releases print instead
        /// (Gi0/0/1(bndl), P/bndl in their legend). d (default port) qualifies a state and is passed over.
        /// </summary>
        static PortChannelMemberState? MemberState(string flags)
        {
            switch (flags)
            {
                case "bndl": return PortChannelMemberState.Bundled;
                case "hot-sby": return PortChannelMemberState.HotStandby;
                case "susp": return PortChannelMemberState.Suspended;
                case "stand": case "indep": return PortChannelMemberState.StandAlone;
                case "down": return PortChannelMemberState.Down;
            }
            PortChannelMemberState? found = null;
            foreach (var flag in flags)
            {
                PortChannelMemberState state;
                switch (flag)
                {
                    case 'P': state = PortChannelMemberState.Bundled; break;
                    case 'H': state = PortChannelMemberState.HotStandby; break;
                    case 's': state = PortChannelMemberState.Suspended; break;
                    case 'I': state = PortChannelMemberState.StandAlone; break;
                    case 'D': state = PortChannelMemberState.Down; break;
                    case 'w': state = PortChannelMemberState.Waiting; break;
                    case 'd': continue;
                    default: return null;
                }
                if (found.HasValue && found != state) return null;
                found = state;
            }
            return found;
        }
    }
}
