@{
    RootModule           = 'VirtNet.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0b7a4e-3c1d-4b8e-9a52-2d7e51c0a9f3'
    Author               = 'The VirtNet authors'
    CompanyName          = 'VirtNet'
    Copyright            = '(c) 2026 The VirtNet authors. MIT License.'
    Description          = 'Models virtualization networks (ESX/ESXi standard and distributed vSwitches, Hyper-V switches and teams, Linux bonds, physical switches, VMware HA clusters) and simulates how they behave.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    RequiredAssemblies   = @('VirtNet.Core.dll')
    FormatsToProcess     = @('VirtNet.format.ps1xml')
    CmdletsToExport      = @(
        'New-VNHost'
        'Set-VNHost'
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
        'Set-VNSwitchPort'
        'New-VNPortChannel'
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
        'New-VNCluster'
        'New-VNFailureScenario'
        'Test-VNHaIsolation'
        'Test-VNConfiguration'
        'Get-VNRule'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('VMware', 'ESXi', 'vSphere', 'HyperV', 'Networking', 'NICTeaming', 'HA', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
