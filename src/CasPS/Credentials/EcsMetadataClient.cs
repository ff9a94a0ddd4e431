using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using CasPS.Json;
using V = CasPS.Credentials.CredentialEnvironmentVariables;

namespace CasPS.Credentials
{
    /// <summary>
    /// Gets an ECS instance's RAM role keys from the metadata service: IMDSv2 token first, IMDSv1
    /// when the service refuses tokens (unless ALIBABA_CLOUD_IMDSV1_DISABLED=true), role name
    /// given or discovered. Every request has a short timeout, and a token request that gets no
    /// answer ends the attempt at once, so a machine that is not on ECS pays about one timeout.
    /// </summary>
    internal sealed class EcsMetadataClient
    {
        public const string DefaultEndpoint = "http://100.100.100.200";
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

        internal const string TokenPath = "/latest/api/token";
        internal const string CredentialsPath = "/latest/meta-data/ram/security-credentials/";
        internal const string TokenHeader = "X-aliyun-ecs-metadata-token";
        internal const string TokenTtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";
        private const string TokenTtlSeconds = "21600";

        // One client for the process. Never through a proxy: the metadata address exists only on the instance.
        private static readonly HttpClient Http = new HttpClient(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each request carries its own
        };

        private readonly bool _imdsV1Disabled;
        private readonly TimeSpan _timeout;

        public EcsMetadataClient(string endpoint, bool imdsV1Disabled, TimeSpan timeout)
        {
            Endpoint = endpoint.TrimEnd('/');
            _imdsV1Disabled = imdsV1Disabled;
            _timeout = timeout;
        }

        /// <summary>Base address, e.g. http://100.100.100.200.</summary>
        public string Endpoint { get; }

        /// <summary>A client for CASPS_ECS_METADATA_ENDPOINT (default http://100.100.100.200) and ALIBABA_CLOUD_IMDSV1_DISABLED.</summary>
        public static EcsMetadataClient FromEnvironment(IEnvironment env, TimeSpan timeout)
        {
            var endpoint = env.Get(V.EcsMetadataEndpoint) ?? DefaultEndpoint;
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw CredentialErrors.InvalidVariable(V.EcsMetadataEndpoint, "is not an absolute http(s) address");
            return new EcsMetadataClient(endpoint, V.IsTrue(env, V.ImdsV1Disabled), timeout);
        }

        /// <summary>Keys for the role (null: discover it), from the cache while they are fresh.</summary>
        public EcsMetadataResult GetRoleCredentials(string roleName, CancellationToken cancel)
        {
            var cached = EcsCredentialCache.Get(Endpoint, roleName, DateTimeOffset.UtcNow);
            if (cached != null) return EcsMetadataResult.Found(cached);
            try
            {
                var token = GetToken(cancel);
                var role = roleName ?? DiscoverRole(token, cancel);
                var keys = FetchKeys(role, token, cancel);
                EcsCredentialCache.Put(Endpoint, roleName, keys, DateTimeOffset.UtcNow);
                return EcsMetadataResult.Found(keys);
            }
            catch (MetadataProblem p)
            {
                return EcsMetadataResult.Failed(p.Message);
            }
        }

        /// <summary>An IMDSv2 token, or null to go on with IMDSv1.</summary>
        private string GetToken(CancellationToken cancel)
        {
            var (status, body) = Send(HttpMethod.Put, TokenPath, null, cancel);
            if (status == 200 && !string.IsNullOrWhiteSpace(body)) return body.Trim();
            if (_imdsV1Disabled)
                throw new MetadataProblem("IMDSv2 token refused with HTTP " + status + ", and IMDSv1 is disabled by " + V.ImdsV1Disabled);
            return null;
        }

        private string DiscoverRole(string token, CancellationToken cancel)
        {
            var (status, body) = Send(HttpMethod.Get, CredentialsPath, token, cancel);
            if (status == 404) throw new MetadataProblem("no RAM role attached to the instance");
            if (status != 200) throw new MetadataProblem("role discovery answered HTTP " + status);
            var role = body.Trim().Split('\n')[0].Trim();
            if (role.Length == 0) throw new MetadataProblem("no RAM role attached to the instance");
            return role;
        }

        private EcsRoleCredentials FetchKeys(string role, string token, CancellationToken cancel)
        {
            var (status, body) = Send(HttpMethod.Get, CredentialsPath + Uri.EscapeDataString(role), token, cancel);
            if (status == 404) throw new MetadataProblem("RAM role '" + role + "' not found on the instance");
            if (status != 200) throw new MetadataProblem("keys for RAM role '" + role + "' answered HTTP " + status);
            if (!JsonReader.TryParse(body, out var json) || json.Kind != JsonKind.Object)
                throw new MetadataProblem("keys for RAM role '" + role + "' were not a JSON object");
            var code = json.GetString("Code");
            if (!string.Equals(code, "Success", StringComparison.Ordinal))
                throw new MetadataProblem("keys for RAM role '" + role + "' answered Code '" + code + "'");
            var id = json.GetString("AccessKeyId");
            var secret = json.GetString("AccessKeySecret");
            var stsToken = json.GetString("SecurityToken");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(stsToken))
                throw new MetadataProblem("keys for RAM role '" + role + "' lack AccessKeyId, AccessKeySecret or SecurityToken");
            return new EcsRoleCredentials(role, id, secret, stsToken, ParseExpiration(json.GetString("Expiration")));
        }

        private static DateTimeOffset? ParseExpiration(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t : (DateTimeOffset?)null;

        /// <summary>One request under the short timeout; no answer at all is a MetadataProblem "not reachable".</summary>
        private (int Status, string Body) Send(HttpMethod method, string path, string token, CancellationToken cancel)
        {
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            using (var request = new HttpRequestMessage(method, Endpoint + path))
            {
                limit.CancelAfter(_timeout);
                if (method == HttpMethod.Put) request.Headers.TryAddWithoutValidation(TokenTtlHeader, TokenTtlSeconds);
                if (token != null) request.Headers.TryAddWithoutValidation(TokenHeader, token);
                try
                {
                    using (var response = Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false).GetAwaiter().GetResult())
                    {
                        var body = response.Content == null ? "" : response.Content.ReadAsStringAsync().ConfigureAwait(false).GetAwaiter().GetResult();
                        return ((int)response.StatusCode, body);
                    }
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    throw new MetadataProblem("not reachable: no answer within " + _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
                }
                catch (HttpRequestException)
                {
                    throw new MetadataProblem("not reachable");
                }
            }
        }

        /// <summary>Why no keys came back; the message goes into error texts and never holds a secret.</summary>
        private sealed class MetadataProblem : Exception
        {
            public MetadataProblem(string message) : base(message) { }
        }
    }
}
