using System.Net;
using System.Net.Sockets;

namespace CasPS.Tests.Http;

/// <summary>An HttpMessageHandler that answers from a script and records every request it saw.</summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    public List<HttpRequestMessage> Requests { get; } = new();

    public ScriptedHandler Then(HttpStatusCode status, string body, string contentType = "application/json", Action<HttpResponseMessage> extra = null)
    {
        _script.Enqueue(_ =>
        {
            var r = new HttpResponseMessage(status) { Content = new StringContent(body ?? "") };
            if (body != null) r.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            extra?.Invoke(r);
            return r;
        });
        return this;
    }

    public ScriptedHandler ThenThrow(Exception ex)
    {
        _script.Enqueue(_ => throw ex);
        return this;
    }

    public static HttpRequestException Refused() => new("refused", new SocketException((int)SocketError.ConnectionRefused));
    public static HttpRequestException Reset() => new("reset", new IOException("connection reset", new SocketException((int)SocketError.ConnectionReset)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (_script.Count == 0) throw new InvalidOperationException("No scripted answer left for request " + Requests.Count);
        return Task.FromResult(_script.Dequeue()(request));
    }
}
