using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BenchmarkDotNet.Attributes;
using CasPS.Alibaba;
using CasPS.Alibaba.Models;
using CasPS.Benchmarks.Infrastructure;
using CasPS.Benchmarks.Probes;
using CasPS.Credentials;
using CasPS.Http;

namespace CasPS.Benchmarks;

/// <summary>
/// Design §4 per-call target: a Get-CasPackageState call against the loopback sandbox costs at
/// most 1.3x a bare, signed HttpClient request to the same server. The sandbox runs in this
/// process (as Start-CasSandbox would), so its own work is in every number alike.
///   Bare        Acs3Signer + one reused HttpClient (the baseline)
///   ClientLayer CasClient.DescribePackageState through CasTransport (what the cmdlet calls)
///   Cmdlet      PowerShell.Create() + AddCommand('Get-CasPackageState') -Endpoint -Credential on a reused
///               runspace: with the default PSThreadOptions (every Invoke on a new thread), and with
///               UseCurrentThread (no thread per Invoke)
///   Cmdlet x100 one invocation with 100 product codes on the default runspace, per code: what a
///               pipeline of many calls pays per call
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PerCallBenchmarks
{
    private const string Product = "digicert-free-1-free";
    private SandboxHandle _sandbox;
    private BareSignedClient _bare;
    private CasClient _client;
    private Runspace _runspace;
    private Runspace _runspaceCurrentThread;
    private readonly string[] _hundred = Enumerable.Repeat(Product, 100).ToArray();
    private PSCredential _psCredential;

    [GlobalSetup]
    public void Setup()
    {
        _sandbox = SandboxHandle.StartInProcess();
        _bare = new BareSignedClient(_sandbox.Endpoint, _sandbox.Credential);
        _client = new CasClient(new CasTransport(HttpClientCache.Get(ProcessEnvironment.Instance), new TransportOptions
        {
            Endpoint = new Uri(_sandbox.Endpoint),
            Credential = _sandbox.Credential,
            MaxRetryCount = TransportOptions.DefaultMaxRetryCount,
            Timeout = TimeSpan.FromSeconds(TransportOptions.DefaultTimeoutSec),
            Log = NullCallLog.Instance,
        }));
        _psCredential = _sandbox.PSCredential;
        _runspace = ImportProbe.Open();
        ImportProbe.Import(_runspace, ModulePaths.ModuleManifest);
        _runspaceCurrentThread = ImportProbe.Open(PSThreadOptions.UseCurrentThread);
        ImportProbe.Import(_runspaceCurrentThread, ModulePaths.ModuleManifest);
        // Fail fast if any path does not reach the sandbox.
        Bare(); ClientLayer();
        if (Cmdlet() != 1 || CmdletUseCurrentThread() != 1 || Invoke(_runspace, _hundred) != 100)
            throw new InvalidOperationException("Get-CasPackageState returned too few objects");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runspace?.Dispose();
        _runspaceCurrentThread?.Dispose();
        _bare?.Dispose();
        _sandbox?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Bare signed HttpClient")]
    public string Bare() => _bare.Send(Product);

    [Benchmark(Description = "CasClient (C# layer)")]
    public long ClientLayer() =>
        _client.DescribePackageState(new DescribePackageStateRequest { ProductCode = Product }, CancellationToken.None).TotalCount;

    [Benchmark(Description = "Get-CasPackageState (reused runspace)")]
    public int Cmdlet() => Invoke(_runspace, Product);

    [Benchmark(Description = "Get-CasPackageState (reused runspace, UseCurrentThread)")]
    public int CmdletUseCurrentThread() => Invoke(_runspaceCurrentThread, Product);

    [Benchmark(OperationsPerInvoke = 100, Description = "Get-CasPackageState x100 codes, per code")]
    public int CmdletHundred() => Invoke(_runspace, _hundred);

    private int Invoke(Runspace runspace, object productCode)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Get-CasPackageState")
            .AddParameter("ProductCode", productCode)
            .AddParameter("Endpoint", _sandbox.Endpoint)
            .AddParameter("Credential", _psCredential);
        var output = ps.Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        return output.Count;
    }
}
