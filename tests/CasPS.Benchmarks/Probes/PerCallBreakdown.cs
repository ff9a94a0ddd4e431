using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CasPS.Alibaba;
using CasPS.Alibaba.Models;
using CasPS.Benchmarks.Infrastructure;
using CasPS.Commands;
using CasPS.Credentials;
using CasPS.Http;

namespace CasPS.Benchmarks.Probes;

/// <summary>
/// <c>--percall-breakdown [--rounds 15] [--ops 200]</c>: a Stopwatch breakdown of one
/// Get-CasPackageState call, to see what dominates the per-call benchmark. Each round runs every
/// step --ops times, steps interleaved (so a noisy neighbour hits all alike); the median over
/// rounds of the per-op time is printed. Steps:
///   bare            BareSignedClient.Send (the baseline)
///   client          CasClient.DescribePackageState through CasTransport
///   engine floor    PowerShell.Create() + AddCommand('Out-Null') on a reused runspace
///   cmdlet, no wire Get-CasPackageState with the same parameters, answered by a stub ICasClient
///   cmdlet          Get-CasPackageState against the sandbox
///   ..., UseCurrentThread  the same on a runspace with ThreadOptions = UseCurrentThread (the
///                   default runs every Invoke on a new thread)
///   per-invocation setup  what the cmdlet does once per invocation before its first call
///                   (credential chain, endpoint, HttpClient lookup), called directly
///   new thread per op  the same bare call on a thread started for it (what the default
///                   PSThreadOptions do to every Invoke), and an empty thread for reference
///   cmdlet x100     one invocation with 100 product codes, per code (the pipeline amortises the
///                   per-invocation work: credential and endpoint resolution, binding)
/// </summary>
internal static class PerCallBreakdown
{
    private const string Product = "digicert-free-1-free";

    private sealed class StubClient : ICasClient
    {
        public DescribePackageStateResponseBody DescribePackageState(DescribePackageStateRequest request, CancellationToken cancel) =>
            new() { ProductCode = request.ProductCode, TotalCount = 20, UsedCount = 0, IssuedCount = 0, RequestId = "00000000-0000-0000-0000-000000000000" };
        public CreateCertificateForPackageRequestResponseBody CreateCertificateForPackageRequest(CreateCertificateForPackageRequestRequest request, CancellationToken cancel) => throw new NotSupportedException();
        public DescribeCertificateStateResponseBody DescribeCertificateState(DescribeCertificateStateRequest request, CancellationToken cancel) => throw new NotSupportedException();
    }

