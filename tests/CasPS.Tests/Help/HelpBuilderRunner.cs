using System.Diagnostics;
using CasPS.Tests.Engine;

namespace CasPS.Tests.Help;

/// <summary>
/// Runs the built help compiler as the build does (dotnet CasPS.HelpBuilder.dll dir out), on pages
/// written to a temporary folder. Black-box on purpose: exit code and messages are what MSBuild sees.
/// </summary>
public sealed class HelpBuilderRunner : IDisposable
{
    public string HelpDir { get; }
    public string OutFile { get; }

    public HelpBuilderRunner()
    {
        var root = Path.Combine(Path.GetTempPath(), "casps-help-" + Guid.NewGuid().ToString("N"));
        HelpDir = Path.Combine(root, "help");
        OutFile = Path.Combine(root, "out", "en-US", "CasPS.dll-Help.xml");
        Directory.CreateDirectory(HelpDir);
    }

    /// <summary>The builder of the same configuration as these tests (bin/Debug or bin/Release).</summary>
    public static string BuilderDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(ModulePaths.RepoRoot, "src", "CasPS.HelpBuilder", "bin", configuration, "net10.0", "CasPS.HelpBuilder.dll");
        }
    }

    public string Write(string fileName, string markdown)
    {
        var path = Path.Combine(HelpDir, fileName);
        File.WriteAllText(path, markdown);
        return path;
    }

    public (int ExitCode, string Output) Run()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(BuilderDll);
        psi.ArgumentList.Add(HelpDir);
        psi.ArgumentList.Add(OutFile);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path.GetDirectoryName(HelpDir)!, recursive: true); } catch (IOException) { }
    }
}
