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
        /// <summary>Runs the work for one pipeline input; a core error becomes a non-terminating error so the rest go on.</summary>
        protected void ForInput(Action work)
        {
            try { work(); }
            catch (VirtNetException e) { WriteError(ToErrorRecord(e)); }
        }

        /// <summary>Runs work whose failure makes the whole call meaningless (a terminating error).</summary>
        protected T Fatal<T>(Func<T> work)
        {
            try { return work(); }
            catch (VirtNetException e) { ThrowTerminatingError(ToErrorRecord(e)); return default; }
        }

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
        /// Writes the items whose names match any of <paramref name="names"/> (wildcards allowed, case-insensitive), each
        /// once and in model order; all items when no names are given. A name without wildcards must exist:
        /// <paramref name="resolve"/> throws the core's not-found error naming what exists, which goes out as a
        /// non-terminating error. A wildcard that matches nothing is silent, as in Get-ChildItem.
        /// </summary>
        protected void WriteByName<T>(IEnumerable<T> items, Func<T, string> nameOf, string[] names, Func<string, T> resolve)
        {
            if (names == null || names.Length == 0)
            {
                WriteObject(items, true);
                return;
            }
            var patterns = names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            WriteObject(items.Where(i => patterns.Any(p => p.IsMatch(nameOf(i)))).ToList(), true);
            foreach (var name in names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
                ForInput(() => resolve(name));
        }

        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        protected static IPv4Address? ParseIP(string text) => string.IsNullOrEmpty(text) ? (IPv4Address?)null : IPv4Address.Parse(text);

        protected static MacAddress? ParseMac(string text) => string.IsNullOrEmpty(text) ? (MacAddress?)null : MacAddress.Parse(text);
    }
}
