using CasPS.Credentials;

namespace CasPS.Tests.Credentials;

/// <summary>Environment variables and home folder for one test; the process environment is never touched.</summary>
internal sealed class FakeEnvironment : IEnvironment
{
    private readonly Dictionary<string, string> _vars = new(StringComparer.Ordinal);

    public string HomeDirectory { get; set; }

    /// <summary>Same contract as ProcessEnvironment: empty or whitespace reads as unset.</summary>
    public string Get(string name) => _vars.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    public FakeEnvironment Set(string name, string value)
    {
        _vars[name] = value;
        return this;
    }

    public FakeEnvironment Remove(string name)
    {
        _vars.Remove(name);
        return this;
    }
}
