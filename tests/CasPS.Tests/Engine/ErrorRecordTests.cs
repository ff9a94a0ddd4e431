using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CasPS.Errors;

namespace CasPS.Tests.Engine;

/// <summary>
/// The error records a script sees for configuration, authentication, endpoint and network
/// problems: stable ErrorId, fitting category, what the sandbox saw, and no secret in any text.
/// </summary>
public class ErrorRecordTests
{
    static ErrorRecordTests() => CloudEngine.EnsureFastRetries();

    [Fact]
    public void A_wrong_secret_is_a_terminating_AuthFailed_with_the_service_code_and_no_secret_in_any_text()
    {
        using var e = new CloudEngine();
        const string wrong = "Wr0ngSecretValueThatMustNotLeak";
        e.Ps.SetVariable("bad", new PSCredential(e.KeyId, new NetworkCredential("", wrong).SecurePassword));
        // Two codes: authentication fails for all alike, so the pipeline stops at the first.
        var run = e.RunCatching("'digicert-free-1-free', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep -Credential $bad -Verbose -Debug");
        var r = run.Result;

        var record = CloudEngine.AssertTerminating(run, ErrorIds.AuthFailed, ErrorCategory.AuthenticationError);
        var ex = CloudEngine.CasException(record);
        Assert.Equal("SignatureDoesNotMatch", ex.ServiceCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.RequestId));
        Assert.Equal("digicert-free-1-free", record.TargetObject);
        Assert.Empty(r.Output);
        var seen = Assert.Single(e.Reads); // not retried, second code never asked
        Assert.Equal("SignatureDoesNotMatch", seen.ErrorCode);
        Assert.Equal(e.KeyId, seen.AccessKeyId);
        Assert.False(seen.Authenticated);
        Assert.Equal(seen.RequestId, ex.RequestId);
        Assert.Empty(CloudEngine.RetryLines(r));

