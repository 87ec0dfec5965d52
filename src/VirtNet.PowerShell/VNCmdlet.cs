using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Net;

namespace VirtNet.Commands
{
    /// <summary>
    /// Base of every VirtNet cmdlet: turns the core's <see cref="VirtNetException"/> into ErrorRecords whose
    /// FullyQualifiedErrorId is "&lt;ErrorId&gt;,VirtNet.Commands.&lt;CmdletClass&gt;".
    /// </summary>
    public abstract class VNCmdlet : PSCmdlet
    {
        /// <summary>
        /// Runs the work for one pipeline input; a core error becomes a non-terminating error so the rest go on. As a
        /// last line of defence, so does any other exception: one input's failure must never lose the others' results.
        /// <paramref name="input"/> names the input in that error; without it, the parameters bound for this input do.
        /// </summary>
        protected void ForInput(Action work, object input = null)
        {
            try { work(); }
            catch (VirtNetException e) { WriteError(ToErrorRecord(e)); }
            // RuntimeException covers PowerShell's own flow: a stopped pipeline, -ErrorAction Stop. Those must go through.
            catch (Exception e) when (!(e is RuntimeException))
            {
                WriteError(Unexpected(e, input ?? DescribeInput()));
            }
        }

        /// <summary>An exception the core did not expect, as an error naming the input it happened on.</summary>
        protected ErrorRecord Unexpected(Exception e, object input) =>
            new ErrorRecord(new InvalidOperationException(
                $"{MyInvocation.MyCommand.Name} failed on {Echo.Cut(input)} ({e.GetType().Name}: {Echo.Cut(e.Message)}); the other inputs are not affected.", e),
                UnexpectedInputFailure, ErrorCategory.NotSpecified, input);

        /// <summary>The FullyQualifiedErrorId of an unexpected failure on one input.</summary>
        public const string UnexpectedInputFailure = nameof(UnexpectedInputFailure);

        string DescribeInput() =>
            "input " + string.Join(" ", MyInvocation.BoundParameters.Select(p => $"-{p.Key} {Echo.Cut(DescribeValue(p.Value))}"));

