namespace CasPS.HelpBuilder;

// The parsed form of one platyPS-style cmdlet page: just what the MAML needs, nothing more.

/// <summary>One cmdlet's help, as read from help/&lt;Verb-Noun&gt;.md.</summary>
public sealed class CommandHelp
{
    public required string Name { get; init; }
    public string Verb => Name[..Name.IndexOf('-')];
    public string Noun => Name[(Name.IndexOf('-') + 1)..];
    public required IReadOnlyList<string> Synopsis { get; init; }
    public IReadOnlyList<string> Description { get; init; } = [];
    public IReadOnlyList<SyntaxItem> Syntax { get; init; } = [];
    public IReadOnlyList<ParameterHelp> Parameters { get; init; } = [];
    public IReadOnlyList<TypeHelp> Inputs { get; init; } = [];
    public IReadOnlyList<TypeHelp> Outputs { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<ExampleHelp> Examples { get; init; } = [];
    public IReadOnlyList<LinkHelp> Links { get; init; } = [];
}

/// <summary>One parameter set: its parameters in the order the page's syntax line gives them.</summary>
public sealed record SyntaxItem(string SetName, IReadOnlyList<SyntaxParameter> Parameters);

/// <summary>A parameter as it appears in one set (Required and Position may differ per set).</summary>
public sealed record SyntaxParameter(ParameterHelp Parameter, ParameterSetUsage Usage);

public sealed class ParameterHelp
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Description { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> AcceptedValues { get; init; } = [];
    public string DefaultValue { get; init; } = "None";
    public bool Globbing { get; init; }
    /// <summary>One entry per yaml block: platyPS repeats the block for each group of sets that differ.</summary>
    public required IReadOnlyList<ParameterSetUsage> Usages { get; init; }
    public bool IsSwitch => Type == "SwitchParameter";

    /// <summary>The usage for a set: an explicit mention beats "(All)".</summary>
    public ParameterSetUsage? UsageFor(string setName) =>
        Usages.FirstOrDefault(u => u.Sets.Contains(setName, StringComparer.OrdinalIgnoreCase))
        ?? Usages.FirstOrDefault(u => u.AllSets);
}

/// <summary>The per-set part of a parameter's yaml block.</summary>
public sealed record ParameterSetUsage(IReadOnlyList<string> Sets, bool Required, string Position, string PipelineInput, int Line)
{
    public bool AllSets => Sets.Count == 1 && Sets[0] == "(All)";
}

public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

public sealed record ExampleHelp(string Title, IReadOnlyList<string> Introduction, string Code, IReadOnlyList<string> Remarks);

public sealed record LinkHelp(string Text, string Uri);

/// <summary>A page that breaks the conventions; carries the place so MSBuild can point at it.</summary>
public sealed class HelpFormatException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;
    public int Line { get; } = line;

    /// <summary>MSBuild's canonical error format, so the build log links to the line.</summary>
    public override string ToString() => $"{File}({Line}): error CASHELP: {Message}";
}
