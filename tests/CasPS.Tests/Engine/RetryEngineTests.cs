using System.Management.Automation;
using System.Net.Http;
using CasPS.Credentials;
using CasPS.Errors;
using CasPS.Http;
using CasPS.Sandbox;

namespace CasPS.Tests.Engine;

/// <summary>
/// Retries of a read under faults the sandbox injects, seen from a script: the objects that come
/// out, the requests the sandbox received, and the "retrying" lines in -Verbose.
/// </summary>
public class RetryEngineTests
{
    static RetryEngineTests() => CloudEngine.EnsureFastRetries();

    private const string Read = "Get-CasPackageState -Endpoint $ep -Credential $cred -Verbose";

    [Fact]
    public void Two_throttlings_then_success_give_one_object_after_three_requests_and_two_retry_lines()
    {
        using var e = new CloudEngine();
        e.Faults.Enqueue(SandboxFaultKind.Throttling, 2, "DescribePackageState");
        var r = e.Run(Read);

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var state = Assert.IsType<CasPackageState>(Assert.Single(r.Output).BaseObject);
        Assert.Equal(20, state.TotalCount);
        var reads = e.Reads;
        Assert.Equal(3, reads.Length);
        Assert.Equal(new string[] { "Throttling.User", "Throttling.User", null }, reads.Select(x => x.ErrorCode));
        Assert.Equal(state.RequestId, reads[2].RequestId);
        var retries = CloudEngine.RetryLines(r);
        Assert.Equal(2, retries.Length);
        Assert.Contains("DescribePackageState attempt 1 of 5 failed (Throttling.User)", retries[0]);
        Assert.Contains("DescribePackageState attempt 2 of 5 failed (Throttling.User)", retries[1]);
        // The answer came to a signed, verified request (faults answer before verification).
        Assert.Equal(e.KeyId, reads[2].AccessKeyId);
        Assert.True(reads[2].Authenticated);
    }

    [Theory]
    [InlineData(SandboxFaultKind.ServiceUnavailable, "ServiceUnavailable")]
    [InlineData(SandboxFaultKind.InternalError, "InternalError")]
    [InlineData(SandboxFaultKind.BadGatewayHtml, ErrorIds.ServiceError)]
    [InlineData(SandboxFaultKind.EmptyInternalError, ErrorIds.ServiceError)]
    [InlineData(SandboxFaultKind.ConnectionReset, ErrorIds.NetworkError)]
    [InlineData(SandboxFaultKind.ConnectionResetAfterExecute, ErrorIds.NetworkError)]
    [InlineData(SandboxFaultKind.GarbageBody, ErrorIds.InvalidResponse)]
    public void A_transient_failure_is_retried_once_and_the_read_recovers(SandboxFaultKind kind, string reported)
    {
        using var e = new CloudEngine();
        e.Faults.Enqueue(kind, 1, "DescribePackageState");
        var r = e.Run(Read);

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.Equal("digicert-free-1-free", Assert.IsType<CasPackageState>(Assert.Single(r.Output).BaseObject).ProductCode);
        var reads = e.Reads;
        Assert.Equal(2, reads.Length);
        Assert.Equal(kind, reads[0].Fault);
        Assert.Null(reads[1].Fault);
        Assert.Equal(200, reads[1].StatusCode);
        var retry = Assert.Single(CloudEngine.RetryLines(r));
        Assert.Contains("attempt 1 of 5 failed (" + reported + ")", retry);
    }

    [Theory]
    [InlineData(SandboxFaultKind.Throttling, ErrorIds.Throttled, ErrorCategory.LimitsExceeded, "Throttling.User")]
    [InlineData(SandboxFaultKind.ServiceUnavailable, ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable, "ServiceUnavailable")]
    [InlineData(SandboxFaultKind.InternalError, ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable, "InternalError")]
    [InlineData(SandboxFaultKind.BadGatewayHtml, ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable, null)]
    [InlineData(SandboxFaultKind.ConnectionReset, ErrorIds.NetworkError, ErrorCategory.ConnectionError, null)]
    [InlineData(SandboxFaultKind.GarbageBody, ErrorIds.InvalidResponse, ErrorCategory.InvalidResult, null)]
    public void MaxRetryCount_0_reports_the_first_failure_at_once_with_its_ErrorId(SandboxFaultKind kind, string errorId, ErrorCategory category, string serviceCode)
    {
        using var e = new CloudEngine();
        e.Faults.Enqueue(kind, 1, "DescribePackageState");
        var (r, caught) = e.RunCatching(Read + " -MaxRetryCount 0");

        Assert.Null(caught); // per item: non-terminating
        Assert.Empty(r.Output);
        var error = Assert.Single(r.Errors);
        Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(serviceCode, CloudEngine.CasException(error).ServiceCode);
        Assert.Single(e.Reads);
        Assert.Empty(CloudEngine.RetryLines(r));
        Assert.Equal(0, e.Faults.Pending);
    }

