using System;
using System.Collections.Generic;

namespace CasPS.Validation
{
    /// <summary>The parts of a PKCS#10 request the checks use, as CsrParser found them (not yet judged).</summary>
    internal sealed class ParsedCsr
    {
        public byte[] Der { get; set; }
        /// <summary>The encoded certificationRequestInfo: the bytes the signature covers.</summary>
        public ArraySegment<byte> SignedData { get; set; }
        public AlgorithmIdentifier KeyAlgorithm { get; set; }
        /// <summary>subjectPublicKey's bytes (RSAPublicKey DER, or an EC point).</summary>
        public ArraySegment<byte> PublicKey { get; set; }
        public AlgorithmIdentifier SignatureAlgorithm { get; set; }
        public byte[] Signature { get; set; }
        /// <summary>The subject CN as written; null when the subject has none.</summary>
        public string CommonName { get; set; }
        /// <summary>dNSName entries of the subjectAltName extension request, as written.</summary>
        public List<string> DnsNames { get; } = new List<string>();
    }
}
