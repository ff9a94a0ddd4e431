using System.Diagnostics;
using System.Management.Automation;

namespace CasPS.Tests.Engine;

/// <summary>Parallel runbooks that must not see each other's settings, and Ctrl+C during a slow call.</summary>
public class ConcurrencyEngineTests
{
    static ConcurrencyEngineTests() => CloudEngine.EnsureFastRetries();

    [Fact]
    public void ForEach_Object_Parallel_runspaces_each_use_their_own_endpoint_and_credential()
    {
        // Two sandboxes, each accepting only its own key and holding a different quota: any
        // shared module state (credential, endpoint, client) would send a request to the wrong
        // sandbox or with the wrong key, and show up in a journal or in the counts.
        using var a = new CloudEngine("-Quota @{ 'digicert-free-1-free' = 5 }");
        using var b = new CloudEngine("-Quota @{ 'digicert-free-1-free' = 7 }");
        a.Ps.SetVariable("other", b.Sandbox);
        var r = a.Run(@"
            $manifest = $args[0]
            $sandboxes = @($s, $other)
            1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:manifest
                $sb = ($using:sandboxes)[$_ % 2]
                [pscustomobject]@{ N = $_; State = (Get-CasPackageState -Endpoint $sb.Endpoint -Credential $sb.Credential) }
            }", ModulePaths.ModuleManifest);

        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        var rows = r.Output.Select(o => (N: LanguagePrimitives.ConvertTo<int>(o.Properties["N"].Value), State: Unwrap(o.Properties["State"].Value))).ToArray();
        Assert.Equal(Enumerable.Range(1, 8), rows.Select(x => x.N).OrderBy(n => n));
        Assert.All(rows, x => Assert.Equal(x.N % 2 == 0 ? 5 : 7, x.State.TotalCount));
        Assert.Equal(8, rows.Select(x => x.State.RequestId).Distinct().Count());

        foreach (var (e, n) in new[] { (a, 4), (b, 4) })
        {
            var reads = e.Reads;
            Assert.Equal(n, reads.Length);
            Assert.All(reads, x => Assert.Equal(e.KeyId, x.AccessKeyId));
            Assert.All(reads, x => Assert.Equal(200, x.StatusCode));
        }
        Assert.Equal(rows.Where(x => x.N % 2 == 0).Select(x => x.State.RequestId).OrderBy(x => x), a.Reads.Select(x => x.RequestId).OrderBy(x => x));
    }

    private static CasPackageState Unwrap(object value) =>
        Assert.IsType<CasPackageState>(value is PSObject p ? p.BaseObject : value);

    [Fact]
    public void Stopping_the_pipeline_during_a_slow_answer_ends_it_promptly_with_PipelineStoppedException()
    {
        using var e = new CloudEngine();
        e.Faults.EnqueueDelay(5000, 1, "DescribePackageState");
        using var ps = PowerShell.Create();
        ps.Runspace = e.Ps.Runspace;
        ps.AddScript("Get-CasPackageState -Endpoint $ep -Credential $cred; 'after'");

        var total = Stopwatch.StartNew();
        var pending = ps.BeginInvoke();
        Thread.Sleep(300);
        Assert.False(pending.IsCompleted); // still waiting for the answer
        var stopping = Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(pending));
        stopping.Stop();
        total.Stop();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1.5), "Stop took " + stopping.Elapsed);
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(3), "The run took " + total.Elapsed);
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Equal(0, e.Faults.Pending); // the request had reached the sandbox and was waiting for its answer
        Assert.Empty(ps.Streams.Error);

        // The runspace is still good for the next call (the delay was used up).
        var next = e.Run("Get-CasPackageState -Endpoint $ep -Credential $cred");
        Assert.Null(next.Terminating);
        Assert.IsType<CasPackageState>(Assert.Single(next.Output).BaseObject);
    }
}
