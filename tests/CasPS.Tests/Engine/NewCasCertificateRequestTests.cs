using System.Management.Automation;
using CasPS.Errors;
using CasPS.Tests.Validation;

namespace CasPS.Tests.Engine;

/// <summary>
/// New-CasCertificateRequest end to end in a real engine against the sandbox: what comes out,
/// what reached the server, and above all what did not (no quota spent on bad input or -WhatIf,
/// never two orders for one input).
/// </summary>
public sealed class NewCasCertificateRequestTests : IDisposable
{
    private const long TwoPow53 = 9007199254740992L;
    private readonly CloudEngine _engine = new("-Quota @{ 'digicert-free-1-free' = 20; 'geotrust-dv-w-starter' = 5; 'geotrust-dv-1-starter' = 1 }");
    private readonly string _tempDir = Directory.CreateTempSubdirectory("casps-csr-").FullName;

    public NewCasCertificateRequestTests() => Assert.Null(Run("$global:cas = @{ Endpoint = $ep; Credential = $cred }").Terminating);

    public void Dispose()
    {
        _engine.Dispose();
        Directory.Delete(_tempDir, recursive: true);
    }

    private PsResult Run(string script, params object[] args) => _engine.Run(script, args);
    private int SandboxOrders => (int)Run("$s.Orders.Count").BaseObjects.Single();
    private int CreateRequests => (int)Run("@($s.Requests.ForAction('CreateCertificateForPackageRequest')).Count").BaseObjects.Single();
    private long Used(string code) => Run("(Get-CasPackageState -ProductCode $args[0] @cas).UsedCount", code).BaseObjects.Cast<long>().Single();

    [Fact]
    public void By_domain_outputs_a_typed_order_whose_OrderId_is_exactly_the_sandboxs()
    {
        var r = Run("New-CasCertificateRequest -Domain 'WWW.Example.COM.', 'api.example.com' -ProductCode digicert-free-1-free -ValidationMethod File @cas");
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var order = Assert.Single(r.Objects<CasCertificateOrder>());
        Assert.True(order.OrderId > TwoPow53);
        Assert.Equal(new[] { "www.example.com", "api.example.com" }, order.Domain);
        Assert.Equal("digicert-free-1-free", order.ProductCode);
        Assert.Equal(CasValidationMethod.File, order.ValidationMethod);
        Assert.False(order.CsrSupplied);
        Assert.False(string.IsNullOrEmpty(order.RequestId));

        // What reached the server: the normalized comma list, FILE, and one order with that very id.
        var sent = Run("$s.Requests.ForAction('CreateCertificateForPackageRequest') | ForEach-Object { $_.Parameters['Domain'] + '|' + $_.Parameters['ValidateType'] }");
        Assert.Equal("www.example.com,api.example.com|FILE", Assert.Single(sent.BaseObjects));
        Assert.Equal(order.OrderId, (long)Run("$s.Orders[0].OrderId").BaseObjects.Single());
        Assert.Equal(1, Used("digicert-free-1-free"));
    }

    [Fact]
    public void OrderId_keeps_all_its_digits_through_the_pipeline()
    {
        var r = Run("$o = New-CasCertificateRequest www.example.com -ProductCode digicert-free-1-free @cas; " +
                    "($o.OrderId -is [long]); [string]$o.OrderId; [string]$s.Orders[0].OrderId; ($o | ForEach-Object OrderId).ToString()");
        var values = r.BaseObjects.ToList();
        Assert.Equal(true, values[0]);
        Assert.Equal(values[2], values[1]);
        Assert.Equal(values[2], values[3]);
        Assert.True(long.Parse((string)values[1]) > TwoPow53);
    }

