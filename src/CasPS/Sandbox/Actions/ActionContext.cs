using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>What an action gets: its parameters, the RequestId to answer with, who asked and when.</summary>
    internal sealed class ActionContext
    {
        public ActionContext(string requestId, IReadOnlyDictionary<string, string> parameters, string accessKeyId, DateTime utcNow)
        {
            RequestId = requestId;
            Parameters = parameters;
            AccessKeyId = accessKeyId;
            UtcNow = utcNow;
        }

        public string RequestId { get; }
        public IReadOnlyDictionary<string, string> Parameters { get; }
        public string AccessKeyId { get; }
        public DateTime UtcNow { get; }

        /// <summary>The parameter's value, or null when absent or empty.</summary>
        public string Parameter(string name) =>
            Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
    }
}
