#
# Module manifest for CasPS. `dotnet build` copies it into out/CasPS/ and stamps ModuleVersion
# from Directory.Build.props (<CasPSVersion>), the version's one source.
#
@{
    RootModule           = 'CasPS.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0e3c57-2a1d-4c8e-9b1f-3d5a7c9e1b24'
    Author               = 'CasPS contributors'
    CompanyName          = 'CasPS'
    Copyright            = '(c) CasPS contributors. MIT License.'
    Description          = 'Alibaba Cloud Certificate Management Service (CAS) from PowerShell: certificate package quota, certificate orders, and a local CAS sandbox for testing.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('CasPS.Format.ps1xml')
    TypesToProcess       = @('CasPS.Types.ps1xml')
    CmdletsToExport      = @(
        'Get-CasPackageState'
        'New-CasCertificateRequest'
        'Start-CasSandbox'
        'Stop-CasSandbox'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Alibaba', 'AlibabaCloud', 'Aliyun', 'CAS', 'SSL', 'Certificate', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/casps/CasPS'
            LicenseUri   = 'https://github.com/casps/CasPS/blob/main/LICENSE'
        }
    }
}
