using System;

namespace VirtNet
{
    /// <summary>What kind of problem a <see cref="VirtNetException"/> reports; the cmdlet layer maps it to an ErrorCategory.</summary>
    public enum VirtNetErrorKind
    {
        InvalidArgument,
        ObjectNotFound,
        ResourceExists,
        ResourceUnavailable,
        InvalidOperation,
        InvalidData,
        WriteError,
    }

    /// <summary>
    /// The one exception the core throws for bad input or an impossible request. It carries a stable
    /// error id (see <see cref="ErrorIds"/>) that becomes the FullyQualifiedErrorId of the ErrorRecord.
    /// </summary>
    public sealed class VirtNetException : Exception
    {
        public VirtNetException(string errorId, VirtNetErrorKind kind, string message, object target = null, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        public string ErrorId { get; }
        public VirtNetErrorKind Kind { get; }
        public object Target { get; }
    }

    /// <summary>Stable error ids. Scripts match on them, so never rename one.</summary>
    public static class ErrorIds
    {
        public const string InvalidIPAddress = nameof(InvalidIPAddress);
        public const string InvalidMacAddress = nameof(InvalidMacAddress);
        public const string InvalidVLanId = nameof(InvalidVLanId);
        public const string InvalidSubnet = nameof(InvalidSubnet);
        public const string InvalidVersion = nameof(InvalidVersion);
        public const string InvalidNumPorts = nameof(InvalidNumPorts);
        public const string InvalidMtu = nameof(InvalidMtu);
        public const string InvalidSpeed = nameof(InvalidSpeed);
        public const string InvalidName = nameof(InvalidName);
        public const string InvalidEnumValue = nameof(InvalidEnumValue);
        public const string InvalidAdapterPurpose = nameof(InvalidAdapterPurpose);
        public const string InvalidSwitchPortName = nameof(InvalidSwitchPortName);
        public const string InvalidTimer = nameof(InvalidTimer);
        public const string InvalidStack = nameof(InvalidStack);
        public const string InvalidPortChannel = nameof(InvalidPortChannel);
        public const string InvalidSwitchPair = nameof(InvalidSwitchPair);
        public const string ConflictingFailoverOrder = nameof(ConflictingFailoverOrder);
        public const string ParameterCountMismatch = nameof(ParameterCountMismatch);
        public const string DuplicateName = nameof(DuplicateName);
        public const string HostNotFound = nameof(HostNotFound);
        public const string VirtualSwitchNotFound = nameof(VirtualSwitchNotFound);
        public const string PortGroupNotFound = nameof(PortGroupNotFound);
        public const string UplinkNotFound = nameof(UplinkNotFound);
        public const string VMKernelAdapterNotFound = nameof(VMKernelAdapterNotFound);
        public const string VirtualMachineNotFound = nameof(VirtualMachineNotFound);
        public const string SwitchPortNotFound = nameof(SwitchPortNotFound);
        public const string UplinkInUse = nameof(UplinkInUse);
        public const string SwitchPortInUse = nameof(SwitchPortInUse);
        public const string VirtualSwitchInUse = nameof(VirtualSwitchInUse);
        public const string PortGroupInUse = nameof(PortGroupInUse);
        public const string VirtualSwitchFull = nameof(VirtualSwitchFull);
        public const string UnsupportedOnHost = nameof(UnsupportedOnHost);
        public const string UnsupportedOnSwitch = nameof(UnsupportedOnSwitch);
        public const string InvalidTeamingTarget = nameof(InvalidTeamingTarget);
        public const string InheritOnVirtualSwitch = nameof(InheritOnVirtualSwitch);
        public const string InvalidBondMode = nameof(InvalidBondMode);
        public const string InvalidXmitHashPolicy = nameof(InvalidXmitHashPolicy);
        public const string InvalidBondOption = nameof(InvalidBondOption);
        public const string InvalidTeam = nameof(InvalidTeam);
        public const string InvalidMacAddressPool = nameof(InvalidMacAddressPool);
        public const string MacAddressPoolUndefined = nameof(MacAddressPoolUndefined);
        public const string MacAddressPoolExhausted = nameof(MacAddressPoolExhausted);
        public const string InvalidMove = nameof(InvalidMove);
        public const string UnknownSampleLab = nameof(UnknownSampleLab);
        public const string RuleNotFound = nameof(RuleNotFound);
        public const string UnsupportedCheckInput = nameof(UnsupportedCheckInput);
        public const string ConfigFileMalformed = nameof(ConfigFileMalformed);
        public const string ConfigFileNotFound = nameof(ConfigFileNotFound);
        public const string ConfigFileExists = nameof(ConfigFileExists);
        public const string ConfigWriteFailed = nameof(ConfigWriteFailed);
        public const string UnsupportedSchemaVersion = nameof(UnsupportedSchemaVersion);
        public const string DanglingReference = nameof(DanglingReference);
        public const string InvalidConfigValue = nameof(InvalidConfigValue);
        public const string NothingToExport = nameof(NothingToExport);
        public const string NothingToReport = nameof(NothingToReport);
        public const string ReportFileExists = nameof(ReportFileExists);
        public const string ReportWriteFailed = nameof(ReportWriteFailed);
        public const string ConfigReadFailed = nameof(ConfigReadFailed);
        public const string UnsupportedExportObject = nameof(UnsupportedExportObject);
        public const string ImportFileNotFound = nameof(ImportFileNotFound);
        public const string ImportReadFailed = nameof(ImportReadFailed);
        public const string FileEmptyOrNotRegular = nameof(FileEmptyOrNotRegular);
        public const string FileTooLarge = nameof(FileTooLarge);
        public const string WorkbookTooLarge = nameof(WorkbookTooLarge);
        public const string UnknownImportFormat = nameof(UnknownImportFormat);
        public const string InvalidAddressRange = nameof(InvalidAddressRange);
        public const string InvalidDemand = nameof(InvalidDemand);
        public const string InvalidPort = nameof(InvalidPort);
        public const string InvalidFlow = nameof(InvalidFlow);
        public const string TooManyFlows = nameof(TooManyFlows);
        public const string FlowSourceNotFound = nameof(FlowSourceNotFound);
        public const string FlowSourceNotConnected = nameof(FlowSourceNotConnected);
        public const string FlowSourceWithoutAddress = nameof(FlowSourceWithoutAddress);
        public const string FlowNotInScope = nameof(FlowNotInScope);
        public const string NoFlows = nameof(NoFlows);
        public const string PhysicalSwitchNotFound = nameof(PhysicalSwitchNotFound);
        public const string SwitchPairNotFound = nameof(SwitchPairNotFound);
        public const string TooManyUplinks = nameof(TooManyUplinks);
        public const string InvalidCluster = nameof(InvalidCluster);
        public const string InvalidAdvancedSetting = nameof(InvalidAdvancedSetting);
        public const string ConflictingClusterSetting = nameof(ConflictingClusterSetting);
        public const string NoManagementNetwork = nameof(NoManagementNetwork);
        public const string InvalidFailureScenario = nameof(InvalidFailureScenario);
        public const string FailureTargetNotFound = nameof(FailureTargetNotFound);
        public const string ClusterNotFound = nameof(ClusterNotFound);
        public const string AmbiguousName = nameof(AmbiguousName);
        public const string HostInUse = nameof(HostInUse);
        public const string PhysicalSwitchInUse = nameof(PhysicalSwitchInUse);
        public const string InvalidProposalCount = nameof(InvalidProposalCount);
        public const string NotEnoughFreeAddresses = nameof(NotEnoughFreeAddresses);
        public const string NoUsableUplink = nameof(NoUsableUplink);
        public const string ConflictingParameters = nameof(ConflictingParameters);
        public const string SuggestionOnly = nameof(SuggestionOnly);
        public const string UnsupportedProposal = nameof(UnsupportedProposal);
    }
}
