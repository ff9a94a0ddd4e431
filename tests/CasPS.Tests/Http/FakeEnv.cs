using CasPS.Credentials;

namespace CasPS.Tests.Http;

/// <summary>Environment variables from a dictionary, so tests never touch the process's.</summary>
internal sealed class DictionaryEnvironment : IEnvironment
{
    private readonly Dictionary<string, string> _vars;
    public DictionaryEnvironment(params (string, string)[] vars) => _vars = vars.ToDictionary(v => v.Item1, v => v.Item2);
    public string Get(string name) => _vars.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
    public string HomeDirectory => "/nonexistent-home";
}
