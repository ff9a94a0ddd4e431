using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CasPS.Benchmarks.Infrastructure;

namespace CasPS.Benchmarks.Probes;

/// <summary>
/// <c>--stream-probe [--count 10000] [--every 1000] [--in-process] [--retain]</c>: memory while
/// <c>1..N | ForEach-Object { 'digicert-free-1-free' } | Get-CasPackageState -Endpoint $ep -Credential $cred | ForEach-Object { $n++ }</c>
/// runs in a hosted runspace. Every --every objects the last stage samples the managed heap
/// after a full collection (live memory), the heap without collecting, the working set and the
/// bytes allocated so far. The sandbox runs in a child process unless --in-process, so its request
/// journal is not counted. --retain keeps every object in a list instead: a control run that
/// shows what a growing curve looks like.
/// </summary>
internal static class StreamProbe
{
    public sealed class Sampler
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly long _allocated0 = GC.GetTotalAllocatedBytes(true);
        public List<string> Rows { get; } = new();
        public List<double> LiveMB { get; } = new();
        public List<double> WorkingSetMB { get; } = new();

        public void Sample(int n)
        {
            long heapNoGc = GC.GetTotalMemory(false);
            long live = GC.GetTotalMemory(true);
            using var p = Process.GetCurrentProcess();
            double ws = Memory.MB(p.WorkingSet64), liveMb = Memory.MB(live);
            LiveMB.Add(liveMb);
            WorkingSetMB.Add(ws);
            Rows.Add(string.Format(CultureInfo.InvariantCulture, "  {0,7} {1,10:0.00} {2,12:0.00} {3,10:0.00} {4,13:0.0} {5,9:0}",
                n, liveMb, Memory.MB(heapNoGc), ws, Memory.MB(GC.GetTotalAllocatedBytes(true) - _allocated0), _clock.Elapsed.TotalMilliseconds));
        }
    }

    public static int Run(int count, int every, bool inProcess, bool retain)
    {
        using var sandbox = inProcess ? SandboxHandle.StartInProcess() : SandboxHandle.StartChild();
        using var rs = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        rs.Open();
        ImportProbe.Import(rs, ModulePaths.ModuleManifest);
        rs.SessionStateProxy.SetVariable("ep", sandbox.Endpoint);
        rs.SessionStateProxy.SetVariable("cred", sandbox.PSCredential);

        string sink = retain
            ? "ForEach-Object { $kept.Add($_); $n++; if ($n % $every -eq 0) { $probe.Sample($n) } }"
            : "ForEach-Object { $n++; if ($n % $every -eq 0) { $probe.Sample($n) } }";
        string script =
            "param($count, $every, $probe)\n" +
            "$kept = [System.Collections.Generic.List[object]]::new()\n" +
            "$n = 0\n" +
            "$probe.Sample(0)\n" +
            "1..$count | ForEach-Object { 'digicert-free-1-free' } | Get-CasPackageState -Endpoint $ep -Credential $cred | " + sink + "\n" +
            "$n\n";

        // Warm-up: the same pipeline, 500 objects, so JIT and first-use caches are not in the curve.
        Invoke(rs, script, 500, 500, new Sampler());

        var sampler = new Sampler();
        var sw = Stopwatch.StartNew();
        long produced = Invoke(rs, script, count, every, sampler);
        sw.Stop();

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Streaming {0} objects through Get-CasPackageState ({1}; sandbox {2}): {3:0} ms, {4:0} objects/s",
            produced, retain ? "control run: every object kept" : "objects discarded by the last stage",
            inProcess ? "in this process" : "in a child process", sw.Elapsed.TotalMilliseconds, produced / sw.Elapsed.TotalSeconds));
        Console.WriteLine("  objects  live MB*  heap MB(noGC)  WS MB  allocated MB  elapsed ms");
        foreach (var row in sampler.Rows) Console.WriteLine(row);
        Console.WriteLine("  * managed heap after a full collection");
        var live = sampler.LiveMB.Skip(1).ToArray(); // from the first 1,000 on
        var ws = sampler.WorkingSetMB.Skip(1).ToArray();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "  live heap: start {0:0.00} MB, end {1:0.00} MB, peak {2:0.00} MB (growth {3:+0.00;-0.00} MB)   working set: start {4:0.0}, end {5:0.0}, peak {6:0.0} MB",
            live[0], live[^1], live.Max(), live[^1] - live[0], ws[0], ws[^1], ws.Max()));
        return produced == count ? 0 : 1;
    }

    private static long Invoke(Runspace rs, string script, int count, int every, Sampler sampler)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = rs;
        ps.AddScript(script).AddArgument(count).AddArgument(every).AddArgument(sampler);
        var output = ps.Invoke();
        if (ps.HadErrors) throw new InvalidOperationException("stream pipeline failed: " + ps.Streams.Error.FirstOrDefault());
        return Convert.ToInt64(output.Last().BaseObject, CultureInfo.InvariantCulture);
    }
}
