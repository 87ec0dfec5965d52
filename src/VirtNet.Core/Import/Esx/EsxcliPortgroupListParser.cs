using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace VirtNet.Import.Esx
{
    /// <summary>
    /// esxcli network vswitch standard portgroup list. Published outputs show a header and a dash rule (one run per
    /// column, or one continuous rule from localcli, so the rule cannot be trusted for boundaries), numbers
    /// right-aligned. The two numbers are read from the right; the name and the vSwitch are split at the last run
    /// of two blanks or more. When a paste collapsed the blanks, that split is a guess: the vSwitch is taken to be
    /// the last word, and the guess is reported when the name had more words to give.
    /// </summary>
    sealed class EsxcliPortgroupListParser : EsxTableParser
    {
        static readonly Regex Header = new Regex(@"^Name\s+Virtual Switch\s+Active Clients\s+VLAN ID$", RegexOptions.CultureInvariant);
        static readonly Regex ColumnGap = new Regex(@"\s{2,}", RegexOptions.CultureInvariant);

        public EsxcliPortgroupListParser(HostFacts facts, ParseContext context) : base(facts, context) { }

        public override string Format => "esxcli network vswitch standard portgroup list";

        public override bool IsHeader(ExportLine line) => Header.IsMatch(line.Text);

        public override void Begin(ExportLine header) { }

        public override void Row(ExportLine line)
        {
            if (IsRule(line)) return;
            var tokens = ExportText.Tokens(line.Text);
            int n = tokens.Count;
            if (n < 4 || !Numbers.TryParse(tokens[n - 1].Text, out int vlan) || !Numbers.IsAllDigits(tokens[n - 2].Text))
            {
                Context.Unknown(line, $"a row of {Format} (name, virtual switch, active clients, VLAN ID)");
                return;
            }
            var text = line.Text.Substring(0, tokens[n - 2].Start).TrimEnd();
            var gaps = ColumnGap.Matches(text);
            string name, vswitch;
            if (gaps.Count > 0)
            {
                var gap = gaps[gaps.Count - 1];
                name = text.Substring(0, gap.Index).Trim();
                vswitch = text.Substring(gap.Index + gap.Length).Trim();
            }
            else
            {
                // At least two tokens precede the counts, split by a blank the tokens were split by: a tab or a
                // no-break space as much as a space.
                int last = text.Length - 1;
                while (!char.IsWhiteSpace(text[last])) last--;
                name = text.Substring(0, last).Trim();
                vswitch = text.Substring(last + 1);
                if (name.IndexOf(' ') >= 0)
                    Context.Warn(line, $"the blanks between the columns are lost, so '{Echo.Cut(text)}' is ambiguous; read as port group '{Echo.Cut(name)}' on virtual switch '{vswitch}'.");
            }
            if (name.Length == 0)
            {
                Context.Unknown(line, $"a row of {Format} (name, virtual switch, active clients, VLAN ID)");
                return;
            }
            Facts.PortGroup(vswitch, name, Context.At(line)).VLanId = vlan;
        }
    }
}
