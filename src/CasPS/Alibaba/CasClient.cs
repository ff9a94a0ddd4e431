using System.Globalization;
using System.Management.Automation;
using System.Threading;
using CasPS.Alibaba.Models;
using CasPS.Errors;
using CasPS.Http;
using CasPS.Json;

namespace CasPS.Alibaba
{
    /// <summary>ICasClient over CasPS's own ACS3 transport: models to query parameters, JSON to models.</summary>
    internal sealed class CasClient : ICasClient
    {
        public const string ApiVersion = "2020-04-07";
        private readonly CasTransport _transport;

        public CasClient(CasTransport transport) { _transport = transport; }

        public DescribePackageStateResponseBody DescribePackageState(DescribePackageStateRequest request, CancellationToken cancel)
        {
            var call = new ApiCall("DescribePackageState", ApiVersion, idempotent: true).Add("ProductCode", request.ProductCode);
            var r = _transport.Send(call, cancel);
            return new DescribePackageStateResponseBody
            {
                ProductCode = r.Body.GetString("ProductCode"),
                TotalCount = RequiredInt64(r, call, "TotalCount"),
                UsedCount = RequiredInt64(r, call, "UsedCount"),
                IssuedCount = r.Body.GetInt64("IssuedCount") ?? 0,
                RequestId = r.RequestId,
            };
        }

        public CreateCertificateForPackageRequestResponseBody CreateCertificateForPackageRequest(CreateCertificateForPackageRequestRequest request, CancellationToken cancel)
        {
            var call = new ApiCall("CreateCertificateForPackageRequest", ApiVersion, idempotent: false)
                .Add("ProductCode", request.ProductCode)
                .Add("Domain", request.Domain)
                .Add("Csr", request.Csr)
                .Add("ValidateType", request.ValidateType)
                .Add("Username", request.Username)
                .Add("Email", request.Email)
                .Add("Phone", request.Phone)
                .Add("CompanyName", request.CompanyName);
            if (request.Tags != null)
                for (int i = 0; i < request.Tags.Count; i++)
                {
                    string n = (i + 1).ToString(CultureInfo.InvariantCulture);
                    call.Add("Tags." + n + ".Key", request.Tags[i].Key).Add("Tags." + n + ".Value", request.Tags[i].Value);
                }
            var r = _transport.Send(call, cancel);
            return new CreateCertificateForPackageRequestResponseBody
            {
                OrderId = RequiredInt64(r, call, "OrderId"),
                RequestId = r.RequestId,
            };
        }

        public DescribeCertificateStateResponseBody DescribeCertificateState(DescribeCertificateStateRequest request, CancellationToken cancel)
        {
            var call = new ApiCall("DescribeCertificateState", ApiVersion, idempotent: true)
                .Add("OrderId", request.OrderId.ToString(CultureInfo.InvariantCulture));
            var b = _transport.Send(call, cancel);
            return new DescribeCertificateStateResponseBody
            {
                Type = b.Body.GetString("Type"),
                ValidateType = b.Body.GetString("ValidateType"),
                RecordType = b.Body.GetString("RecordType"),
                RecordDomain = b.Body.GetString("RecordDomain"),
                RecordValue = b.Body.GetString("RecordValue"),
                Domain = b.Body.GetString("Domain"),
                Uri = b.Body.GetString("Uri"),
                Content = b.Body.GetString("Content"),
                Certificate = b.Body.GetString("Certificate"),
                PrivateKey = b.Body.GetString("PrivateKey"),
                CertId = b.Body.GetString("CertId"),
                RequestId = b.RequestId,
            };
        }

        /// <summary>A field the answer must carry as an exact Int64; its absence is a broken answer, not zero.</summary>
        private static long RequiredInt64(ApiResponse r, ApiCall call, string name)
        {
            var v = r.Body.GetInt64(name);
            if (v.HasValue) return v.Value;
            // A quota-spending call that succeeded without a readable OrderId did run: say the order may exist.
            throw new CasPSException(call.Idempotent ? ErrorIds.InvalidResponse : ErrorIds.OrderMayExist, ErrorCategory.InvalidResult,
                call.Action + " answered without a valid integer '" + name + "' (RequestId: " + (r.RequestId ?? "none") + ")." +
                (call.Idempotent ? string.Empty : " The order may have been created; check the order list before submitting again."))
            { RequestId = r.RequestId, HttpStatus = r.StatusCode, MayHaveExecuted = !call.Idempotent };
        }
    }
}
