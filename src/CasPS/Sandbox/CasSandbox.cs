using System;
using System.Globalization;
using System.Management.Automation;
using System.Net.Sockets;
using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Sandbox
{
    /// <summary>
    /// A running local CAS emulator: a loopback HTTP server, its credential, quota store, fault
    /// plan and request journal. Start-CasSandbox wraps it in a CasSandboxInfo.
    /// </summary>
    internal sealed class CasSandbox : IDisposable
    {
        private readonly LoopbackHttpServer _server;

        private CasSandbox(LoopbackHttpServer server, CloudCredential credential, SandboxState state,
            SandboxFaultPlan faults, SandboxRequestJournal journal)
        {
            _server = server;
            Credential = credential;
            State = state;
            Faults = faults;
            Requests = journal;
            StartTime = state.Clock();
        }

        public int Port => _server.Port;
        /// <summary>The Host header clients send and sign: "127.0.0.1:port".</summary>
        public string Host => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);
        public string Endpoint => "http://" + Host;
        public CloudCredential Credential { get; }
        public SandboxState State { get; }
        public PackageStore Packages => State.Packages;
        public SandboxFaultPlan Faults { get; }
        public SandboxRequestJournal Requests { get; }
        public DateTime StartTime { get; }
        public bool IsRunning => _server.IsRunning;
        public int OpenConnections => _server.OpenConnections;

        /// <exception cref="CasPSException">ErrorId CasPS.SandboxError, e.g. when the port is taken.</exception>
        public static CasSandbox Start(SandboxOptions options)
        {
            var clock = options.Clock ?? (() => DateTime.UtcNow);
            var credential = SandboxCredentials.Create(options.IssueSecurityToken);
            var state = new SandboxState(new PackageStore(options.Quota ?? SandboxDefaults.DefaultQuota()), clock);
            var faults = new SandboxFaultPlan();
            var journal = new SandboxRequestJournal();
            var handler = new CasRequestHandler(new SignatureVerifier(credential, new NonceCache(), clock),
                CasActions.Create(state), faults, journal, clock);
            try
            {
                return new CasSandbox(LoopbackHttpServer.Start(options.Port, handler), credential, state, faults, journal);
            }
            catch (SocketException e)
            {
                string where = "127.0.0.1:" + options.Port.ToString(CultureInfo.InvariantCulture);
                string port = "port " + options.Port.ToString(CultureInfo.InvariantCulture);
                string why = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? port + " is already in use"
                    : e.SocketErrorCode == SocketError.AccessDenied ? port + " is reserved or in use" // Windows excluded ranges
                    : e.SocketErrorCode.ToString();
                throw new CasPSException(ErrorIds.SandboxError, ErrorCategory.ResourceUnavailable,
                    "Cannot start the CAS sandbox on " + where + ": " + why + ".", e)
                {
                    RecommendedAction = "Choose another -Port, or omit -Port to let the system pick a free one.",
                };
            }
        }

        /// <summary>Stops listening and closes all connections. Stopping twice is harmless.</summary>
        public void Stop() => _server.Stop();

        public void Dispose() => Stop();
    }
}