        static string DescribeValue(object value)
        {
            if (value is PSObject ps) value = ps.BaseObject;
            if (value is string || !(value is System.Collections.IEnumerable items)) return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(",", items.Cast<object>().Take(4).Select(v => Convert.ToString(v is PSObject p ? p.BaseObject : v, System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>Runs work whose failure makes the whole call meaningless (a terminating error).</summary>
        protected T Fatal<T>(Func<T> work)
        {
            try { return work(); }
            catch (VirtNetException e) { ThrowTerminatingError(ToErrorRecord(e)); return default; }
        }

        /// <summary>Runs work with no result whose failure makes the whole call meaningless (a terminating error).</summary>
        protected void Fatal(Action work) => Fatal(() => { work(); return true; });

        protected static ErrorRecord ToErrorRecord(VirtNetException e) =>
            new ErrorRecord(e, e.ErrorId, CategoryOf(e.Kind), e.Target);

        static ErrorCategory CategoryOf(VirtNetErrorKind kind)
        {
            switch (kind)
            {
                case VirtNetErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case VirtNetErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case VirtNetErrorKind.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                case VirtNetErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                case VirtNetErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case VirtNetErrorKind.WriteError: return ErrorCategory.WriteError;
                default: return ErrorCategory.InvalidArgument;
            }
        }

        /// <summary>
        /// A path as the user typed it, resolved against the PowerShell location (not the process's current folder) to
        /// a file system path. The file need not exist. Anything else, such as a registry path, is refused with errorId.
        /// </summary>
        protected string ResolveFilePath(string path, string errorId)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception e) when (e is RuntimeException || e is ArgumentException || e is NotSupportedException)
            {
                throw new VirtNetException(errorId, VirtNetErrorKind.InvalidArgument, $"'{path}' is not a valid file path: {e.Message}", path, e);
            }
            if (provider.Name != "FileSystem")
                throw new VirtNetException(errorId, VirtNetErrorKind.InvalidArgument,
                    $"'{path}' is a {provider.Name} path. Give a file system path, such as ./lab.json.", path);
            return resolved;
        }

        /// <summary>
        /// Writes the items whose names match any of <paramref name="names"/> (every item when none are given), each
        /// once and in model order, as Get-Item does. A name without wildcards that matches nothing goes to the core's
        /// <paramref name="lookup"/>, which finds what it is the path of or raises the error listing what exists; a wildcard that matches nothing is
        /// silent. Errors come first and the matches are copied before any is written, so a Remove- further down the
        /// pipeline changes neither the list being written nor what the errors list as existing.
        /// </summary>
        protected void WriteMatching<T>(IEnumerable<T> items, Func<T, string> nameOf, string[] names, Func<string, T> lookup)
        {
            names = names ?? new string[0];
            var patterns = names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var matches = items.Where(i => patterns.Count == 0 || patterns.Any(p => p.IsMatch(nameOf(i)))).ToList();
            var unmatched = names.Where((n, k) => !WildcardPattern.ContainsWildcardCharacters(n) && !matches.Any(i => patterns[k].IsMatch(nameOf(i))));
            // A literal name no item's name matches goes to the lookup, which says why (not found, or ambiguous), or
            // finds what the name is a path of (a port group given as vSwitch1/NFS).
            foreach (var name in unmatched.ToList())
                ForInput(() => { var found = lookup(WildcardPattern.Unescape(name)); if (!matches.Contains(found)) matches.Add(found); });
            WriteVerbose($"{matches.Count} match(es)" + (names.Length == 0 ? "" : " of " + string.Join(", ", names)) +
                (matches.Count == 0 ? "." : ": " + string.Join(", ", matches.Select(nameOf)) + "."));
            WriteObject(matches, enumerateCollection: true);
        }

        HashSet<string> _commandLineParameters;

        /// <summary>Records the parameters the command line gave, before any pipeline input binds.</summary>
        protected override void BeginProcessing() =>
            _commandLineParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Names bind by property name so that PowerCLI-shaped objects can be piped in. When the parent itself is
        /// piped and -Name is not given, the parent's own Name binds to -Name (a vSwitch named after its host):
        /// refuse that rather than create an object with a name nobody chose.
        /// </summary>
        protected void CheckNameNotFromPipedParent(string parentParameter, string parentName, string what)
        {
            if (_commandLineParameters.Contains("Name") || _commandLineParameters.Contains(parentParameter)) return;
            throw new VirtNetException(ErrorIds.InvalidName, VirtNetErrorKind.InvalidArgument,
                $"The new {what} has no name: piping '{parentName}' binds its own name. Give the {what}'s name with -Name.", parentName);
        }

        /// <summary>The session's hosts, physical switches and clusters (see <see cref="SessionInventory"/>).</summary>
        protected static VNInventory Inventory => SessionInventory.Current;

        /// <summary>Writes hosts, physical switches or clusters that this call created or imported, keeping them in the session's inventory.</summary>
        protected void WriteKept<T>(IEnumerable<T> items)
        {
            foreach (var item in items) WriteKept(item);
        }

        protected void WriteKept(object item) => WriteObject(Inventory.Add(item));

        /// <summary>
        /// For a cmdlet that works on a whole model (export, report, topology): each input is a host, physical switch or
        /// cluster, or an object on one that stands for it; anything else is that input's error.
        /// </summary>
        protected void AddInputs(Serialization.ConfigContents contents, object[] inputs)
        {
            foreach (var item in inputs ?? new object[0])
                ForInput(() => contents.Add(item is PSObject wrapped ? wrapped.BaseObject : item));
        }

        /// <summary>
        /// For a cmdlet that works on a whole model (export, report, topology): without -InputObject and without pipeline
        /// input, everything the session keeps.
        /// </summary>
        protected void AddSessionUnlessGiven(Serialization.ConfigContents contents)
        {
            if (IsBound("InputObject") || MyInvocation.ExpectingInput) return;
            foreach (var host in Inventory.Hosts) contents.Add(host);
            foreach (var physicalSwitch in Inventory.PhysicalSwitches) contents.Add(physicalSwitch);
            foreach (var cluster in Inventory.Clusters) contents.Add(cluster);
        }

        /// <summary>A hashtable of advanced settings (das.* or host options), names as text, values unwrapped; a null value is kept (it removes the setting).</summary>
        protected static IDictionary<string, object> ToSettings(System.Collections.IDictionary table)
        {
            var settings = new Dictionary<string, object>();
            if (table == null) return settings;
            foreach (System.Collections.DictionaryEntry entry in table)
                settings[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            return settings;
        }

        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        protected static IPv4Address? ParseIP(string text) => string.IsNullOrEmpty(text) ? (IPv4Address?)null : IPv4Address.Parse(text);

        protected static MacAddress? ParseMac(string text) => string.IsNullOrEmpty(text) ? (MacAddress?)null : MacAddress.Parse(text);
    }
}
