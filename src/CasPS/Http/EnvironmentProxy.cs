using System;
using System.Linq;
using System.Net;
using CasPS.Credentials;

namespace CasPS.Http
{
    /// <summary>
    /// HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, honoured alike on Windows PowerShell 5.1
    /// (.NET Framework ignores them) and PowerShell 7. Loopback is never proxied, so the sandbox
    /// works behind a corporate proxy.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri _https;
        private readonly Uri _http;
        private readonly string[] _noProxy;

        private EnvironmentProxy(Uri https, Uri http, string[] noProxy)
        {
            _https = https;
            _http = http;
            _noProxy = noProxy;
        }

        /// <summary>The proxy the environment names, or null when it names none (then the system proxy applies).</summary>
        public static EnvironmentProxy FromEnvironment(IEnvironment env)
        {
            Uri all = Parse(Var(env, "ALL_PROXY"));
            Uri https = Parse(Var(env, "HTTPS_PROXY")) ?? all;
            Uri http = Parse(Var(env, "HTTP_PROXY")) ?? all;
            if (https == null && http == null) return null;
            string[] noProxy = (Var(env, "NO_PROXY") ?? string.Empty)
                .Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim().TrimStart('*').ToLowerInvariant()).ToArray();
            return new EnvironmentProxy(https, http, noProxy);
        }

        /// <summary>A key naming this configuration, for one-HttpClient-per-configuration caching.</summary>
        public string Key => (_https?.ToString() ?? "-") + "|" + (_http?.ToString() ?? "-") + "|" + string.Join(",", _noProxy);

        public ICredentials Credentials { get; set; }

        public Uri GetProxy(Uri destination)
        {
            if (IsBypassed(destination)) return destination;
            return (destination.Scheme == Uri.UriSchemeHttps ? _https : _http) ?? destination;
        }

        public bool IsBypassed(Uri host)
        {
            if (EndpointGuard.IsLoopback(host)) return true;
            if ((host.Scheme == Uri.UriSchemeHttps ? _https : _http) == null) return true;
            string h = host.Host.ToLowerInvariant();
            foreach (var rule in _noProxy)
            {
                if (rule == "*" || rule.Length == 0) return true;
                string bare = rule.TrimStart('.');
                if (h == bare || h.EndsWith("." + bare, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        private static string Var(IEnvironment env, string name) => env.Get(name) ?? env.Get(name.ToLowerInvariant());

        private static Uri Parse(string value)
        {
            if (value == null) return null;
            if (!value.Contains("://")) value = "http://" + value;
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
        }
    }
}
