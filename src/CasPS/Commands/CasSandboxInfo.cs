using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using CasPS.Sandbox;

namespace CasPS
{
    /// <summary>
    /// A running (or stopped) local CAS sandbox, as Start-CasSandbox returns it: where it listens,
    /// a credential it accepts, its request journal and its fault plan. ToString and the default
    /// view show the key id, never the secret or the token.
    /// </summary>
    public sealed class CasSandboxInfo
    {
        internal CasSandboxInfo(CasSandbox sandbox)
        {
            Sandbox = sandbox;
            Credential = new PSCredential(sandbox.Credential.AccessKeyId, ToSecureString(sandbox.Credential.AccessKeySecret));
            if (sandbox.Credential.IsSts) SecurityToken = ToSecureString(sandbox.Credential.SecurityToken);
        }

        internal CasSandbox Sandbox { get; }

        /// <summary>Base URI for -Endpoint, e.g. http://127.0.0.1:54321.</summary>
        public string Endpoint => Sandbox.Endpoint;
        public int Port => Sandbox.Port;
        public string AccessKeyId => Sandbox.Credential.AccessKeyId;
        /// <summary>User name = AccessKeyId, password = the sandbox's random AccessKeySecret.</summary>
        public PSCredential Credential { get; }
        /// <summary>The STS token requests must carry, when started with -IssueSecurityToken; else null.</summary>
        public SecureString SecurityToken { get; }
        public bool IsRunning => Sandbox.IsRunning;
        public DateTime StartTime => Sandbox.StartTime;
        /// <summary>TotalCount per ProductCode set at start (other documented products have 0).</summary>
        public IDictionary<string, long> Quota => Sandbox.Packages.ConfiguredTotals();
        /// <summary>Every request received: <c>$s.Requests.Count</c>, <c>$s.Requests.Last.ErrorCode</c>.</summary>
        public SandboxRequestJournal Requests => Sandbox.Requests;
        /// <summary>Accepted certificate orders, oldest first: <c>$s.Orders.Count</c>, <c>$s.Orders[0].OrderId</c>, <c>$s.Orders.Find($id)</c>.</summary>
        public SandboxOrderStore Orders => Sandbox.State.Orders;
        /// <summary>Fault injection: <c>$s.Faults.Enqueue('Throttling', 2)</c>; see SandboxFaultPlan.</summary>
        public SandboxFaultPlan Faults => Sandbox.Faults;

        public override string ToString() =>
            "CAS sandbox " + Endpoint + " (AccessKeyId " + AccessKeyId + ", " + (IsRunning ? "running" : "stopped") + ", " + Requests.Count + " requests)";

        private static SecureString ToSecureString(string plain)
        {
            var s = new SecureString();
            foreach (char c in plain) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
