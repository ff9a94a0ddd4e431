using System;
using System.Globalization;
using System.Text;

namespace CasPS.Sandbox
{
    /// <summary>Serializes an answer into one buffer, so head and body leave in a single write.</summary>
    internal static class HttpResponseWriter
    {
        public static byte[] Serialize(HttpResponseData r, bool keepAlive)
        {
            var sb = new StringBuilder(192);
            sb.Append("HTTP/1.1 ").Append(r.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(r.Reason).Append("\r\n");
            if (r.ContentType != null) sb.Append("Content-Type: ").Append(r.ContentType).Append("\r\n");
            sb.Append("Content-Length: ").Append(r.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            if (r.RequestId != null) sb.Append("x-acs-request-id: ").Append(r.RequestId).Append("\r\n");
            sb.Append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");

            string head = sb.ToString();
            var bytes = new byte[head.Length + r.Body.Length];
            Encoding.ASCII.GetBytes(head, 0, head.Length, bytes, 0);
            Buffer.BlockCopy(r.Body, 0, bytes, head.Length, r.Body.Length);
            return bytes;
        }
    }
}
