#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# How a CasPS user tests their own runbook without any cloud account: Mock the CasPS cmdlet
# (Pester builds the mock from the binary cmdlet's metadata) or point it at the sandbox.

BeforeAll {
    Import-Module ([IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'CasPS', 'CasPS.psd1')) -Force -ErrorAction Stop

    # The user's runbook logic under test.
    function Test-CertificateQuota {
        param([string] $ProductCode, [int] $Threshold = 5)
        $state = Get-CasPackageState -ProductCode $ProductCode
        if ($state.RemainingCount -lt $Threshold) { "LOW: $($state.RemainingCount) left of $ProductCode" } else { 'OK' }
    }
}

Describe 'A runbook that watches quota' {
    It 'alerts when the mocked quota is low' {
        Mock Get-CasPackageState {
            [CasPS.CasPackageState]@{ ProductCode = $ProductCode; TotalCount = 20; UsedCount = 18; IssuedCount = 10; RemainingCount = 2; RequestId = 'mock' }
        }
        Test-CertificateQuota -ProductCode 'digicert-free-1-free' | Should -Be 'LOW: 2 left of digicert-free-1-free'
        Should -Invoke Get-CasPackageState -Times 1 -ParameterFilter { $ProductCode -eq 'digicert-free-1-free' }
    }

    It 'runs against the sandbox with $PSDefaultParameterValues' {
        $sandbox = Start-CasSandbox -Quota @{ 'digicert-free-1-free' = 20 }
        try {
            $PSDefaultParameterValues['Get-CasPackageState:Endpoint'] = $sandbox.Endpoint
            $PSDefaultParameterValues['Get-CasPackageState:Credential'] = $sandbox.Credential
            Test-CertificateQuota -ProductCode 'digicert-free-1-free' | Should -Be 'OK'
        } finally {
            $PSDefaultParameterValues.Remove('Get-CasPackageState:Endpoint')
            $PSDefaultParameterValues.Remove('Get-CasPackageState:Credential')
            $sandbox | Stop-CasSandbox
        }
    }
}
