using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>One parsed HTTP/1.1 request as the sandbox received it (bytes, not interpretation).</summary>
    internal sealed class HttpRequestData
    {
        public static readonly byte[] NoBody = new byte[0];

        public HttpRequestData(string method, string path, string rawQuery, bool http11,
            Dictionary<string, string> headers, byte[] body)
        {
            Method = method;
            Path = path;
            RawQuery = rawQuery;
            Headers = headers;
            Body = body ?? NoBody;
            KeepAlive = WantsKeepAlive(http11, Header("connection"));
        }

        public string Method { get; }
        /// <summary>The target's path, e.g. "/".</summary>
        public string Path { get; }
        /// <summary>The target's query string exactly as sent, without '?', still percent-encoded.</summary>
        public string RawQuery { get; }
        /// <summary>Header values by case-insensitive name; repeated headers are joined with ", ".</summary>
        public Dictionary<string, string> Headers { get; }
        public byte[] Body { get; }
        public bool KeepAlive { get; }

        public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

        // HTTP/1.1 keeps the connection unless told "close"; HTTP/1.0 closes unless told "keep-alive".
        private static bool WantsKeepAlive(bool http11, string connection)
        {
            if (connection == null) return http11;
            foreach (var token in connection.Split(','))
            {
                var t = token.Trim();
                if (t.Equals("close", StringComparison.OrdinalIgnoreCase)) return false;
                if (t.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)) return true;
            }
            return http11;
        }
    }
}
