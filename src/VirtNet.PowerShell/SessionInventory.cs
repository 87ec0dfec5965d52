using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace VirtNet.Commands
{
    /// <summary>
    /// The session's inventory: one <see cref="VNInventory"/> per runspace, so two runspaces (a runbook's jobs,
    /// two tabs of an editor) never see each other's objects. Cmdlets reach it as <c>Inventory</c>; scripts as
    /// <c>[VirtNet.Commands.SessionInventory]::Current</c>.
    /// </summary>
    public static class SessionInventory
    {
        static readonly ConditionalWeakTable<Runspace, VNInventory> PerRunspace = new ConditionalWeakTable<Runspace, VNInventory>();

        /// <summary>The inventory of the runspace this thread runs.</summary>
        public static VNInventory Current =>
            PerRunspace.GetValue(Runspace.DefaultRunspace
                ?? throw new InvalidOperationException("The VirtNet session inventory is reached from a PowerShell runspace only."), _ => new VNInventory());
    }
}
