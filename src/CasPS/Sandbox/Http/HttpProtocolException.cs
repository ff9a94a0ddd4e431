using System;

namespace CasPS.Sandbox
{
    /// <summary>A request the HTTP layer refuses before the service sees it (bad framing, too large).</summary>
    internal sealed class HttpProtocolException : Exception
    {
        public HttpProtocolException(int status, string message) : base(message) { Status = status; }

        public int Status { get; }

        /// <summary>A short name for the journal, e.g. "RequestBodyTooLarge".</summary>
        public string Code
        {
            get
            {
                switch (Status)
                {
                    case 411: return "LengthRequired";
                    case 413: return "RequestBodyTooLarge";
                    case 431: return "RequestHeaderTooLarge";
                    case 505: return "UnsupportedHttpVersion";
                    default: return "MalformedRequest";
                }
            }
        }
    }
}
