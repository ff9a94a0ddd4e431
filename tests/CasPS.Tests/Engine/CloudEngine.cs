using System.Management.Automation;
using System.Net;
using CasPS.Errors;
using CasPS.Http;
using CasPS.Sandbox;

namespace CasPS.Tests.Engine;

/// <summary>
/// Shared pieces of the engine-hosted cloud-cmdlet tests: a fresh engine with a fresh sandbox,
/// exposed to scripts as $s (the sandbox), $ep (its endpoint) and $cred (its credential).
/// </summary>
internal sealed class CloudEngine : IDisposable
{
    static CloudEngine() => EnsureFastRetries();

    /// <summary>
    /// Retries wait milliseconds, not seconds (the process-wide test hook). And enough thread-pool
    /// threads from the start: in this process the sandbox's async server shares the pool with
    /// test threads blocked in synchronous Invoke calls, and on a 2-core machine the pool would
    /// otherwise add a thread only every half second, which shows up as random stalls.
    /// </summary>
    public static void EnsureFastRetries()
    {
        RetryPolicy.BaseDelayOverride = TimeSpan.FromMilliseconds(5);
        ThreadPool.GetMinThreads(out int workers, out int io);
        if (workers < 32) ThreadPool.SetMinThreads(32, Math.Max(io, 32));
    }

    public CloudEngine(string sandboxArguments = "")
    {
        Ps = new PsSession();
        var r = Ps.Run("$s = Start-CasSandbox " + sandboxArguments + "; $ep = $s.Endpoint; $cred = $s.Credential; $s");
        if (r.Terminating != null) throw new InvalidOperationException("Start-CasSandbox failed: " + r.Terminating.Message, r.Terminating);
        Sandbox = Assert.IsType<CasSandboxInfo>(Assert.Single(r.Output).BaseObject);
    }

    public PsSession Ps { get; }
    public CasSandboxInfo Sandbox { get; }
    public SandboxRequestJournal Journal => Sandbox.Requests;
    public SandboxFaultPlan Faults => Sandbox.Faults;
    public string Endpoint => Sandbox.Endpoint;
    public string KeyId => Sandbox.AccessKeyId;
    public string Secret => Sandbox.Credential.GetNetworkCredential().Password;
    public string Token => Sandbox.SecurityToken == null ? null : new NetworkCredential("", Sandbox.SecurityToken).Password;

    public PsResult Run(string script, params object[] args) => Ps.Run(script, args);

    /// <summary>
    /// Runs the script inside try/catch, as a runbook would, and returns what the catch block
    /// caught. A cmdlet's terminating error is caught there; a non-terminating one is not (it
    /// goes to the error stream), which is exactly the difference these tests care about.
    /// </summary>
    public (PsResult Result, ErrorRecord Caught) RunCatching(string script, params object[] args) => RunCatching(Ps, script, args);

    public static (PsResult Result, ErrorRecord Caught) RunCatching(PsSession ps, string script, params object[] args)
    {
        var r = ps.Run("$__caught = $null\ntry {\n" + script + "\n} catch { $__caught = $_ }", args);
        var caught = ps.Runspace.SessionStateProxy.GetVariable("__caught");
        return (r, (caught is PSObject p ? p.BaseObject : caught) as ErrorRecord);
    }

    /// <summary>The journal's records for DescribePackageState, oldest first.</summary>
    public SandboxRequestRecord[] Reads => Journal.ForAction("DescribePackageState");

    public void Dispose()
    {
        try { Sandbox.Sandbox.Stop(); } catch (Exception) { }
        Ps.Dispose();
    }

    // ---- assertions shared by the test classes ----

    public static IEnumerable<ErrorRecord> AllErrors(PsResult r) =>
        r.Errors.Concat(r.Terminating is IContainsErrorRecord t ? new[] { t.ErrorRecord } : Array.Empty<ErrorRecord>());

    /// <summary>Asserts the run ended in a caught terminating error with this ErrorId and category, and nothing else went wrong.</summary>
    public static ErrorRecord AssertTerminating((PsResult Result, ErrorRecord Caught) run, string errorId, ErrorCategory category)
    {
        var (r, record) = run;
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.NotNull(record);
        Assert.StartsWith(errorId + ",", record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        var ex = Assert.IsAssignableFrom<CasPSException>(record.Exception);
        Assert.Equal(errorId, ex.ErrorId);
        return record;
    }

    /// <summary>All text of the run, including the caught error record, for secret scans.</summary>
    public static string AllText((PsResult Result, ErrorRecord Caught) run) =>
        run.Result.AllText() + (run.Caught == null ? "" : "\n" + run.Caught + "\n" + run.Caught.Exception + "\n" +
            run.Caught.ErrorDetails?.Message + "\n" + run.Caught.ErrorDetails?.RecommendedAction + "\n" + run.Caught.TargetObject);

    public static CasPSException CasException(ErrorRecord record) => Assert.IsAssignableFrom<CasPSException>(record.Exception);

    /// <summary>The "retrying" lines CasTransport wrote to -Verbose.</summary>
    public static string[] RetryLines(PsResult r) => r.Verbose.Where(v => v.Contains("retrying in", StringComparison.Ordinal)).ToArray();
}
