using System.Management.Automation;
using System.Net;
using CasPS.Sandbox;

namespace CasPS.Tests.Engine;

/// <summary>
/// Design §4 Security: one full session, secrets passed every way a runbook passes them, with
/// -Verbose and -Debug on, retries, a per-item error and failing authentication; afterwards
/// every stream, error record, exception and output object is scanned for the secrets.
/// </summary>
public class SecretScanTests
{
    static SecretScanTests() => CloudEngine.EnsureFastRetries();

    private const string WrongSecret = "WrongSecret-5fd1c0a7e93b4c0f8c2d";
    private const string WrongToken = "WrongStsToken-0b5e7c1d2a9f4e63b8a1";

    private const string Session = @"
        $s = Start-CasSandbox -IssueSecurityToken -Verbose -Debug
        $s
        $id = $s.AccessKeyId
        $secret = $s.Credential.Password
        $token = $s.SecurityToken
        $common = @{ Endpoint = $s.Endpoint; Verbose = $true; Debug = $true }

        # Explicit parameters with an STS token, through throttling, 5xx and a reset.
        $s.Faults.Enqueue('Throttling', 2)
        $s.Faults.Enqueue('InternalError', 1)
        $s.Faults.Enqueue('ConnectionReset', 1)
        Get-CasPackageState @common -AccessKeyId $id -AccessKeySecret $secret -SecurityToken $token

        # A per-item error among good items, with -Credential.
        'digicert-free-1-free', 'no-such-product' | Get-CasPackageState @common -Credential $s.Credential -SecurityToken $token

        # Retries given up: throttled to the end.
        $s.Faults.Enqueue('Throttling', 3)
        Get-CasPackageState @common -AccessKeyId $id -AccessKeySecret $secret -SecurityToken $token -MaxRetryCount 2

        # Authentication failures: wrong secret, then wrong token. Caught, and written out whole.
        $bad = [System.Net.NetworkCredential]::new('', $args[0]).SecurePassword
        try { Get-CasPackageState @common -AccessKeyId $id -AccessKeySecret $bad -SecurityToken $token -ErrorAction Stop } catch { $_ }
        $badToken = [System.Net.NetworkCredential]::new('', $args[1]).SecurePassword
        try { Get-CasPackageState @common -AccessKeyId $id -AccessKeySecret $secret -SecurityToken $badToken -ErrorAction Stop } catch { $_ }

        # Orders: by domain, by CSR, one whose answer is lost (OrderMayExist), and a -WhatIf preview.
        New-CasCertificateRequest @common -Domain www.example.com -ProductCode digicert-free-1-free -AccessKeyId $id -AccessKeySecret $secret -SecurityToken $token
        New-CasCertificateRequest @common -Csr $args[2] -ProductCode digicert-free-1-free -Credential $s.Credential -SecurityToken $token
        $s.Faults.Enqueue('ConnectionResetAfterExecute', 1, 'CreateCertificateForPackageRequest')
        New-CasCertificateRequest @common -Domain api.example.com -ProductCode digicert-free-1-free -Credential $s.Credential -SecurityToken $token
        New-CasCertificateRequest @common -Domain shop.example.com -WhatIf -Credential $s.Credential -SecurityToken $token
        $s.Orders

        # Everything the session remembers about errors, in every form a user might log it.
        foreach ($e in $Error) {
            $e
            $e.ToString()
            $e.Exception.ToString()
            $e.ErrorDetails
            $e.InvocationInfo.Line
            foreach ($p in $e.Exception.PSObject.Properties) { $p.Name + '=' + $p.Value }
        }
        $s.Requests
        foreach ($q in $s.Requests) { $q.ToString(); foreach ($p in $q.Parameters.GetEnumerator()) { $p.Key + '=' + $p.Value } }
        $s.ToString()
        # A failing call left uncaught: its terminating error ends that statement and goes to the error stream.
        Get-CasPackageState @common -AccessKeyId $id -AccessKeySecret $bad -SecurityToken $token
        'after the uncaught error'
    ";

    [Fact]
    public void A_full_session_never_shows_the_secret_or_the_security_token_anywhere()
    {
        using var ps = new PsSession();
        var r = ps.Run(Session, WrongSecret, WrongToken, CasPS.Tests.Validation.CsrFactory.Pem(CasPS.Tests.Validation.CsrFactory.Rsa(2048, "csr.example.com")));

        Assert.Null(r.Terminating);
        var s = r.Objects<CasSandboxInfo>().First();
        s.Sandbox.Stop();
        var secret = s.Credential.GetNetworkCredential().Password;
        var token = new NetworkCredential("", s.SecurityToken).Password;
        Assert.True(secret.Length >= 20 && token.Length >= 20);

        // The session did what it says, so the scan covers real text, not an empty run.
        var reads = s.Requests.ForAction("DescribePackageState");
        Assert.Contains(reads, x => x.ErrorCode == "Throttling.User");
        Assert.Contains(reads, x => x.Fault == SandboxFaultKind.ConnectionReset);
        Assert.Contains(reads, x => x.ErrorCode == "SignatureDoesNotMatch");
        Assert.Contains(reads, x => x.ErrorCode == "InvalidSecurityToken.MismatchWithAccessKey");
        Assert.Contains(reads, x => x.ErrorCode == "InvalidParameter.ProductCode");
        Assert.Equal(2, r.Objects<CasPackageState>().Count()); // the first call's, and the good code of the second
        Assert.Equal(2, r.Objects<CasCertificateOrder>().Count());
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("CasPS.OrderMayExist", StringComparison.Ordinal));
        Assert.Contains(r.Verbose, v => v.Contains("retrying in", StringComparison.Ordinal));
        Assert.Contains(r.Verbose, v => v.Contains("gave up after 3 attempts", StringComparison.Ordinal));
        Assert.Contains(r.Debug, d => d.Contains("credentials from the -AccessKeyId/-AccessKeySecret parameters", StringComparison.Ordinal));
        Assert.Contains(r.Debug, d => d.Contains("credentials from the -Credential parameter", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("CasPS.ServiceError", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("CasPS.Throttled", StringComparison.Ordinal));
        Assert.Contains(r.Output, o => o.BaseObject is ErrorRecord e && e.FullyQualifiedErrorId.StartsWith("CasPS.AuthFailed", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("CasPS.AuthFailed", StringComparison.Ordinal));
        Assert.Equal("after the uncaught error", r.BaseObjects.Last());

        var text = r.AllText();
        Assert.Contains(s.AccessKeyId, text); // the key id is shown (it identifies the key), so the scan sees the text
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(WrongSecret, text);
        Assert.DoesNotContain(WrongToken, text);
        // Parts long enough to identify a secret, in case something printed it truncated or escaped.
        Assert.DoesNotContain(secret.Substring(0, 12), text);
        Assert.DoesNotContain(token.Substring(token.Length - 12), text);
    }
}
