#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Acceptance tests for machines with pwsh (or Windows PowerShell 5.1) and Pester 5.
# Run from the repository root after `dotnet build CasPS.sln`:  Invoke-Pester ./tests/Pester
# Each run needs a fresh process: a loaded binary module cannot be reloaded after a rebuild.

BeforeAll {
    $script:ManifestPath = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'CasPS', 'CasPS.psd1')
    Import-Module $script:ManifestPath -Force -ErrorAction Stop
}

Describe 'CasPS module' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest -Path $script:ManifestPath
        $manifest.CompatiblePSEditions | Should -Contain 'Desktop'
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'exports exactly its cmdlets' {
        (Get-Command -Module CasPS).Name | Sort-Object | Should -Be @(
            'Get-CasPackageState', 'New-CasCertificateRequest', 'Start-CasSandbox', 'Stop-CasSandbox')
    }

    It 'imports silently in a fresh process' {
        $pwsh = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $out = & $pwsh -NoProfile -Command "Import-Module '$script:ManifestPath' -Verbose:`$false; 'done'" 2>&1
        $out | Should -Be 'done'
    }

    It 'has help with examples for <_>' -ForEach @('Get-CasPackageState', 'New-CasCertificateRequest', 'Start-CasSandbox', 'Stop-CasSandbox') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}
