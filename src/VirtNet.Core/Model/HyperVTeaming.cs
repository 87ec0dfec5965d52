namespace VirtNet
{
    /// <summary>What the Windows teaming modes and algorithms ask of the physical switch and do with inbound traffic.</summary>
    public static class HyperVTeaming
    {
        /// <summary>Switch Embedded Teaming takes 1 to 8 NICs (RDMA-and-Switch-Embedded-Teaming.md).</summary>
        public const int MaxEmbeddedTeamMembers = 8;

        /// <summary>Set-VMSwitchTeam: Dynamic is the default for SET.</summary>
        public const LoadBalancingAlgorithm DefaultEmbeddedTeamingAlgorithm = LoadBalancingAlgorithm.Dynamic;

        /// <summary>New-NetLbfoTeam defaults to Dynamic from 2012 R2; 2012, which has no Dynamic, to TransportPorts.</summary>
        public static LoadBalancingAlgorithm DefaultTeamAlgorithm(VNHost host) =>
            host.VersionInfo.IsAtLeast(2012, 1) ? LoadBalancingAlgorithm.Dynamic : LoadBalancingAlgorithm.TransportPorts;

        /// <summary>Switch independent teams need separate switch ports; Static needs mode on, Lacp an LACP channel (nic-teaming-settings.md).</summary>
        public static RequiredPortChannel RequiredChannel(TeamingMode mode) =>
            mode == TeamingMode.Static ? RequiredPortChannel.Static
            : mode == TeamingMode.Lacp ? RequiredPortChannel.Lacp
            : RequiredPortChannel.None;

        /// <summary>
        /// New-NetLbfoTeam and nic-teaming-settings.md: in switch dependent modes the switch distributes inbound traffic;
        /// switch independent with an address hash receives everything on the primary member; HyperVPort receives on
        /// the member the VM's switch port sends on, and Dynamic distributes inbound "the same way as Hyper-V Port".
        /// </summary>
        public static InboundDistribution Inbound(TeamingMode mode, LoadBalancingAlgorithm algorithm)
        {
            if (mode != TeamingMode.SwitchIndependent) return InboundDistribution.PortChannel;
            return algorithm == LoadBalancingAlgorithm.HyperVPort || algorithm == LoadBalancingAlgorithm.Dynamic
                ? InboundDistribution.SendingMember
                : InboundDistribution.PrimaryMember;
        }

        /// <summary>Switch Embedded Teaming arrived with Windows Server 2016.</summary>
        internal static void CheckEmbeddedTeaming(VNHost host, LoadBalancingAlgorithm algorithm)
        {
            if (!host.VersionInfo.IsAtLeast(2016, 0))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"Host '{host.Name}' runs Windows Server {host.Version}; Switch Embedded Teaming needs 2016 or later. Use an LBFO team (New-VNTeam).", host.Name);
            if (algorithm != LoadBalancingAlgorithm.HyperVPort && algorithm != LoadBalancingAlgorithm.Dynamic)
                throw new VirtNetException(ErrorIds.UnsupportedOnSwitch, VirtNetErrorKind.InvalidArgument,
                    $"Switch Embedded Teaming balances by HyperVPort or Dynamic only, not {algorithm} (Set-VMSwitchTeam).", algorithm);
        }

        /// <summary>
        /// LBFO teaming is in the box from Windows Server 2012 and Dynamic from 2012 R2. From Windows Server 2022 a
        /// Hyper-V switch no longer binds to an LBFO team (microsoft/Convert-LBFO2SET): there SET is the only team.
        /// </summary>
        internal static void CheckTeamUnderSwitch(VNHost host, LoadBalancingAlgorithm algorithm)
        {
            if (!host.VersionInfo.IsAtLeast(2012, 0))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"Host '{host.Name}' runs Windows Server {host.Version}, which has no built-in NIC teaming; LBFO teams need 2012 or later.", host.Name);
            if (host.VersionInfo.IsAtLeast(2022, 0))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"Host '{host.Name}' runs Windows Server {host.Version}; from 2022 a Hyper-V switch no longer binds to an LBFO team. " +
                    "Use Switch Embedded Teaming (Add-VNVirtualSwitch -EnableEmbeddedTeaming $true), or a 2012 to 2019 host.", host.Name);
            if (algorithm == LoadBalancingAlgorithm.Dynamic && !host.VersionInfo.IsAtLeast(2012, 1))
                throw new VirtNetException(ErrorIds.UnsupportedOnHost, VirtNetErrorKind.InvalidArgument,
                    $"Host '{host.Name}' runs Windows Server 2012; the Dynamic algorithm arrived with 2012 R2. Use TransportPorts, IPAddresses, MacAddresses or HyperVPort.", algorithm);
        }
    }
}
