using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CasPS.Tests.Sandbox;

/// <summary>A bare TCP connection for HTTP framing tests (keep-alive, pipelining, limits).</summary>
internal sealed class RawConnection : IDisposable
{
    private readonly TcpClient _client = new();
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = new();

    public RawConnection(int port)
    {
        _client.Connect(IPAddress.Loopback, port);
        _stream = _client.GetStream();
        _stream.ReadTimeout = 5000;
    }

    /// <summary>The exact request text for a signed CasRequest (POST, Content-Length framing).</summary>
    public static string Text(CasRequest request, string extraHeaders = "", bool includeBody = true)
    {
        using var message = request.Build();
        var sb = new StringBuilder();
        sb.Append(message.Method.Method).Append(' ').Append(message.RequestUri!.PathAndQuery).Append(" HTTP/1.1\r\n");
        sb.Append("Host: ").Append(request.Host).Append("\r\n");
        foreach (var h in message.Headers)
            sb.Append(h.Key).Append(": ").Append(string.Join(", ", h.Value)).Append("\r\n");
        sb.Append("Content-Length: ").Append(request.Body.Length).Append("\r\n");
        sb.Append(extraHeaders).Append("\r\n");
        if (includeBody) sb.Append(Encoding.UTF8.GetString(request.Body));
        return sb.ToString();
    }

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes) => _stream.Write(bytes, 0, bytes.Length);

    /// <summary>Reads one response: status, headers (lower-case names) and Content-Length body.</summary>
    public (int Status, Dictionary<string, string> Headers, string Body) ReadResponse()
    {
        int end;
        while ((end = IndexOfHeaderEnd()) < 0) Fill();
        string head = Encoding.ASCII.GetString(_pending.GetRange(0, end).ToArray());
        _pending.RemoveRange(0, end + 4);
        var lines = head.Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        int length = headers.TryGetValue("content-length", out var cl) ? int.Parse(cl) : 0;
        while (_pending.Count < length) Fill();
        string body = Encoding.UTF8.GetString(_pending.GetRange(0, length).ToArray());
        _pending.RemoveRange(0, length);
        return (status, headers, body);
    }

    /// <summary>True when the server closed (or reset) the connection within the timeout.</summary>
    public bool ClosedByPeer()
    {
        try
        {
            var buffer = new byte[1024];
            return _stream.Read(buffer, 0, buffer.Length) == 0;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: not SocketError.TimedOut })
        {
            return true;
        }
    }

    private void Fill()
    {
        var buffer = new byte[8192];
        int n = _stream.Read(buffer, 0, buffer.Length);
        if (n == 0) throw new IOException("The server closed the connection.");
        _pending.AddRange(buffer.Take(n));
    }

    private int IndexOfHeaderEnd()
    {
        for (int i = 0; i + 3 < _pending.Count; i++)
            if (_pending[i] == '\r' && _pending[i + 1] == '\n' && _pending[i + 2] == '\r' && _pending[i + 3] == '\n') return i;
        return -1;
    }

    public void Dispose() => _client.Dispose();
}
