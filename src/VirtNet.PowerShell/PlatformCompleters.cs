using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VirtNet.Commands
{
    /// <summary>
    /// Tab completion from a fixed list, in list order, for parameters whose accepted words are not C# enum names
    /// (the kernel's 802.3ad, layer2+3).
    /// </summary>
    public abstract class ValueListCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<string> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (var value in Values)
                if (value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, value);
        }
    }

    /// <summary>The kernel's bonding mode names, balance-rr (0) to balance-alb (6).</summary>
    public sealed class BondModeCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => LinuxBonding.BondModeNames;
    }

    /// <summary>The kernel's xmit_hash_policy names.</summary>
    public sealed class XmitHashPolicyCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => LinuxBonding.XmitHashPolicyNames;
    }

    /// <summary>A bond's primary: one of the NICs the same command names with -Nic (the kernel takes a name before the slave is enslaved).</summary>
    public sealed class PrimaryCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            var nics = fakeBoundParameters?["Nic"];
            var names = nics is IEnumerable list && !(nics is string) ? list : new[] { nics };
            foreach (var nic in names)
            {
                var name = nic?.ToString();
                if (!string.IsNullOrEmpty(name) && name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, name);
            }
        }
    }
}
