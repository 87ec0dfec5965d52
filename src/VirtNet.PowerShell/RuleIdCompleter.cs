using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VirtNet.Commands
{
    /// <summary>Tab completion for -RuleId and -ExcludeRuleId: the catalogue's ids, with each rule's title as tooltip.</summary>
    public sealed class RuleIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return RuleCatalogue.Rules
                .Where(r => r.RuleId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r.RuleId, r.RuleId, CompletionResultType.ParameterValue, $"{r.Severity}: {r.Title}"));
        }
    }
}
