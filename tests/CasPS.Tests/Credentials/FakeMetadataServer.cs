using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CasPS.Credentials;

namespace CasPS.Tests.Credentials;

internal sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 standing in for the ECS metadata service. It records
/// every request, answers with the handler's (status, body) and closes the connection; a
/// status of 0 means "never answer" (for timeouts).
/// </summary>
internal sealed class FakeMetadataServer : IDisposable
{
    public const string Token = "imds-token-1";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<FakeRequest, (int Status, string Body)> _handler;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();

    public FakeMetadataServer(Func<FakeRequest, (int Status, string Body)> handler)
    {
        _handler = handler;
        _listener.Start();
        new Thread(AcceptLoop) { IsBackground = true }.Start();
    }

    public string Endpoint => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
    public FakeRequest[] Requests => _requests.ToArray();

    /// <summary>
    /// Behaves like the real service: IMDSv2 tokens (unless tokenStatus says otherwise), token
    /// required on GETs when requireToken, role discovery (role null: none attached) and keys.
    /// </summary>
    public static FakeMetadataServer Ecs(string role = "CasRole", string keyId = "STS.ecs-id", string secret = "ecs-secret-value",
        string stsToken = "ecs-sts-token-value", DateTimeOffset? expiration = null, int tokenStatus = 200, bool requireToken = false, string code = "Success")
    {
        var expires = (expiration ?? DateTimeOffset.UtcNow.AddHours(6)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return new FakeMetadataServer(r =>
        {
            if (r.Method == "PUT" && r.Path == EcsMetadataClient.TokenPath)
                return r.Header(EcsMetadataClient.TokenTtlHeader) == "21600" ? (tokenStatus, tokenStatus == 200 ? Token : "") : (400, "");
            if (r.Method != "GET") return (405, "");
            if (requireToken && r.Header(EcsMetadataClient.TokenHeader) != Token) return (401, "");
            if (r.Path == EcsMetadataClient.CredentialsPath) return role == null ? (404, "") : (200, role);
            if (role != null && r.Path == EcsMetadataClient.CredentialsPath + Uri.EscapeDataString(role))
                return (200, "{\"Code\":\"" + code + "\",\"AccessKeyId\":\"" + keyId + "\",\"AccessKeySecret\":\"" + secret
                    + "\",\"SecurityToken\":\"" + stsToken + "\",\"Expiration\":\"" + expires + "\",\"LastUpdated\":\"2025-01-01T00:00:00Z\"}");
            return (404, "");
        });
    }

    /// <summary>A loopback address with nothing listening (connections are refused at once).</summary>
    public static string ClosedEndpoint()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return "http://127.0.0.1:" + port;
    }

    // Dedicated threads and blocking IO: the code under test blocks on async calls, and a busy
    // thread pool must not be able to starve the fake that it is waiting for.
    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = _listener.AcceptTcpClient(); }
            catch (Exception) { return; }
            new Thread(() => Serve(client)) { IsBackground = true }.Start();
        }
    }

    private void Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = ReadHead(stream);
                if (head == null) return;
                var lines = head.Split("\r\n");
                var first = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    int colon = line.IndexOf(':');
                    if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
                if (headers.TryGetValue("Content-Length", out var len) && int.Parse(len) > 0)
                    stream.ReadExactly(new byte[int.Parse(len)]);
                var request = new FakeRequest(first[0], first[1], headers);
                _requests.Enqueue(request);
                var (status, body) = _handler(request);
                if (status == 0)
                {
                    _stop.Token.WaitHandle.WaitOne();
                    return;
                }
                var bytes = Encoding.UTF8.GetBytes(body ?? "");
                var response = "HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.Length + "\r\nConnection: close\r\n\r\n";
                stream.Write(Encoding.ASCII.GetBytes(response));
                stream.Write(bytes);
            }
            catch (Exception) { /* the client went away or the server is stopping */ }
        }
    }

    private static string ReadHead(NetworkStream stream)
    {
        var buffer = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            buffer.Add((byte)b);
            int n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
                return Encoding.ASCII.GetString(buffer.ToArray(), 0, n - 4);
        }
        return null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
