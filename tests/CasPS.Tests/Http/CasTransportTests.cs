using System.Net;
using System.Management.Automation;
using CasPS.Credentials;
using CasPS.Errors;
using CasPS.Http;
using CasPS.Tests.Credentials;

namespace CasPS.Tests.Http;

public class CasTransportTests
{

    static CasTransportTests() => RetryPolicy.BaseDelayOverride = TimeSpan.FromMilliseconds(1);

    private static (CasTransport, CapturingLog) Make(ScriptedHandler h, int retries = 3, string token = null)
    {
        var log = new CapturingLog();
        var options = new TransportOptions
        {
            Endpoint = new Uri("https://cas.aliyuncs.com/"),
            Credential = new CloudCredential("AKID", "SECRET-VALUE-123", token, "test"),
            MaxRetryCount = retries,
            Log = log,
        };
        return (new CasTransport(new HttpClient(h), options), log);
    }

    private const string Ok = "{\"RequestId\":\"R-OK\",\"TotalCount\":20,\"UsedCount\":2,\"IssuedCount\":1}";
    private const string Throttle = "{\"RequestId\":\"R-T\",\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}";
    private static ApiCall Read() => new ApiCall("DescribePackageState", "2020-04-07", idempotent: true).Add("ProductCode", "digicert-free-1-free");
    private static ApiCall Order() => new ApiCall("CreateCertificateForPackageRequest", "2020-04-07", idempotent: false).Add("Domain", "www.example.com");