    [Fact]
    public void By_CSR_text_sends_the_normalized_PEM_and_names_come_from_the_CSR()
    {
        var pem = CsrFactory.Pem(CsrFactory.Rsa(2048, "shop.example.com", new[] { "shop.example.com", "www.shop.example.com" }), "NEW CERTIFICATE REQUEST", "\r\n");
        var r = Run("New-CasCertificateRequest -Csr $args[0] -ProductCode digicert-free-1-free @cas", pem);
        Assert.Empty(r.Errors);
        var order = Assert.Single(r.Objects<CasCertificateOrder>());
        Assert.True(order.CsrSupplied);
        Assert.Equal("shop.example.com", order.Domain[0]);
        Assert.Contains("www.shop.example.com", order.Domain);
        var sentCsr = (string)Run("$s.Requests.ForAction('CreateCertificateForPackageRequest')[0].Parameters['Csr']").BaseObjects.Single();
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----\n", sentCsr);
        Assert.DoesNotContain("\r", sentCsr);
    }

    [Fact]
    public void By_CSR_path_follows_the_current_location_and_reads_DER()
    {
        File.WriteAllBytes(Path.Combine(_tempDir, "ec.der"), CsrFactory.Ec(System.Security.Cryptography.ECCurve.NamedCurves.nistP256, "ec.example.com"));
        var r = Run("$null = $ExecutionContext.SessionState.Path.SetLocation($args[0]); New-CasCertificateRequest -CsrPath ./ec.der -ProductCode digicert-free-1-free @cas", _tempDir);
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "ec.example.com" }, Assert.Single(r.Objects<CasCertificateOrder>()).Domain);
    }

    [Fact]
    public void Domain_differing_from_the_CSR_CN_warns_but_orders()
    {
        var pem = CsrFactory.Pem(CsrFactory.Rsa(2048, "a.example.com"));
        var r = Run("New-CasCertificateRequest -Csr $args[0] -Domain b.example.com -ProductCode digicert-free-1-free @cas", pem);
        Assert.Single(r.Objects<CasCertificateOrder>());
        Assert.Contains(r.Warnings, w => w.Contains("a.example.com") && w.Contains("CN"));
    }

    public static IEnumerable<object[]> BadDomains() => new[]
    {
        new object[] { "'a.example.com','b.example.com','c.example.com','d.example.com','e.example.com','f.example.com'", "6" },
        new object[] { "'*.example.com','www.example.com'", "mix" },
        new object[] { "'www.*.example.com'", "'*'" },
        new object[] { "'192.168.1.10'", "IP" },
        new object[] { "'localhost'", "label" },
        new object[] { "'-bad.example.com'", "hyphen" },
        new object[] { "'a..example.com'", "empty" },
        new object[] { "('x' * 64 + '.example.com')", "63" },
        new object[] { "'www.example.com','WWW.EXAMPLE.COM.'", "twice" },
        new object[] { "'under_score.example.com'", "under_score" },
    };

    [Theory]
    [MemberData(nameof(BadDomains))]
    public void Bad_domains_are_CasPS_InvalidDomain_naming_the_rule_and_nothing_is_sent(string domains, string mentions)
    {
        var r = Run("New-CasCertificateRequest -Domain " + domains + " -ProductCode digicert-free-1-free @cas");
        var err = Assert.Single(r.Errors);
        Assert.Equal(ErrorIds.InvalidDomain, err.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, err.CategoryInfo.Category);
        Assert.Contains(mentions, err.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Domain", err.Exception.Message);
        Assert.Empty(r.Output);
        Assert.Equal(0, (int)Run("$s.Requests.Count").BaseObjects.Single());
    }

    [Fact]
    public void Internationalized_name_is_sent_as_punycode()
    {
        var r = Run("New-CasCertificateRequest -Domain 'bücher.example' -ProductCode digicert-free-1-free @cas");
        Assert.Equal(new[] { "xn--bcher-kva.example" }, Assert.Single(r.Objects<CasCertificateOrder>()).Domain);
    }

    public static IEnumerable<object[]> BadCsrs() => new[]
    {
        new object[] { "rsa1024", CsrFactory.Pem(CsrFactory.Rsa(1024)), "1024" },
        new object[] { "dsa", CsrFactory.Pem(CsrFactory.BouncyCastleDsa()), "DSA" },
        new object[] { "ed25519", CsrFactory.Pem(CsrFactory.BouncyCastleEd25519()), "" },
        new object[] { "tampered", CsrFactory.Pem(Tamper(CsrFactory.Rsa(2048))), "signature" },
        new object[] { "garbage", "-----BEGIN CERTIFICATE REQUEST-----\nnot base64 at all!!\n-----END CERTIFICATE REQUEST-----", "" },
        new object[] { "truncated", CsrFactory.Pem(CsrFactory.Rsa(2048)[..100]), "" },
    };

    private static byte[] Tamper(byte[] der)
    {
        var copy = (byte[])der.Clone();
        copy[^5] ^= 0x5A; // inside the signature value
        return copy;
    }

    [Theory]
    [MemberData(nameof(BadCsrs))]
    public void Bad_CSRs_are_CasPS_InvalidCsr_and_spend_nothing(string name, string pem, string mentions)
    {
        var r = Run("New-CasCertificateRequest -Csr $args[0] -ProductCode digicert-free-1-free @cas", pem);
        var err = Assert.Single(r.Errors);
        Assert.True(err.FullyQualifiedErrorId.StartsWith(ErrorIds.InvalidCsr, StringComparison.Ordinal), name + ": " + err.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, err.CategoryInfo.Category);
        Assert.Contains(mentions, err.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (int)Run("$s.Requests.Count").BaseObjects.Single());
    }

    [Fact]
    public void Missing_CSR_file_is_InvalidCsr_naming_the_path()
    {
        var r = Run("New-CasCertificateRequest -CsrPath ./does-not-exist.csr @cas");
        var err = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.InvalidCsr, err.FullyQualifiedErrorId);
        Assert.Contains("does-not-exist.csr", err.Exception.Message);
    }

    [Fact]
    public void Bad_email_is_InvalidParameter_before_sending()
    {
        var r = Run("New-CasCertificateRequest -Domain www.example.com -Email 'not-an-address' @cas");
        Assert.StartsWith(ErrorIds.InvalidParameter, Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Equal(0, (int)Run("$s.Requests.Count").BaseObjects.Single());
    }

    [Fact]
    public void WhatIf_sends_nothing_needs_no_credentials_and_spends_nothing()
    {
        var r = Run("New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free -WhatIf -Endpoint $s.Endpoint -ProfileName no-such-profile");
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.Empty(r.Output);
        Assert.Equal(0, (int)Run("$s.Requests.Count").BaseObjects.Single());
        Assert.Equal(0, Used("digicert-free-1-free"));
    }

    [Fact]
    public void WhatIf_message_names_the_product_and_the_domains_for_each_input()
    {
        var host = new RecordingHost();
        using var ps = new PsSession(host: host);
        var r = ps.Run(@"$s = Start-CasSandbox
            [pscustomobject]@{ Domain = 'www.example.com,api.example.com'; ProductCode = 'geotrust-dv-1-starter' },
            [pscustomobject]@{ Domain = 'shop.example.com' } |
                New-CasCertificateRequest -WhatIf -Endpoint $s.Endpoint -Credential $s.Credential
            $s.Requests.Count
            $s | Stop-CasSandbox");
        Assert.Empty(r.Errors);
        Assert.Equal(0, Assert.Single(r.BaseObjects));
        var whatIf = host.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, whatIf.Count);
        Assert.Contains("'geotrust-dv-1-starter'", whatIf[0]);
        Assert.Contains("www.example.com, api.example.com", whatIf[0]);
        Assert.Contains("DNS validation", whatIf[0]);
        Assert.Contains("default product ('digicert-free-1-free'", whatIf[1]);
        Assert.Contains("shop.example.com", whatIf[1]);
    }

    [Fact]
    public void Confirm_asks_and_a_No_sends_nothing_while_Medium_impact_never_prompts_by_default()
    {
        var host = new RecordingHost();
        host.ChoiceAnswers.Enqueue(2); // [N] No
        using var ps = new PsSession(host: host);
        var r = ps.Run(@"$s = Start-CasSandbox
            $cas = @{ Endpoint = $s.Endpoint; Credential = $s.Credential }
            New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free -Confirm @cas
            $s.Orders.Count
            New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free @cas | Out-Null
            $s.Orders.Count
            $s | Stop-CasSandbox");
        Assert.Empty(r.Errors);
        Assert.Equal(new object[] { 0, 1 }, r.BaseObjects.ToArray());
        var prompt = Assert.Single(host.Prompts);
        Assert.Contains("digicert-free-1-free", prompt);
        Assert.Contains("www.example.com", prompt);
    }

    [Fact]
    public void Bulk_rows_bind_by_property_name_and_one_bad_row_does_not_stop_the_others()
    {
        var r = Run(@"
            $rows = @(
                [pscustomobject]@{ Domain = 'www.example.com'; ProductCode = 'digicert-free-1-free'; ValidationMethod = 'Dns' }
                [pscustomobject]@{ Domain = 'bad..example.com'; ProductCode = 'digicert-free-1-free'; ValidationMethod = 'Dns' }
                [pscustomobject]@{ Domain = 'api.example.com,app.example.com'; ProductCode = 'digicert-free-1-free'; ValidationMethod = 'File' }
                [pscustomobject]@{ Domain = '*.example.org'; ProductCode = 'geotrust-dv-w-starter'; ValidationMethod = 'DNS' }
            )
            $rows | New-CasCertificateRequest @cas");
        Assert.Null(r.Terminating);
        var orders = r.Objects<CasCertificateOrder>().ToList();
        Assert.Equal(new[] { 0, 2, 3 }, orders.Select(o => o.InputIndex));
        Assert.Equal(new[] { "api.example.com", "app.example.com" }, orders[1].Domain);
        Assert.Equal(CasValidationMethod.File, orders[1].ValidationMethod);
        Assert.Equal("geotrust-dv-w-starter", orders[2].ProductCode);
        var err = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.InvalidDomain, err.FullyQualifiedErrorId);
        var target = Assert.IsType<CasOrderInput>(err.TargetObject);
        Assert.Equal(1, target.InputIndex);
        Assert.Equal(new[] { "bad..example.com" }, target.Domain);
        Assert.Equal(3, SandboxOrders);
    }

    [Fact]
    public void Exhausted_package_is_QuotaExhausted_per_item()
    {
        var r = Run("'one.example.com', 'two.example.com' | ForEach-Object { New-CasCertificateRequest -Domain $_ -ProductCode geotrust-dv-1-starter @cas }");
        Assert.Single(r.Objects<CasCertificateOrder>());
        var err = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.QuotaExhausted, err.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.QuotaExceeded, err.CategoryInfo.Category);
        var ex = Assert.IsType<CasPSException>(err.Exception);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        Assert.False(string.IsNullOrEmpty(ex.ServiceCode));
        Assert.Equal(1, SandboxOrders);
    }

    [Fact]
    public void Throttled_order_is_retried_and_creates_exactly_one_order()
    {
        Run("$s.Faults.Enqueue('Throttling', 2, 'CreateCertificateForPackageRequest')");
        var r = Run("New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free -Verbose @cas");
        Assert.Single(r.Objects<CasCertificateOrder>());
        Assert.Equal(2, r.Verbose.Count(v => v.Contains("retrying")));
        Assert.Equal(3, CreateRequests);
        Assert.Equal(1, SandboxOrders);
        Assert.Equal(1, Used("digicert-free-1-free"));
    }

    [Theory]
    [InlineData("ConnectionResetAfterExecute")]
    [InlineData("InternalError")]
    public void Ambiguous_failure_is_not_resubmitted_and_says_the_order_may_exist(string fault)
    {
        Run("$s.Faults.Enqueue($args[0], 1, 'CreateCertificateForPackageRequest')", fault);
        var r = Run("New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free -Verbose @cas");
        Assert.Empty(r.Output);
        var err = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.OrderMayExist, err.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, err.CategoryInfo.Category);
        Assert.Contains("may have been created", err.Exception.Message);
        Assert.NotNull(err.ErrorDetails?.RecommendedAction);
        Assert.DoesNotContain(r.Verbose, v => v.Contains("retrying"));
        // At most one order exists, whatever the HTTP stack did with the dropped connection.
        Assert.Equal(fault == "ConnectionResetAfterExecute" ? 1 : 0, SandboxOrders);
        Assert.Equal(fault == "ConnectionResetAfterExecute" ? 1 : 0, Used("digicert-free-1-free"));
    }

    [Fact]
    public void Connection_dropped_before_an_answer_is_OrderMayExist_and_never_resent()
    {
        Run("$s.Faults.Enqueue('ConnectionReset', 1, 'CreateCertificateForPackageRequest')");
        var r = Run("New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free @cas");
        // CasPS cannot know the order did not run, so it neither resends nor lets the HTTP stack do so.
        Assert.Empty(r.Output);
        Assert.StartsWith(ErrorIds.OrderMayExist, Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Equal(1, CreateRequests);
        Assert.Equal(0, SandboxOrders);
    }

    [Fact]
    public void Timeout_after_sending_is_not_retried()
    {
        Run("$s.Faults.EnqueueDelay(2000, 1, 'CreateCertificateForPackageRequest')");
        var r = Run("New-CasCertificateRequest -Domain www.example.com -ProductCode digicert-free-1-free -RequestTimeoutSec 1 @cas");
        Assert.StartsWith(ErrorIds.OrderMayExist, Assert.Single(r.Errors).FullyQualifiedErrorId);
        // The slow answer is journaled when the sandbox finishes it; wait for that, then count.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (SandboxOrders == 0 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Equal(1, CreateRequests);
        Assert.Equal(1, SandboxOrders);
    }

    [Fact]
    public void Under_random_faults_bulk_orders_never_create_two_orders_for_one_input()
    {
        var r = Run(@"
            $s.Faults.FailRandomly(0.25, 11)
            0..17 | ForEach-Object { [pscustomobject]@{ Domain = ""host$_.example.com""; ProductCode = 'digicert-free-1-free' } } |
                New-CasCertificateRequest @cas -MaxRetryCount 6");
        Run("$s.Faults.Clear()");
        var orders = r.Objects<CasCertificateOrder>().ToList();
        var mayExist = r.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith(ErrorIds.OrderMayExist, StringComparison.Ordinal)).ToList();
        Assert.Equal(18, orders.Count + r.Errors.Count); // within the quota of 20
        Assert.True(r.Errors.Count == mayExist.Count, string.Join("\n", r.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message)));
        var serverDomains = Run("$s.Orders | ForEach-Object { $_.Domains -join ',' }").BaseObjects.Cast<string>().ToList();
        Assert.Equal(serverDomains.Count, serverDomains.Distinct().Count());
        // Every order the caller was told about exists on the server, with the same id.
        var serverIds = Run("$s.Orders | ForEach-Object { $_.OrderId }").BaseObjects.Cast<long>().ToHashSet();
        Assert.All(orders, o => Assert.Contains(o.OrderId, serverIds));
        Assert.True(serverIds.Count <= orders.Count + mayExist.Count);
    }

    [Fact]
    public void Product_consistency_problems_warn_but_do_not_block()
    {
        var r = Run("New-CasCertificateRequest -Domain '*.example.com' -ProductCode digicert-free-1-free @cas; " +
                    "New-CasCertificateRequest -Domain 'www.example.com' -ProductCode 'my-new-product-code' @cas");
        Assert.Contains(r.Warnings, w => w.Contains("wildcard", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(r.Warnings, w => w.Contains("my-new-product-code"));
        Assert.Single(r.Objects<CasCertificateOrder>());
        // The unknown code was sent anyway: the service is the judge.
        Assert.StartsWith(ErrorIds.ServiceError, Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Equal(2, CreateRequests);
    }

    [Fact]
    public void Cmdlet_declares_its_contract()
    {
        var r = Run(@"$c = Get-Command New-CasCertificateRequest
            $c.OutputType.Name
            $c.ParameterSets.Name -join ','
            $c.Parameters['ValidationMethod'].Aliases -join ','
            [bool]($c.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].SupportsShouldProcess)
            [string]$c.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact");
        var v = r.BaseObjects.Select(o => o?.ToString()).ToList();
        Assert.Equal("CasPS.CasCertificateOrder", v[0]);
        Assert.Equal("ByDomain,ByCsr,ByCsrPath", v[1]);
        Assert.Equal("ValidateType", v[2]);
        Assert.Equal("True", v[3]);
        Assert.Equal("Medium", v[4]);
    }
}
