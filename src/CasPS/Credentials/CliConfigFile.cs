using System;
using System.IO;
using CasPS.Json;

namespace CasPS.Credentials
{
    /// <summary>
    /// The aliyun CLI's ~/.aliyun/config.json: {"current": name, "profiles": [{"name", "mode", ...}]}.
    /// Modes AK and StsToken give static keys, EcsRamRole an ECS role; every other mode is refused
    /// rather than half-implemented.
    /// </summary>
    internal sealed class CliConfigFile
    {
        private readonly JsonNode _profiles;

        private CliConfigFile(string path, string current, JsonNode profiles)
        {
            Path = path;
            Current = current;
            _profiles = profiles;
        }

        public string Path { get; }
        /// <summary>The file's "current" profile name, or null.</summary>
        public string Current { get; }

        /// <summary>~/.aliyun/config.json (as the CLI: under %USERPROFILE% or $HOME), or null without a home folder.</summary>
        public static string DefaultPath(IEnvironment env)
        {
            var home = env.HomeDirectory;
            return string.IsNullOrEmpty(home) ? null : System.IO.Path.Combine(home, ".aliyun", "config.json");
        }

        /// <summary>The parsed file, or null when it does not exist.</summary>
        public static CliConfigFile Load(string path)
        {
            var text = CredentialFileText.ReadOrNull(path);
            if (text == null) return null;
            // The parser's message may quote a character of the file; only the path is reported.
            if (!JsonReader.TryParse(text, out var root) || root.Kind != JsonKind.Object)
                throw CredentialErrors.InvalidFile(path, "is not a valid JSON object");
            var profiles = root["profiles"];
            if (profiles != null && profiles.Kind != JsonKind.Array && profiles.Kind != JsonKind.Null)
                throw CredentialErrors.InvalidFile(path, "has a \"profiles\" member that is not an array");
            return new CliConfigFile(path, Blank(root.GetString("current")), profiles);
        }

        /// <summary>The named profile (names compare exactly, as in the CLI), or null when absent.</summary>
        public ConfiguredCredential GetProfile(string name)
        {
            if (_profiles == null || _profiles.Kind != JsonKind.Array) return null;
            foreach (var p in _profiles.Items)
                if (p.Kind == JsonKind.Object && string.Equals(p.GetString("name"), name, StringComparison.Ordinal))
                    return ToCredential(p, name);
            return null;
        }

        private ConfiguredCredential ToCredential(JsonNode p, string name)
        {
            var c = new ConfiguredCredential { Source = "profile '" + name + "' in " + Path, Region = Blank(p.GetString("region_id")) };
            // Profiles written by old CLI versions have no mode; the CLI reads them as AK.
            var mode = Blank(p.GetString("mode")) ?? "AK";
            if (Is(mode, "AK") || Is(mode, "StsToken"))
            {
                c.AccessKeyId = Required(p, "access_key_id", c.Source, mode);
                c.AccessKeySecret = Required(p, "access_key_secret", c.Source, mode);
                if (Is(mode, "StsToken")) c.SecurityToken = Required(p, "sts_token", c.Source, mode);
            }
            else if (Is(mode, "EcsRamRole"))
            {
                c.IsEcsRole = true;
                c.RoleName = Blank(p.GetString("ram_role_name"));
            }
            else
            {
                throw CredentialErrors.UnsupportedProfile(c.Source, "mode '" + mode + "'");
            }
            return c;
        }

        private static string Required(JsonNode p, string key, string source, string mode) =>
            Blank(p.GetString(key)) ?? throw CredentialErrors.IncompleteProfile(source, "mode " + mode, key);

        private static bool Is(string mode, string expected) => string.Equals(mode, expected, StringComparison.OrdinalIgnoreCase);

        private static string Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
