using System.Diagnostics;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using CasPS.Credentials;
using CasPS.Sandbox;

namespace CasPS.Benchmarks.Infrastructure;

/// <summary>
/// A CAS sandbox to measure against: either in this process (CasSandbox.Start, as
/// Start-CasSandbox does) or in a child process (<c>--serve-sandbox</c>), so that a memory probe
/// does not count the sandbox's own request journal.
/// </summary>
internal sealed class SandboxHandle : IDisposable
{
    private readonly CasSandbox _inProcess;
    private readonly Process _child;

    private SandboxHandle(string endpoint, CloudCredential credential, CasSandbox inProcess, Process child)
    {
        Endpoint = endpoint;
        Credential = credential;
        _inProcess = inProcess;
        _child = child;
    }

    public string Endpoint { get; }
    public CloudCredential Credential { get; }
    public CasSandbox InProcess => _inProcess;

    public PSCredential PSCredential
    {
        get
        {
            var s = new SecureString();
            foreach (char c in Credential.AccessKeySecret) s.AppendChar(c);
            s.MakeReadOnly();
            return new PSCredential(Credential.AccessKeyId, s);
        }
    }

    public static SandboxHandle StartInProcess()
    {
        var sandbox = CasSandbox.Start(new SandboxOptions());
        return new SandboxHandle(sandbox.Endpoint, sandbox.Credential, sandbox, null);
    }

    /// <summary>Starts <c>CasPS.Benchmarks --serve-sandbox</c> and reads its endpoint and random credential from its stdout.</summary>
    public static SandboxHandle StartChild()
    {
        var psi = SelfProcess.StartInfo("--serve-sandbox");
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardInput = true;
        var child = Process.Start(psi) ?? throw new InvalidOperationException("could not start the sandbox process");
        string line = child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the sandbox process printed nothing");
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        var credential = new CloudCredential(r.GetProperty("accessKeyId").GetString(), r.GetProperty("secret").GetString(), null, "benchmark sandbox");
        return new SandboxHandle(r.GetProperty("endpoint").GetString(), credential, null, child);
    }

    /// <summary>The child side: serve until stdin closes.</summary>
    public static int Serve()
    {
        using var sandbox = CasSandbox.Start(new SandboxOptions());
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            endpoint = sandbox.Endpoint,
            accessKeyId = sandbox.Credential.AccessKeyId,
            secret = sandbox.Credential.AccessKeySecret, // a random loopback-only sandbox key, over a pipe
        }));
        Console.Out.Flush();
        while (Console.In.ReadLine() != null) { }
        return 0;
    }

    public void Dispose()
    {
        _inProcess?.Dispose();
        if (_child != null)
        {
            try { _child.StandardInput.Close(); } catch (IOException) { }
            if (!_child.WaitForExit(5000)) _child.Kill();
            _child.Dispose();
        }
    }
}

/// <summary>How to start this same program again as a child process.</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        string exe = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
        // Run as `dotnet CasPS.Benchmarks.dll` when there is no apphost.
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            psi.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }
}
