using System.Management.Automation.Language;

namespace CasPS.Tests.Engine;

/// <summary>
/// The Pester suite, the examples and build.ps1 cannot run here (no pwsh), so at least every one
/// of them must parse with PowerShell's own parser.
/// </summary>
public class ScriptSyntaxTests
{
    public static IEnumerable<object[]> Scripts()
    {
        var root = ModulePaths.RepoRoot;
        var files = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.ps1", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.ps1", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "build.ps1"))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar));
        return files.Select(f => new object[] { Path.GetRelativePath(root, f) });
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_parses_without_syntax_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(ModulePaths.RepoRoot, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, relativePath + ": " + string.Join("; ", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void There_is_a_Pester_suite_to_parse()
    {
        Assert.Contains(Scripts(), s => ((string)s[0]).EndsWith(".Tests.ps1", StringComparison.Ordinal));
    }
}
