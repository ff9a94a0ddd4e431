#requires -Version 5.1
<#
.SYNOPSIS
    CasPS end to end against the built-in CAS sandbox: no Alibaba Cloud account, no quota spent.
.DESCRIPTION
    Starts a local CAS emulator, asks how much quota two products have, orders a certificate
    by domain, previews a second order with -WhatIf, and shows the quota that was spent.
    Only Microsoft.PowerShell.Core commands and CasPS's own are used, so the xunit suite runs
    this very script in a hosted engine (tests/CasPS.Tests/Engine/DemoScriptTests.cs).
.EXAMPLE
    pwsh ./examples/Demo.ps1
#>
[CmdletBinding()]
param(
    # The module to demo; by default the one `dotnet build` assembled in out/CasPS.
    [string] $ModulePath = [IO.Path]::Combine($PSScriptRoot, '..', 'out', 'CasPS', 'CasPS.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$sandbox = Start-CasSandbox -Quota @{ 'digicert-free-1-free' = 20; 'geotrust-dv-w-starter' = 2 }
try {
    # Every cloud cmdlet takes -Endpoint and -Credential; here they point at the sandbox.
    $cas = @{ Endpoint = $sandbox.Endpoint; Credential = $sandbox.Credential }

    "Quota before ordering (sandbox at $($sandbox.Endpoint)):"
    Get-CasPackageState -ProductCode 'digicert-free-1-free', 'geotrust-dv-w-starter' @cas

    "Ordering a certificate for www.example.com (spends one unit of quota):"
    $order = New-CasCertificateRequest -Domain 'www.example.com' -ProductCode 'digicert-free-1-free' -ValidationMethod Dns @cas
    $order

    "Previewing a wildcard order with -WhatIf (nothing is sent):"
    New-CasCertificateRequest -Domain '*.example.com' -ProductCode 'geotrust-dv-w-starter' -WhatIf @cas

    "Quota after ordering:"
    'digicert-free-1-free', 'geotrust-dv-w-starter' | Get-CasPackageState @cas
}
finally {
    $sandbox | Stop-CasSandbox
}
