using System.Text.RegularExpressions;
using CasPS.Tests.Engine;

namespace CasPS.Tests.Help;

/// <summary>What the help tests compare: the pages in help/, the manifest's export list, the built MAML.</summary>
public static class HelpSources
{
    public static string HelpDir => Path.Combine(ModulePaths.RepoRoot, "help");
    public static string BuiltMaml => Path.Combine(ModulePaths.ModuleFolder, "en-US", "CasPS.dll-Help.xml");

    /// <summary>Cmdlet pages (help/Verb-Noun.md), by cmdlet name; about_*.md are topics, not cmdlets.</summary>
    public static IReadOnlyList<string> CmdletPages() =>
        Directory.GetFiles(HelpDir, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> AboutPages() =>
        Directory.GetFiles(HelpDir, "about_*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

    /// <summary>The names in the source manifest's CmdletsToExport = @( ... ), read as text (no pwsh needed).</summary>
    public static IReadOnlyList<string> ManifestCmdlets()
    {
        var text = File.ReadAllText(Path.Combine(ModulePaths.RepoRoot, "CasPS.psd1"));
        var list = Regex.Match(text, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)", RegexOptions.IgnoreCase);
        Assert.True(list.Success, "CmdletsToExport = @( ... ) not found in CasPS.psd1");
        return Regex.Matches(list.Groups["list"].Value, @"'([^']+)'|""([^""]+)""")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .ToList();
    }

    public static TheoryData<string> ManifestCmdletData() => new(ManifestCmdlets());
    public static TheoryData<string> CmdletPageData() => new(CmdletPages());
}
