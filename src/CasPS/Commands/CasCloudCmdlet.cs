using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using CasPS.Alibaba;
using CasPS.Credentials;
using CasPS.Errors;
using CasPS.Http;

namespace CasPS.Commands
{
    /// <summary>
    /// Base of every cmdlet that calls Alibaba Cloud: the common parameters, credential and
    /// endpoint resolution (lazily, at the first call, so validation and -WhatIf need neither),
    /// and the mapping of failures to error records. Holds no state beyond one invocation, so
    /// parallel runspaces never see each other's settings.
    /// </summary>
    public abstract class CasCloudCmdlet : PSCmdlet, ICallLog
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private ICasClient _client;

        /// <summary>Region id; picks the documented CAS endpoint.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; }

        /// <summary>Endpoint URI overriding the region's (e.g. the sandbox's http://127.0.0.1:port).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Endpoint { get; set; }

        /// <summary>Profile in ~/.aliyun/config.json or section of ~/.alibabacloud/credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ProfileName { get; set; }

        /// <summary>AccessKey id as user name, AccessKey secret as password.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AccessKeyId { get; set; }

        [Parameter]
        [ValidateNotNull]
        public SecureString AccessKeySecret { get; set; }

        /// <summary>STS security token, with -AccessKeyId/-AccessKeySecret or -Credential.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString SecurityToken { get; set; }

        /// <summary>Retries for throttling, 5xx and connection failures (reads only; orders only on throttling).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetryCount { get; set; } = TransportOptions.DefaultMaxRetryCount;

        [Parameter]
        [ValidateRange(1, 600)]
        public int RequestTimeoutSec { get; set; } = TransportOptions.DefaultTimeoutSec;

        /// <summary>Cancelled by Ctrl+C / StopProcessing.</summary>
        internal CancellationToken Cancel => _stop.Token;

        /// <summary>Test hook: replaces the client for every CasPS cmdlet in the process.</summary>
        internal static Func<TransportOptions, ICasClient> ClientFactory;

        /// <summary>The client, created at first use: credentials and endpoint are resolved then.</summary>
        internal ICasClient Client
        {
            get
            {
                if (_client != null) return _client;
                try
                {
                    _client = CreateClient();
                }
                catch (CasPSException ex)
                {
                    // Configuration problems are the same for every item: stop the pipeline.
                    ThrowTerminatingError(ex.ToErrorRecord(null));
                }
                return _client;
            }
        }

        private ICasClient CreateClient()
        {
            var env = ProcessEnvironment.Instance;
            var credential = CredentialResolver.Resolve(BuildCredentialRequest(), env, this, Cancel);
            var endpoint = CasEndpoints.Resolve(Endpoint, Region, credential, env, out string why);
            EndpointGuard.EnsureSecure(endpoint);
            WriteVerbose("CasPS: endpoint " + endpoint.GetLeftPart(UriPartial.Authority) + " " + why + ".");
            var options = new TransportOptions
            {
                Endpoint = endpoint,
                Credential = credential,
                MaxRetryCount = MaxRetryCount,
                Timeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                Log = this,
            };
            var factory = ClientFactory;
            return factory != null ? factory(options) : new CasClient(new CasTransport(HttpClientCache.Get(env), options));
        }

        private CredentialRequest BuildCredentialRequest()
        {
            if (Credential != null && (AccessKeyId != null || AccessKeySecret != null))
                throw new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                    "Use either -Credential or -AccessKeyId/-AccessKeySecret, not both.") { ParameterName = "Credential" };
            if (ProfileName != null && (Credential != null || AccessKeyId != null || AccessKeySecret != null))
                throw new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                    "Use either -ProfileName or explicit credentials (-Credential, -AccessKeyId/-AccessKeySecret), not both.") { ParameterName = "ProfileName" };
            return new CredentialRequest
            {
                AccessKeyId = Credential != null ? Credential.UserName : AccessKeyId,
                AccessKeySecret = Plain(Credential != null ? Credential.Password : AccessKeySecret),
                SecurityToken = Plain(SecurityToken),
                ProfileName = ProfileName,
                FromPSCredential = Credential != null,
            };
        }

        private static string Plain(SecureString s) => s == null ? null : new NetworkCredential(string.Empty, s).Password;

        /// <summary>
        /// Reports a failed item: authentication failures stop the pipeline (every item would fail
        /// alike); anything else is a non-terminating error so the other items still run.
        /// </summary>
        internal void WriteItemError(CasPSException ex, object target)
        {
            var record = ex.ToErrorRecord(target);
            if (ex.ErrorId == ErrorIds.AuthFailed) ThrowTerminatingError(record);
            WriteError(record);
        }

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>Runs a call; turns Ctrl+C into the engine's own stop signal.</summary>
        internal T Call<T>(Func<ICasClient, CancellationToken, T> call)
        {
            var client = Client;
            try
            {
                return call(client, Cancel);
            }
            catch (OperationCanceledException) when (Cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        void ICallLog.Verbose(string message) => WriteVerbose(message);
        void ICallLog.Debug(string message) => WriteDebug(message);
        void ICallLog.Warning(string message) => WriteWarning(message);
    }
}
