using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using VirtNet.HA;

namespace VirtNet.Commands
{
    /// <summary>Completion results for the words that start with what was typed, quoted when they hold blanks.</summary>
    static class Completion
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> words, string wordToComplete, Func<string, string> tooltip = null)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            return words.Where(w => w.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(w => new CompletionResult(Quote(w), w, CompletionResultType.ParameterValue, tooltip?.Invoke(w) ?? w));
        }

        static string Quote(string word) =>
            word.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ',', ';', '{', '}', '@', '#' }) >= 0 ? "'" + word.Replace("'", "''") + "'" : word;

        /// <summary>
        /// The value of a parameter already given on the command line, or else the object piped in from a variable
        /// ($vs | Set-VNTeamingPolicy -MakeNicActive &lt;Tab&gt;); a name or path is resolved in the inventory.
        /// Null when neither is known.
        /// </summary>
        public static object BoundOrPiped(CommandAst commandAst, IDictionary fakeBoundParameters, params string[] parameters)
        {
            foreach (var parameter in parameters)
                if (fakeBoundParameters != null && fakeBoundParameters.Contains(parameter))
                    return First(fakeBoundParameters[parameter]);
            if (commandAst?.Parent is PipelineAst pipeline && pipeline.PipelineElements.Count > 1)
            {
                int index = pipeline.PipelineElements.IndexOf(commandAst);
                if (index > 0 && pipeline.PipelineElements[index - 1] is CommandExpressionAst previous
                    && previous.Expression is VariableExpressionAst variable && !variable.Splatted)
                {
                    // A nested pipeline on this runspace sees the variables of the prompt the user is typing at.
                    using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
                    {
                        try
                        {
                            var values = shell.AddCommand("Get-Variable").AddParameter("Name", variable.VariablePath.UserPath)
                                .AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore").Invoke();
                            return values.Count == 0 ? null : First(values[0]);
                        }
                        catch (PSInvalidOperationException) { return null; }
                    }
                }
            }
            return null;
        }

        static object First(object value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            if (value is IEnumerable items && !(value is string))
                value = items.Cast<object>().FirstOrDefault();
            return value is PSObject inner ? inner.BaseObject : value;
        }

        /// <summary>A bound value as the model object it stands for: objects as they are, names resolved; null when it does not resolve.</summary>
        public static T Resolve<T>(object value) where T : class
        {
            if (value is T typed) return typed;
            if (!(value is string text)) return null;
            try { return SessionInventory.Current.Resolve<T>(text); }
            catch (VirtNetException) { return null; }
        }
    }

    /// <summary>Tab completion of the names and paths of one kind of object kept in the session.</summary>
    public abstract class InventoryNameCompleter : IArgumentCompleter
    {
        protected abstract Type Kind { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Matching(SessionInventory.Current.NamesOf(Kind), wordToComplete);
    }

    public sealed class HostNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNHost); }
    public sealed class VirtualSwitchNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNVirtualSwitch); }
    public sealed class PortGroupNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNPortGroup); }
    public sealed class PhysicalSwitchNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNPhysicalSwitch); }
    public sealed class ClusterNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNCluster); }
    public sealed class SwitchLinkNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNSwitchLink); }
    public sealed class VirtualMachineNameCompleter : InventoryNameCompleter { protected override Type Kind => typeof(VNVirtualMachine); }

    /// <summary>Port group names of the host given or piped (Add-VNVirtualMachine -PortGroup), else every port group name in the session; vSwitch/name where a name is ambiguous.</summary>
    public sealed class HostPortGroupNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var host = Completion.Resolve<VNHost>(Completion.BoundOrPiped(commandAst, fakeBoundParameters, "Host", "VMHost"));
            var hosts = host != null ? new[] { host } : SessionInventory.Current.Hosts;
            // A name two switches of a host share completes as the switch/name path that picks one.
            return Completion.Matching(hosts.SelectMany(h => h.PortGroups.Select(h.PortGroupReference)).Distinct(StringComparer.OrdinalIgnoreCase), wordToComplete);
        }
    }

    /// <summary>
    /// Uplink names for -MakeNicActive, -FailedUplink and the like: those of the vSwitch, port group, teaming
    /// policy or host given or piped, else every uplink name in the session.
    /// </summary>
    public sealed class UplinkNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var target = Completion.BoundOrPiped(commandAst, fakeBoundParameters, "InputObject", "VirtualSwitch", "Host", "VMHost");
            IEnumerable<VNUplink> uplinks;
            switch (target)
            {
                case VNVirtualSwitch vswitch: uplinks = vswitch.Uplinks; break;
                case VNPortGroup portGroup when portGroup.VirtualSwitch != null: uplinks = portGroup.VirtualSwitch.Uplinks; break;
                case VNTeamingPolicy policy: uplinks = policy.VirtualSwitch.Uplinks; break;
                case VNHost host: uplinks = host.Uplinks; break;
                case string name:
                    uplinks = (Completion.Resolve<VNVirtualSwitch>(name)?.Uplinks ?? Completion.Resolve<VNPortGroup>(name)?.VirtualSwitch?.Uplinks
                        ?? Completion.Resolve<VNHost>(name)?.Uplinks) ?? SessionInventory.Current.Hosts.SelectMany(h => h.Uplinks);
                    break;
                default: uplinks = SessionInventory.Current.Hosts.SelectMany(h => h.Uplinks); break;
            }
            return Completion.Matching(uplinks.Select(u => u.Name).Distinct(StringComparer.OrdinalIgnoreCase), wordToComplete);
        }
    }

    /// <summary>Port names of the physical switch given or piped (Set-VNSwitchPort -Name, Add-VNUplink -SwitchPort).</summary>
    public sealed class SwitchPortNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var physicalSwitch = Completion.Resolve<VNPhysicalSwitch>(Completion.BoundOrPiped(commandAst, fakeBoundParameters, "PhysicalSwitch"));
            var switches = physicalSwitch != null ? new[] { physicalSwitch } : SessionInventory.Current.PhysicalSwitches;
            return Completion.Matching(switches.SelectMany(s => s.Ports).Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase), wordToComplete);
        }
    }

    /// <summary>The ports and port channels of the switch at that end of a switch link (-PhysicalSwitch for -Port, -PeerSwitch for -PeerPort).</summary>
    public sealed class SwitchLinkPortCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var end = string.Equals(parameterName, "PeerPort", StringComparison.OrdinalIgnoreCase) ? "PeerSwitch" : "PhysicalSwitch";
            var physicalSwitch = Completion.Resolve<VNPhysicalSwitch>(Completion.BoundOrPiped(commandAst, fakeBoundParameters, end));
            var switches = physicalSwitch != null ? new[] { physicalSwitch } : SessionInventory.Current.PhysicalSwitches;
            return Completion.Matching(switches.SelectMany(s => s.Ports.Select(p => p.Name).Concat(s.PortChannels.Select(c => c.Name)))
                .Distinct(StringComparer.OrdinalIgnoreCase), wordToComplete);
        }
    }

    /// <summary>The names of the vPC and MLAG pairs of the session's physical switches (Invoke-VNTrafficSimulation -FailedPeerLink).</summary>
    public sealed class SwitchPairNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Matching(SessionInventory.Current.PhysicalSwitches.Where(s => s.Pair != null).Select(s => s.Pair.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase), wordToComplete);
    }

    /// <summary>The releases of the hypervisor given (-Hypervisor; ESX by default).</summary>
    public sealed class HostVersionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var hypervisor = Hypervisor.Esx;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Hypervisor"))
                Enum.TryParse(Convert.ToString(fakeBoundParameters["Hypervisor"], System.Globalization.CultureInfo.InvariantCulture), true, out hypervisor);
            return Completion.Matching(HostVersion.Releases(hypervisor), wordToComplete);
        }
    }
}
