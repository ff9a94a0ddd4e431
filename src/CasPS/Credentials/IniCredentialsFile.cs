using System;
using System.Collections.Generic;
using System.IO;
using V = CasPS.Credentials.CredentialEnvironmentVariables;

namespace CasPS.Credentials
{
    /// <summary>
    /// The SDKs' INI credentials file: [section] lines, then "key = value" lines; '#' and ';'
    /// start comments. type access_key (or no type) is a static key, ecs_ram_role an ECS role;
    /// other types are refused.
    /// </summary>
    internal sealed class IniCredentialsFile
    {
        private readonly Dictionary<string, Dictionary<string, string>> _sections;

        private IniCredentialsFile(string path, Dictionary<string, Dictionary<string, string>> sections)
        {
            Path = path;
            _sections = sections;
        }

        public string Path { get; }

        /// <summary>
        /// Where to look, in order: ALIBABA_CLOUD_CREDENTIALS_FILE alone when set (it must exist),
        /// else ~/.alibabacloud/credentials then ~/.alibabacloud/credentials.ini: Alibaba's README and
        /// most SDKs use the first name, the C# SDK the second.
        /// </summary>
        public static IList<string> CandidatePaths(IEnvironment env)
        {
            var fromEnv = env.Get(V.CredentialsFile);
            if (fromEnv != null)
            {
                if (!File.Exists(fromEnv)) throw CredentialErrors.InvalidVariable(V.CredentialsFile, "names " + fromEnv + ", which does not exist");
                return new[] { fromEnv };
            }
            var home = env.HomeDirectory;
            if (string.IsNullOrEmpty(home)) return new string[0];
            var folder = System.IO.Path.Combine(home, ".alibabacloud");
            return new[] { System.IO.Path.Combine(folder, "credentials"), System.IO.Path.Combine(folder, "credentials.ini") };
        }

        /// <summary>The first candidate that exists, parsed; null when none does.</summary>
        public static IniCredentialsFile Load(IList<string> candidates)
        {
            foreach (var path in candidates)
            {
                var text = CredentialFileText.ReadOrNull(path);
                if (text != null) return Parse(path, text);
            }
            return null;
        }

        internal static IniCredentialsFile Parse(string path, string text)
        {
            var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            Dictionary<string, string> current = null;
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[')
                {
                    if (line[line.Length - 1] != ']' || line.Length < 3)
                        throw CredentialErrors.InvalidFile(path, "has a malformed section header on line " + (i + 1));
                    var name = line.Substring(1, line.Length - 2).Trim();
                    // A repeated section adds to the first, as the SDKs' INI readers do.
                    if (!sections.TryGetValue(name, out current))
                        sections[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    continue;
                }
                int eq = line.IndexOf('=');
                if (eq <= 0) throw CredentialErrors.InvalidFile(path, "has a line that is neither [section] nor key = value (line " + (i + 1) + ")");
                if (current == null) throw CredentialErrors.InvalidFile(path, "has a key before any [section] (line " + (i + 1) + ")");
                current[line.Substring(0, eq).Trim()] = Unquote(line.Substring(eq + 1).Trim());
            }
            return new IniCredentialsFile(path, sections);
        }

        /// <summary>The section as a credential, or null when there is no such section.</summary>
        public ConfiguredCredential GetSection(string name)
        {
            if (!_sections.TryGetValue(name, out var s)) return null;
            var c = new ConfiguredCredential { Source = "profile '" + name + "' in " + Path, Region = Value(s, "region_id") };
            var type = Value(s, "type") ?? "access_key";
            if (string.Equals(type, "access_key", StringComparison.OrdinalIgnoreCase))
            {
                c.AccessKeyId = Value(s, "access_key_id") ?? throw CredentialErrors.IncompleteProfile(c.Source, "type access_key", "access_key_id");
                c.AccessKeySecret = Value(s, "access_key_secret") ?? throw CredentialErrors.IncompleteProfile(c.Source, "type access_key", "access_key_secret");
            }
            else if (string.Equals(type, "ecs_ram_role", StringComparison.OrdinalIgnoreCase))
            {
                c.IsEcsRole = true;
                c.RoleName = Value(s, "role_name");
            }
            else
            {
                throw CredentialErrors.UnsupportedProfile(c.Source, "type '" + type + "'");
            }
            return c;
        }

        private static string Value(Dictionary<string, string> section, string key) =>
            section.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

        private static string Unquote(string v) =>
            v.Length >= 2 && v[0] == '"' && v[v.Length - 1] == '"' ? v.Substring(1, v.Length - 2) : v;
    }
}
