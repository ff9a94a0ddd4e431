namespace CasPS.Benchmarks.Infrastructure;

/// <summary>Where the built module and the repository live, found by walking up from the binaries.</summary>
public static class ModulePaths
{
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string ModuleManifest => Path.Combine(RepoRoot, "out", "CasPS", "CasPS.psd1");
    public static string ModuleFolder => Path.Combine(RepoRoot, "out", "CasPS");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CasPS.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CasPS.sln not found above " + AppContext.BaseDirectory);
    }
}
