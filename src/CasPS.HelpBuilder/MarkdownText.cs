namespace CasPS.HelpBuilder;

/// <summary>Line splitting and YAML front matter, shared by cmdlet pages and about topics.</summary>
public static class MarkdownText
{
    /// <summary>Splits into lines and rejects characters XML 1.0 cannot carry, naming the line.</summary>
    public static string[] Lines(string text, string file)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
            foreach (var c in lines[i])
                if (c < 0x20 && c != '\t' || c is '\uFFFE' or '\uFFFF')
                    throw new HelpFormatException(file, i + 1, $"control character U+{(int)c:X4} cannot appear in help");
        return lines;
    }

    /// <summary>Reads a leading '---' ... '---' block of 'key: value' lines; keys are lower-cased.</summary>
    public static Dictionary<string, string> FrontMatter(string[] lines, string file, out int bodyStart)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        bodyStart = 0;
        if (lines.Length == 0 || lines[0].Trim() != "---") return values;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "---") { bodyStart = i + 1; return values; }
            if (lines[i].Trim().Length == 0) continue;
            var colon = lines[i].IndexOf(':');
            if (colon <= 0) throw new HelpFormatException(file, i + 1, "front matter lines must be 'key: value'");
            values[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        throw new HelpFormatException(file, 1, "front matter opened with '---' is never closed");
    }
}
