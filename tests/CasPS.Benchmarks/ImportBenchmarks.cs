using System.Management.Automation.Runspaces;
using BenchmarkDotNet.Attributes;
using CasPS.Benchmarks.Infrastructure;
using CasPS.Benchmarks.Probes;

namespace CasPS.Benchmarks;

/// <summary>
/// Design §4 import target, warm: in a process where the engine and CasPS are already loaded and
/// jitted, what a new runspace costs with and without importing CasPS (and, for comparison, an
/// empty script module). The difference to the baseline is the warm import cost. The cold
/// first import needs a fresh process per sample: see --import-driver.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ImportBenchmarks
{
    private string _emptyModule;

    [GlobalSetup]
    public void Setup() => _emptyModule = EmptyModule.Create();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(_emptyModule)), recursive: true);

    [Benchmark(Baseline = true, Description = "New runspace, no import")]
    public void RunspaceOnly()
    {
        using Runspace rs = ImportProbe.Open();
        ImportProbe.Invoke(rs, "Out-Null");
    }

    [Benchmark(Description = "New runspace + Import-Module (empty module)")]
    public void RunspaceAndEmptyImport()
    {
        using Runspace rs = ImportProbe.Open();
        ImportProbe.Invoke(rs, "Out-Null");
        ImportProbe.Import(rs, _emptyModule);
    }

    [Benchmark(Description = "New runspace + Import-Module CasPS")]
    public void RunspaceAndImport()
    {
        using Runspace rs = ImportProbe.Open();
        ImportProbe.Invoke(rs, "Out-Null");
        ImportProbe.Import(rs, ModulePaths.ModuleManifest);
    }
}
