using System.Security.Cryptography;

namespace CasPS.Validation
{
    /// <summary>A public key that passed CsrKeyPolicy, in the form the verifier imports.</summary>
    internal sealed class CsrPublicKey
    {
        /// <summary>"RSA" or "EC".</summary>
        public string Algorithm { get; set; }
        /// <summary>RSA modulus bits, or the EC curve's size (256, 384, 521).</summary>
        public int KeySize { get; set; }
        /// <summary>"P-256", "P-384" or "P-521"; null for RSA.</summary>
        public string CurveName { get; set; }

        public RSAParameters Rsa { get; set; }

        public ECCurve Curve { get; set; }
        /// <summary>Bytes of one coordinate (and of r and s in a P1363 signature).</summary>
        public int CoordinateSize { get; set; }
        public byte[] X { get; set; }
        public byte[] Y { get; set; }

        public bool IsRsa => Algorithm == "RSA";
    }
}
