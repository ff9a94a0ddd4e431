using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Xml.Linq;
using CasPS.Credentials;
using CasPS.Sandbox;
using CasPS.Tests.Engine;

namespace CasPS.Tests.Sandbox;

/// <summary>Start-CasSandbox / Stop-CasSandbox in a real engine with the built module imported.</summary>
public class SandboxCmdletTests
{
    private static CasSandboxInfo StartIn(PsSession ps, string arguments = "")
    {
        var r = ps.Run("Start-CasSandbox " + arguments);
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        return Assert.IsType<CasSandboxInfo>(Assert.Single(r.Output).BaseObject);
    }

    private static CloudCredential CredentialOf(CasSandboxInfo s) =>
        new(s.Credential.UserName, s.Credential.GetNetworkCredential().Password,
            s.SecurityToken == null ? null : new NetworkCredential("", s.SecurityToken).Password, "test");

    private static CasRequest RequestTo(CasSandboxInfo s) =>
        new(s.Endpoint, new Uri(s.Endpoint).Authority, CredentialOf(s));

    private static IEnumerable<ErrorRecord> AllErrors(PsResult r) =>
        r.Errors.Concat(r.Terminating is IContainsErrorRecord t ? new[] { t.ErrorRecord } : Array.Empty<ErrorRecord>());

    [Fact]
    public void Start_returns_only_the_sandbox_object_with_its_endpoint_and_credential()
    {
        using var ps = new PsSession();
        var r = ps.Run("Start-CasSandbox");

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.Empty(r.Warnings);
        Assert.Empty(r.Information);
        Assert.Empty(r.Verbose);
        var s = Assert.IsType<CasSandboxInfo>(Assert.Single(r.Output).BaseObject);
        Assert.True(s.IsRunning);
        Assert.InRange(s.Port, 1, 65535);
        Assert.Equal("http://127.0.0.1:" + s.Port, s.Endpoint);
        Assert.StartsWith("LTAI", s.AccessKeyId);
        Assert.Equal(s.AccessKeyId, s.Credential.UserName);
        Assert.Equal(30, s.Credential.GetNetworkCredential().Password.Length);
        Assert.Null(s.SecurityToken);
        Assert.Equal(new Dictionary<string, long> { ["digicert-free-1-free"] = 20 }, s.Quota);
        Assert.Equal(0, s.Requests.Count);
    }

    [Fact]
    public void Each_sandbox_has_its_own_random_credential()
    {
        using var ps = new PsSession();
        var a = StartIn(ps);
        var b = StartIn(ps);

        Assert.NotEqual(a.Port, b.Port);
        Assert.NotEqual(a.AccessKeyId, b.AccessKeyId);
        Assert.NotEqual(a.Credential.GetNetworkCredential().Password, b.Credential.GetNetworkCredential().Password);
        var crossed = RequestTo(a);
        crossed.Credential = CredentialOf(b);
        using var http = new HttpClient();
        Assert.Equal("InvalidAccessKeyId.NotFound", crossed.Send(http).Code);
    }

    [Fact]
    public void Its_Credential_signs_requests_the_sandbox_accepts_and_the_journal_is_visible_from_PowerShell()
    {
        using var ps = new PsSession();
        var s = StartIn(ps);
        ps.SetVariable("s", s);
        using var http = new HttpClient();
        var a = RequestTo(s).With("ProductCode", "digicert-free-1-free").Send(http);

        Assert.Equal(200, a.Status);
        Assert.Equal(20, a.Json.GetInt64("TotalCount"));
        var r = ps.Run("$s.Requests.Count; $s.Requests[0].Action; $s.Requests[0].Parameters.ProductCode; $s.Requests[0].Authenticated; $s.Requests.Last.AccessKeyId");
        Assert.Equal(new object[] { 1, "DescribePackageState", "digicert-free-1-free", true, s.AccessKeyId }, r.BaseObjects.ToArray());
    }

    [Fact]
    public void Quota_parameter_sets_TotalCount_per_product()
    {
        using var ps = new PsSession();
        var s = StartIn(ps, "-Quota @{ 'geotrust-dv-1-starter' = 3; 'digicert-free-1-free' = '5' }");
        using var http = new HttpClient();

        Assert.Equal(3, RequestTo(s).With("ProductCode", "geotrust-dv-1-starter").Send(http).Json.GetInt64("TotalCount"));
        Assert.Equal(5, RequestTo(s).Send(http).Json.GetInt64("TotalCount"));
        Assert.Equal("InvalidParameter.ProductCode", RequestTo(s).With("ProductCode", "x-unknown").Send(http).Code);
    }

