using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using CasPS.Credentials;

namespace CasPS.Http
{
    /// <summary>
    /// One HttpClient per proxy configuration, shared by every call and runspace, so connections
    /// are pooled and sockets are not exhausted. Timeouts are per request (a linked
    /// CancellationTokenSource), so the shared client's own Timeout is infinite.
    /// </summary>
    internal static class HttpClientCache
    {
        private static readonly ConcurrentDictionary<string, HttpClient> Clients = new ConcurrentDictionary<string, HttpClient>();
        private static readonly object TlsLock = new object();
        private static bool _tlsChecked;

        public static HttpClient Get(IEnvironment env)
        {
            EnsureTls12();
            var proxy = EnvironmentProxy.FromEnvironment(env);
            string key = proxy?.Key ?? "system";
            return Clients.GetOrAdd(key, _ => Create(proxy));
        }

        private static HttpClient Create(IWebProxy proxy)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseProxy = true,
            };
            if (proxy != null) handler.Proxy = proxy; // otherwise the system proxy (and on .NET Core, the environment)
            return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>
        /// Windows PowerShell 5.1 may still default to SSL3/TLS 1.0, which Alibaba Cloud refuses.
        /// OR TLS 1.2 in, never overwrite: other modules in the session rely on what is enabled.
        /// SystemDefault (0) already lets the OS choose TLS 1.2+, so it is left alone.
        /// </summary>
        internal static void EnsureTls12()
        {
            if (_tlsChecked) return;
            lock (TlsLock)
            {
                if (_tlsChecked) return;
                if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
                {
                    var current = ServicePointManager.SecurityProtocol;
                    if (current != 0 && (current & SecurityProtocolType.Tls12) == 0)
                        ServicePointManager.SecurityProtocol = current | SecurityProtocolType.Tls12;
                }
                _tlsChecked = true;
            }
        }
    }
}
