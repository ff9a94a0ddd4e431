using System.Collections.Generic;

namespace CasPS.Validation
{
    /// <summary>What CsrValidator found in an accepted CSR. Names are normalized like -Domain names.</summary>
    internal sealed class CsrInfo
    {
        /// <summary>The subject CN, normalized: the name CAS binds the certificate to.</summary>
        public string CommonName { get; set; }
        /// <summary>The subjectAltName DNS names, normalized, in CSR order, without repeats.</summary>
        public IReadOnlyList<string> SubjectAlternativeNames { get; set; }
        /// <summary>"RSA" or "EC".</summary>
        public string KeyAlgorithm { get; set; }
        /// <summary>RSA modulus bits, or the EC curve size (256, 384, 521).</summary>
        public int KeySize { get; set; }
        /// <summary>"P-256", "P-384" or "P-521"; null for RSA.</summary>
        public string CurveName { get; set; }
        /// <summary>e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256", "RSASSA-PSS (SHA256, MGF1 SHA256, salt 32)".</summary>
        public string SignatureAlgorithm { get; set; }
        /// <summary>The CSR re-encoded as canonical PEM ("CERTIFICATE REQUEST", 64-char lines, \n): what to send.</summary>
        public string Pem { get; set; }
        /// <summary>CN first, then the SANs not equal to it. May mix single and wildcard names (see Warnings).</summary>
        public DomainSet Domains { get; set; }
        /// <summary>Things that do not make the CSR invalid but may surprise (more than 5 names, mixed kinds).</summary>
        public IReadOnlyList<string> Warnings { get; set; }
    }
}
