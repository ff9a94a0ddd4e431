namespace CasPS.Tests.Engine;

/// <summary>
/// Tests that change this process's environment variables (credentials, HOME). xunit runs a
/// collection with DisableParallelization on its own, after the parallel ones, so no other
/// test sees the changes; each test still restores everything with <see cref="ProcessEnvironmentScope"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>
/// Snapshots every variable credential and endpoint resolution reads, clears them all, points
/// HOME (and USERPROFILE) at a fresh empty folder, and puts everything back on Dispose.
/// </summary>
internal sealed class ProcessEnvironmentScope : IDisposable
{
    public static readonly string[] Variables =
    {
        "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
        "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "ALIBABA_CLOUD_IGNORE_PROFILE",
        "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_ECS_METADATA", "ALIBABA_CLOUD_ECS_METADATA_DISABLED",
        "ALIBABA_CLOUD_IMDSV1_DISABLED", "CASPS_ECS_METADATA_ENDPOINT", "ALIBABA_CLOUD_CAS_ENDPOINT",
        "ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID",
        "HOME", "USERPROFILE",
    };

    private readonly Dictionary<string, string> _saved = new();

    public ProcessEnvironmentScope()
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
        Home = Path.Combine(Path.GetTempPath(), "casps-engine-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
        Set("HOME", Home);
        Set("USERPROFILE", Home);
    }

    /// <summary>The empty home folder this scope created (deleted on Dispose).</summary>
    public string Home { get; }

    public ProcessEnvironmentScope Set(string name, string value)
    {
        if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public string WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path));
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { }
    }
}
