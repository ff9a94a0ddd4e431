using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CasPS.Errors;
using CasPS.Sandbox;

namespace CasPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts a local CAS sandbox: a loopback emulator of the CAS API.</para>
    /// <para type="description">
    /// Listens on http://127.0.0.1:&lt;port&gt; and speaks the real wire protocol: it verifies
    /// ACS3-HMAC-SHA256 signatures, the 15-minute date window and nonce replay, answers errors in
    /// the service's JSON shape, and keeps per-product quota. It accepts only the random
    /// credential it returns (Credential: AccessKeyId as user name, the secret as password).
    /// Without -Quota the account holds 20 units of digicert-free-1-free; other documented
    /// product codes answer with zero counts, any other code with InvalidParameter.ProductCode.
    /// The sandbox stops with Stop-CasSandbox, when its runspace closes, or when the process exits.
    /// </para>
    /// <para type="description">
    /// Fault injection, to prove retry behaviour: $s.Faults.Enqueue('Throttling', 2) fails the
    /// next two requests; kinds are Throttling, ServiceUnavailable, InternalError, BadGatewayHtml,
    /// EmptyInternalError, GarbageBody, ConnectionReset, ConnectionResetAfterExecute (the action
    /// runs, the answer is lost) and SlowAnswer. $s.Faults.Enqueue(kind, count, 'DescribePackageState')
    /// limits a fault to one action; $s.Faults.EnqueueDelay(1500) delays the next answer;
    /// -FaultRate 0.2 -FaultSeed 7 (or $s.Faults.FailRandomly(0.2, 7)) fails a seeded fifth of
    /// requests with throttling, 5xx or resets; $s.Faults.Clear() ends it all.
    /// $s.Requests lists every request received (action, parameters, key id, outcome, fault).
    /// </para>
    /// <example><code>$s = Start-CasSandbox; Get-CasPackageState -Endpoint $s.Endpoint -Credential $s.Credential; $s | Stop-CasSandbox</code></example>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "CasSandbox")]
    [OutputType(typeof(CasSandboxInfo))]
    public sealed class StartCasSandboxCommand : PSCmdlet
    {
        /// <summary><para type="description">TCP port on 127.0.0.1. 0 or omitted: a free port chosen by the system.</para></summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary><para type="description">TotalCount per ProductCode, e.g. @{ 'digicert-free-1-free' = 5; 'geotrust-dv-1-starter' = 2 }. Replaces the default of 20 digicert-free-1-free.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable Quota { get; set; }

        /// <summary><para type="description">Issue STS credentials: requests must carry the signed x-acs-security-token (the returned SecurityToken).</para></summary>
        [Parameter]
        public SwitchParameter IssueSecurityToken { get; set; }

        /// <summary><para type="description">Fraction (0 to 1) of requests to fail at random with throttling, 5xx or connection resets.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double FaultRate { get; set; }

        /// <summary><para type="description">Seed of the random failures, so a run can be repeated exactly.</para></summary>
        [Parameter]
        public int FaultSeed { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                var sandbox = CasSandbox.Start(new SandboxOptions
                {
                    Port = Port,
                    Quota = Quota == null ? null : ToQuota(Quota),
                    IssueSecurityToken = IssueSecurityToken,
                });
                if (FaultRate > 0) sandbox.Faults.FailRandomly(FaultRate, FaultSeed);
                var info = new CasSandboxInfo(sandbox);
                SandboxSessions.Track(info, Runspace.DefaultRunspace);
                WriteObject(info);
            }
            catch (CasPSException e)
            {
                ThrowTerminatingError(e.ToErrorRecord(Port));
            }
        }

        private static IDictionary<string, long> ToQuota(Hashtable quota)
        {
            var result = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in quota)
            {
                string code = LanguagePrimitives.ConvertTo<string>(entry.Key);
                long total;
                try
                {
                    total = (long)LanguagePrimitives.ConvertTo(entry.Value, typeof(long), CultureInfo.InvariantCulture);
                }
                catch (PSInvalidCastException)
                {
                    total = -1;
                }
                if (string.IsNullOrWhiteSpace(code) || total < 0)
                    throw new CasPSException(ErrorIds.SandboxError, ErrorCategory.InvalidArgument,
                        "Each -Quota entry needs a product code and a whole number of 0 or more; got '" + code + "'.")
                    { ParameterName = "Quota" };
                result[code] = total;
            }
            return result;
        }
    }
}
