using System.Collections.Generic;
using CasPS.Json;

namespace CasPS.Http
{
    /// <summary>One RPC-style API call: every field travels in the query string, the body is empty.</summary>
    internal sealed class ApiCall
    {
        public ApiCall(string action, string version, bool idempotent)
        {
            Action = action;
            Version = version;
            Idempotent = idempotent;
        }

        public string Action { get; }
        public string Version { get; }
        /// <summary>False for calls that spend quota: those are retried only when the answer proves they did not run.</summary>
        public bool Idempotent { get; }
        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Adds a parameter unless its value is null or empty (the SDK skips unset fields too).</summary>
        public ApiCall Add(string name, string value)
        {
            if (!string.IsNullOrEmpty(value)) Query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }

    /// <summary>A successful (2xx) answer.</summary>
    internal sealed class ApiResponse
    {
        public JsonNode Body;
        public string RequestId;
        public int StatusCode;
        public int Attempts;
    }
}
