using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VirtNet.Commands
{
    /// <summary>Tab completion for the teaming cmdlets' -InputObject: the session's vSwitch and port group paths.</summary>
    public sealed class TeamingTargetCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var inventory = SessionInventory.Current;
            var paths = inventory.Hosts.SelectMany(h => h.VirtualSwitches.Select(s => s.Path).Concat(h.PortGroups.Select(p => p.Path)));
            return Completion.Matching(paths.Distinct(System.StringComparer.OrdinalIgnoreCase), wordToComplete);
        }
    }
}
