using System.Text;
using System.Text.RegularExpressions;

namespace CasPS.HelpBuilder;

public enum BlockKind { Heading, Paragraph, ListItem, Code }

/// <summary>One block of a markdown page. Line is 1-based, for error messages.</summary>
public sealed record Block(BlockKind Kind, string Text, int Line, int Level = 0, string Info = "");

/// <summary>
/// Splits markdown into headings, paragraphs, list items and fenced code: the subset platyPS pages use.
/// Fences are recognised first so a '# comment' inside example code is never taken for a heading.
/// </summary>
public static partial class MarkdownBlocks
{
    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingRx();

    [GeneratedRegex(@"^\s{0,3}([-*+]|\d{1,3}[.)])\s+(.*)$")]
    private static partial Regex ListItemRx();

    [GeneratedRegex(@"^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)")]
    private static partial Regex FenceRx();

    public static List<Block> Parse(IReadOnlyList<string> lines, int firstLine, string file)
    {
        var blocks = new List<Block>();
        StringBuilder? text = null;
        var kind = BlockKind.Paragraph;
        var start = 0;

        void Flush()
        {
            if (text != null) blocks.Add(new Block(kind, text.ToString().Trim(), start));
            text = null;
        }

        for (var i = firstLine; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            if (string.IsNullOrWhiteSpace(line)) { Flush(); continue; }

            var fence = FenceRx().Match(line);
            if (fence.Success)
            {
                Flush();
                var marker = fence.Groups[1].Value;
                var code = new List<string>();
                var closed = false;
                for (i++; i < lines.Count; i++)
                {
                    var t = lines[i].Trim();
                    if (t.StartsWith(marker, StringComparison.Ordinal) && t.Trim(marker[0]).Length == 0) { closed = true; break; }
                    code.Add(lines[i]);
                }
                if (!closed) throw new HelpFormatException(file, lineNo, $"code block opened here with {marker} is never closed");
                blocks.Add(new Block(BlockKind.Code, string.Join("\n", code).Trim('\n'), lineNo, Info: fence.Groups[2].Value.ToLowerInvariant()));
                continue;
            }

            var heading = HeadingRx().Match(line);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new Block(BlockKind.Heading, heading.Groups[2].Value, lineNo, heading.Groups[1].Length));
                continue;
            }

            var item = ListItemRx().Match(line);
            if (item.Success)
            {
                Flush();
                // Keep the bullet or number: each item becomes its own paragraph in the help text.
                var bullet = char.IsDigit(item.Groups[1].Value[0]) ? item.Groups[1].Value : "-";
                (text, kind, start) = (new StringBuilder(bullet + " " + item.Groups[2].Value.Trim()), BlockKind.ListItem, lineNo);
                continue;
            }

            // Lines of one paragraph are joined: Get-Help wraps text to the console width itself.
            if (text == null) (text, kind, start) = (new StringBuilder(), BlockKind.Paragraph, lineNo);
            else text.Append(' ');
            text.Append(line.Trim());
        }
        Flush();
        return blocks;
    }
}
