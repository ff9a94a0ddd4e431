using System;
using System.Security.Cryptography;

namespace CasPS.Validation
{
    /// <summary>
    /// Checks a CSR's self-signature with its own key: proof the request was not altered and
    /// that whoever made it holds the private key. PKCS#1 v1.5 RSA and ECDSA go through the
    /// platform's RSA/ECDsa (netstandard2.0 APIs); RSASSA-PSS through RsaPssVerifier.
    /// </summary>
    internal static class CsrSignatureVerifier
    {
        private const string NotVerified = "its signature does not verify with its own public key: the request was altered " +
            "after it was signed, or signed with another key. Generate the CSR again.";

        /// <summary>Verifies, or throws CsrFormatException; returns the signature algorithm's name.</summary>
        public static string Verify(ParsedCsr csr, CsrPublicKey key)
        {
            var algorithm = csr.SignatureAlgorithm;
            var oid = algorithm.Oid;

            if (Oids.Is(oid, Oids.Sha256WithRsa)) return Pkcs1(csr, key, HashAlgorithmName.SHA256, "sha256WithRSAEncryption");
            if (Oids.Is(oid, Oids.Sha384WithRsa)) return Pkcs1(csr, key, HashAlgorithmName.SHA384, "sha384WithRSAEncryption");
            if (Oids.Is(oid, Oids.Sha512WithRsa)) return Pkcs1(csr, key, HashAlgorithmName.SHA512, "sha512WithRSAEncryption");
            if (Oids.Is(oid, Oids.Sha1WithRsa)) return Pkcs1(csr, key, HashAlgorithmName.SHA1, "sha1WithRSAEncryption");
            if (Oids.Is(oid, Oids.RsaPss)) return Pss(csr, key);
            if (Oids.Is(oid, Oids.EcdsaWithSha256)) return Ecdsa(csr, key, HashAlgorithmName.SHA256, "ecdsa-with-SHA256");
            if (Oids.Is(oid, Oids.EcdsaWithSha384)) return Ecdsa(csr, key, HashAlgorithmName.SHA384, "ecdsa-with-SHA384");
            if (Oids.Is(oid, Oids.EcdsaWithSha512)) return Ecdsa(csr, key, HashAlgorithmName.SHA512, "ecdsa-with-SHA512");
            if (Oids.Is(oid, Oids.EcdsaWithSha1)) return Ecdsa(csr, key, HashAlgorithmName.SHA1, "ecdsa-with-SHA1");
            throw new CsrFormatException("it is signed with " + Oids.Describe(oid) + ", which CasPS cannot check; sign it with SHA-256 " +
                "(sha256WithRSAEncryption or ecdsa-with-SHA256).");
        }

        private static string Pkcs1(ParsedCsr csr, CsrPublicKey key, HashAlgorithmName hash, string name)
        {
            RequireKind(key, true, name);
            if (!csr.SignatureAlgorithm.HasNoOrNullParameters) throw new CsrFormatException("its " + name + " algorithm has parameters other than NULL.");
            if (csr.Signature.Length != key.Rsa.Modulus.Length) throw new CsrFormatException(NotVerified);
            bool ok;
            try
            {
                using (var rsa = RSA.Create())
                {
                    rsa.ImportParameters(key.Rsa);
                    var data = csr.SignedData;
                    ok = rsa.VerifyData(data.Array, data.Offset, data.Count, csr.Signature, hash, RSASignaturePadding.Pkcs1);
                }
            }
            catch (CryptographicException ex)
            {
                throw new CsrFormatException("its RSA key could not be used to check the signature (" + ex.Message + ").", ex);
            }
            if (!ok) throw new CsrFormatException(NotVerified);
            return name;
        }

        private static string Pss(ParsedCsr csr, CsrPublicKey key)
        {
            RequireKind(key, true, "RSASSA-PSS");
            var parameters = RsaPssVerifier.ReadParameters(csr.SignatureAlgorithm);
            if (!RsaPssVerifier.Verify(key, csr.SignedData, csr.Signature, parameters)) throw new CsrFormatException(NotVerified);
            return parameters.ToString();
        }

        private static string Ecdsa(ParsedCsr csr, CsrPublicKey key, HashAlgorithmName hash, string name)
        {
            RequireKind(key, false, name);
            if (!csr.SignatureAlgorithm.HasNoOrNullParameters) throw new CsrFormatException("its " + name + " algorithm has unexpected parameters.");
            byte[] signature = ToP1363(csr.Signature, key.CoordinateSize);
            if (signature == null) throw new CsrFormatException(NotVerified);
            ECDsa ecdsa;
            try
            {
                ecdsa = ECDsa.Create(new ECParameters { Curve = key.Curve, Q = new ECPoint { X = key.X, Y = key.Y } });
            }
            catch (CryptographicException ex)
            {
                throw new CsrFormatException("its EC public key is not a valid point on " + key.CurveName + ".", ex);
            }
            bool ok;
            try
            {
                using (ecdsa)
                {
                    var data = csr.SignedData;
                    ok = ecdsa.VerifyData(data.Array, data.Offset, data.Count, signature, hash);
                }
            }
            catch (CryptographicException ex)
            {
                throw new CsrFormatException("its EC key could not be used to check the signature (" + ex.Message + ").", ex);
            }
            if (!ok) throw new CsrFormatException(NotVerified);
            return name;
        }

        private static void RequireKind(CsrPublicKey key, bool rsa, string algorithm)
        {
            if (key.IsRsa != rsa)
                throw new CsrFormatException("it is signed with " + algorithm + ", which does not fit its " + key.Algorithm + " key.");
        }

        /// <summary>
        /// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } to IEEE P1363 r||s, each padded
        /// to the coordinate size, which is what ECDsa.VerifyData takes. Null when malformed.
        /// </summary>
        internal static byte[] ToP1363(byte[] der, int size)
        {
            try
            {
                DerReader.CheckWellFormed(der, 0, der.Length, 2);
                var outer = new DerReader(der);
                var seq = outer.ReadSequence("ECDSA-Sig-Value");
                outer.ExpectEnd("ECDSA-Sig-Value");
                var r = seq.ReadInteger("r");
                var s = seq.ReadInteger("s");
                seq.ExpectEnd("ECDSA-Sig-Value");
                var result = new byte[2 * size];
                return CopyPositive(r, result, 0, size) && CopyPositive(s, result, size, size) ? result : null;
            }
            catch (CsrFormatException)
            {
                return null;
            }
        }

        private static bool CopyPositive(ArraySegment<byte> integer, byte[] target, int offset, int size)
        {
            if ((integer.Array[integer.Offset] & 0x80) != 0) return false;
            int skip = integer.Array[integer.Offset] == 0 ? 1 : 0;
            int length = integer.Count - skip;
            if (length > size) return false;
            Buffer.BlockCopy(integer.Array, integer.Offset + skip, target, offset + size - length, length);
            return true;
        }
    }
}
