namespace CasPS.Alibaba.Models
{
    /// <summary>DescribeCertificateState input, named as in AlibabaCloud.SDK.Cas20200407.</summary>
    internal sealed class DescribeCertificateStateRequest
    {
        public long OrderId { get; set; }
    }

    /// <summary>DescribeCertificateState answer; all fields are strings on the wire.</summary>
    internal sealed class DescribeCertificateStateResponseBody
    {
        /// <summary>domain_verify, process, verify_fail, certificate, payed, unknow, or a value not yet known.</summary>
        public string Type { get; set; }
        public string ValidateType { get; set; }
        public string RecordType { get; set; }
        public string RecordDomain { get; set; }
        public string RecordValue { get; set; }
        public string Domain { get; set; }
        public string Uri { get; set; }
        public string Content { get; set; }
        public string Certificate { get; set; }
        public string PrivateKey { get; set; }
        public string CertId { get; set; }
        public string RequestId { get; set; }
    }
}