    [Fact]
    public void A_throttled_read_reports_the_RequestId_and_a_recommended_action()
    {
        using var e = new CloudEngine();
        e.Faults.Enqueue(SandboxFaultKind.Throttling, 3, "DescribePackageState");
        var r = e.Run(Read + " -MaxRetryCount 2");

        var error = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.Throttled + ",", error.FullyQualifiedErrorId);
        var ex = CloudEngine.CasException(error);
        var reads = e.Reads;
        Assert.Equal(3, reads.Length);
        Assert.Equal(reads[2].RequestId, ex.RequestId); // the last answer's
        Assert.Contains("-MaxRetryCount", error.ErrorDetails.RecommendedAction);
        Assert.Contains(ex.RequestId, error.ErrorDetails.RecommendedAction);
        Assert.Equal(2, CloudEngine.RetryLines(r).Length);
        Assert.Contains(r.Verbose, v => v.Contains("gave up after 3 attempts", StringComparison.Ordinal));
    }

    [Fact]
    public void Garbage_on_every_attempt_ends_as_InvalidResponse()
    {
        using var e = new CloudEngine();
        e.Faults.Enqueue(SandboxFaultKind.GarbageBody, 3, "DescribePackageState");
        var r = e.Run(Read + " -MaxRetryCount 2");

        var error = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.InvalidResponse + ",", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal(200, CloudEngine.CasException(error).HttpStatus);
        Assert.Equal(3, e.Reads.Length);
        Assert.All(e.Reads, x => Assert.Equal(SandboxFaultKind.GarbageBody, x.Fault));
    }

    [Fact]
    public void With_a_fifth_of_answers_failing_every_one_of_200_reads_succeeds_and_requests_equal_reads_plus_retries()
    {
        using var e = new CloudEngine();
        e.Faults.FailRandomly(0.2, 20240407);
        var r = e.Run("@('digicert-free-1-free') * 200 | Get-CasPackageState -Endpoint $ep -Credential $cred -Verbose");

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var states = r.Objects<CasPackageState>().ToArray();
        Assert.Equal(200, states.Length);
        Assert.All(states, s => Assert.Equal(20, s.TotalCount));
        Assert.Equal(200, states.Select(s => s.RequestId).Distinct().Count());

        int retries = CloudEngine.RetryLines(r).Length;
        var reads = e.Reads;
        Assert.InRange(e.Faults.Applied, 20, 80); // the fault mode did bite: about a fifth of ~250 requests
        Assert.Equal(e.Faults.Applied, retries);  // every injected fault cost exactly one retry
        Assert.Equal(200 + retries, reads.Length);
        Assert.Equal(200, reads.Count(x => x.Fault == null && x.StatusCode == 200));
        Assert.Equal(e.Journal.TotalReceived, reads.Length);
    }

    [Fact]
    public void A_reset_after_the_service_ran_a_quota_spending_call_is_OrderMayExist_and_the_call_is_sent_once()
    {
        // Below the cmdlets (the sandbox does not model order creation yet, so this drives the
        // transport directly): a warm pooled connection, then the answer to an order call is lost
        // after the service ran it. .NET must not resend it behind CasPS's back (before the fix it
        // did, with the same nonce, and the user saw SignatureNonceUsed as AuthFailed), and CasPS
        // must not retry it: one request, reported as OrderMayExist.
        using var e = new CloudEngine();
        using var http = new HttpClient();
        var transport = new CasTransport(http, new TransportOptions
        {
            Endpoint = new Uri(e.Endpoint),
            Credential = new CloudCredential(e.KeyId, e.Secret, null, "test"),
        });
        transport.Send(new ApiCall("DescribePackageState", "2020-04-07", idempotent: true), CancellationToken.None);
        e.Faults.Enqueue(SandboxFaultKind.ConnectionResetAfterExecute, 1, "CreateCertificateForPackageRequest");

        var ex = Assert.Throws<CasPSException>(() => transport.Send(
            new ApiCall("CreateCertificateForPackageRequest", "2020-04-07", idempotent: false).Add("Domain", "www.example.com"), CancellationToken.None));

        Assert.Equal(ErrorIds.OrderMayExist, ex.ErrorId);
        Assert.True(ex.MayHaveExecuted);
        var sent = Assert.Single(e.Journal.ForAction("CreateCertificateForPackageRequest"));
        Assert.Equal(SandboxFaultKind.ConnectionResetAfterExecute, sent.Fault);
    }
}
