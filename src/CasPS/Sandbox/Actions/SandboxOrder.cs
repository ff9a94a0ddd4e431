using System;
using System.Collections.Generic;
using System.Threading;

namespace CasPS.Sandbox
{
    /// <summary>
    /// One certificate order the sandbox accepted (CreateCertificateForPackageRequest): what was
    /// asked, by whom and when, and its state. Read-only to callers; the sandbox's actions move
    /// the state. Holds no secret: the CSR is public data and the key id is not the key.
    /// </summary>
    public sealed class SandboxOrder
    {
        private int _state = (int)SandboxOrderState.domain_verify;

        internal SandboxOrder() { }

        /// <summary>The id answered to the client: an Int64 above 2^53.</summary>
        public long OrderId { get; internal set; }
        public string ProductCode { get; internal set; }
        /// <summary>Bound names, normalized: the Domain list, or the CSR's CN then its SANs when a CSR was given.</summary>
        public IReadOnlyList<string> Domains { get; internal set; }
        /// <summary>True when the client sent its own CSR (then its CN is the bound name).</summary>
        public bool CsrSupplied => Csr != null;
        /// <summary>The client's CSR as canonical PEM, or null when the service is to generate the key.</summary>
        public string Csr { get; internal set; }
        /// <summary>"DNS" or "FILE".</summary>
        public string ValidateType { get; internal set; }
        public string Username { get; internal set; }
        public string Email { get; internal set; }
        public string Phone { get; internal set; }
        public string CompanyName { get; internal set; }
        /// <summary>Tag key to value, in the request's Tags.N order.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; internal set; }
        /// <summary>When the order was accepted (UTC, sandbox clock).</summary>
        public DateTime CreatedTime { get; internal set; }
        /// <summary>The AccessKeyId that placed the order.</summary>
        public string AccessKeyId { get; internal set; }

        public SandboxOrderState State => (SandboxOrderState)Volatile.Read(ref _state);

        /// <summary>Moves the order from one state to another; false when it was no longer in <paramref name="from"/>.</summary>
        internal bool TryMove(SandboxOrderState from, SandboxOrderState to) =>
            Interlocked.CompareExchange(ref _state, (int)to, (int)from) == (int)from;

        public override string ToString() =>
            "Order " + OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + State + " " +
            (Domains == null ? string.Empty : string.Join(",", Domains));
    }
}
