using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CasPS.Benchmarks.Infrastructure;

namespace CasPS.Benchmarks.Probes;

/// <summary>
/// <c>--import-probe &lt;variant&gt;</c>: one sample of the first-import cost, in this fresh process.
/// Opens a runspace (InitialSessionState.CreateDefault2, as tests/CasPS.Tests/Engine/PsSession),
/// runs one trivial command, then measures one step and prints one JSON line:
///   none              the trivial command again (noise floor; no import)
///   empty             Import-Module of a CasPS-shaped module that does nothing (see EmptyModule): the
///                     engine's own first-import cost
///   casps             Import-Module out/CasPS/CasPS.psd1 (the cold first import a user pays)
///   casps-warm-engine the engine first imports the empty module in another runspace, then a new
///                     runspace imports CasPS: CasPS's own first-load cost without the engine's JIT
///   casps-dll-warm-engine  as casps-warm-engine, but Import-Module out/CasPS/CasPS.dll itself: no
///                     manifest, types or formats, so the difference is their share
/// Every variant that imports CasPS also measures a second import into another new runspace
/// (CasPS already loaded and jitted): the warm cost.
/// --manifest &lt;path&gt; imports another manifest in place of out/CasPS/CasPS.psd1 (e.g. a copy
/// without TypesToProcess or FormatsToProcess, to attribute the import time).
/// Touches no CasPS type before the import, so CasPS.dll is loaded by Import-Module itself.
/// </summary>
internal static class ImportProbe
{
    public static readonly string[] Variants = { "none", "empty", "casps", "casps-warm-engine", "casps-dll-warm-engine" };

    public static int Run(string variant, string manifest = null)
    {
        manifest ??= ModulePaths.ModuleManifest;
        if (Array.IndexOf(Variants, variant) < 0) throw new ArgumentException("variant must be one of " + string.Join(", ", Variants));
        var processAge = DateTime.Now - Process.GetCurrentProcess().StartTime;
        string emptyModule = EmptyModule.Create();
        var result = new JsonObject
        {
            ["variant"] = variant,
            ["processAgeAtMainMs"] = Math.Round(processAge.TotalMilliseconds, 1),
        };

        var sw = Stopwatch.StartNew();
        var rs = Open();
        result["firstRunspaceOpenMs"] = Ms(sw);
        sw.Restart();
        Invoke(rs, "Out-Null");
        result["firstCommandMs"] = Ms(sw);

        if (variant.EndsWith("-warm-engine", StringComparison.Ordinal))
        {
            Import(rs, emptyModule);
            rs.Dispose();
            rs = Open();
            Invoke(rs, "Out-Null");
        }

        result["caspsLoadedBefore"] = CasPSLoaded();
        var before = Memory.Snapshot();
        sw.Restart();
        switch (variant)
        {
            case "none": Invoke(rs, "Out-Null"); break;
            case "empty": Import(rs, emptyModule); break;
            case "casps-dll-warm-engine": Import(rs, Path.Combine(ModulePaths.ModuleFolder, "CasPS.dll")); break;
            default: Import(rs, manifest); break;
        }
        result["stepMs"] = Ms(sw);
        var after = Memory.Snapshot();
        result["caspsLoadedAfter"] = CasPSLoaded();
        after.WriteDelta(before, result, "");

        if (variant.StartsWith("casps", StringComparison.Ordinal))
        {
            // Warm: the module is loaded and jitted; a new runspace imports it again.
            var rs2 = Open();
            Invoke(rs2, "Out-Null");
            var before2 = Memory.Snapshot();
            sw.Restart();
            Import(rs2, manifest);
            result["warmImportMs"] = Ms(sw);
            var after2 = Memory.Snapshot();
            after2.WriteDelta(before2, result, "warm");
            rs2.Dispose();
        }
        rs.Dispose();
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(emptyModule)), recursive: true);
        Console.Out.WriteLine(result.ToJsonString());
        return 0;
    }

    internal static Runspace Open(PSThreadOptions threads = PSThreadOptions.Default)
    {
        var rs = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        rs.ThreadOptions = threads;
        rs.Open();
        return rs;
    }

    internal static void Invoke(Runspace rs, string command)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = rs;
        ps.AddCommand(command).Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(command + " failed: " + ps.Streams.Error.FirstOrDefault());
    }

    internal static void Import(Runspace rs, string manifest)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = rs;
        ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", ActionPreference.Stop).Invoke();
        if (ps.HadErrors) throw new InvalidOperationException("Import-Module " + manifest + " failed: " + ps.Streams.Error.FirstOrDefault());
    }

    private static bool CasPSLoaded() => AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "CasPS");

    private static double Ms(Stopwatch sw) => Math.Round(sw.Elapsed.TotalMilliseconds, 2);
}

