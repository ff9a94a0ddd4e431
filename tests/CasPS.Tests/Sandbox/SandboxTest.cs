using System.Net.Http;
using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>A fresh sandbox (default options unless a test class asks otherwise) and an HttpClient, per test.</summary>
public abstract class SandboxTest : IDisposable
{
    protected SandboxTest() : this(new SandboxOptions()) { }

    private protected SandboxTest(SandboxOptions options)
    {
        Sandbox = CasSandbox.Start(options);
    }

    internal CasSandbox Sandbox { get; }
    internal HttpClient Http { get; } = new HttpClient();

    internal CasRequest Request(string action = "DescribePackageState") => new CasRequest(Sandbox, action);

    /// <summary>Sends on a new connection, so a dropped connection is not silently retried by the handler.</summary>
    internal static Answer SendFresh(CasRequest request)
    {
        using var http = new HttpClient();
        return request.Send(http);
    }

    public void Dispose()
    {
        Http.Dispose();
        Sandbox.Stop();
    }
}
