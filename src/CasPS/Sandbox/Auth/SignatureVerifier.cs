using System;
using System.Collections.Generic;
using System.Globalization;
using CasPS.Credentials;
using CasPS.Signing;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Checks an ACS3-HMAC-SHA256 request as the service does: shape of Authorization, required
    /// signed headers, key id, date format and skew, STS token, body hash, signature, nonce.
    /// The canonical request is rebuilt with the client's own signer (Acs3Signer), from the
    /// decoded query, the signed headers' values and the body hash.
    /// </summary>
    internal sealed class SignatureVerifier
    {
        public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

        private static readonly string[] RequiredHeaders =
        {
            "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256",
        };

        private readonly CloudCredential _key;
        private readonly NonceCache _nonces;
        private readonly Func<DateTime> _clock;

        public SignatureVerifier(CloudCredential key, NonceCache nonces, Func<DateTime> clock)
        {
            _key = key;
            _nonces = nonces;
            _clock = clock;
        }

        /// <summary>Null when the request is authentic, else the error to answer.</summary>
        /// <param name="accessKeyId">The key id the request claims (even an unknown one), for the journal.</param>
        public ServiceError Verify(HttpRequestData request, IEnumerable<KeyValuePair<string, string>> query, out string accessKeyId)
        {
            accessKeyId = null;
            if (!AuthorizationHeader.TryParse(request.Header("authorization"), out var auth))
                return ServiceErrors.IncompleteSignature("The Authorization header is missing or malformed.");
            accessKeyId = auth.Credential;

            var signed = new Dictionary<string, string>(auth.SignedHeaders.Length, StringComparer.Ordinal);
            foreach (var name in auth.SignedHeaders)
            {
                string value = request.Header(name);
                if (value == null) return ServiceErrors.IncompleteSignature("Signed header " + name + " is not in the request.");
                signed[name] = value.Trim();
            }
            foreach (var name in RequiredHeaders)
                if (!signed.TryGetValue(name, out var value) || value.Length == 0)
                    return ServiceErrors.IncompleteSignature("Header " + name + " is missing or not signed.");

            if (!string.Equals(auth.Credential, _key.AccessKeyId, StringComparison.Ordinal))
                return ServiceErrors.AccessKeyNotFound();

            if (!DateTime.TryParseExact(signed["x-acs-date"], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                return ServiceErrors.TimeStampFormat();
            DateTime now = _clock();
            if ((date - now).Duration() > MaxSkew) return ServiceErrors.TimeStampExpired();

            var tokenError = CheckSecurityToken(request, signed);
            if (tokenError != null) return tokenError;

            string payloadHash = signed["x-acs-content-sha256"];
            if (!string.Equals(payloadHash, Acs3Signer.HexSha256(request.Body), StringComparison.Ordinal))
                return ServiceErrors.ContentHashMismatch();

            string canonical = Acs3Signer.BuildCanonicalRequest(request.Method, Acs3Signer.CanonicalQuery(query), signed, payloadHash);
            string stringToSign = Acs3Signer.StringToSign(canonical);
            if (!FixedTimeEquals(Acs3Signer.HexHmacSha256(_key.AccessKeySecret, stringToSign), auth.Signature))
                return ServiceErrors.SignatureMismatch(stringToSign);

            // Only authentic requests claim a nonce, so a forger cannot burn a client's nonces.
            if (!_nonces.TryAdd(signed["x-acs-signature-nonce"], now)) return ServiceErrors.NonceUsed();
            return null;
        }

        private ServiceError CheckSecurityToken(HttpRequestData request, Dictionary<string, string> signed)
        {
            if (!_key.IsSts) return null;
            if (!signed.TryGetValue("x-acs-security-token", out var token))
            {
                return request.Header("x-acs-security-token") == null
                    ? ServiceErrors.MissingSecurityToken()
                    : ServiceErrors.IncompleteSignature("Header x-acs-security-token is not signed.");
            }
            return FixedTimeEquals(token, _key.SecurityToken) ? null : ServiceErrors.SecurityTokenMismatch();
        }

        // Compares without an early exit, so timing does not reveal how much of a value matched.
        private static bool FixedTimeEquals(string a, string b)
        {
            if (a == null || b == null || a.Length != b.Length) return false;
            int diff = 0;
            for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