        var text = CloudEngine.AllText(run);
        Assert.Contains("SignatureDoesNotMatch", text);
        Assert.DoesNotContain(wrong, text);
        Assert.DoesNotContain(e.Secret, text);
        // The service echoes its string to sign in this error; CasPS leaves it out.
        Assert.DoesNotContain("x-acs-signature-nonce:", text);
        Assert.Contains("[omitted by CasPS]", ex.Message);
    }

    [Fact]
    public void An_unknown_key_id_is_a_terminating_AuthFailed()
    {
        using var e = new CloudEngine();
        e.Ps.SetVariable("stranger", new PSCredential("LTAI5tNoSuchKeyId000000", e.Sandbox.Credential.Password));
        var run = e.RunCatching("Get-CasPackageState -Endpoint $ep -Credential $stranger");

        var ex = CloudEngine.CasException(CloudEngine.AssertTerminating(run, ErrorIds.AuthFailed, ErrorCategory.AuthenticationError));
        Assert.Equal("InvalidAccessKeyId.NotFound", ex.ServiceCode);
        Assert.Equal(404, ex.HttpStatus);
        var seen = Assert.Single(e.Reads);
        Assert.Equal("LTAI5tNoSuchKeyId000000", seen.AccessKeyId);
        Assert.Equal("InvalidAccessKeyId.NotFound", seen.ErrorCode);
    }

    [Fact]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused_before_anything_is_sent()
    {
        using var e = new CloudEngine();
        var run = e.RunCatching("Get-CasPackageState -Endpoint http://example.invalid -Credential $cred -Debug -Verbose");
        var r = run.Result;

        var record = CloudEngine.AssertTerminating(run, ErrorIds.InsecureEndpoint, ErrorCategory.SecurityError);
        Assert.Equal("Endpoint", CloudEngine.CasException(record).ParameterName);
        Assert.Contains("example.invalid", record.Exception.Message);
        // The transport writes "POST <endpoint>" to -Debug just before sending; it never got there.
        Assert.DoesNotContain(r.Debug, d => d.Contains("POST", StringComparison.Ordinal));
        Assert.Empty(e.Journal);
    }

    [Fact]
    public void Plain_http_to_this_machines_own_non_loopback_address_never_connects()
    {
        // A listener on every interface, reached through an address that is not loopback: the
        // refusal must come before a connection, not after. Skipped quietly when the machine has
        // no non-loopback IPv4 address (the example.invalid test above still covers the refusal).
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (address == null) return;

        var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        try
        {
            using var e = new CloudEngine();
            var endpoint = "http://" + address + ":" + ((IPEndPoint)listener.LocalEndpoint).Port;
            var run = e.RunCatching("Get-CasPackageState -Endpoint $args[0] -Credential $cred", endpoint);

            CloudEngine.AssertTerminating(run, ErrorIds.InsecureEndpoint, ErrorCategory.SecurityError);
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Https_passes_the_guard_even_off_loopback_so_the_failure_is_a_network_one()
    {
        // The counterpart of the refusals above: https is allowed to any host. A closed loopback
        // port stands in for the host, so the test needs no DNS.
        using var e = new CloudEngine();
        var (r, caught) = e.RunCatching("Get-CasPackageState -Endpoint $args[0] -Credential $cred -MaxRetryCount 0",
            ClosedLoopbackEndpoint().Replace("http://", "https://"));

        Assert.Null(caught);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.NetworkError + ",", error.FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("cn hangzhou")]
    [InlineData("CN_HANGZHOU!")]
    [InlineData("hangzhou")]
    public void Region_text_that_is_not_a_region_id_is_InvalidParameter_naming_Region(string region)
    {
        using var e = new CloudEngine();
        var run = e.RunCatching("Get-CasPackageState -Region $args[0] -Credential $cred", region);

        var record = CloudEngine.AssertTerminating(run, ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument);
        Assert.Equal("Region", CloudEngine.CasException(record).ParameterName);
        Assert.Empty(e.Journal);
    }

    [Fact]
    public void Credential_together_with_AccessKeyId_is_InvalidParameter_and_nothing_is_sent()
    {
        using var e = new CloudEngine();
        var run = e.RunCatching("Get-CasPackageState -Endpoint $ep -Credential $cred -AccessKeyId $cred.UserName -AccessKeySecret $cred.Password");

        var record = CloudEngine.AssertTerminating(run, ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument);
        Assert.Equal("Credential", CloudEngine.CasException(record).ParameterName);
        Assert.Empty(e.Journal);
        Assert.DoesNotContain(e.Secret, CloudEngine.AllText(run));
    }

    [Fact]
    public void A_closed_loopback_port_is_a_NetworkError_after_every_retry_is_spent()
    {
        using var e = new CloudEngine();
        var closed = ClosedLoopbackEndpoint();
        var (r, caught) = e.RunCatching("Get-CasPackageState -Endpoint $args[0] -Credential $cred -MaxRetryCount 3 -Verbose", closed);

        Assert.Null(caught); // a network failure is per item: non-terminating, try/catch does not see it
        var error = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.NetworkError + ",", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Empty(r.Output);
        Assert.False(CloudEngine.CasException(error).MayHaveExecuted);
        // 1 attempt + 3 retries: three "retrying" lines, then the give-up line.
        var retries = CloudEngine.RetryLines(r);
        Assert.Equal(3, retries.Length);
        for (int i = 0; i < 3; i++) Assert.Contains("attempt " + (i + 1) + " of 4 failed (" + ErrorIds.NetworkError + ")", retries[i]);
        Assert.Contains(r.Verbose, v => v.Contains("DescribePackageState gave up after 4 attempts", StringComparison.Ordinal));
        Assert.Contains(r.Verbose, v => v.Contains("endpoint " + closed + " from -Endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_slower_than_RequestTimeoutSec_is_a_Timeout()
    {
        using var e = new CloudEngine();
        e.Faults.EnqueueDelay(4000);
        var watch = Stopwatch.StartNew();
        var (r, caught) = e.RunCatching("Get-CasPackageState -Endpoint $ep -Credential $cred -RequestTimeoutSec 1 -MaxRetryCount 0");
        watch.Stop();

        Assert.Null(caught);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith(ErrorIds.Timeout + ",", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("within 1 s", error.Exception.Message);
        Assert.Empty(r.Output);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3.5));
    }

    [Fact]
    public void A_single_slow_answer_is_retried_after_the_timeout_and_the_read_succeeds()
    {
        using var e = new CloudEngine();
        e.Faults.EnqueueDelay(3000, 1, "DescribePackageState");
        var r = e.Run("Get-CasPackageState -Endpoint $ep -Credential $cred -RequestTimeoutSec 1 -Verbose");

        Assert.Empty(CloudEngine.AllErrors(r));
        Assert.Equal("digicert-free-1-free", Assert.IsType<CasPackageState>(Assert.Single(r.Output).BaseObject).ProductCode);
        var retry = Assert.Single(CloudEngine.RetryLines(r));
        Assert.Contains("(" + ErrorIds.Timeout + ")", retry);
    }

    internal static string ClosedLoopbackEndpoint()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return "http://127.0.0.1:" + port;
    }
}
