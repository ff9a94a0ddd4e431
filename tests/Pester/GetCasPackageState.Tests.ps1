#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module ([IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'CasPS', 'CasPS.psd1')) -Force -ErrorAction Stop
    $script:Sandbox = Start-CasSandbox -Quota @{ 'digicert-free-1-free' = 20; 'geotrust-dv-1-starter' = 3 }
    $script:Cas = @{ Endpoint = $script:Sandbox.Endpoint; Credential = $script:Sandbox.Credential }
}
AfterAll {
    $script:Sandbox | Stop-CasSandbox
}

Describe 'Get-CasPackageState' {
    It 'reports typed counts for one product' {
        $state = Get-CasPackageState -ProductCode 'digicert-free-1-free' @Cas
        $state | Should -BeOfType ([CasPS.CasPackageState])
        $state.ProductCode | Should -Be 'digicert-free-1-free'
        $state.TotalCount | Should -Be 20
        $state.RemainingCount | Should -Be ($state.TotalCount - $state.UsedCount)
        $state.RequestId | Should -Not -BeNullOrEmpty
    }

    It 'takes product codes from the pipeline, by value and by property name' {
        $byValue = 'digicert-free-1-free', 'geotrust-dv-1-starter' | Get-CasPackageState @Cas
        $byValue.ProductCode | Should -Be @('digicert-free-1-free', 'geotrust-dv-1-starter')
        $byName = [pscustomobject]@{ ProductCode = 'geotrust-dv-1-starter' } | Get-CasPackageState @Cas
        $byName.TotalCount | Should -Be 3
    }

    It 'asks without ProductCode when none is given' {
        $state = Get-CasPackageState @Cas
        $state.ProductCode | Should -Not -BeNullOrEmpty
        $script:Sandbox.Requests.Last.Parameters.Keys | Should -Not -Contain 'ProductCode'
    }

    It 'writes a non-terminating error for a failing code and still returns the others' {
        $states = Get-CasPackageState -ProductCode 'digicert-free-1-free', 'no-such-product', 'geotrust-dv-1-starter' @Cas -ErrorVariable errs -ErrorAction SilentlyContinue
        $states.ProductCode | Should -Be @('digicert-free-1-free', 'geotrust-dv-1-starter')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'CasPS.ServiceError*'
        $errs[0].TargetObject | Should -Be 'no-such-product'
    }

    It 'retries throttling and shows the retries with -Verbose' {
        $script:Sandbox.Faults.Enqueue('Throttling', 2)
        $verbose = Get-CasPackageState -ProductCode 'digicert-free-1-free' @Cas -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -match 'retrying').Count | Should -Be 2
    }

    It 'fails with CasPS.AuthFailed for a wrong secret, without echoing it' {
        $bad = [pscredential]::new($Sandbox.AccessKeyId, (ConvertTo-SecureString 'wrong-secret-value' -AsPlainText -Force))
        $err = { Get-CasPackageState -Endpoint $Sandbox.Endpoint -Credential $bad -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'CasPS.AuthFailed*'
        $err.ToString() | Should -Not -Match 'wrong-secret-value'
    }

    It 'reads credentials from the environment in a runbook' {
        $env:ALIBABA_CLOUD_ACCESS_KEY_ID = $Sandbox.Credential.UserName
        $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET = $Sandbox.Credential.GetNetworkCredential().Password
        try {
            (Get-CasPackageState -ProductCode 'digicert-free-1-free' -Endpoint $Sandbox.Endpoint).TotalCount | Should -Be 20
        } finally {
            Remove-Item Env:ALIBABA_CLOUD_ACCESS_KEY_ID, Env:ALIBABA_CLOUD_ACCESS_KEY_SECRET
        }
    }
}
