using System.Text;

namespace CasPS.HelpBuilder;

/// <summary>
/// Turns help/about_*.md into the plain-text about_*.help.txt that `Get-Help about_X` prints:
/// "## HEADING" at the margin, prose wrapped at 80 columns and indented 4, code indented 8.
/// </summary>
public static class AboutTopicWriter
{
    private const int Width = 80;

    public static string Convert(string markdown, string file)
    {
        var lines = MarkdownText.Lines(markdown, file);
        MarkdownText.FrontMatter(lines, file, out var bodyStart);
        var blocks = MarkdownBlocks.Parse(lines, bodyStart, file);
        var expected = Path.GetFileNameWithoutExtension(file);
        if (blocks.Count == 0 || blocks[0] is not { Kind: BlockKind.Heading, Level: 1 } title || title.Text != expected)
            throw new HelpFormatException(file, blocks.Count > 0 ? blocks[0].Line : 1, $"an about topic must start with '# {expected}'");
        var sections = MarkdownHelpParser.SplitSections(blocks, file, level: 2, skip: 1);
        var shortDescription = sections.FirstOrDefault(s => s.Heading.Text.Equals("SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase));
        if (shortDescription.Body is not { Count: > 0 })
            throw new HelpFormatException(file, shortDescription.Heading?.Line ?? title.Line, "an about topic needs a non-empty '## SHORT DESCRIPTION'");

        var sb = new StringBuilder();
        sb.Append("TOPIC\n    ").Append(title.Text).Append('\n');
        foreach (var (heading, body) in sections)
        {
            sb.Append('\n').Append(heading.Text.ToUpperInvariant()).Append('\n');
            Block? previous = null;
            foreach (var b in body)
            {
                // A blank line between blocks, except inside a list.
                if (previous != null && !(previous.Kind == BlockKind.ListItem && b.Kind == BlockKind.ListItem)) sb.Append('\n');
                previous = b;
                switch (b.Kind)
                {
                    case BlockKind.Heading: sb.Append("    ").Append(b.Text).Append('\n').Append("    ").Append('-', b.Text.Length).Append('\n'); break;
                    case BlockKind.Code: foreach (var l in b.Text.Split('\n')) sb.Append(l.Length > 0 ? "        " + l : "").Append('\n'); break;
                    // Continuation lines of an item align with its text, after "- " or "1. ".
                    case BlockKind.ListItem: Wrap(sb, b.Text, indent: 4, hanging: b.Text.IndexOf(' ') + 1); break;
                    default: Wrap(sb, b.Text, indent: 4, hanging: 0); break;
                }
            }
        }
        return sb.ToString();
    }

    private static void Wrap(StringBuilder sb, string text, int indent, int hanging)
    {
        var line = new StringBuilder().Append(' ', indent);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append(' ', indent + hanging);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        sb.Append(line).Append('\n');
    }
}
