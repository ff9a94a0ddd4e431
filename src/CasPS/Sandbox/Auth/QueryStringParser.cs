using System.Collections.Generic;
using System.Text;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Splits a raw query string into decoded name/value pairs, in order. The verifier re-encodes
    /// them through the signer's CanonicalQuery, so "%2A" and "*" sign alike, as on the service.
    /// '+' decodes to a space, as the service's form decoding does.
    /// </summary>
    internal static class QueryStringParser
    {
        public static List<KeyValuePair<string, string>> Parse(string raw)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(raw)) return pairs;
            foreach (var segment in raw.Split('&'))
            {
                if (segment.Length == 0) continue;
                int eq = segment.IndexOf('=');
                string name = eq < 0 ? segment : segment.Substring(0, eq);
                string value = eq < 0 ? string.Empty : segment.Substring(eq + 1);
                pairs.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
            }
            return pairs;
        }

        /// <summary>Percent-decoding over UTF-8; a '%' not followed by two hex digits stays literal.</summary>
        public static string Decode(string s)
        {
            if (s.IndexOf('%') < 0 && s.IndexOf('+') < 0) return s;
            var bytes = new byte[Encoding.UTF8.GetMaxByteCount(s.Length)];
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                int hi, lo;
                if (c == '+') bytes[n++] = (byte)' ';
                else if (c == '%' && i + 2 < s.Length && (hi = HexValue(s[i + 1])) >= 0 && (lo = HexValue(s[i + 2])) >= 0)
                {
                    bytes[n++] = (byte)((hi << 4) | lo);
                    i += 2;
                }
                else if (c < 0x80) bytes[n++] = (byte)c;
                else
                {
                    int count = char.IsHighSurrogate(c) && i + 1 < s.Length ? 2 : 1;
                    n += Encoding.UTF8.GetBytes(s, i, count, bytes, n);
                    i += count - 1;
                }
            }
            return Encoding.UTF8.GetString(bytes, 0, n);
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }
    }
}
