#requires -Version 5.1
<#
.SYNOPSIS
    Front door for pwsh users: build, test, package or demo CasPS.
.DESCRIPTION
    A thin wrapper over the dotnet CLI; `dotnet build CasPS.sln` alone also produces the
    importable module in out/CasPS. Module-loading steps (Demo, Pester) run in a child
    process, because a loaded binary module cannot be unloaded and would lock the DLL.
.EXAMPLE
    ./build.ps1 -Task Demo     # build, then run examples/Demo.ps1 against the local sandbox
.EXAMPLE
    ./build.ps1 -Task Test     # xunit suite (real engine hosted in-process), then Pester if installed
.EXAMPLE
    ./build.ps1 -Task Package  # out/CasPS-<version>.zip, ready for Install-Module-style copying
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string[]] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = [IO.Path]::Combine($root, 'out', 'CasPS')
$pwshPath = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName

function Invoke-Native([string] $exe, [string[]] $arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build { Invoke-Native dotnet @('build', [IO.Path]::Combine($root, 'CasPS.sln'), '-c', $Configuration, '--nologo') }

foreach ($t in $Task) {
    switch ($t) {
        'Build' { Invoke-Build }
        'Test' {
            Invoke-Native dotnet @('test', [IO.Path]::Combine($root, 'CasPS.sln'), '-c', $Configuration, '--nologo')
            if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0') {
                $pester = [IO.Path]::Combine($root, 'tests', 'Pester')
                Invoke-Native $pwshPath @('-NoProfile', '-Command', "Invoke-Pester -Path '$pester' -Output Detailed -CI")
            } else {
                Write-Warning 'Pester 5 is not installed: skipped tests/Pester (Install-Module Pester -MinimumVersion 5.0).'
            }
        }
        'Package' {
            Invoke-Build
            $version = (Import-PowerShellDataFile ([IO.Path]::Combine($moduleDir, 'CasPS.psd1'))).ModuleVersion
            $zip = [IO.Path]::Combine($root, 'out', "CasPS-$version.zip")
            if (Test-Path $zip) { Remove-Item $zip }
            Add-Type -AssemblyName System.IO.Compression.FileSystem
            [IO.Compression.ZipFile]::CreateFromDirectory($moduleDir, $zip, 'Optimal', $true)
            "Packaged $zip"
        }
        'Demo' {
            Invoke-Build
            Invoke-Native $pwshPath @('-NoProfile', '-File', [IO.Path]::Combine($root, 'examples', 'Demo.ps1'))
        }
    }
}
