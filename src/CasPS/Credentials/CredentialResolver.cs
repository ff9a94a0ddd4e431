using System;
using System.Collections.Generic;
using System.Threading;
using CasPS.Http;
using V = CasPS.Credentials.CredentialEnvironmentVariables;

namespace CasPS.Credentials
{
    /// <summary>
    /// The credential chain every cloud cmdlet uses. First step that yields wins:
    ///   1. -AccessKeyId/-AccessKeySecret[/-SecurityToken] or -Credential;
    ///   2. -ProfileName: that profile in ~/.aliyun/config.json, else that section of the INI file;
    ///   3. ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET[/ALIBABA_CLOUD_SECURITY_TOKEN];
    ///   4. ~/.aliyun/config.json: profile ALIBABA_CLOUD_PROFILE, else the file's "current";
    ///   5. INI file (ALIBABA_CLOUD_CREDENTIALS_FILE, ~/.alibabacloud/credentials, .../credentials.ini):
    ///      section ALIBABA_CLOUD_PROFILE, else [default];
    ///   6. ECS instance RAM role from the metadata service.
    /// A profile named by -ProfileName or ALIBABA_CLOUD_PROFILE that exists nowhere is an error,
    /// never a silent fall-through; so is a half-given pair. Nothing found is CredentialNotFound,
    /// listing every place looked at. Files are read here, at resolution time, and nowhere else.
    /// </summary>
    internal static class CredentialResolver
    {
        public const string ParametersSource = "the -AccessKeyId/-AccessKeySecret parameters";
        public const string PSCredentialSource = "the -Credential parameter";

        public static CloudCredential Resolve(CredentialRequest request, IEnvironment env, ICallLog log, CancellationToken cancel) =>
            Resolve(request, env, log, cancel, EcsMetadataClient.DefaultTimeout);

        /// <summary>As above, with the metadata service's per-request timeout chosen by the caller.</summary>
        internal static CloudCredential Resolve(CredentialRequest request, IEnvironment env, ICallLog log, CancellationToken cancel, TimeSpan metadataTimeout)
        {
            if (env == null) throw new ArgumentNullException(nameof(env));
            request = request ?? new CredentialRequest();
            cancel.ThrowIfCancellationRequested();
            var search = new Search(env, metadataTimeout, cancel);

            var credential = FromParameters(request, search)
                ?? FromProfileName(request.ProfileName, search)
                ?? FromEnvironment(search)
                ?? FromProfileFiles(search)
                ?? FromEcsMetadata(search)
                ?? throw CredentialErrors.NotFound(search.LookedAt);

            (log ?? NullCallLog.Instance).Debug(DebugLine(credential));
            return credential;
        }

        /// <summary>"CasPS: credentials from &lt;source&gt; (AccessKeyId &lt;id&gt;[, STS token])": the id, never the secret or token.</summary>
        internal static string DebugLine(CloudCredential c) =>
            "CasPS: credentials from " + c.Source + " (AccessKeyId " + c.AccessKeyId + (c.IsSts ? ", STS token" : "") + ")";

        // Step 1.
        private static CloudCredential FromParameters(CredentialRequest r, Search search)
        {
            bool hasId = !string.IsNullOrWhiteSpace(r.AccessKeyId);
            bool hasSecret = !string.IsNullOrEmpty(r.AccessKeySecret);
            bool hasToken = !string.IsNullOrEmpty(r.SecurityToken);
            if (r.FromPSCredential)
            {
                if (!hasId) throw CredentialErrors.IncompletePSCredential("user name (the AccessKey ID)");
                if (!hasSecret) throw CredentialErrors.IncompletePSCredential("password (the AccessKey secret)");
                return new CloudCredential(r.AccessKeyId, r.AccessKeySecret, r.SecurityToken, PSCredentialSource);
            }
            if (hasId && !hasSecret) throw CredentialErrors.MissingParameter("-AccessKeySecret", "-AccessKeyId", "AccessKeySecret");
            if (hasSecret && !hasId) throw CredentialErrors.MissingParameter("-AccessKeyId", "-AccessKeySecret", "AccessKeyId");
            if (hasId) return new CloudCredential(r.AccessKeyId, r.AccessKeySecret, r.SecurityToken, ParametersSource);
            // A token is only ever half of STS keys.
            if (hasToken) throw CredentialErrors.MissingParameter("-AccessKeyId and -AccessKeySecret", "-SecurityToken", "AccessKeyId");
            search.LookedAt.Add("parameters -AccessKeyId/-AccessKeySecret, -Credential, -ProfileName (none given)");
            return null;
        }

