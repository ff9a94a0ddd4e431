using System.Text.RegularExpressions;

namespace CasPS.HelpBuilder;

/// <summary>
/// Reads one platyPS 0.14 (schema 2.0.0) cmdlet page into a <see cref="CommandHelp"/>.
/// Strict on purpose: a page that would give a user thin or wrong help fails the build,
/// with the file and line, instead of shipping.
/// </summary>
public static partial class MarkdownHelpParser
{
    private static readonly string[] KnownSections =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    [GeneratedRegex(@"^[A-Za-z]+-[A-Za-z0-9]+$")]
    private static partial Regex CommandNameRx();

    // A parameter in a syntax line: "-Name" right after a space or an opening bracket.
    [GeneratedRegex(@"(?<=[\s\[])-([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SyntaxParameterRx();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]*)\)")]
    private static partial Regex LinkRx();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex PlaceholderRx();

    public static CommandHelp Parse(string text, string file)
    {
        var lines = MarkdownText.Lines(text, file);
        var front = MarkdownText.FrontMatter(lines, file, out var bodyStart);
        if (!front.TryGetValue("schema", out var schema) || schema != "2.0.0")
            throw new HelpFormatException(file, 1, "expected platyPS front matter ('---' block) with 'schema: 2.0.0'");

        var blocks = MarkdownBlocks.Parse(lines, bodyStart, file);
        // New-MarkdownHelp writes "{{ Fill X Description }}"; shipping one means the page was never finished.
        foreach (var b in blocks.Where(b => b.Kind != BlockKind.Code || b.Info == "yaml"))
            if (PlaceholderRx().Match(b.Text) is { Success: true } placeholder)
                throw new HelpFormatException(file, b.Line, $"platyPS placeholder left in the page: {placeholder.Value}");

        var name = ReadTitle(blocks, file, Path.GetFileNameWithoutExtension(file));
        var sections = SplitSections(blocks, file, level: 2, skip: 1, KnownSections);
        var titleLine = blocks[0].Line;

        var synopsis = Paragraphs(Section(sections, "SYNOPSIS"), file, "SYNOPSIS");
        if (synopsis.Count == 0) throw new HelpFormatException(file, LineOf(sections, "SYNOPSIS", titleLine), "SYNOPSIS is missing or empty");
        var description = Paragraphs(Section(sections, "DESCRIPTION"), file, "DESCRIPTION");
        if (description.Count == 0) throw new HelpFormatException(file, LineOf(sections, "DESCRIPTION", titleLine), "DESCRIPTION is missing or empty");

        var parameters = ReadParameters(Section(sections, "PARAMETERS"), file);
        var syntax = ReadSyntax(name, Section(sections, "SYNTAX"), parameters, file, LineOf(sections, "SYNTAX", titleLine));
        var examples = ReadExamples(Section(sections, "EXAMPLES"), file);
        if (examples.Count == 0) throw new HelpFormatException(file, LineOf(sections, "EXAMPLES", titleLine), "EXAMPLES has no example (### Example 1: ...)");

        var links = new List<LinkHelp>();
        if (front.TryGetValue("online version", out var online) && online.Length > 0) links.Add(new LinkHelp("Online Version:", online));
        links.AddRange(ReadLinks(Section(sections, "RELATED LINKS"), file));

        return new CommandHelp
        {
            Name = name,
            Synopsis = synopsis,
            Description = description,
            Syntax = syntax,
            Parameters = parameters,
            Inputs = ReadTypes(Section(sections, "INPUTS"), file, "INPUTS"),
            Outputs = ReadTypes(Section(sections, "OUTPUTS"), file, "OUTPUTS"),
            Notes = Paragraphs(Section(sections, "NOTES"), file, "NOTES"),
            Examples = examples,
            Links = links,
        };
    }

    private static string ReadTitle(List<Block> blocks, string file, string expected)
    {
        if (blocks.Count == 0 || blocks[0] is not { Kind: BlockKind.Heading, Level: 1 } title)
            throw new HelpFormatException(file, blocks.Count > 0 ? blocks[0].Line : 1, "the page must start with '# Verb-Noun'");
        if (!CommandNameRx().IsMatch(title.Text))
            throw new HelpFormatException(file, title.Line, $"'{title.Text}' is not a Verb-Noun cmdlet name");
        if (!string.Equals(title.Text, expected, StringComparison.Ordinal))
            throw new HelpFormatException(file, title.Line, $"title '{title.Text}' does not match the file name '{expected}.md'");
        return title.Text;
    }