    public static int Run(int rounds, int ops)
    {
        using var sandbox = SandboxHandle.StartInProcess();
        using var bare = new BareSignedClient(sandbox.Endpoint, sandbox.Credential);
        var client = new CasClient(new CasTransport(HttpClientCache.Get(ProcessEnvironment.Instance), new TransportOptions
        {
            Endpoint = new Uri(sandbox.Endpoint),
            Credential = sandbox.Credential,
            MaxRetryCount = TransportOptions.DefaultMaxRetryCount,
            Timeout = TimeSpan.FromSeconds(TransportOptions.DefaultTimeoutSec),
            Log = NullCallLog.Instance,
        }));
        using var rs = ImportProbe.Open();
        ImportProbe.Import(rs, ModulePaths.ModuleManifest);
        using var rsCurrent = ImportProbe.Open(PSThreadOptions.UseCurrentThread);
        ImportProbe.Import(rsCurrent, ModulePaths.ModuleManifest);
        var cred = sandbox.PSCredential;
        var hundred = Enumerable.Repeat(Product, 100).ToArray();

        int Cmdlet(string[] codes, Runspace on = null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = on ?? rs;
            ps.AddCommand("Get-CasPackageState").AddParameter("ProductCode", codes)
                .AddParameter("Endpoint", sandbox.Endpoint).AddParameter("Credential", cred);
            var output = ps.Invoke();
            if (ps.HadErrors) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
            return output.Count;
        }

        var stub = new StubClient();
        var steps = new (string Name, int PerOp, Action Op)[]
        {
            ("bare signed HttpClient", 1, () => bare.Send(Product)),
            ("CasClient (C# layer)", 1, () => client.DescribePackageState(new DescribePackageStateRequest { ProductCode = Product }, CancellationToken.None)),
            ("engine floor: Out-Null", 1, () => ImportProbe.Invoke(rs, "Out-Null")),
            ("cmdlet, stub client (no wire)", 1, () =>
            {
                CasCloudCmdlet.ClientFactory = _ => stub;
                try { Cmdlet(new[] { Product }); } finally { CasCloudCmdlet.ClientFactory = null; }
            }),
            ("Get-CasPackageState", 1, () => Cmdlet(new[] { Product })),
            ("engine floor, UseCurrentThread", 1, () => ImportProbe.Invoke(rsCurrent, "Out-Null")),
            ("cmdlet, stub client, UseCurrentThread", 1, () =>
            {
                CasCloudCmdlet.ClientFactory = _ => stub;
                try { Cmdlet(new[] { Product }, rsCurrent); } finally { CasCloudCmdlet.ClientFactory = null; }
            }),
            ("Get-CasPackageState, UseCurrentThread", 1, () => Cmdlet(new[] { Product }, rsCurrent)),
            ("new thread per op, no work", 1, () => OnNewThread(() => { })),
            ("bare signed HttpClient, new thread per op", 1, () => OnNewThread(() => bare.Send(Product))),
            ("per-invocation setup (C#, no engine)", 1, () => Setup(sandbox.Endpoint, cred)),
            ("Get-CasPackageState x100, per code", 100, () => Cmdlet(hundred)),
            ("Get-CasPackageState x100, per code, UseCurrentThread", 100, () => Cmdlet(hundred, rsCurrent)),
            ("cmdlet x100 stub, per code, UseCurrentThread", 100, () =>
            {
                CasCloudCmdlet.ClientFactory = _ => stub;
                try { Cmdlet(hundred, rsCurrent); } finally { CasCloudCmdlet.ClientFactory = null; }
            }),
        };

        // Warm-up.
        foreach (var s in steps) for (int i = 0; i < Math.Max(20, ops / 10); i++) s.Op();

        var perOp = steps.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < steps.Length; k++)
            {
                int n = Math.Max(1, ops / steps[k].PerOp);
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < n; i++) steps[k].Op();
                perOp[k].Add(sw.Elapsed.TotalMilliseconds * 1000 / (n * steps[k].PerOp));
            }

        // Ratios are taken round by round (each step against the bare calls of the same round,
        // seconds apart), then the median: robust to a neighbour's load that comes and goes.
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Per-call breakdown: {0} rounds of {1} ops, steps interleaved; {2} cores", rounds, ops, Environment.ProcessorCount));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-52} {1,10} {2,9}  {3}", "step", "median us", "min us", "x bare (median of per-round ratios)"));
        for (int k = 0; k < steps.Length; k++)
        {
            var ratios = perOp[k].Zip(perOp[0], (a, b) => a / b).ToList();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-52} {1,10:0.0} {2,9:0.0}  {3,6:0.00}x",
                steps[k].Name, Median(perOp[k]), perOp[k].Min(), Median(ratios)));
        }
        return 0;
    }

    /// <summary>As the engine runs each Invoke with PSThreadOptions.Default: on a thread of its own.</summary>
    private static void OnNewThread(Action action)
    {
        var t = new Thread(() => action());
        t.Start();
        t.Join();
    }

    /// <summary>What CasCloudCmdlet.CreateClient does once per invocation, outside the engine.</summary>
    private static void Setup(string endpoint, PSCredential cred)
    {
        var env = ProcessEnvironment.Instance;
        var credential = CredentialResolver.Resolve(new CredentialRequest
        {
            AccessKeyId = cred.UserName,
            AccessKeySecret = new System.Net.NetworkCredential(string.Empty, cred.Password).Password,
            FromPSCredential = true,
        }, env, NullCallLog.Instance, CancellationToken.None);
        var uri = CasEndpoints.Resolve(endpoint, null, credential, env, out _);
        EndpointGuard.EnsureSecure(uri);
        GC.KeepAlive(new CasClient(new CasTransport(HttpClientCache.Get(env), new TransportOptions { Endpoint = uri, Credential = credential })));
    }

    private static double Median(List<double> xs) => ImportDriver.Median(xs.OrderBy(x => x).ToArray());
}
