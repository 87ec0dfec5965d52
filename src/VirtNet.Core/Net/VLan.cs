namespace VirtNet.Net
{
    /// <summary>VLAN id rules for ESX port groups (PowerCLI New-VirtualPortGroup -VLanId).</summary>
    public static class VLan
    {
        /// <summary>0: untagged. 1-4094: tagged by the vSwitch (VST). 4095: all VLANs passed to the guest (VGT).</summary>
        public const int None = 0;
        public const int All = 4095;

        public static int CheckPortGroupVLan(int vlanId)
        {
            if (vlanId < 0 || vlanId > All)
                throw new VirtNetException(ErrorIds.InvalidVLanId, VirtNetErrorKind.InvalidArgument,
                    $"VLAN id {vlanId} is not valid. Use 0 (no VLAN), 1 to 4094 (tagged), or 4095 (all VLANs to the guest).", vlanId);
            return vlanId;
        }

        /// <summary>A VLAN on a physical switch port or endpoint: 1 to 4094.</summary>
        public static int CheckSwitchVLan(int vlanId)
        {
            if (vlanId < 1 || vlanId > 4094)
                throw new VirtNetException(ErrorIds.InvalidVLanId, VirtNetErrorKind.InvalidArgument,
                    $"VLAN id {vlanId} is not valid on a physical switch. Use 1 to 4094.", vlanId);
            return vlanId;
        }
    }
}
