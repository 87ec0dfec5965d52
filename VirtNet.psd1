@{
    RootModule           = 'VirtNet.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0b7a4e-3c1d-4b8e-9a52-2d7e51c0a9f3'
    Author               = 'The VirtNet authors'
    CompanyName          = 'VirtNet'
    Copyright            = '(c) 2026 The VirtNet authors. MIT License.'
    Description          = 'Models virtualization networks (ESX/ESXi standard and distributed vSwitches, Hyper-V switches and teams, Linux bonds, physical switches, VMware HA clusters) and simulates how they behave.'
    PowerShellVersion    = '5.1'
    # netstandard2.0 assemblies load in Windows PowerShell 5.1 from .NET Framework 4.7.2 on.
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions = @('Desktop', 'Core')
    RequiredAssemblies   = @('VirtNet.Core.dll')
    FormatsToProcess     = @('VirtNet.format.ps1xml')
    CmdletsToExport      = @(
        'New-VNHost'
        'Get-VNHost'
        'Set-VNHost'
        'Remove-VNHost'
        'Get-VNMacAddressPool'
        'Add-VNVirtualSwitch'
        'Get-VNVirtualSwitch'
        'Remove-VNVirtualSwitch'
        'New-VNTeam'
        'Add-VNUplink'
        'Get-VNUplink'
        'Remove-VNUplink'
        'Add-VNPortGroup'
        'Get-VNPortGroup'
        'Remove-VNPortGroup'
        'Add-VNVMKernelAdapter'
        'Get-VNVMKernelAdapter'
        'Remove-VNVMKernelAdapter'
        'Add-VNVirtualMachine'
        'Get-VNVirtualMachine'
        'Remove-VNVirtualMachine'
        'Move-VNVirtualMachine'
        'Restart-VNVirtualMachine'
        'Test-VNMacAddressConflict'
        'New-VNPhysicalSwitch'
        'Get-VNPhysicalSwitch'
        'Remove-VNPhysicalSwitch'
        'Set-VNSwitchPort'
        'New-VNPortChannel'
        'New-VNSwitchPair'
        'Add-VNEndpoint'
        'Set-VNTeamingPolicy'
        'Get-VNTeamingPolicy'
        'Export-VNConfig'
        'Export-VNReport'
        'Show-VNTopology'
        'Import-VNConfig'
        'New-VNSampleLab'
        'Import-VNSwitchConfig'
        'Import-VNEsxConfig'
        'ConvertFrom-VNPowerCLI'
        'Import-VNRVToolsExport'
        'New-VNFlow'
        'Invoke-VNTrafficSimulation'
        'Compare-VNTeamingPolicy'
        'Find-VNBalancedAddress'
        'Optimize-VNTeaming'
        'New-VNCluster'
        'Get-VNCluster'
        'Set-VNCluster'
        'Remove-VNCluster'
        'New-VNFailureScenario'
        'Test-VNHaIsolation'
        'Optimize-VNHaIsolation'
        'Test-VNConfiguration'
        'Get-VNRule'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('VMware', 'ESXi', 'vSphere', 'HyperV', 'Networking', 'NICTeaming', 'HA', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/virtnet/VirtNet'
            ReleaseNotes = 'The session keeps what is created or imported: Get-, Set- and Remove-VNHost, -VNPhysicalSwitch and -VNCluster; names and paths (esx01/vSwitch1/NFS) wherever an object is expected, -VMHost as in PowerCLI; tab completion of names; format views whose columns are properties; Export-VNConfig overwrites as Export-Csv does (-NoClobber refuses).'
        }
    }
}