    [Theory]
    [InlineData("@{ 'digicert-free-1-free' = -1 }")]
    [InlineData("@{ 'digicert-free-1-free' = 'many' }")]
    [InlineData("@{ '' = 3 }")]
    public void Invalid_quota_is_a_SandboxError_and_starts_nothing(string quota)
    {
        using var ps = new PsSession();
        var r = ps.Run("Start-CasSandbox -Quota " + quota);

        Assert.Empty(r.Output);
        var error = Assert.Single(AllErrors(r));
        Assert.StartsWith("CasPS.SandboxError", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void Port_in_use_is_a_SandboxError_error_record()
    {
        using var ps = new PsSession();
        var first = StartIn(ps);
        var r = ps.Run("Start-CasSandbox -Port $args[0]", first.Port);

        Assert.Empty(r.Output);
        var error = Assert.Single(AllErrors(r));
        Assert.StartsWith("CasPS.SandboxError", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains(first.Port.ToString(), error.Exception.Message);
        Assert.NotNull(error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void Stopping_twice_is_harmless_and_the_journal_stays_readable()
    {
        using var ps = new PsSession();
        var s = StartIn(ps);
        ps.SetVariable("s", s);
        using var http = new HttpClient();
        RequestTo(s).Send(http);

        var r = ps.Run("$s | Stop-CasSandbox; Stop-CasSandbox -Sandbox $s; $s.IsRunning; $s.Requests.Count");

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.Equal(new object[] { false, 1 }, r.BaseObjects.ToArray());
        Assert.ThrowsAny<HttpRequestException>(() => RequestTo(s).Send(new HttpClient()));
    }

    [Fact]
    public void PassThru_outputs_the_stopped_sandbox()
    {
        using var ps = new PsSession();
        var s = StartIn(ps);
        ps.SetVariable("s", s);
        var r = ps.Run("$s | Stop-CasSandbox -PassThru");
        Assert.Same(s, Assert.Single(r.Output).BaseObject);
        Assert.False(s.IsRunning);
    }

    [Fact]
    public void Stop_without_arguments_stops_this_runspaces_sandboxes_only()
    {
        using var ps = new PsSession();
        using var other = new PsSession();
        var mine1 = StartIn(ps);
        var mine2 = StartIn(ps);
        var theirs = StartIn(other);

        var r = ps.Run("Stop-CasSandbox");
        Assert.Empty(r.Errors);
        Assert.Empty(r.Output);
        Assert.False(mine1.IsRunning);
        Assert.False(mine2.IsRunning);
        Assert.True(theirs.IsRunning);

        // Empty pipeline input stops nothing.
        var theirsAgain = other.Run("@() | Stop-CasSandbox");
        Assert.Empty(theirsAgain.Errors);
        Assert.True(theirs.IsRunning);
    }

    [Fact]
    public void Closing_the_runspace_stops_its_sandboxes()
    {
        CasSandboxInfo s;
        using (var ps = new PsSession()) s = StartIn(ps);

        Assert.False(s.IsRunning);
        Assert.Throws<System.Net.Sockets.SocketException>(() => new System.Net.Sockets.TcpClient().Connect(IPAddress.Loopback, s.Port));
    }

    [Fact]
    public void Secret_and_token_are_absent_from_ToString_properties_and_the_default_view()
    {
        using var ps = new PsSession();
        var r = ps.Run("$s = Start-CasSandbox -IssueSecurityToken; $s; $s.ToString()");
        var s = Assert.IsType<CasSandboxInfo>(r.Output[0].BaseObject);
        string secret = s.Credential.GetNetworkCredential().Password;
        string token = new NetworkCredential("", s.SecurityToken).Password;

        Assert.StartsWith("STS.", s.AccessKeyId);
        Assert.True(token.Length > 50);
        string text = r.AllText();
        Assert.Contains(s.AccessKeyId, (string)r.Output[1].BaseObject);
        Assert.Contains(s.Endpoint, (string)r.Output[1].BaseObject);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(token, text);

        // The table view shows only these columns (Out-String is not available in the test host).
        var view = XDocument.Load(Path.Combine(ModulePaths.ModuleFolder, "CasPS.Format.ps1xml")).Descendants("View")
            .Single(v => (string)v.Element("ViewSelectedBy")!.Element("TypeName") == "CasPS.CasSandboxInfo");
        var shown = view.Descendants("TableColumnItem").Select(i => i.Value.Trim()).ToArray();
        Assert.Equal(new[] { "Endpoint", "AccessKeyId", "IsRunning", "$_.Requests.Count" }, shown);
    }

    [Fact]
    public void Sts_sandbox_accepts_its_token_from_the_returned_object()
    {
        using var ps = new PsSession();
        var s = StartIn(ps, "-IssueSecurityToken");
        using var http = new HttpClient();

        Assert.Equal(200, RequestTo(s).Send(http).Status);
        var noToken = RequestTo(s);
        noToken.Credential = new CloudCredential(s.AccessKeyId, s.Credential.GetNetworkCredential().Password, null, "test");
        Assert.Equal("MissingSecurityToken", noToken.Send(http).Code);
    }

    [Fact]
    public void Faults_can_be_planned_from_PowerShell()
    {
        using var ps = new PsSession();
        var s = StartIn(ps);
        ps.SetVariable("s", s);
        var r = ps.Run("$s.Faults.Enqueue('Throttling', 2); $s.Faults.Enqueue('InternalError', 1, 'DescribePackageState'); $s.Faults.EnqueueDelay(10); $s.Faults.Pending");
        Assert.Empty(r.Errors);
        Assert.Equal(4, Assert.Single(r.Output).BaseObject);

        using var http = new HttpClient();
        var codes = Enumerable.Range(0, 4).Select(_ => RequestTo(s).Send(http)).Select(a => a.Status == 200 ? "OK" : a.Code).ToArray();
        Assert.Equal(new[] { "Throttling.User", "Throttling.User", "InternalError", "OK" }, codes);
        Assert.Equal(SandboxFaultKind.SlowAnswer, s.Requests[3].Fault);

        var kinds = ps.Run("($s.Requests | Where-Object { $_.Fault -eq 'Throttling' }).Count");
        Assert.Equal(2, Assert.Single(kinds.Output).BaseObject);
    }

    [Fact]
    public void FaultRate_turns_on_seeded_random_failures()
    {
        using var ps = new PsSession();
        var s = StartIn(ps, "-FaultRate 1 -FaultSeed 3");
        Assert.Equal(1.0, s.Faults.RandomRate);

        using var http = new HttpClient();
        s.Faults.FailRandomly(1, 3, new[] { SandboxFaultKind.ServiceUnavailable });
        Assert.Equal(503, RequestTo(s).Send(http).Status);
    }
}