    [Fact]
    public void Request_carries_signed_headers_and_the_signed_query_string()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.OK, Ok);
        var (t, _) = Make(h);
        var r = t.Send(Read(), CancellationToken.None);
        Assert.Equal("R-OK", r.RequestId);
        var req = Assert.Single(h.Requests);
        Assert.Equal(HttpMethod.Post, req.Method);
        Assert.Equal("ProductCode=digicert-free-1-free", req.RequestUri.Query.TrimStart('?'));
        Assert.Equal("DescribePackageState", req.Headers.GetValues("x-acs-action").Single());
        Assert.Equal("2020-04-07", req.Headers.GetValues("x-acs-version").Single());
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", req.Headers.GetValues("x-acs-content-sha256").Single());
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-action;", req.Headers.GetValues("Authorization").Single());
        // An empty body (not none), so .NET never resends the request behind CasPS's back (dotnet/runtime#86714).
        Assert.IsType<ByteArrayContent>(req.Content); // disposed with the request by now, so its (zero) length cannot be read here
    }

    [Fact]
    public void Read_retries_throttling_5xx_and_refused_connections_with_a_fresh_nonce_each_time()
    {
        var h = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, Throttle)
            .Then(HttpStatusCode.ServiceUnavailable, "{\"Code\":\"ServiceUnavailable\",\"Message\":\"x\"}")
            .ThenThrow(ScriptedHandler.Refused())
            .Then(HttpStatusCode.OK, Ok);
        var (t, log) = Make(h);
        var r = t.Send(Read(), CancellationToken.None);
        Assert.Equal(4, r.Attempts);
        Assert.Equal(4, h.Requests.Select(q => q.Headers.GetValues("x-acs-signature-nonce").Single()).Distinct().Count());
        Assert.Equal(3, log.Verboses.Count(l => l.Contains("retrying in")));
        Assert.Contains(log.Verboses, l => l.Contains("Throttling.User"));
    }

    [Fact]
    public void Read_gives_up_after_MaxRetryCount_and_reports_the_last_failure()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.BadRequest, Throttle).Then(HttpStatusCode.BadRequest, Throttle).Then(HttpStatusCode.BadRequest, Throttle);
        var (t, _) = Make(h, retries: 2);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Read(), CancellationToken.None));
        Assert.Equal(ErrorIds.Throttled, ex.ErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, ex.Category);
        Assert.Equal("Throttling.User", ex.ServiceCode);
        Assert.Equal("R-T", ex.RequestId);
        Assert.Equal(3, h.Requests.Count);
    }

    [Theory]
    [InlineData("SignatureDoesNotMatch", 400, "CasPS.AuthFailed", ErrorCategory.AuthenticationError)]
    [InlineData("InvalidAccessKeyId.NotFound", 404, "CasPS.AuthFailed", ErrorCategory.AuthenticationError)]
    [InlineData("Forbidden.RAM", 403, "CasPS.AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("InvalidParameter.ProductCode", 400, "CasPS.ServiceError", ErrorCategory.InvalidArgument)]
    [InlineData("-1008", 400, "CasPS.ServiceError", ErrorCategory.InvalidOperation)]
    public void Non_retryable_service_errors_map_to_stable_ids_and_are_sent_once(string code, int status, string errorId, ErrorCategory category)
    {
        var h = new ScriptedHandler().Then((HttpStatusCode)status, "{\"RequestId\":\"R-1\",\"Code\":\"" + code + "\",\"Message\":\"msg\"}");
        var (t, _) = Make(h);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Read(), CancellationToken.None));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(category, ex.Category);
        Assert.Equal(code, ex.ServiceCode);
        Assert.Equal("msg", ex.ServiceMessage);
        Assert.Equal("R-1", ex.RequestId);
        Assert.Equal(status, ex.HttpStatus);
        Assert.Single(h.Requests);
        Assert.Contains("Code: " + code, ex.Message);
        Assert.Contains("RequestId: R-1", ex.Message);
    }

    [Theory]
    [InlineData(502, "<html><body>Bad Gateway</body></html>", "text/html")]
    [InlineData(500, "", "application/json")]
    [InlineData(500, "not json at all {", "text/plain")]
    public void Html_empty_and_garbage_error_bodies_become_ServiceError_and_are_retried_for_reads(int status, string body, string type)
    {
        var h = new ScriptedHandler().Then((HttpStatusCode)status, body, type).Then((HttpStatusCode)status, body, type);
        var (t, _) = Make(h, retries: 1);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Read(), CancellationToken.None));
        Assert.Equal(ErrorIds.ServiceError, ex.ErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, ex.Category);
        Assert.Null(ex.ServiceCode);
        Assert.Contains("HTTP " + status, ex.Message);
        Assert.Equal(2, h.Requests.Count);
    }

    [Fact]
    public void Success_with_garbage_body_is_InvalidResponse()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.OK, "<xml/>", "text/xml").Then(HttpStatusCode.OK, "<xml/>", "text/xml");
        var (t, _) = Make(h, retries: 1);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Read(), CancellationToken.None));
        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, ex.Category);
    }

    [Fact]
    public void Order_is_retried_on_throttling_because_that_proves_it_did_not_run()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.BadRequest, Throttle).Then(HttpStatusCode.OK, "{\"RequestId\":\"R\",\"OrderId\":98987582437920968}");
        var (t, _) = Make(h);
        var r = t.Send(Order(), CancellationToken.None);
        Assert.Equal(98987582437920968L, r.Body.GetInt64("OrderId"));
        Assert.Equal(2, h.Requests.Count);
    }

    [Fact]
    public void Order_is_retried_when_the_connection_was_refused_because_nothing_was_sent()
    {
        var h = new ScriptedHandler().ThenThrow(ScriptedHandler.Refused()).Then(HttpStatusCode.OK, "{\"RequestId\":\"R\",\"OrderId\":5}");
        var (t, _) = Make(h);
        Assert.Equal(5, t.Send(Order(), CancellationToken.None).Body.GetInt64("OrderId"));
    }

    [Fact]
    public void Order_is_not_retried_after_a_dropped_connection_and_says_it_may_exist()
    {
        var h = new ScriptedHandler().ThenThrow(ScriptedHandler.Reset());
        var (t, _) = Make(h);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Order(), CancellationToken.None));
        Assert.Equal(ErrorIds.OrderMayExist, ex.ErrorId);
        Assert.True(ex.MayHaveExecuted);
        Assert.Contains("may have been created", ex.Message);
        Assert.Contains("ListUserCertificateOrder", ex.RecommendedAction);
        Assert.Single(h.Requests);
    }

    [Fact]
    public void Order_is_not_retried_after_a_5xx_and_keeps_the_RequestId()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.InternalServerError, "{\"RequestId\":\"R-500\",\"Code\":\"InternalError\",\"Message\":\"oops\"}");
        var (t, _) = Make(h);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Order(), CancellationToken.None));
        Assert.Equal(ErrorIds.OrderMayExist, ex.ErrorId);
        Assert.Equal("R-500", ex.RequestId);
        Assert.Equal("InternalError", ex.ServiceCode);
        Assert.Contains("R-500", ex.RecommendedAction);
        Assert.Single(h.Requests);
    }

    [Fact]
    public void Retry_after_hint_is_honoured_up_to_the_cap()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(5), RetryPolicy.Delay(0, TimeSpan.FromMilliseconds(5)));
        Assert.True(RetryPolicy.Delay(0, TimeSpan.FromHours(1)) <= TimeSpan.FromTicks(RetryPolicy.BaseDelay.Ticks * 64));
    }

    [Fact]
    public void SignatureDoesNotMatch_echo_of_the_server_string_to_sign_is_redacted()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.BadRequest,
            "{\"RequestId\":\"R\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256\\nabc SECRET\"}");
        var (t, _) = Make(h);
        var ex = Assert.Throws<CasPSException>(() => t.Send(Read(), CancellationToken.None));
        Assert.DoesNotContain("abc SECRET", ex.Message);
        Assert.Contains("[omitted by CasPS]", ex.Message);
    }

    [Fact]
    public void Secret_never_appears_in_requests_logs_or_errors_but_sts_token_is_sent_as_a_header()
    {
        var h = new ScriptedHandler().Then(HttpStatusCode.BadRequest, Throttle).Then(HttpStatusCode.Forbidden, "{\"Code\":\"Forbidden\",\"Message\":\"no\"}");
        var (t, log) = Make(h, token: "STS-TOKEN-XYZ");
        var ex = Assert.Throws<CasPSException>(() => t.Send(Read(), CancellationToken.None));
        var all = string.Join("\n", log.All) + ex + ex.RecommendedAction;
        Assert.DoesNotContain("SECRET-VALUE-123", all);
        Assert.DoesNotContain("STS-TOKEN-XYZ", all);
        foreach (var req in h.Requests)
        {
            Assert.DoesNotContain("SECRET-VALUE-123", req.ToString() + req.Headers);
            Assert.Equal("STS-TOKEN-XYZ", req.Headers.GetValues("x-acs-security-token").Single());
        }
    }

    [Fact]
    public void Timeout_of_a_read_is_a_retryable_Timeout_error()
    {
        var handler = new SlowHandler();
        var options = new TransportOptions
        {
            Endpoint = new Uri("https://cas.aliyuncs.com/"), Credential = new CloudCredential("A", "S", null, "t"),
            MaxRetryCount = 1, Timeout = TimeSpan.FromMilliseconds(100),
        };
        var ex = Assert.Throws<CasPSException>(() => new CasTransport(new HttpClient(handler), options).Send(Read(), CancellationToken.None));
        Assert.Equal(ErrorIds.Timeout, ex.ErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
        Assert.Equal(2, handler.Calls);
    }

    private sealed class SlowHandler : HttpMessageHandler
    {
        public int Calls;
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
