using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace VirtNet.Import
{
    /// <summary>One line of captured console output, with what was pasted around the output taken off.</summary>
    public sealed class ExportLine
    {
        internal ExportLine(int number, string raw, string text, int indent, string command, string promptHost)
        {
            Number = number;
            Raw = raw;
            Text = text;
            Indent = indent;
            Command = command;
            PromptHost = promptHost;
        }

        /// <summary>1-based line number in the file.</summary>
        public int Number { get; }
        /// <summary>The line with tabs expanded and trailing blanks removed.</summary>
        public string Raw { get; }
        /// <summary>The line without its indentation.</summary>
        public string Text { get; }
        public int Indent { get; }
        /// <summary>Not null when the line is a shell or switch prompt, or a bare command: the command typed (may be empty).</summary>
        public string Command { get; }
        /// <summary>The host name a prompt shows ([root@esx01:~], SW1#), or null.</summary>
        public string PromptHost { get; }
        public bool IsCommand => Command != null;
        public bool IsBlank => Text.Length == 0;
    }

    /// <summary>
    /// Reads captured console output as admins save it: from a terminal, a vm-support bundle or a blog or wiki page.
    /// What pasted outputs carry around the command output: prompts, pasted indentation (spaces or tabs), trailing spaces, and
    /// "..." elision lines are no part of the output. Prompt lines are kept as commands, since a command line can say
    /// what the output belongs to (policy failover get --vswitch-name=vSwitch1).
    /// </summary>
    public static class ExportText
    {
        static readonly Regex[] Prompts =
        {
            // ESXi 6+ "[root@esx01:~] cmd", ESX classic "[root@esx01 ~]# cmd"
            new Regex(@"^\[[^@\]\s]+@(?<host>[^:\]\s]+)[^\]]*\]\s*[#$]?\s*(?<cmd>.*)$", RegexOptions.CultureInvariant),
            // ESXi 4/5 busybox "~ # cmd", "/vmfs/volumes # cmd"
            new Regex(@"^(?:~|/[^\s#]*)\s*#\s*(?<cmd>.*)$", RegexOptions.CultureInvariant),
            // IOS "SW1#show run", "core_switch# show run int gi0/27", "sw1(config-if)#"
            new Regex(@"^(?<host>[A-Za-z][\w.-]*)(?:\([\w-]+\))?#\s*(?<cmd>.*)$", RegexOptions.CultureInvariant),
            // PowerShell "PS C:\> cmd"
            new Regex(@"^PS [^>]*>\s*(?<cmd>.*)$", RegexOptions.CultureInvariant),
            // a shell in an unpacked bundle "commands$ sed ..."
            new Regex(@"^[\w.-]+\$\s+(?<cmd>.*)$", RegexOptions.CultureInvariant),
            // a lone root prompt before a command "# esxcli network nic list"
            new Regex(@"^#\s*(?<cmd>(?:esxcli|localcli|esxcfg-[\w-]+|vim-cmd|vem|vm-support|show|sh)\b.*)$", RegexOptions.CultureInvariant),
            // a bare command line, as pages show them
            new Regex(@"^(?<cmd>(?:esxcli|localcli|esxcfg-[\w-]+|vim-cmd|vem|show|sh)(?:\s.*)?)$", RegexOptions.CultureInvariant),
        };

        static readonly Regex Elision = new Regex(@"^(?:\.{3,}|…)$", RegexOptions.CultureInvariant);

        /// <summary>Reads a file's text, or throws ImportFileNotFound / ImportReadFailed / FileEmptyOrNotRegular / FileTooLarge.</summary>
        public static string ReadFile(string path) => BoundedFile.ReadText(path, "Export file", ErrorIds.ImportFileNotFound, ErrorIds.ImportReadFailed);

        /// <summary>Splits text into lines; elisions and blank-only lines are dropped except as blanks, nothing is ever thrown.</summary>
        public static List<ExportLine> Lines(string text)
        {
            var lines = new List<ExportLine>();
            var all = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (int i = 0; i < all.Length; i++)
            {
                var raw = ExpandTabs(all[i]).TrimEnd();
                var trimmed = raw.TrimStart();
                if (Elision.IsMatch(trimmed)) continue;
                string command = null, host = null;
                foreach (var prompt in Prompts)
                {
                    var m = prompt.Match(trimmed);
                    if (!m.Success) continue;
                    command = m.Groups["cmd"].Value.Trim();
                    host = m.Groups["host"].Success ? m.Groups["host"].Value : null;
                    break;
                }
                // A line commented out by the page's author ("# Load Balancing: srcport") is output all the same.
                if (command == null && trimmed.StartsWith("# ", StringComparison.Ordinal))
                {
                    var uncommented = trimmed.Substring(2);
                    raw = new string(' ', raw.Length - trimmed.Length) + uncommented;
                    trimmed = uncommented.TrimStart();
                }
                lines.Add(new ExportLine(i + 1, raw, trimmed, raw.Length - trimmed.Length, command, host));
            }
            return lines;
        }

        static string ExpandTabs(string line)
        {
            if (line.IndexOf('\t') < 0) return line;
            var sb = new StringBuilder();
            foreach (var c in line)
            {
                if (c == '\t') sb.Append(' ', 8 - sb.Length % 8);
                else sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>Whitespace-separated tokens with the column each starts at.</summary>
        internal static List<(string Text, int Start)> Tokens(string line)
        {
            var tokens = new List<(string, int)>();
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
                int start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                if (i > start) tokens.Add((line.Substring(start, i - start), start));
            }
            return tokens;
        }

        /// <summary>A host name a prompt shows, unless it is a placeholder that names no host.</summary>
        internal static string UsefulHost(string host) =>
            host == null || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.Equals("Switch", StringComparison.OrdinalIgnoreCase) ? null : host;
    }
}