    /// <summary>Groups blocks under headings of one level; text before the first heading is an error.</summary>
    internal static List<(Block Heading, List<Block> Body)> SplitSections(List<Block> blocks, string file, int level, int skip, string[]? known = null)
    {
        var result = new List<(Block, List<Block>)>();
        foreach (var b in blocks.Skip(skip))
        {
            if (b.Kind == BlockKind.Heading && b.Level < level)
                throw new HelpFormatException(file, b.Line, $"unexpected heading level {b.Level}: '{b.Text}'");
            if (b.Kind == BlockKind.Heading && b.Level == level)
            {
                if (known != null && !known.Contains(b.Text.ToUpperInvariant()))
                    throw new HelpFormatException(file, b.Line, $"unknown section '{b.Text}'; expected one of: {string.Join(", ", known)}");
                if (known != null && result.Any(r => string.Equals(r.Item1.Text, b.Text, StringComparison.OrdinalIgnoreCase)))
                    throw new HelpFormatException(file, b.Line, $"section '{b.Text}' appears twice");
                result.Add((b, new List<Block>()));
            }
            else if (result.Count == 0)
                throw new HelpFormatException(file, b.Line, level == 2 ? "text before the first '## SECTION' heading" : "text before the first '###' heading");
            else result[^1].Item2.Add(b);
        }
        return result;
    }

    private static List<Block> Section(List<(Block Heading, List<Block> Body)> sections, string name) =>
        sections.FirstOrDefault(s => string.Equals(s.Heading.Text, name, StringComparison.OrdinalIgnoreCase)).Body ?? [];

    private static int LineOf(List<(Block Heading, List<Block> Body)> sections, string name, int fallback) =>
        sections.FirstOrDefault(s => string.Equals(s.Heading.Text, name, StringComparison.OrdinalIgnoreCase)).Heading?.Line ?? fallback;

    /// <summary>Prose: each paragraph, list item or code block becomes one MAML paragraph.</summary>
    private static List<string> Paragraphs(IEnumerable<Block> body, string file, string where)
    {
        var paras = new List<string>();
        foreach (var b in body)
        {
            if (b.Kind == BlockKind.Heading) throw new HelpFormatException(file, b.Line, $"unexpected heading '{b.Text}' in {where}");
            paras.Add(b.Text);
        }
        return paras;
    }

