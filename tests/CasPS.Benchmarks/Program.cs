using System.Globalization;
using BenchmarkDotNet.Running;
using CasPS.Benchmarks.Infrastructure;
using CasPS.Benchmarks.Probes;

// Console modes for what BenchmarkDotNet does not measure well (see docs/PERFORMANCE.md);
// anything else goes to BenchmarkSwitcher (e.g. --filter '*PerCall*').
string Option(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
bool Flag(string name) => args.Contains(name);
int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

switch (args.FirstOrDefault())
{
    case "--import-probe":
        return ImportProbe.Run(args.Length > 1 ? args[1] : "casps", Option("--manifest", null));
    case "--import-driver":
        return ImportDriver.Run(args.Length > 1 && int.TryParse(args[1], out int n) ? n : 15, Option("--out", null));
    case "--serve-sandbox":
        return SandboxHandle.Serve();
    case "--sandbox-load":
        return SandboxLoad.Run(
            Option("--clients", "1,2,4,8,16").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            double.Parse(Option("--seconds", "5"), CultureInfo.InvariantCulture),
            long.Parse(Option("--max-requests", "200000"), CultureInfo.InvariantCulture),
            Flag("--child"));
    case "--percall-breakdown":
        return PerCallBreakdown.Run(Int("--rounds", 15), Int("--ops", 200));
    case "--stream-probe":
        return StreamProbe.Run(Int("--count", 10000), Int("--every", 1000), Flag("--in-process"), Flag("--retain"));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
