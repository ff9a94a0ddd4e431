using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace CasPS.Sandbox
{
    /// <summary>
    /// A small HTTP/1.1 server on 127.0.0.1 built on TcpListener (HttpListener would need URL ACLs
    /// on Windows PowerShell 5.1). An async accept loop hands each connection to its own task.
    /// </summary>
    internal sealed class LoopbackHttpServer : IDisposable
    {
        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

        private readonly TcpListener _listener;
        private readonly IHttpHandler _handler;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentDictionary<HttpConnection, byte> _connections = new ConcurrentDictionary<HttpConnection, byte>();
        private readonly Task _acceptLoop;
        private int _stopped;

        private LoopbackHttpServer(TcpListener listener, IHttpHandler handler)
        {
            _listener = listener;
            _handler = handler;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }
        public bool IsRunning => Volatile.Read(ref _stopped) == 0;
        public int OpenConnections => _connections.Count;

        /// <summary>Binds 127.0.0.1:port (0 = a free port chosen by the OS) and starts accepting.</summary>
        /// <exception cref="SocketException">The port cannot be bound (e.g. already in use).</exception>
        public static LoopbackHttpServer Start(int port, IHttpHandler handler)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            // On Windows another socket could otherwise share the port; Unix refuses a second listener anyway.
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) listener.ExclusiveAddressUse = true;
            listener.Start(1024);
            return new LoopbackHttpServer(listener, handler);
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return; // listener stopped
                }
                catch (SocketException)
                {
                    if (_stop.IsCancellationRequested) return;
                    continue; // a client that vanished during the handshake
                }

                var connection = new HttpConnection(client, _handler);
                _connections.TryAdd(connection, 0);
                connection.Completion = Task.Run(() => connection.RunAsync(_stop.Token))
                    .ContinueWith(_ => _connections.TryRemove(connection, out byte __), TaskScheduler.Default);
                if (_stop.IsCancellationRequested) connection.Abort();
            }
        }

        /// <summary>Stops listening, closes every open connection and waits briefly for them. Idempotent.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
            try { _stop.Cancel(); } catch (AggregateException) { }
            try { _listener.Stop(); } catch (SocketException) { }
            var pending = _connections.Keys.ToArray();
            foreach (var c in pending) c.Abort();
            var tasks = pending.Select(c => c.Completion).Where(t => t != null).Concat(new[] { _acceptLoop }).ToArray();
            try { Task.WaitAll(tasks, StopWait); } catch (AggregateException) { }
        }

        public void Dispose() => Stop();
    }
}
