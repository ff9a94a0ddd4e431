using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CasPS.Credentials;

namespace CasPS.Signing
{
    /// <summary>What goes into an ACS3 signature: everything the server will hash.</summary>
    internal sealed class SigningInput
    {
        public string Method = "POST";
        public string Host;                       // host[:port] exactly as sent in the Host header
        public string Action;
        public string Version;
        public IList<KeyValuePair<string, string>> Query = new List<KeyValuePair<string, string>>();
        public byte[] Body = new byte[0];
        public DateTime UtcNow;
        public string Nonce;
    }

    /// <summary>The result of signing: the headers to send and, for tests and diagnostics, each intermediate.</summary>
    internal sealed class SignedRequest
    {
        public string CanonicalQueryString;
        public string CanonicalRequest;
        public string StringToSign;
        public string Signature;
        public string Authorization;
        public string SignedHeaders;
        /// <summary>Headers to send, lower-case names, including the signed ones (not Authorization).</summary>
        public SortedDictionary<string, string> Headers;
    }

    /// <summary>
    /// Alibaba Cloud signature V3 (ACS3-HMAC-SHA256). A pure function of the request, the
    /// credential, the clock reading and the nonce, so the official vectors pin it down exactly.
    /// </summary>
    internal static class Acs3Signer
    {
        public const string Algorithm = "ACS3-HMAC-SHA256";
        public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        public static SignedRequest Sign(SigningInput input, CloudCredential credential)
        {
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["host"] = input.Host,
                ["x-acs-action"] = input.Action,
                ["x-acs-version"] = input.Version,
                ["x-acs-date"] = FormatDate(input.UtcNow),
                ["x-acs-signature-nonce"] = input.Nonce,
                ["x-acs-content-sha256"] = input.Body == null || input.Body.Length == 0 ? EmptyBodyHash : HexSha256(input.Body),
            };
            if (credential.IsSts)
            {
                // The SDK signs both with STS credentials; the key id header is harmless otherwise.
                headers["x-acs-security-token"] = credential.SecurityToken;
                headers["x-acs-accesskey-id"] = credential.AccessKeyId;
            }

            var result = new SignedRequest { Headers = headers };
            result.CanonicalQueryString = CanonicalQuery(input.Query);
            result.SignedHeaders = string.Join(";", headers.Keys);
            result.CanonicalRequest = BuildCanonicalRequest(input.Method, result.CanonicalQueryString, headers, headers["x-acs-content-sha256"]);
            result.StringToSign = StringToSign(result.CanonicalRequest);
            result.Signature = HexHmacSha256(credential.AccessKeySecret, result.StringToSign);
            result.Authorization = Algorithm + " Credential=" + credential.AccessKeyId +
                                   ",SignedHeaders=" + result.SignedHeaders + ",Signature=" + result.Signature;
            return result;
        }

        /// <summary>Canonical request over the headers named as signed (shared with the sandbox's verifier).</summary>
        public static string BuildCanonicalRequest(string method, string canonicalQuery, IDictionary<string, string> signedHeaders, string payloadHash)
        {
            var sb = new StringBuilder();
            sb.Append(method.ToUpperInvariant()).Append('\n');
            sb.Append("/\n");
            sb.Append(canonicalQuery).Append('\n');
            foreach (var name in signedHeaders.Keys.OrderBy(k => k, StringComparer.Ordinal))
                sb.Append(name).Append(':').Append((signedHeaders[name] ?? string.Empty).Trim()).Append('\n');
            sb.Append('\n');
            sb.Append(string.Join(";", signedHeaders.Keys.OrderBy(k => k, StringComparer.Ordinal))).Append('\n');
            sb.Append(payloadHash);
            return sb.ToString();
        }

        /// <summary>"ACS3-HMAC-SHA256\n" + hex SHA-256 of the canonical request (shared with the sandbox's verifier).</summary>
        public static string StringToSign(string canonicalRequest) =>
            Algorithm + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

        /// <summary>Parameters sorted by name (ordinal), each name=value percent-encoded, joined by '&amp;'.</summary>
        public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query)
        {
            return string.Join("&", query
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => PercentEncoder.Encode(p.Key) + "=" + PercentEncoder.Encode(p.Value)));
        }

        public static string FormatDate(DateTime utc) =>
            utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        public static string HexSha256(byte[] data)
        {
            using (var sha = SHA256.Create()) return ToHex(sha.ComputeHash(data));
        }

        public static string HexHmacSha256(string key, string data)
        {
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key)))
                return ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(data)));
        }

        internal static string ToHex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