/// <summary>
/// A module shaped like CasPS that does nothing: CasPS.psd1 renamed, whose RootModule is a binary module
/// with no cmdlets (this benchmark assembly, already loaded, so it costs no load), one
/// Types.ps1xml and one Format.ps1xml of one type each. Importing it exercises the engine's
/// binary-module, type-data and format-data paths, so their first-use JIT is the engine's, not CasPS's.
/// </summary>
internal static class EmptyModule
{
    public static string Create()
    {
        string dir = Path.Combine(Path.GetTempPath(), "casps-bench-empty-" + Guid.NewGuid().ToString("N"), "EmptyModule");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "EmptyModule.Types.ps1xml"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types><Type><Name>EmptyModule.Thing</Name><Members><MemberSet><Name>PSStandardMembers</Name><Members>" +
            "<PropertySet><Name>DefaultDisplayPropertySet</Name><ReferencedProperties><Name>A</Name><Name>B</Name></ReferencedProperties></PropertySet>" +
            "</Members></MemberSet></Members></Type></Types>\n");
        File.WriteAllText(Path.Combine(dir, "EmptyModule.Format.ps1xml"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Configuration><ViewDefinitions><View><Name>EmptyModule.Thing</Name>" +
            "<ViewSelectedBy><TypeName>EmptyModule.Thing</TypeName></ViewSelectedBy><TableControl><TableHeaders>" +
            "<TableColumnHeader><Label>A</Label><Width>8</Width></TableColumnHeader><TableColumnHeader><Label>B</Label><Width>8</Width></TableColumnHeader>" +
            "</TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>A</PropertyName></TableColumnItem>" +
            "<TableColumnItem><PropertyName>B</PropertyName></TableColumnItem></TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View>" +
            "</ViewDefinitions></Configuration>\n");
        string root = typeof(EmptyModule).Assembly.Location.Replace("'", "''");
        // CasPS.psd1 itself, renamed: the same keys, layout and comments, so the engine's first
        // parse and handling of each is in the baseline, not in CasPS's number.
        string manifest = File.ReadAllText(ModulePaths.ModuleManifest);
        manifest = Regex.Replace(manifest, @"RootModule(\s*)=(\s*)'[^']*'", m => "RootModule" + m.Groups[1].Value + "=" + m.Groups[2].Value + "'" + root + "'");
        manifest = Regex.Replace(manifest, @"GUID(\s*)=(\s*)'[^']*'", "GUID$1=$2'00000000-0000-4000-8000-000000000001'");
        manifest = manifest.Replace("CasPS.Types.ps1xml", "EmptyModule.Types.ps1xml").Replace("CasPS.Format.ps1xml", "EmptyModule.Format.ps1xml");
        manifest = Regex.Replace(manifest, @"'(\w+)-Cas(\w+)'", "'$1-EmptyThing$2'");
        File.WriteAllText(Path.Combine(dir, "EmptyModule.psd1"), manifest);
        return Path.Combine(dir, "EmptyModule.psd1");
    }
}

/// <summary>Managed heap (after a full collection), working set and private bytes of this process.</summary>
internal readonly record struct Memory(long Heap, long WorkingSet, long Private, long Allocated)
{
    public static Memory Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heap = GC.GetTotalMemory(true);
        using var p = Process.GetCurrentProcess();
        return new Memory(heap, p.WorkingSet64, p.PrivateMemorySize64, GC.GetTotalAllocatedBytes(true));
    }

    public void WriteDelta(Memory before, JsonObject into, string prefix)
    {
        string P(string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name.Substring(1);
        into[P("heapDeltaMB")] = MB(Heap - before.Heap);
        into[P("workingSetDeltaMB")] = MB(WorkingSet - before.WorkingSet);
        into[P("privateDeltaMB")] = MB(Private - before.Private);
        into[P("allocatedMB")] = MB(Allocated - before.Allocated);
    }

    public static double MB(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 2);
}

/// <summary>
/// <c>--import-driver [samples]</c>: runs <c>--import-probe</c> in a fresh process per sample, the
/// variants interleaved, and prints the median (and min/max) of each measure per variant.
/// </summary>
internal static class ImportDriver
{
    public static int Run(int samples, string rawOut)
    {
        var rows = new List<JsonObject>();
        for (int i = 0; i < samples; i++)
            foreach (var v in ImportProbe.Variants)
            {
                var psi = SelfProcess.StartInfo("--import-probe", v);
                psi.RedirectStandardOutput = true;
                using var p = Process.Start(psi)!;
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException("probe " + v + " exited with " + p.ExitCode);
                var line = output.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
                var row = (JsonObject)JsonNode.Parse(line)!;
                rows.Add(row);
                Console.Error.WriteLine("sample " + (i + 1) + "/" + samples + " " + line.Trim());
            }
        if (rawOut != null) File.WriteAllLines(rawOut, rows.Select(r => r.ToJsonString()));

        Console.WriteLine();
        Console.WriteLine("First import, one fresh process per sample: median [min..max] of " + samples + " samples");
        foreach (var v in ImportProbe.Variants)
        {
            var mine = rows.Where(r => (string)r["variant"] == v).ToList();
            Console.WriteLine("  " + v);
            foreach (var key in mine[0].Select(kv => kv.Key).Where(k => k != "variant" && mine[0][k] is JsonValue jv && jv.TryGetValue<double>(out _)))
            {
                var xs = mine.Select(r => (double)r[key]!).OrderBy(x => x).ToArray();
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "    {0,-22} {1,9:0.00}  [{2:0.00} .. {3:0.00}]", key, Median(xs), xs[0], xs[^1]));
            }
        }
        return 0;
    }

    internal static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
