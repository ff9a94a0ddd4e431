using System.Diagnostics;
using System.Net.Http;
using CasPS.Json;
using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>Each injectable fault, as a client sees it and as the journal records it.</summary>
public class FaultInjectionTests : SandboxTest
{
    [Fact]
    public void Throttling_is_400_Throttling_User_then_service_resumes()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.Throttling);
        Assert.Equal(1, Sandbox.Faults.Pending);

        var a = Request().Send(Http);
        Assert.Equal(400, a.Status);
        Assert.Equal("Throttling.User", a.Code);
        Assert.Equal("Request was denied due to user flow control.", a.Message);
        Assert.Equal(200, Request().Send(Http).Status);

        var first = Sandbox.Requests[0];
        Assert.Equal(SandboxFaultKind.Throttling, first.Fault);
        Assert.Equal("Throttling.User", first.ErrorCode);
        Assert.False(first.Executed);
        Assert.Null(Sandbox.Requests[1].Fault);
        Assert.Equal(0, Sandbox.Faults.Pending);
        Assert.Equal(1, Sandbox.Faults.Applied);
    }

    [Theory]
    [InlineData(503, "ServiceUnavailable")] // CasPS types cannot appear in attributes: discovery cannot load CasPS
    [InlineData(500, "InternalError")]
    public void Server_errors_answer_in_the_service_shape(int status, string code)
    {
        Sandbox.Faults.Enqueue(Enum.Parse<SandboxFaultKind>(code));
        var a = Request().Send(Http);

        Assert.Equal(status, a.Status);
        Assert.Equal(code, a.Code);
        Assert.Equal(new[] { "RequestId", "HostId", "Code", "Message", "Recommend" }, a.Json.Members.Select(m => m.Key));
    }

    [Fact]
    public void BadGatewayHtml_is_502_with_an_html_body()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.BadGatewayHtml);
        var a = Request().Send(Http);

        Assert.Equal(502, a.Status);
        Assert.StartsWith("text/html", a.ContentType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", a.Body);
        Assert.False(JsonReader.TryParse(a.Body, out _));
    }

    [Fact]
    public void EmptyInternalError_is_500_with_no_body()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.EmptyInternalError);
        var a = Request().Send(Http);

        Assert.Equal(500, a.Status);
        Assert.Equal("", a.Body);
        Assert.Null(a.ContentType);
    }

    [Fact]
    public void GarbageBody_is_200_claiming_json_that_does_not_parse()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.GarbageBody);
        var a = Request().Send(Http);

        Assert.Equal(200, a.Status);
        Assert.StartsWith("application/json", a.ContentType);
        Assert.False(JsonReader.TryParse(a.Body, out _));
        Assert.False(Sandbox.Requests.Last.Executed);
    }

    [Fact]
    public void ConnectionReset_drops_the_connection_without_executing()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.ConnectionReset);
        Assert.ThrowsAny<HttpRequestException>(() => SendFresh(Request()));

        var record = Assert.Single(Sandbox.Requests);
        Assert.Equal(SandboxFaultKind.ConnectionReset, record.Fault);
        Assert.Equal(0, record.StatusCode);
        Assert.False(record.Executed);
        Assert.Null(record.RequestId);
        Assert.Equal(200, Request().Send(Http).Status);
    }

    [Fact]
    public void ConnectionResetAfterExecute_runs_the_action_then_loses_the_answer()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.ConnectionResetAfterExecute);
        Assert.ThrowsAny<HttpRequestException>(() => SendFresh(Request()));

        var record = Assert.Single(Sandbox.Requests);
        Assert.True(record.Authenticated);
        Assert.True(record.Executed);
        Assert.Equal(0, record.StatusCode);
    }

    [Fact]
    public void SlowAnswer_delays_then_answers_normally()
    {
        Sandbox.Faults.EnqueueDelay(600);
        var watch = Stopwatch.StartNew();
        var a = Request().Send(Http);
        watch.Stop();

        Assert.Equal(200, a.Status);
        Assert.True(watch.ElapsedMilliseconds >= 550, "answered after " + watch.ElapsedMilliseconds + " ms");
        Assert.Equal(SandboxFaultKind.SlowAnswer, Sandbox.Requests.Last.Fault);
        Assert.True(Sandbox.Requests.Last.Executed);
    }

    [Fact]
    public void A_fault_can_apply_to_the_next_N_requests()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.InternalError, 3);
        var statuses = Enumerable.Range(0, 4).Select(_ => Request().Send(Http).Status).ToArray();

        Assert.Equal(new[] { 500, 500, 500, 200 }, statuses);
    }

    [Fact]
    public void A_fault_limited_to_one_action_spares_the_others()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.Throttling, 1, "CreateCertificateForPackageRequest");
        Sandbox.Faults.Enqueue(SandboxFaultKind.ServiceUnavailable, 1, "DescribePackageState");

        Assert.Equal(503, Request().Send(Http).Status);
        Assert.Equal(200, Request().Send(Http).Status);
        Assert.Equal(1, Sandbox.Faults.Pending); // the throttling fault still waits for its action
        Assert.Equal("Throttling.User", Request("CreateCertificateForPackageRequest").Send(Http).Code);
    }

    [Fact]
    public void Queued_faults_apply_in_order()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.Throttling);
        Sandbox.Faults.Enqueue(SandboxFaultKind.InternalError);
        Assert.Equal("Throttling.User", Request().Send(Http).Code);
        Assert.Equal("InternalError", Request().Send(Http).Code);
    }

    [Fact]
    public void Random_failures_are_seeded_and_near_the_rate()
    {
        var kinds = new[] { SandboxFaultKind.Throttling, SandboxFaultKind.ServiceUnavailable };
        Sandbox.Faults.FailRandomly(0.25, 42, kinds);
        var first = Enumerable.Range(0, 200).Select(_ => Request().Send(Http).Status).ToArray();
        Sandbox.Faults.FailRandomly(0.25, 42, kinds);
        var second = Enumerable.Range(0, 200).Select(_ => Request().Send(Http).Status).ToArray();

        Assert.Equal(first, second);
        int failed = first.Count(s => s != 200);
        Assert.InRange(failed, 30, 70);
        Assert.All(first, s => Assert.Contains(s, new[] { 200, 400, 503 }));
        Assert.Equal(failed * 2, Sandbox.Requests.Count(r => r.Fault != null));
    }

    [Fact]
    public void Clear_removes_queued_faults_and_random_mode()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.InternalError, 5);
        Sandbox.Faults.FailRandomly(1.0, 1);
        Sandbox.Faults.Clear();

        Assert.Equal(0, Sandbox.Faults.Pending);
        Assert.Equal(0, Sandbox.Faults.RandomRate);
        Assert.Equal(200, Request().Send(Http).Status);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandbox.Faults.Enqueue(SandboxFaultKind.Throttling, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandbox.Faults.FailRandomly(1.5, 1));
        Assert.Throws<ArgumentException>(() => Sandbox.Faults.FailRandomly(0.5, 1, Array.Empty<SandboxFaultKind>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandbox.Faults.EnqueueDelay(-1));
    }
}