    private static List<ParameterHelp> ReadParameters(List<Block> body, string file)
    {
        var result = new List<ParameterHelp>();
        foreach (var (heading, content) in SplitSections(body, file, level: 3, skip: 0))
        {
            if (string.Equals(heading.Text, "CommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
            if (!heading.Text.StartsWith('-') || heading.Text.Length < 2 || heading.Text.Contains(' '))
                throw new HelpFormatException(file, heading.Line, $"parameter heading must be '### -Name', not '### {heading.Text}'");
            var name = heading.Text[1..];
            if (result.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new HelpFormatException(file, heading.Line, $"parameter -{name} is documented twice");

            var yaml = content.Where(b => b.Kind == BlockKind.Code && b.Info == "yaml").ToList();
            var description = Paragraphs(content.Where(b => !(b.Kind == BlockKind.Code && b.Info == "yaml")), file, "-" + name);
            if (description.Count == 0) throw new HelpFormatException(file, heading.Line, $"parameter -{name} has no description");
            if (yaml.Count == 0) throw new HelpFormatException(file, heading.Line, $"parameter -{name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
            result.Add(ParameterYaml.Read(name, description, yaml, file));
        }
        return result;
    }

    private static List<SyntaxItem> ReadSyntax(string command, List<Block> body, List<ParameterHelp> parameters, string file, int sectionLine)
    {
        var items = new List<SyntaxItem>();
        var sets = SplitSections(body, file, level: 3, skip: 0);
        if (sets.Count == 0) throw new HelpFormatException(file, sectionLine, "SYNTAX needs '### SetName' (or '### __AllParameterSets') with a code block of the syntax line");
        foreach (var (heading, content) in sets)
        {
            // platyPS marks the default set as "### Name (Default)"; the set's name is without the mark.
            var setName = heading.Text.EndsWith(" (Default)", StringComparison.Ordinal) ? heading.Text[..^10] : heading.Text;
            if (content is not [{ Kind: BlockKind.Code } code])
                throw new HelpFormatException(file, heading.Line, $"syntax set '{setName}' must hold exactly one code block");
            var line = " " + string.Join(" ", code.Text.Split('\n').Select(l => l.Trim())) + " ";
            var lineNo = code.Line + 1; // the syntax line itself, after the opening fence
            if (!line.TrimStart().StartsWith(command + " ", StringComparison.OrdinalIgnoreCase) && line.Trim() != command)
                throw new HelpFormatException(file, lineNo, $"syntax line for '{setName}' must start with '{command}'");

            var inLine = new List<SyntaxParameter>();
            foreach (Match m in SyntaxParameterRx().Matches(line[(line.IndexOf(command, StringComparison.OrdinalIgnoreCase) + command.Length)..]))
            {
                var pname = m.Groups[1].Value;
                var p = parameters.FirstOrDefault(x => string.Equals(x.Name, pname, StringComparison.OrdinalIgnoreCase))
                    ?? throw new HelpFormatException(file, lineNo, $"syntax of '{setName}' lists -{pname}, which PARAMETERS does not document");
                var usage = p.UsageFor(setName)
                    ?? throw new HelpFormatException(file, lineNo, $"syntax of '{setName}' lists -{pname}, but its 'Parameter Sets' do not include '{setName}' or (All)");
                if (inLine.Any(x => x.Parameter == p)) throw new HelpFormatException(file, lineNo, $"syntax of '{setName}' lists -{pname} twice");
                inLine.Add(new SyntaxParameter(p, usage));
            }
            foreach (var p in parameters)
                if (p.UsageFor(setName) is { } u && inLine.All(x => x.Parameter != p))
                    throw new HelpFormatException(file, u.Line, $"-{p.Name} belongs to set '{setName}' but its syntax line omits it");
            items.Add(new SyntaxItem(setName, inLine));
        }
        foreach (var p in parameters)
            foreach (var u in p.Usages)
                foreach (var s in u.Sets.Where(s => s != "(All)"))
                    if (!items.Any(i => string.Equals(i.SetName, s, StringComparison.OrdinalIgnoreCase)))
                        throw new HelpFormatException(file, u.Line, $"-{p.Name} names parameter set '{s}', which SYNTAX does not have");
        return items;
    }

    private static List<ExampleHelp> ReadExamples(List<Block> body, string file)
    {
        var result = new List<ExampleHelp>();
        foreach (var (heading, content) in SplitSections(body, file, level: 3, skip: 0))
        {
            var firstCode = content.FindIndex(b => b.Kind == BlockKind.Code && b.Text.Trim().Length > 0);
            if (firstCode < 0) throw new HelpFormatException(file, heading.Line, $"example '{heading.Text}' has no code block");
            var intro = Paragraphs(content.Take(firstCode), file, heading.Text);
            // Several code blocks (e.g. code, then its output) are shown together, as platyPS does;
            // the prose after the first one is the remarks.
            var rest = content.Skip(firstCode).ToList();
            var code = string.Join("\n\n", rest.Where(b => b.Kind == BlockKind.Code && b.Text.Trim().Length > 0).Select(b => b.Text));
            var remarks = Paragraphs(rest.Where(b => b.Kind != BlockKind.Code), file, heading.Text);
            result.Add(new ExampleHelp(heading.Text, intro, code, remarks));
        }
        return result;
    }

    private static List<TypeHelp> ReadTypes(List<Block> body, string file, string where) =>
        SplitSections(body, file, level: 3, skip: 0)
            .Select(s => new TypeHelp(s.Heading.Text, Paragraphs(s.Body, file, where)))
            .ToList();

    private static List<LinkHelp> ReadLinks(List<Block> body, string file)
    {
        var links = new List<LinkHelp>();
        foreach (var b in body)
        {
            var matches = LinkRx().Matches(b.Text);
            if (b.Kind == BlockKind.Heading || matches.Count == 0)
                throw new HelpFormatException(file, b.Line, "RELATED LINKS holds only markdown links: [Text](uri) or [Cmdlet-Name]()");
            links.AddRange(matches.Select(m => new LinkHelp(m.Groups[1].Value, m.Groups[2].Value)));
        }
        return links;
    }
}
