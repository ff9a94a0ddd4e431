using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CasPS.Sandbox
{
    /// <summary>One client connection: read a request, let the handler answer, repeat while kept alive.</summary>
    internal sealed class HttpConnection
    {
        private readonly TcpClient _client;
        private readonly IHttpHandler _handler;

        public HttpConnection(TcpClient client, IHttpHandler handler)
        {
            _client = client;
            _handler = handler;
        }

        /// <summary>Set by the server once the connection runs; awaited on stop.</summary>
        public Task Completion { get; set; }

        public async Task RunAsync(CancellationToken stop)
        {
            try
            {
                _client.NoDelay = true;
                var stream = _client.GetStream();
                var reader = new HttpRequestReader(stream);
                while (!stop.IsCancellationRequested)
                {
                    HttpRequestData request;
                    try
                    {
                        request = await reader.ReadAsync(stop).ConfigureAwait(false);
                    }
                    catch (HttpProtocolException e)
                    {
                        _handler.OnRejected(e.Status, e.Code);
                        var refusal = HttpResponseWriter.Serialize(HttpResponseData.Protocol(e.Status, e.Message), keepAlive: false);
                        await stream.WriteAsync(refusal, 0, refusal.Length, stop).ConfigureAwait(false);
                        await CloseGracefullyAsync(stream).ConfigureAwait(false);
                        return;
                    }
                    if (request == null) return;

                    var response = await _handler.HandleAsync(request, stop).ConfigureAwait(false);
                    if (response.Drop)
                    {
                        Reset();
                        return;
                    }
                    bool keepAlive = request.KeepAlive && !response.CloseConnection && !stop.IsCancellationRequested;
                    var bytes = HttpResponseWriter.Serialize(response, keepAlive);
                    await stream.WriteAsync(bytes, 0, bytes.Length, stop).ConfigureAwait(false);
                    if (!keepAlive) return;
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The peer left or the sandbox is stopping: nothing to answer.
            }
            catch (Exception e)
            {
                // A bug must not take the host process down; the connection just ends.
                Debug.WriteLine("CasPS sandbox connection failed: " + e.GetType().Name);
            }
            finally
            {
                Abort();
            }
        }

        /// <summary>Closes the socket at once (used on stop).</summary>
        public void Abort()
        {
            try { _client.Close(); } catch (Exception) { }
        }

        // Linger 0 makes Close send RST: the client sees a reset before any response byte.
        private void Reset()
        {
            try { _client.Client.LingerState = new LingerOption(true, 0); } catch (Exception) { }
            Abort();
        }

        // After refusing a request whose body we did not read, stop sending and drain briefly, so
        // the unread bytes do not turn our close into a reset that hides the refusal from the client.
        private async Task CloseGracefullyAsync(NetworkStream stream)
        {
            try
            {
                _client.Client.Shutdown(SocketShutdown.Send);
                var sink = new byte[16 * 1024];
                using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
                {
                    long drained = 0;
                    while (drained < 2L * HttpRequestReader.MaxBodyBytes)
                    {
                        int n = await stream.ReadAsync(sink, 0, sink.Length, timeout.Token).ConfigureAwait(false);
                        if (n <= 0) break;
                        drained += n;
                    }
                }
            }
            catch (Exception) { }
        }
    }
}
