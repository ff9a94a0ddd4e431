using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using CasPS.Errors;
using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>The loopback HTTP/1.1 server: framing, limits, keep-alive, concurrency, start and stop.</summary>
public class HttpServerTests : SandboxTest
{
    [Fact]
    public void Keep_alive_serves_several_requests_on_one_connection()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(Request()));
        var first = raw.ReadResponse();
        raw.Send(RawConnection.Text(Request()));
        var second = raw.ReadResponse();

        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal("keep-alive", first.Headers["connection"]);
        Assert.Equal(1, Sandbox.OpenConnections);
        Assert.Equal(2, Sandbox.Requests.Count);
    }

    [Fact]
    public void Pipelined_requests_are_answered_in_order()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(Request().With("ProductCode", "geotrust-dv-1-starter")) + RawConnection.Text(Request().With("ProductCode", "bogus")));

        var first = raw.ReadResponse();
        var second = raw.ReadResponse();
        Assert.Equal(200, first.Status);
        Assert.Contains("geotrust-dv-1-starter", first.Body);
        Assert.Equal(400, second.Status);
        Assert.Contains("InvalidParameter.ProductCode", second.Body);
    }

    [Fact]
    public void HttpClient_reuses_its_connection()
    {
        for (int i = 0; i < 5; i++) Assert.Equal(200, Request().Send(Http).Status);
        Assert.Equal(1, Sandbox.OpenConnections);
    }

    [Fact]
    public void Connection_close_is_honoured()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(Request(), "Connection: close\r\n"));
        var answer = raw.ReadResponse();

        Assert.Equal(200, answer.Status);
        Assert.Equal("close", answer.Headers["connection"]);
        Assert.True(raw.ClosedByPeer());
    }

    [Fact]
    public void Http_1_0_closes_after_the_answer()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(Request()).Replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n"));
        Assert.Equal(200, raw.ReadResponse().Status);
        Assert.True(raw.ClosedByPeer());
    }

    [Fact]
    public void Header_block_over_64_KiB_is_431_and_journaled()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send("POST / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 70 * 1024) + "\r\n\r\n");
        var answer = raw.ReadResponse();

        Assert.Equal(431, answer.Status);
        Assert.True(raw.ClosedByPeer());
        Assert.Equal("RequestHeaderTooLarge", Sandbox.Requests.Last.ErrorCode);
        Assert.Equal(431, Sandbox.Requests.Last.StatusCode);
    }

    [Fact]
    public void Header_block_just_under_64_KiB_is_accepted()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(Request(), "X-Pad: " + new string('a', 60 * 1024) + "\r\n"));
        Assert.Equal(200, raw.ReadResponse().Status);
    }

    [Fact]
    public void Body_over_1_MiB_is_413_before_it_is_read()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n");
        Assert.Equal(413, raw.ReadResponse().Status);
        Assert.Equal("RequestBodyTooLarge", Sandbox.Requests.Last.ErrorCode);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("POST / HTTP/2.0\r\nHost: x\r\n\r\n", 505)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411)]
    public void Malformed_framing_is_refused_and_the_connection_closed(string request, int status)
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(request);
        Assert.Equal(status, raw.ReadResponse().Status);
        Assert.True(raw.ClosedByPeer());
    }

    [Fact]
    public void Expect_100_continue_gets_an_interim_answer_before_the_body()
    {
        var request = Request();
        request.Body = Encoding.UTF8.GetBytes("abc");
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(request, "Expect: 100-continue\r\n", includeBody: false));
        Assert.Equal(100, raw.ReadResponse().Status);
        raw.Send("abc");
        Assert.Equal(200, raw.ReadResponse().Status);
    }

    [Fact]
    public void Two_thousand_concurrent_requests_are_all_answered_correctly()
    {
        const int tasks = 8, perTask = 250;
        var answers = Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            var list = new List<Answer>();
            for (int i = 0; i < perTask; i++) list.Add(await Request().With("ProductCode", "digicert-free-1-free").SendAsync(Http));
            return list;
        }))).GetAwaiter().GetResult().SelectMany(l => l).ToList();

        Assert.Equal(tasks * perTask, answers.Count);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.All(answers, a => Assert.Equal(20, a.Json.GetInt64("TotalCount")));
        Assert.Equal(answers.Count, answers.Select(a => a.RequestIdHeader).Distinct().Count());
        Assert.Equal(answers.Count, Sandbox.Requests.Count);
        Assert.All(Sandbox.Requests, r => Assert.True(r.Authenticated));
    }

    [Fact]
    public void Port_in_use_is_a_SandboxError_naming_the_port()
    {
        var e = Assert.Throws<CasPSException>(() => CasSandbox.Start(new SandboxOptions { Port = Sandbox.Port }));

        Assert.Equal(ErrorIds.SandboxError, e.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ResourceUnavailable, e.Category);
        Assert.Contains(Sandbox.Port.ToString(), e.Message);
    }

    [Fact]
    public void A_given_free_port_is_used()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        using var sandbox = CasSandbox.Start(new SandboxOptions { Port = port });
        Assert.Equal(port, sandbox.Port);
        Assert.Equal("http://127.0.0.1:" + port, sandbox.Endpoint);
        Assert.Equal(200, new CasRequest(sandbox).Send(Http).Status);
    }

    [Fact]
    public void Stop_closes_the_listener_and_idle_connections_and_is_idempotent()
    {
        using var raw = new RawConnection(Sandbox.Port);
        raw.Send(RawConnection.Text(Request()));
        Assert.Equal(200, raw.ReadResponse().Status);

        Sandbox.Stop();
        Assert.False(Sandbox.IsRunning);
        Assert.True(raw.ClosedByPeer());
        Assert.Throws<SocketException>(() => new TcpClient().Connect(IPAddress.Loopback, Sandbox.Port));
        Sandbox.Stop();
        Assert.Equal(1, Sandbox.Requests.Count); // the journal stays readable
    }

    [Fact]
    public void Stop_does_not_wait_for_a_slow_answer()
    {
        Sandbox.Faults.EnqueueDelay(30000);
        var pending = Request().SendAsync(Http);
        SpinWait.SpinUntil(() => Sandbox.OpenConnections == 1, 5000);
        Thread.Sleep(100);

        var watch = Stopwatch.StartNew();
        Sandbox.Stop();
        Assert.True(watch.ElapsedMilliseconds < 3000, "stop took " + watch.ElapsedMilliseconds + " ms");
        Assert.ThrowsAny<HttpRequestException>(() => pending.GetAwaiter().GetResult());
    }
}
