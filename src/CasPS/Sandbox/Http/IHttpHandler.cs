using System.Threading;
using System.Threading.Tasks;

namespace CasPS.Sandbox
{
    /// <summary>What the HTTP layer calls for each request; keeps the transport ignorant of CAS.</summary>
    internal interface IHttpHandler
    {
        Task<HttpResponseData> HandleAsync(HttpRequestData request, CancellationToken cancel);

        /// <summary>A request refused by the HTTP layer itself (so the journal still sees it); code as in <see cref="HttpProtocolException.Code"/>.</summary>
        void OnRejected(int status, string code);
    }
}
