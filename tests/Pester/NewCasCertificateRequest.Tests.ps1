#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
BeforeAll {
    Import-Module ([IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'CasPS', 'CasPS.psd1')) -Force -ErrorAction Stop
}

Describe 'New-CasCertificateRequest' {
    BeforeEach {
        $script:Sandbox = Start-CasSandbox -Quota @{ 'digicert-free-1-free' = 3; 'geotrust-dv-w-starter' = 2 }
        $script:Cas = @{ Endpoint = $Sandbox.Endpoint; Credential = $Sandbox.Credential }
    }
    AfterEach {
        $Sandbox | Stop-CasSandbox
    }

    It 'orders by domain and spends exactly one unit of quota' {
        $order = New-CasCertificateRequest -Domain 'www.example.com' -ProductCode 'digicert-free-1-free' @Cas
        $order | Should -BeOfType ([CasPS.CasCertificateOrder])
        $order.OrderId | Should -BeOfType ([long])
        $order.OrderId | Should -BeGreaterThan 9007199254740992
        $order.OrderId | Should -Be $Sandbox.Orders[0].OrderId
        (Get-CasPackageState -ProductCode 'digicert-free-1-free' @Cas).UsedCount | Should -Be 1
    }

    It 'orders with a CSR file given by a relative path' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
            'CN=csr.example.com', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
            [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        [IO.File]::WriteAllText((Join-Path $TestDrive 'csr.pem'), $request.CreateSigningRequestPem())
        Push-Location $TestDrive
        try {
            $order = New-CasCertificateRequest -CsrPath ./csr.pem -ProductCode 'digicert-free-1-free' @Cas
        } finally { Pop-Location }
        $order.CsrSupplied | Should -BeTrue
        $order.Domain | Should -Be @('csr.example.com')
    } -Skip:($PSVersionTable.PSVersion.Major -lt 7)

    It 'refuses <Case> before sending anything' -ForEach @(
        @{ Case = 'six names'; Domain = 'a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com', 'f.example.com' }
        @{ Case = 'mixed wildcard'; Domain = '*.example.com', 'www.example.com' }
        @{ Case = 'an IP address'; Domain = '192.0.2.1' }
        @{ Case = 'a misplaced wildcard'; Domain = 'www.*.example.com' }
    ) {
        { New-CasCertificateRequest -Domain $Domain @Cas -ErrorAction Stop } |
            Should -Throw -ErrorId 'CasPS.InvalidDomain,CasPS.Commands.NewCasCertificateRequestCommand'
        $Sandbox.Requests.Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        New-CasCertificateRequest -Domain 'www.example.com' -ProductCode 'digicert-free-1-free' -WhatIf @Cas
        $Sandbox.Requests.Count | Should -Be 0
    }

    It 'creates one order per CSV row and reports the bad row without stopping' {
        $csv = @'
Domain,ProductCode,ValidationMethod
www.example.com,digicert-free-1-free,Dns
bad..example.com,digicert-free-1-free,Dns
*.example.org,geotrust-dv-w-starter,File
'@ | ConvertFrom-Csv
        $orders = $csv | New-CasCertificateRequest @Cas -ErrorVariable failed -ErrorAction SilentlyContinue
        $orders.InputIndex | Should -Be @(0, 2)
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.InputIndex | Should -Be 1
        $Sandbox.Orders.Count | Should -Be 2
    }

    It 'retries throttling and still creates exactly one order' {
        $Sandbox.Faults.Enqueue('Throttling', 2, 'CreateCertificateForPackageRequest')
        New-CasCertificateRequest -Domain 'www.example.com' -ProductCode 'digicert-free-1-free' @Cas | Should -Not -BeNullOrEmpty
        $Sandbox.Orders.Count | Should -Be 1
    }

    It 'does not resubmit after a dropped connection and says the order may exist' {
        $Sandbox.Faults.Enqueue('ConnectionResetAfterExecute', 1, 'CreateCertificateForPackageRequest')
        { New-CasCertificateRequest -Domain 'www.example.com' -ProductCode 'digicert-free-1-free' @Cas -ErrorAction Stop } |
            Should -Throw -ErrorId 'CasPS.OrderMayExist,CasPS.Commands.NewCasCertificateRequestCommand'
        $Sandbox.Orders.Count | Should -Be 1
    }

    It 'reports an exhausted package as CasPS.QuotaExhausted' {
        1..2 | ForEach-Object { New-CasCertificateRequest -Domain "w$_.example.org" -ProductCode 'geotrust-dv-w-starter' @Cas } | Out-Null
        { New-CasCertificateRequest -Domain 'w3.example.org' -ProductCode 'geotrust-dv-w-starter' @Cas -ErrorAction Stop } |
            Should -Throw -ErrorId 'CasPS.QuotaExhausted,CasPS.Commands.NewCasCertificateRequestCommand'
    }
}
