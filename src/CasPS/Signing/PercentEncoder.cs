using System.Text;

namespace CasPS.Signing
{
    /// <summary>
    /// RFC 3986 percent-encoding over UTF-8 as Alibaba Cloud signs it: unreserved
    /// A-Z a-z 0-9 - _ . ~ stay, everything else is %XX with upper-case hex
    /// (space is %20, never '+'; '*' is %2A).
    /// </summary>
    internal static class PercentEncoder
    {
        private const string Hex = "0123456789ABCDEF";

        public static string Encode(string value)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            var bytes = Encoding.UTF8.GetBytes(value);
            var sb = new StringBuilder(bytes.Length + 8);
            foreach (byte b in bytes)
            {
                if (IsUnreserved(b)) sb.Append((char)b);
                else sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
            return sb.ToString();
        }

        private static bool IsUnreserved(byte b) =>
            (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
            b == '-' || b == '_' || b == '.' || b == '~';
    }
}
