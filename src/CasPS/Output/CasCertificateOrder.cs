using System;

namespace CasPS
{
    /// <summary>
    /// A certificate order created by New-CasCertificateRequest. Pipe it to the follow-up
    /// cmdlets: they bind OrderId by property name.
    /// </summary>
    public sealed class CasCertificateOrder
    {
        /// <summary>The service's order id. Int64: ids exceed 2^53 and must never pass through a double.</summary>
        public long OrderId { get; set; }
        /// <summary>The product whose quota was spent; null when none was sent and the service used its default.</summary>
        public string ProductCode { get; set; }
        /// <summary>The names ordered (normalized: lower case, punycode); for a CSR order, its CN then its SANs.</summary>
        public string[] Domain { get; set; }
        public CasValidationMethod ValidationMethod { get; set; }
        /// <summary>Whether the order was placed with the user's own CSR (the service then binds the CSR's CN).</summary>
        public bool CsrSupplied { get; set; }
        public string RequestId { get; set; }
        /// <summary>0-based position of the pipeline input this order came from (e.g. the Import-Csv row).</summary>
        public int InputIndex { get; set; }
        public DateTime CreatedAt { get; set; }

        public override string ToString() => OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
