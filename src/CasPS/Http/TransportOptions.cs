using System;
using CasPS.Credentials;

namespace CasPS.Http
{
    /// <summary>Everything a call needs besides the call itself; built once per cmdlet invocation.</summary>
    internal sealed class TransportOptions
    {
        public const int DefaultMaxRetryCount = 4;
        public const int DefaultTimeoutSec = 30;

        public Uri Endpoint;
        public CloudCredential Credential;
        public int MaxRetryCount = DefaultMaxRetryCount;
        public TimeSpan Timeout = TimeSpan.FromSeconds(DefaultTimeoutSec);
        public ICallLog Log = NullCallLog.Instance;
    }
}
