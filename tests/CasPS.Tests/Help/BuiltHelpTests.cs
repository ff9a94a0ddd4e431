using System.Xml.Linq;
using CasPS.Tests.Engine;

namespace CasPS.Tests.Help;

/// <summary>The help that `dotnet build` put into out/CasPS matches help/ and the manifest.</summary>
public class BuiltHelpTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    [Fact]
    public void Built_maml_is_well_formed_and_has_one_entry_per_cmdlet_page()
    {
        var doc = XDocument.Load(HelpSources.BuiltMaml);
        Assert.Equal("helpItems", doc.Root!.Name.LocalName);
        Assert.Equal("maml", (string)doc.Root.Attribute("schema"));
        var names = doc.Root.Elements(Command + "command")
            .Select(c => (string)c.Element(Command + "details")!.Element(Command + "name"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(HelpSources.CmdletPages(), names);
    }

    [Fact]
    public void Every_about_page_is_built_into_a_help_txt_topic()
    {
        foreach (var about in HelpSources.AboutPages())
        {
            var built = Path.Combine(ModulePaths.ModuleFolder, "en-US", about + ".help.txt");
            Assert.True(File.Exists(built), built + " was not built");
            Assert.StartsWith("TOPIC\n    " + about + "\n", File.ReadAllText(built));
        }
    }

    [Fact]
    public void Every_help_page_documents_a_cmdlet_the_manifest_exports()
    {
        var exported = HelpSources.ManifestCmdlets();
        Assert.Empty(HelpSources.CmdletPages().Where(p => !exported.Contains(p, StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_cmdlet_the_manifest_exports_has_a_help_page()
    {
        var pages = HelpSources.CmdletPages();
        Assert.Empty(HelpSources.ManifestCmdlets().Where(c => !pages.Contains(c, StringComparer.Ordinal)));
    }
}
