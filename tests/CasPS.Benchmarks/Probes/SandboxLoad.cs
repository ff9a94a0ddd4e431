using System.Diagnostics;
using System.Globalization;
using CasPS.Benchmarks.Infrastructure;

namespace CasPS.Benchmarks.Probes;

/// <summary>
/// <c>--sandbox-load [--clients 1,4,16] [--seconds 5] [--max-requests 200000] [--child]</c>:
/// requests/s the sandbox serves to N concurrent keep-alive clients, each a loop of signed
/// DescribePackageState calls (BareSignedClient; one HttpClient, N pooled connections). Each
/// client count gets a fresh sandbox, a 1 s warm-up, then runs until the time or the request
/// budget is spent. The load generator shares the machine with the server: with --child the
/// sandbox runs in its own process, otherwise in this one.
/// </summary>
internal static class SandboxLoad
{
    public static int Run(int[] clientCounts, double seconds, long maxRequests, bool child)
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Sandbox throughput: signed DescribePackageState, keep-alive, {0} s per point (after 1 s warm-up), at most {1} requests, sandbox {2}, {3} cores",
            seconds, maxRequests, child ? "in a child process" : "in this process", Environment.ProcessorCount));
        Console.WriteLine("  clients     requests     req/s   failed   p50 ms   p99 ms");
        foreach (int n in clientCounts)
        {
            using var sandbox = child ? SandboxHandle.StartChild() : SandboxHandle.StartInProcess();
            using var client = new BareSignedClient(sandbox.Endpoint, sandbox.Credential, maxConnections: n);
            RunFor(client, n, TimeSpan.FromSeconds(1), long.MaxValue, null); // warm-up: connections, JIT
            var latencies = new List<double>[n];
            var r = RunFor(client, n, TimeSpan.FromSeconds(seconds), maxRequests, latencies);
            var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,7} {1,12} {2,9:0} {3,8} {4,8:0.000} {5,8:0.000}",
                n, r.Ok + r.Failed, r.Ok / r.Elapsed.TotalSeconds, r.Failed, Pct(all, 0.50), Pct(all, 0.99)));
        }
        return 0;
    }

    private readonly record struct LoadResult(long Ok, long Failed, TimeSpan Elapsed);

    private static LoadResult RunFor(BareSignedClient client, int clients, TimeSpan duration, long maxRequests, List<double>[] latencies)
    {
        long ok = 0, failed = 0, issued = 0;
        using var stop = new CancellationTokenSource(duration);
        var sw = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var mine = latencies == null ? null : (latencies[i] = new List<double>(1 << 16));
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                long t0 = Stopwatch.GetTimestamp();
                bool success;
                try { success = await client.SendAsync("digicert-free-1-free", CancellationToken.None).ConfigureAwait(false); }
                catch (HttpRequestException) { success = false; }
                mine?.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (success) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
            }
        })).ToArray();
        Task.WaitAll(loops);
        return new LoadResult(ok, failed, sw.Elapsed);
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
