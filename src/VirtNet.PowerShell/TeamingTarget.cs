using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>
    /// What the teaming cmdlets accept on -InputObject: a vSwitch, a port group, or a VNTeamingPolicy
    /// (Get-VNTeamingPolicy output, standing for its port group or else its vSwitch), as PowerCLI pipes
    /// Get-NicTeamingPolicy into Set-NicTeamingPolicy.
    /// </summary>
    static class TeamingTarget
    {
        /// <summary>Resolves one input to its vSwitch and port group (null for the vSwitch's own policy), or throws InvalidTeamingTarget.</summary>
        public static void Resolve(object input, out VNVirtualSwitch virtualSwitch, out VNPortGroup portGroup)
        {
            var value = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (value is string nameOrPath)
                value = FromInventory(nameOrPath);
            if (value is VNTeamingPolicy policy)
                value = (object)policy.PortGroup ?? policy.VirtualSwitch;
            portGroup = value as VNPortGroup;
            virtualSwitch = portGroup != null ? portGroup.VirtualSwitch : value as VNVirtualSwitch;
            if (portGroup != null && virtualSwitch == null)
                throw new VirtNetException(ErrorIds.InvalidTeamingTarget, VirtNetErrorKind.InvalidArgument,
                    $"Port group '{portGroup.Name}' has been removed from its virtual switch, so it has no teaming policy.", input);
            if (virtualSwitch == null)
                throw new VirtNetException(ErrorIds.InvalidTeamingTarget, VirtNetErrorKind.InvalidArgument,
                    $"{Describe(value)} has no teaming policy. Pass a virtual switch (VNVirtualSwitch), a port group (VNPortGroup) " +
                    "or a teaming policy from Get-VNTeamingPolicy.", input);
        }

        /// <summary>A path names its kind by its depth: esx01/vSwitch1 is a vSwitch, esx01/vSwitch1/NFS a port group; a bare name is a port group, else a vSwitch.</summary>
        static object FromInventory(string nameOrPath)
        {
            var inventory = SessionInventory.Current;
            int depth = nameOrPath.Split('/').Length - 1;
            if (depth == 1) return inventory.Resolve<VNVirtualSwitch>(nameOrPath);
            if (depth > 1) return inventory.Resolve<VNPortGroup>(nameOrPath);
            try { return inventory.Resolve<VNPortGroup>(nameOrPath); }
            catch (VirtNetException e) when (e.Kind == VirtNetErrorKind.ObjectNotFound) { }
            try { return inventory.Resolve<VNVirtualSwitch>(nameOrPath); }
            catch (VirtNetException e) when (e.Kind == VirtNetErrorKind.ObjectNotFound)
            {
                throw new VirtNetException(ErrorIds.PortGroupNotFound, VirtNetErrorKind.ObjectNotFound,
                    $"No port group or virtual switch in the session answers to '{nameOrPath}'. Give a path such as esx01/vSwitch1 " +
                    "or esx01/vSwitch1/NFS, or pass the object itself.", nameOrPath);
            }
        }

        static string Describe(object value) => value == null ? "A null input" : $"'{value}' ({value.GetType().FullName})";
    }
}