        // Step 2. An explicit -ProfileName is honoured even when the CLI-profile switches are set:
        // those switches only steer the default chain.
        private static CloudCredential FromProfileName(string name, Search search) =>
            string.IsNullOrWhiteSpace(name) ? null : search.Materialize(FindNamedProfile(name, "-ProfileName", search, honourCliSwitches: false));

        // Step 3.
        private static CloudCredential FromEnvironment(Search search)
        {
            var env = search.Env;
            var id = env.Get(V.AccessKeyId);
            var secret = env.Get(V.AccessKeySecret);
            if (id != null && secret == null) throw CredentialErrors.MissingVariable(V.AccessKeySecret, V.AccessKeyId);
            if (secret != null && id == null) throw CredentialErrors.MissingVariable(V.AccessKeyId, V.AccessKeySecret);
            var names = "environment variables " + V.AccessKeyId + "/" + V.AccessKeySecret;
            if (id == null)
            {
                search.LookedAt.Add(names + " (not set)");
                return null;
            }
            var token = env.Get(V.SecurityToken);
            return new CloudCredential(id, secret, token, token == null ? names : names + "/" + V.SecurityToken);
        }

        // Steps 4 and 5. A profile named by ALIBABA_CLOUD_PROFILE is looked up in both files and
        // must exist; otherwise the CLI file's "current" profile, then the INI file's [default].
        private static CloudCredential FromProfileFiles(Search search)
        {
            var named = search.Env.Get(V.Profile);
            if (named != null)
                return search.Materialize(FindNamedProfile(named, "environment variable " + V.Profile, search, honourCliSwitches: true));
            return search.Materialize(FromCliCurrentProfile(search) ?? FromIniSection("default", search, search.LookedAt));
        }

        private static ConfiguredCredential FromCliCurrentProfile(Search search)
        {
            if (!CliFileUsable(search, honourCliSwitches: true, search.LookedAt, out var path)) return null;
            var file = CliConfigFile.Load(path);
            if (file == null) { search.LookedAt.Add("profile file " + path + " (not found)"); return null; }
            if (file.Current == null) { search.LookedAt.Add("profile file " + path + " (no current profile)"); return null; }
            var profile = file.GetProfile(file.Current);
            if (profile == null) search.LookedAt.Add("profile file " + path + " (current profile '" + file.Current + "' is not in the file)");
            return profile;
        }

        /// <summary>The profile from the CLI file, else the INI file; ProfileNotFound naming the files when in neither.</summary>
        private static ConfiguredCredential FindNamedProfile(string name, string namedBy, Search search, bool honourCliSwitches)
        {
            var lookedAt = new List<string>();
            if (CliFileUsable(search, honourCliSwitches, lookedAt, out var path))
            {
                var file = CliConfigFile.Load(path);
                var profile = file?.GetProfile(name);
                if (profile != null) return profile;
                lookedAt.Add("profile file " + path + (file == null ? " (not found)" : " (no profile '" + name + "')"));
            }
            return FromIniSection(name, search, lookedAt) ?? throw CredentialErrors.ProfileNotFound(name, namedBy, lookedAt);
        }

