using CasPS.Credentials;

namespace CasPS.Tests.Credentials;

/// <summary>A throw-away home folder with helpers to write the CLI and INI credential files.</summary>
internal sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "casps-creds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
    public string CliConfigPath => System.IO.Path.Combine(Path, ".aliyun", "config.json");
    public string IniPath => System.IO.Path.Combine(Path, ".alibabacloud", "credentials");
    public string IniDotIniPath => System.IO.Path.Combine(Path, ".alibabacloud", "credentials.ini");

    /// <summary>An environment with this home and the metadata step off, so no test reaches 100.100.100.200.</summary>
    public FakeEnvironment Env() => new FakeEnvironment { HomeDirectory = Path }
        .Set(CredentialEnvironmentVariables.EcsMetadataDisabled, "true");

    public string WriteCliConfig(string json) => Write(CliConfigPath, json);
    public string WriteIni(string text) => Write(IniPath, text);
    public string WriteIniDotIni(string text) => Write(IniDotIniPath, text);

    public string Write(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path));
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A config.json with the given "current" and profiles (each a JSON object text).</summary>
    public string WriteCliProfiles(string current, params string[] profiles) =>
        WriteCliConfig("{\"current\":\"" + current + "\",\"profiles\":[" + string.Join(",", profiles) + "],\"meta_path\":\"\"}");

    public static string AkProfile(string name, string id, string secret, string region = null) =>
        "{\"name\":\"" + name + "\",\"mode\":\"AK\",\"access_key_id\":\"" + id + "\",\"access_key_secret\":\"" + secret + "\""
        + (region == null ? "" : ",\"region_id\":\"" + region + "\"") + "}";

    public static string IniSection(string name, string id, string secret, string region = null) =>
        "[" + name + "]\ntype = access_key\naccess_key_id = " + id + "\naccess_key_secret = " + secret + "\n"
        + (region == null ? "" : "region_id = " + region + "\n");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
