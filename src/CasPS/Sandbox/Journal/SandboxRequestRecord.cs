using System;
using System.Collections.Generic;

namespace CasPS.Sandbox
{
    /// <summary>
    /// One request the sandbox received and what became of it. Holds no secret, no signature and
    /// no STS token: only the key id, the decoded query parameters and the outcome.
    /// </summary>
    public sealed class SandboxRequestRecord
    {
        internal SandboxRequestRecord(DateTime time, string method, string action, string version, IReadOnlyDictionary<string, string> parameters)
        {
            Time = time;
            Method = method;
            Action = action;
            Version = version;
            Parameters = parameters;
        }

        /// <summary>When the request arrived (UTC, sandbox clock).</summary>
        public DateTime Time { get; }
        public string Method { get; }
        /// <summary>x-acs-action (or the Action query parameter of an unsigned-style request); null if absent.</summary>
        public string Action { get; }
        public string Version { get; }
        /// <summary>Decoded query parameters by name (a SecurityToken or Signature parameter is left out).</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }
        /// <summary>The AccessKeyId the Authorization header claimed, known or not; null if none.</summary>
        public string AccessKeyId { get; internal set; }
        /// <summary>True when the signature, date, nonce (and STS token) checks all passed.</summary>
        public bool Authenticated { get; internal set; }
        /// <summary>True when the action ran and succeeded (its effect happened), even if the answer was then lost.</summary>
        public bool Executed { get; internal set; }
        /// <summary>The injected fault, or null.</summary>
        public SandboxFaultKind? Fault { get; internal set; }
        /// <summary>HTTP status sent; 0 when the connection was dropped without an answer.</summary>
        public int StatusCode { get; internal set; }
        /// <summary>The error Code answered (e.g. "SignatureDoesNotMatch"), or null.</summary>
        public string ErrorCode { get; internal set; }
        /// <summary>The RequestId answered, or null when no JSON answer carried one.</summary>
        public string RequestId { get; internal set; }

        public override string ToString() =>
            Method + " " + (Action ?? "(no action)") + " -> " + (StatusCode == 0 ? "dropped" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) +
            (ErrorCode != null ? " " + ErrorCode : string.Empty) + (Fault != null ? " [fault " + Fault + "]" : string.Empty);
    }
}
