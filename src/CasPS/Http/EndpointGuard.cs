using System;
using System.Management.Automation;
using System.Net;
using CasPS.Errors;

namespace CasPS.Http
{
    /// <summary>Signed requests carry a reusable signature and the STS token: plain http only to loopback.</summary>
    internal static class EndpointGuard
    {
        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            string host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
        }

        public static void EnsureSecure(Uri endpoint)
        {
            if (endpoint.Scheme == Uri.UriSchemeHttps) return;
            if (endpoint.Scheme == Uri.UriSchemeHttp && IsLoopback(endpoint)) return;
            throw new CasPSException(ErrorIds.InsecureEndpoint, ErrorCategory.SecurityError,
                "Endpoint '" + endpoint.GetLeftPart(UriPartial.Authority) + "' is refused: signed requests are sent over plain http only to a loopback address (such as the CasPS sandbox). Use https.")
            { ParameterName = "Endpoint" };
        }
    }
}
