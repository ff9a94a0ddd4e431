using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CasPS.Sandbox
{
    /// <summary>
    /// Reads HTTP/1.1 requests off one connection: request line, headers, Content-Length body.
    /// One buffer per connection is reused across keep-alive requests; bytes read past a request
    /// (pipelining) stay buffered for the next one.
    /// </summary>
    internal sealed class HttpRequestReader
    {
        public const int MaxHeaderBytes = 64 * 1024;
        public const int MaxBodyBytes = 1024 * 1024;
        private const int MaxBufferBytes = MaxHeaderBytes + 1024;
        private static readonly byte[] Continue100 = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly Stream _stream;
        private byte[] _buf = new byte[4096];
        private int _start, _end;

        public HttpRequestReader(Stream stream) { _stream = stream; }

        /// <summary>The next request, or null when the peer closed the connection between requests.</summary>
        /// <exception cref="HttpProtocolException">The request cannot be accepted; answer and close.</exception>
        /// <exception cref="IOException">The peer went away in the middle of a request.</exception>
        public async Task<HttpRequestData> ReadAsync(CancellationToken cancel)
        {
            int headerEnd;
            int scanned = 0;
            while (true)
            {
                if (scanned == 0) SkipLeadingLineBreaks();
                headerEnd = IndexOfHeaderEnd(_start + scanned);
                if (headerEnd >= 0) break;
                if (_end - _start > MaxHeaderBytes) throw new HttpProtocolException(431, "The request header block exceeds 64 KiB.");
                scanned = Math.Max(0, _end - _start - 3);
                if (!await FillAsync(cancel).ConfigureAwait(false))
                {
                    if (_end == _start) return null;
                    throw new IOException("The connection closed in the middle of a request header.");
                }
            }
            if (headerEnd - _start > MaxHeaderBytes) throw new HttpProtocolException(431, "The request header block exceeds 64 KiB.");

            string head = Encoding.UTF8.GetString(_buf, _start, headerEnd - _start);
            _start = headerEnd + 4;
            var request = Parse(head, out long contentLength);
            byte[] body = await ReadBodyAsync(contentLength, request.Expects100, cancel).ConfigureAwait(false);
            return new HttpRequestData(request.Method, request.Path, request.Query, request.Http11, request.Headers, body);
        }

        private sealed class Head
        {
            public string Method, Path, Query;
            public bool Http11, Expects100;
            public Dictionary<string, string> Headers;
        }

        private static Head Parse(string text, out long contentLength)
        {
            var lines = text.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var parts = lines[0].Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new HttpProtocolException(400, "Malformed request line.");
            var head = new Head { Method = parts[0] };
            if (parts[2] == "HTTP/1.1") head.Http11 = true;
            else if (parts[2] != "HTTP/1.0") throw new HttpProtocolException(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
            SplitTarget(parts[1], out head.Path, out head.Query);

            head.Headers = new Dictionary<string, string>(lines.Length, StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i];
                int colon = line.IndexOf(':');
                if (colon <= 0 || line[0] == ' ' || line[0] == '\t' || line.IndexOf(' ', 0, colon) >= 0)
                    throw new HttpProtocolException(400, "Malformed header line.");
                string name = line.Substring(0, colon);
                string value = line.Substring(colon + 1).Trim(' ', '\t');
                head.Headers[name] = head.Headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }

            if (head.Headers.ContainsKey("transfer-encoding"))
                throw new HttpProtocolException(411, "Chunked request bodies are not supported; send Content-Length.");
            contentLength = 0;
            if (head.Headers.TryGetValue("content-length", out var cl) &&
                !long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength))
                throw new HttpProtocolException(400, "Invalid Content-Length.");
            if (contentLength > MaxBodyBytes) throw new HttpProtocolException(413, "The request body exceeds 1 MiB.");
            head.Expects100 = head.Headers.TryGetValue("expect", out var expect) &&
                              expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
            return head;
        }

        // Origin form "/path?query"; absolute form "http://host/path?query" as proxies send it.
        private static void SplitTarget(string target, out string path, out string query)
        {
            int scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && target[0] != '/')
            {
                int slash = target.IndexOf('/', scheme + 3);
                target = slash < 0 ? "/" : target.Substring(slash);
            }
            if (target[0] != '/') throw new HttpProtocolException(400, "Malformed request target.");
            int q = target.IndexOf('?');
            path = q < 0 ? target : target.Substring(0, q);
            query = q < 0 ? string.Empty : target.Substring(q + 1);
        }

        private async Task<byte[]> ReadBodyAsync(long length, bool expects100, CancellationToken cancel)
        {
            if (length == 0) return HttpRequestData.NoBody;
            var body = new byte[length];
            int got = Math.Min((int)length, _end - _start);
            Buffer.BlockCopy(_buf, _start, body, 0, got);
            _start += got;
            if (got < length && expects100)
                await _stream.WriteAsync(Continue100, 0, Continue100.Length, cancel).ConfigureAwait(false);
            while (got < length)
            {
                int n = await _stream.ReadAsync(body, got, (int)length - got, cancel).ConfigureAwait(false);
                if (n <= 0) throw new IOException("The connection closed in the middle of a request body.");
                got += n;
            }
            return body;
        }

        private async Task<bool> FillAsync(CancellationToken cancel)
        {
            if (_start == _end) _start = _end = 0;
            if (_end == _buf.Length)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                else
                {
                    var bigger = new byte[Math.Min(_buf.Length * 2, MaxBufferBytes)];
                    Buffer.BlockCopy(_buf, 0, bigger, 0, _end);
                    _buf = bigger;
                }
            }
            int n = await _stream.ReadAsync(_buf, _end, _buf.Length - _end, cancel).ConfigureAwait(false);
            if (n <= 0) return false;
            _end += n;
            return true;
        }

        // RFC 9112 asks servers to ignore empty lines before a request line.
        private void SkipLeadingLineBreaks()
        {
            while (_start < _end && (_buf[_start] == '\r' || _buf[_start] == '\n')) _start++;
        }

        private int IndexOfHeaderEnd(int from)
        {
            for (int i = from; i + 3 < _end; i++)
                if (_buf[i] == '\r' && _buf[i + 1] == '\n' && _buf[i + 2] == '\r' && _buf[i + 3] == '\n') return i;
            return -1;
        }
    }
}