        /// <summary>Whether to read the CLI file, and where it is; notes why not in lookedAt.</summary>
        private static bool CliFileUsable(Search search, bool honourCliSwitches, List<string> lookedAt, out string path)
        {
            path = CliConfigFile.DefaultPath(search.Env);
            var shown = path ?? "~/.aliyun/config.json";
            foreach (var off in new[] { V.CliProfileDisabled, V.IgnoreProfile })
            {
                if (honourCliSwitches && V.IsTrue(search.Env, off))
                {
                    lookedAt.Add("profile file " + shown + " (skipped: " + off + "=true)");
                    return false;
                }
            }
            if (path == null) lookedAt.Add("profile file " + shown + " (no home folder)");
            return path != null;
        }

        private static ConfiguredCredential FromIniSection(string section, Search search, List<string> lookedAt)
        {
            var candidates = IniCredentialsFile.CandidatePaths(search.Env);
            var file = IniCredentialsFile.Load(candidates);
            if (file == null)
            {
                lookedAt.Add(candidates.Count == 0
                    ? "credentials file ~/.alibabacloud/credentials (no home folder)"
                    : "credentials file " + string.Join(" or ", candidates) + " (not found)");
                return null;
            }
            var profile = file.GetSection(section);
            if (profile == null) lookedAt.Add("credentials file " + file.Path + " (no [" + section + "] section)");
            return profile;
        }

        // Step 6. Any failure here only means "no keys from this step"; the reason is listed if the chain ends empty.
        private static CloudCredential FromEcsMetadata(Search search)
        {
            if (V.IsTrue(search.Env, V.EcsMetadataDisabled))
            {
                search.LookedAt.Add("ECS metadata service (skipped: " + V.EcsMetadataDisabled + "=true)");
                return null;
            }
            var client = search.Metadata;
            var result = client.GetRoleCredentials(search.Env.Get(V.EcsRoleName), search.Cancel);
            if (result.Credentials == null)
            {
                search.LookedAt.Add("ECS metadata service " + client.Endpoint + " (" + result.Problem + ")");
                return null;
            }
            return EcsCredential(result.Credentials, null, client.Endpoint, null);
        }

        private static CloudCredential EcsCredential(EcsRoleCredentials keys, string origin, string endpoint, string region) =>
            new CloudCredential(keys.AccessKeyId, keys.AccessKeySecret, keys.SecurityToken,
                "ECS RAM role '" + keys.RoleName + "'" + (origin == null ? "" : " (from " + origin + ")") + " via metadata service " + endpoint)
            {
                Region = region,
            };

        /// <summary>One resolution's inputs and the places looked at so far (for CredentialNotFound).</summary>
        private sealed class Search
        {
            private readonly TimeSpan _metadataTimeout;
            private EcsMetadataClient _metadata;

            public Search(IEnvironment env, TimeSpan metadataTimeout, CancellationToken cancel)
            {
                Env = env;
                _metadataTimeout = metadataTimeout;
                Cancel = cancel;
            }

            public IEnvironment Env { get; }
            public CancellationToken Cancel { get; }
            public List<string> LookedAt { get; } = new List<string>();

            // Built on first use, so a bad CASPS_ECS_METADATA_ENDPOINT troubles only those who reach the metadata step.
            public EcsMetadataClient Metadata => _metadata ?? (_metadata = EcsMetadataClient.FromEnvironment(Env, _metadataTimeout));

            /// <summary>A profile's keys; for an ECS-role profile, fetched now, and failure is terminating (the profile was chosen).</summary>
            public CloudCredential Materialize(ConfiguredCredential c)
            {
                if (c == null) return null;
                if (!c.IsEcsRole)
                    return new CloudCredential(c.AccessKeyId, c.AccessKeySecret, c.SecurityToken, c.Source) { Region = c.Region };
                if (V.IsTrue(Env, V.EcsMetadataDisabled)) throw CredentialErrors.EcsProfileButMetadataDisabled(c.Source);
                var result = Metadata.GetRoleCredentials(c.RoleName, Cancel);
                if (result.Credentials == null) throw CredentialErrors.EcsRoleFailed(c.Source, Metadata.Endpoint, result.Problem);
                return EcsCredential(result.Credentials, c.Source, Metadata.Endpoint, c.Region);
            }
        }
    }
}
