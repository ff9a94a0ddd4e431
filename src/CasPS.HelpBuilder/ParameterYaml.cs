namespace CasPS.HelpBuilder;

/// <summary>
/// The ```yaml metadata blocks under a '### -Name' heading. platyPS writes one block per group of
/// parameter sets that share Required/Position/pipeline input; the first block gives the rest.
/// </summary>
public static class ParameterYaml
{
    private static readonly string[] Keys =
    [
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters", "Applicable",
    ];

    public static ParameterHelp Read(string name, IReadOnlyList<string> description, IReadOnlyList<Block> yamlBlocks, string file)
    {
        var parsed = yamlBlocks.Select(b => (Block: b, Values: ReadBlock(b, file))).ToList();
        var (first, values) = parsed[0];
        var type = Required(values, "Type", first, file, name);
        var usages = parsed.Select(p => Usage(p.Values, p.Block, file, name)).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in usages)
            foreach (var s in u.Sets)
                if (!seen.Add(s)) throw new HelpFormatException(file, u.Line, $"-{name}: parameter set '{s}' appears in two yaml blocks");

        return new ParameterHelp
        {
            Name = name,
            Description = description,
            Type = type.Equals("switch", StringComparison.OrdinalIgnoreCase) ? "SwitchParameter" : type,
            Aliases = List(values.GetValueOrDefault("Aliases")),
            AcceptedValues = List(values.GetValueOrDefault("Accepted values")),
            DefaultValue = values.GetValueOrDefault("Default value") is { Length: > 0 } d ? d : "None",
            Globbing = Bool(values.GetValueOrDefault("Accept wildcard characters", "False"), first, file, name, "Accept wildcard characters"),
            Usages = usages,
        };
    }

    private static ParameterSetUsage Usage(Dictionary<string, string> values, Block block, string file, string name)
    {
        var sets = List(Required(values, "Parameter Sets", block, file, name));
        if (sets.Count == 0) throw new HelpFormatException(file, block.Line, $"-{name}: 'Parameter Sets' is empty; use (All) or set names");
        if (sets.Count > 1 && sets.Contains("(All)")) throw new HelpFormatException(file, block.Line, $"-{name}: (All) cannot be combined with set names");
        var position = Required(values, "Position", block, file, name);
        if (!position.Equals("Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
            throw new HelpFormatException(file, block.Line, $"-{name}: Position must be 'Named' or a number, not '{position}'");
        var pipeline = values.GetValueOrDefault("Accept pipeline input", "False");
        if (!pipeline.StartsWith("True", StringComparison.OrdinalIgnoreCase) && !pipeline.Equals("False", StringComparison.OrdinalIgnoreCase))
            throw new HelpFormatException(file, block.Line, $"-{name}: 'Accept pipeline input' must be False or True (ByValue, ByPropertyName)");
        return new ParameterSetUsage(
            sets,
            Bool(Required(values, "Required", block, file, name), block, file, name, "Required"),
            position.ToLowerInvariant(),
            pipeline,
            block.Line);
    }

    private static Dictionary<string, string> ReadBlock(Block block, string file)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = block.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            var lineNo = block.Line + 1 + i;
            var colon = line.IndexOf(':');
            var key = colon > 0 ? line[..colon].Trim() : "";
            var known = Keys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new HelpFormatException(file, lineNo, $"unknown parameter metadata '{line.Trim()}'; expected one of: {string.Join(", ", Keys)}");
            if (!values.TryAdd(known, line[(colon + 1)..].Trim()))
                throw new HelpFormatException(file, lineNo, $"'{known}' appears twice in one yaml block");
        }
        return values;
    }

    private static string Required(Dictionary<string, string> values, string key, Block block, string file, string name) =>
        values.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new HelpFormatException(file, block.Line, $"-{name}: yaml block lacks '{key}'");

    private static bool Bool(string value, Block block, string file, string name, string key) =>
        value.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new HelpFormatException(file, block.Line, $"-{name}: '{key}' must be True or False, not '{value}'"),
        };

    private static List<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
