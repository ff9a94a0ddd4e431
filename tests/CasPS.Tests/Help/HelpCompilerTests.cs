using System.Xml.Linq;

namespace CasPS.Tests.Help;

/// <summary>The help compiler, run as the build runs it, on pages written for each test.</summary>
public class HelpCompilerTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement CompileSample(out string raw)
    {
        using var builder = new HelpBuilderRunner();
        builder.Write(SamplePage.FileName, SamplePage.Text);
        var (exit, messages) = builder.Run();
        Assert.True(exit == 0, messages);
        raw = File.ReadAllText(builder.OutFile);
        return Assert.Single(XDocument.Parse(raw).Root!.Elements(Command + "command"));
    }

    private static string[] Paras(XElement parent) => parent.Elements(Maml + "para").Select(p => p.Value).ToArray();

    [Fact]
    public void Sample_page_compiles_to_maml_with_every_section()
    {
        var c = CompileSample(out _);
        var details = c.Element(Command + "details")!;
        Assert.Equal("Get-Widget", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("Widget", details.Element(Command + "noun")!.Value);
        Assert.Equal(["Gets widgets & their <parts>."], Paras(details.Element(Maml + "description")!));

        // Paragraph lines are joined; each list item is its own paragraph.
        Assert.Equal(["First paragraph spanning two lines.", "- item one", "- item two"], Paras(c.Element(Maml + "description")!));

        Assert.Equal(["System.String"], c.Descendants(Command + "inputType").Select(t => t.Element(Dev + "type")!.Element(Maml + "name")!.Value));
        Assert.Equal(["Names."], Paras(c.Element(Command + "inputTypes")!.Descendants(Maml + "description").Single()));
        Assert.Equal(["Widget.Item"], c.Descendants(Command + "returnValue").Select(t => t.Element(Dev + "type")!.Element(Maml + "name")!.Value));
        Assert.Equal(["Note one."], Paras(c.Element(Maml + "alertSet")!.Element(Maml + "alert")!));

        var links = c.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink")
            .Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")?.Value)).ToArray();
        Assert.Equal([("Online Version:", "https://example.com/get-widget"), ("Get-Gadget", null), ("Docs", "https://example.com/docs?a=1&b=2")], links);
    }

    [Fact]
    public void Syntax_has_one_item_per_set_in_syntax_line_order_with_per_set_required_and_position()
    {
        var c = CompileSample(out _);
        var items = c.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToArray();
        Assert.Equal(2, items.Length);
        Assert.All(items, i => Assert.Equal("Get-Widget", i.Element(Maml + "name")!.Value));

        string Describe(XElement p) =>
            $"{p.Element(Maml + "name")!.Value} required={p.Attribute("required")!.Value} position={p.Attribute("position")!.Value} " +
            $"value={p.Element(Command + "parameterValue")?.Value ?? "-"} group={string.Join("|", p.Elements(Command + "parameterValueGroup").Elements().Select(v => v.Value))}";
        Assert.Equal(
            ["Name required=true position=0 value=String group=", "Kind required=false position=named value=- group=Small|Large", "Force required=false position=named value=- group="],
            items[0].Elements(Command + "parameter").Select(Describe));
        Assert.Equal(
            ["Path required=true position=named value=String group=", "Name required=false position=named value=String group=", "Kind required=false position=named value=- group=Small|Large"],
            items[1].Elements(Command + "parameter").Select(Describe));
    }

    [Fact]
    public void Parameters_carry_description_metadata_type_and_default()
    {
        var c = CompileSample(out _);
        var parameters = c.Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value);
        Assert.Equal(["Name", "Path", "Kind", "Force"], parameters.Keys);

        var name = parameters["Name"];
        Assert.Equal(["Name description."], Paras(name.Element(Maml + "description")!));
        Assert.Equal("true", name.Attribute("required")!.Value);
        Assert.Equal("0", name.Attribute("position")!.Value);
        Assert.Equal("True (ByPropertyName, ByValue)", name.Attribute("pipelineInput")!.Value);
        Assert.Equal("true", name.Attribute("globbing")!.Value);
        Assert.Equal("N, WidgetName", name.Attribute("aliases")!.Value);
        Assert.Equal("String", name.Element(Command + "parameterValue")!.Value);
        Assert.Equal("true", name.Element(Command + "parameterValue")!.Attribute("required")!.Value);
        Assert.Equal("String", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("None", name.Element(Dev + "defaultValue")!.Value);

        Assert.Equal("none", parameters["Path"].Attribute("aliases")!.Value);
        Assert.Equal("Small & \"quoted\"", parameters["Kind"].Element(Dev + "defaultValue")!.Value);
        // A switch's value is optional: the full view shows "-Force [<SwitchParameter>]".
        Assert.Equal("false", parameters["Force"].Element(Command + "parameterValue")!.Attribute("required")!.Value);
    }

    [Fact]
    public void Examples_keep_code_verbatim_and_split_introduction_and_remarks()
    {
        var c = CompileSample(out _);
        var examples = c.Element(Command + "examples")!.Elements(Command + "example").ToArray();
        Assert.Equal(2, examples.Length);
        Assert.Contains("Example 1: Get one", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal(["Intro text."], Paras(examples[0].Element(Maml + "introduction")!));
        Assert.Equal("Get-Widget -Name \"a<b>\" | Where-Object { $_ -and $true }\n# a comment that looks like a heading", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal(["Remark one.", "Remark two."], Paras(examples[0].Element(Dev + "remarks")!));

        Assert.Null(examples[1].Element(Maml + "introduction"));
        Assert.Equal("Get-Widget -Path ./w\n\nName Kind", examples[1].Element(Dev + "code")!.Value);
        Assert.Equal(["Trailing remark."], Paras(examples[1].Element(Dev + "remarks")!));
    }

    [Fact]
    public void Special_characters_are_escaped_and_round_trip()
    {
        CompileSample(out var raw);
        Assert.Contains("Gets widgets &amp; their &lt;parts&gt;.", raw);
        Assert.Contains("https://example.com/docs?a=1&amp;b=2", raw);
        Assert.DoesNotContain("<parts>", raw);
        Assert.DoesNotContain("\"a<b>\"", raw);
    }

    [Fact]
    public void Output_is_lean_no_empty_elements()
    {
        var c = CompileSample(out _);
        Assert.Empty(c.DescendantsAndSelf().Where(e => !e.HasElements && e.Value.Trim().Length == 0).Select(e => e.Name.LocalName));
    }

    public static TheoryData<string, string, string, string, string, string> MalformedPages => new()
    {
        // case, text to replace, replacement, expected line: marker (after), message fragment
        { "missing synopsis", "## SYNOPSIS\nGets widgets & their <parts>.\n", "", "# Get-Widget", null, "SYNOPSIS is missing or empty" },
        { "empty synopsis", "Gets widgets & their <parts>.\n", "", "## SYNOPSIS", null, "SYNOPSIS is missing or empty" },
        { "parameter without description", "Path description.\n", "", "### -Path", null, "parameter -Path has no description" },
        { "example without code", "```powershell\nGet-Widget -Path ./w\n```\n```output\nName Kind\n```\n", "", "### Example 2", null, "has no code block" },
        { "platyPS placeholder", "Kind description.", "{{ Fill Kind Description }}", "{{ Fill", null, "placeholder" },
        { "undocumented parameter in syntax", "[-Force] [<CommonParameters>]", "[-Force] [-Bogus] [<CommonParameters>]", "[-Bogus]", null, "lists -Bogus, which PARAMETERS does not document" },
        { "parameter missing from syntax", " [-Kind <String>] [<CommonParameters>]", " [<CommonParameters>]", "```yaml", "### -Kind", "-Kind belongs to set 'ByPath' but its syntax line omits it" },
        { "unknown section", "## EXAMPLES", "## EXAMPLE", "## EXAMPLE", null, "unknown section 'EXAMPLE'" },
        { "title not the file name", "# Get-Widget\n", "# Get-Widgets\n", "# Get-Widgets", null, "does not match the file name" },
        { "unclosed code block", "Note one.\n", "Note one.\n\n```powershell\nGet-Widget\n", "```powershell", "## NOTES", "never closed" },
        { "bad Required value", "Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "```yaml", "### -Name", "'Required' must be True or False" },
        { "unknown yaml key", "Accepted values: Small, Large", "Allowed values: Small, Large", "Allowed values", null, "unknown parameter metadata" },
        { "control character", "Remark one.", "Remark\u0007one.", "Remark\u0007one.", null, "control character U+0007" },
        { "no front matter", "schema: 2.0.0\n", "", "---", null, "schema: 2.0.0" },
        { "set that SYNTAX lacks", "Parameter Sets: ByPath\nAliases:\n", "Parameter Sets: ByPath, ByUri\nAliases:\n", "```yaml", "### -Path", "names parameter set 'ByUri', which SYNTAX does not have" },
    };

    [Theory]
    [MemberData(nameof(MalformedPages))]
    public void Malformed_page_fails_with_file_and_line(string @case, string find, string replace, string marker, string after, string message)
    {
        var page = SamplePage.Text.Replace("\r\n", "\n");
        Assert.True(page.Contains(find, StringComparison.Ordinal), $"{@case}: sample lacks '{find}'");
        page = page.Replace(find, replace);
        using var builder = new HelpBuilderRunner();
        var path = builder.Write(SamplePage.FileName, page);

        var (exit, messages) = builder.Run();

        Assert.Equal(1, exit);
        Assert.Contains($"{path}({SamplePage.LineOf(page, marker, after)}): error CASHELP: ", messages);
        Assert.Contains(message, messages);
        Assert.False(File.Exists(builder.OutFile), "no help may be written from broken pages");
    }

    [Fact]
    public void Every_broken_page_is_reported_in_one_run()
    {
        using var builder = new HelpBuilderRunner();
        var a = builder.Write("Get-Widget.md", SamplePage.Text.Replace("Path description.", ""));
        var b = builder.Write("Set-Widget.md", SamplePage.Text.Replace("# Get-Widget", "# Set-Widget").Replace("Get-Widget ", "Set-Widget ").Replace("## NOTES", "## NOTE"));

        var (exit, messages) = builder.Run();

        Assert.Equal(1, exit);
        Assert.Contains(a + "(", messages);
        Assert.Contains(b + "(", messages);
        Assert.Contains("2 help page(s) need fixing", messages);
    }

    [Fact]
    public void Unchanged_help_is_not_rewritten()
    {
        using var builder = new HelpBuilderRunner();
        builder.Write(SamplePage.FileName, SamplePage.Text);
        Assert.Equal(0, builder.Run().ExitCode);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(builder.OutFile, stamp);

        Assert.Equal(0, builder.Run().ExitCode);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(builder.OutFile));

        builder.Write(SamplePage.FileName, SamplePage.Text.Replace("Note one.", "Note two."));
        Assert.Equal(0, builder.Run().ExitCode);
        Assert.NotEqual(stamp, File.GetLastWriteTimeUtc(builder.OutFile));
    }

    [Fact]
    public void About_page_becomes_a_plain_text_topic_and_is_removed_with_its_page()
    {
        using var builder = new HelpBuilderRunner();
        var page = builder.Write("about_Widget.md", """
            # about_Widget

            ## SHORT DESCRIPTION
            Widgets, briefly.

            ## LONG DESCRIPTION
            A paragraph long enough to be wrapped at eighty columns, because about topics are plain text files printed as they are.

            ### Sub topic
            - one
            - two

            ```powershell
            Get-Widget
            ```
            """);
        Assert.Equal(0, builder.Run().ExitCode);
        var topic = Path.Combine(Path.GetDirectoryName(builder.OutFile)!, "about_Widget.help.txt");
        Assert.Equal("""
            TOPIC
                about_Widget

            SHORT DESCRIPTION
                Widgets, briefly.

            LONG DESCRIPTION
                A paragraph long enough to be wrapped at eighty columns, because about
                topics are plain text files printed as they are.

                Sub topic
                ---------

                - one
                - two

                    Get-Widget

            """.Replace("\r\n", "\n"), File.ReadAllText(topic));

        File.Delete(page);
        Assert.Equal(0, builder.Run().ExitCode);
        Assert.False(File.Exists(topic), "a topic whose page is gone must not stay in the module");
    }

    [Fact]
    public void About_page_without_short_description_fails()
    {
        using var builder = new HelpBuilderRunner();
        var path = builder.Write("about_Widget.md", "# about_Widget\n\n## LONG DESCRIPTION\nText.\n");
        var (exit, messages) = builder.Run();
        Assert.Equal(1, exit);
        Assert.Contains($"{path}(1): error CASHELP: ", messages);
        Assert.Contains("SHORT DESCRIPTION", messages);
    }
}
