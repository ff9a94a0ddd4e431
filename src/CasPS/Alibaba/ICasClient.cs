using System.Threading;
using CasPS.Alibaba.Models;

namespace CasPS.Alibaba
{
    /// <summary>
    /// The CAS API as CasPS uses it: one method per action, typed request in, typed answer out.
    /// Cmdlets see only this, so the wire layer (our own signer today, the official SDK one day)
    /// can be swapped. Calls are synchronous so progress and retries can be reported on the
    /// pipeline thread; failures are CasPSException.
    /// </summary>
    internal interface ICasClient
    {
        DescribePackageStateResponseBody DescribePackageState(DescribePackageStateRequest request, CancellationToken cancel);

        /// <summary>Spends one unit of quota. Never retried unless the answer proves it was not executed.</summary>
        CreateCertificateForPackageRequestResponseBody CreateCertificateForPackageRequest(CreateCertificateForPackageRequestRequest request, CancellationToken cancel);

        DescribeCertificateStateResponseBody DescribeCertificateState(DescribeCertificateStateRequest request, CancellationToken cancel);
    }
}
