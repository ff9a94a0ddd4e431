using System;
using CasPS.Signing;

namespace CasPS.Sandbox
{
    /// <summary>
    /// The parts of "ACS3-HMAC-SHA256 Credential=&lt;id&gt;,SignedHeaders=&lt;a;b;c&gt;,Signature=&lt;hex&gt;".
    /// </summary>
    internal sealed class AuthorizationHeader
    {
        public string Credential { get; private set; }
        public string[] SignedHeaders { get; private set; }
        public string Signature { get; private set; }

        /// <summary>False for anything that is not a complete ACS3 Authorization value.</summary>
        public static bool TryParse(string value, out AuthorizationHeader header)
        {
            header = null;
            if (value == null) return false;
            value = value.Trim();
            if (!value.StartsWith(Acs3Signer.Algorithm + " ", StringComparison.Ordinal)) return false;

            var parsed = new AuthorizationHeader();
            foreach (var part in value.Substring(Acs3Signer.Algorithm.Length + 1).Split(','))
            {
                string p = part.Trim();
                int eq = p.IndexOf('=');
                if (eq <= 0) return false;
                string v = p.Substring(eq + 1).Trim();
                switch (p.Substring(0, eq).Trim())
                {
                    case "Credential": parsed.Credential = v; break;
                    case "SignedHeaders": parsed.SignedHeaders = v.Split(';'); break;
                    case "Signature": parsed.Signature = v; break;
                    default: return false;
                }
            }
            if (string.IsNullOrEmpty(parsed.Credential) || string.IsNullOrEmpty(parsed.Signature) || parsed.SignedHeaders == null)
                return false;
            foreach (var name in parsed.SignedHeaders)
                if (name.Length == 0) return false;
            header = parsed;
            return true;
        }
    }
}
