using System.Collections.Generic;

namespace CasPS.Alibaba.Models
{
    /// <summary>CreateCertificateForPackageRequest input, named as in AlibabaCloud.SDK.Cas20200407.</summary>
    internal sealed class CreateCertificateForPackageRequestRequest
    {
        public string ProductCode { get; set; }
        /// <summary>One name or a comma-separated list (at most 5).</summary>
        public string Domain { get; set; }
        /// <summary>PEM CSR; when given, its CN is the bound domain.</summary>
        public string Csr { get; set; }
        /// <summary>DNS or FILE.</summary>
        public string ValidateType { get; set; }
        public string Username { get; set; }
        public string Email { get; set; }
        public string Phone { get; set; }
        public string CompanyName { get; set; }
        public IList<KeyValuePair<string, string>> Tags { get; set; }
    }

    internal sealed class CreateCertificateForPackageRequestResponseBody
    {
        /// <summary>Exceeds 2^53: parsed exactly, never through a double.</summary>
        public long OrderId { get; set; }
        public string RequestId { get; set; }
    }
}
