using System;
using System.Globalization;
using System.Security.Cryptography;

namespace CasPS.Validation
{
    /// <summary>
    /// Which keys CasPS lets through: RSA (rsaEncryption) of at least 2048 bits, and EC keys on
    /// the named curves P-256, P-384 and P-521. CAS documents "RSA >= 2048 or ECC"; the curves are
    /// the ones the CA/Browser Forum rules allow, as CAS's are undocumented. Everything else is
    /// refused here, before a signature check or an order.
    /// </summary>
    internal static class CsrKeyPolicy
    {
        public const int MinRsaBits = 2048;
        /// <summary>Bounds the verify cost; no CA issues for larger keys.</summary>
        public const int MaxRsaBits = 16384;

        private const string Accepted = "CAS accepts RSA keys of 2048 bits or more and EC keys on P-256, P-384 or P-521.";

        public static CsrPublicKey Evaluate(AlgorithmIdentifier algorithm, ArraySegment<byte> publicKey)
        {
            if (Oids.Is(algorithm.Oid, Oids.RsaEncryption)) return ReadRsa(algorithm, publicKey);
            if (Oids.Is(algorithm.Oid, Oids.EcPublicKey)) return ReadEc(algorithm, publicKey);
            if (Oids.Is(algorithm.Oid, Oids.RsaPss))
                throw new CsrFormatException("its key is an RSASSA-PSS key (OID 1.2.840.113549.1.1.10); publicly trusted certificates " +
                    "need an ordinary RSA key (rsaEncryption). " + Accepted);
            throw new CsrFormatException("its key is " + Oids.Describe(algorithm.Oid) + ", which is not accepted. " + Accepted);
        }

        private static CsrPublicKey ReadRsa(AlgorithmIdentifier algorithm, ArraySegment<byte> publicKey)
        {
            if (!algorithm.HasNoOrNullParameters)
                throw new CsrFormatException("its rsaEncryption key has parameters other than NULL.");
            var reader = new DerReader(publicKey);
            var key = reader.ReadSequence("the RSAPublicKey");
            reader.ExpectEnd("the RSAPublicKey");
            var modulus = Unsigned(key.ReadInteger("the RSA modulus"), "RSA modulus");
            var exponent = Unsigned(key.ReadInteger("the RSA public exponent"), "RSA public exponent");
            key.ExpectEnd("the RSAPublicKey");

            int bits = BitLength(modulus);
            if (bits < MinRsaBits)
                throw new CsrFormatException("its RSA key is " + bits.ToString(CultureInfo.InvariantCulture) +
                    " bits; CAS requires at least 2048 bits. Generate a new key of 2048 bits or more.");
            if (bits > MaxRsaBits)
                throw new CsrFormatException("its RSA key is " + bits.ToString(CultureInfo.InvariantCulture) +
                    " bits; CasPS accepts at most 16384.");
            if ((modulus[modulus.Length - 1] & 1) == 0) throw new CsrFormatException("its RSA modulus is even, so it is not an RSA key.");
            if ((exponent[exponent.Length - 1] & 1) == 0 || (exponent.Length == 1 && exponent[0] < 3))
                throw new CsrFormatException("its RSA public exponent is not an odd number of at least 3.");
            if (exponent.Length > 8) throw new CsrFormatException("its RSA public exponent is longer than 64 bits.");

            return new CsrPublicKey
            {
                Algorithm = "RSA",
                KeySize = bits,
                Rsa = new RSAParameters { Modulus = modulus, Exponent = exponent },
            };
        }

        private static CsrPublicKey ReadEc(AlgorithmIdentifier algorithm, ArraySegment<byte> point)
        {
            if (!algorithm.HasParameters || algorithm.ParametersTag != DerReader.ObjectIdentifier)
                throw new CsrFormatException(algorithm.HasParameters && algorithm.ParametersTag == DerReader.Sequence
                    ? "its EC key spells out explicit curve parameters; only named curves are accepted. " + Accepted
                    : "its EC key does not name its curve. " + Accepted);
            var curveOid = new DerReader(algorithm.ParametersEncoded).ReadOid("the EC curve");

            ECCurve curve;
            string name;
            int size, bits;
            if (Oids.Is(curveOid, Oids.P256)) { curve = ECCurve.NamedCurves.nistP256; name = "P-256"; size = 32; bits = 256; }
            else if (Oids.Is(curveOid, Oids.P384)) { curve = ECCurve.NamedCurves.nistP384; name = "P-384"; size = 48; bits = 384; }
            else if (Oids.Is(curveOid, Oids.P521)) { curve = ECCurve.NamedCurves.nistP521; name = "P-521"; size = 66; bits = 521; }
            else throw new CsrFormatException("its EC key is on the curve " + Oids.Describe(curveOid) + ", which is not accepted. " + Accepted);

            if (point.Count == 0) throw new CsrFormatException("its EC public key is empty.");
            byte form = point.Array[point.Offset];
            if (form == 0x02 || form == 0x03)
                throw new CsrFormatException("its EC public key is a compressed point, which CasPS cannot check; use the uncompressed form.");
            if (form != 0x04 || point.Count != 1 + 2 * size)
                throw new CsrFormatException("its EC public key is not an uncompressed " + name + " point.");

            var x = new byte[size];
            var y = new byte[size];
            Buffer.BlockCopy(point.Array, point.Offset + 1, x, 0, size);
            Buffer.BlockCopy(point.Array, point.Offset + 1 + size, y, 0, size);
            return new CsrPublicKey { Algorithm = "EC", KeySize = bits, CurveName = name, Curve = curve, CoordinateSize = size, X = x, Y = y };
        }

        /// <summary>A positive INTEGER's magnitude without its sign byte.</summary>
        private static byte[] Unsigned(ArraySegment<byte> integer, string what)
        {
            if ((integer.Array[integer.Offset] & 0x80) != 0) throw new CsrFormatException("its " + what + " is negative.");
            int skip = integer.Array[integer.Offset] == 0 ? 1 : 0;
            if (integer.Count - skip == 0) throw new CsrFormatException("its " + what + " is zero.");
            var bytes = new byte[integer.Count - skip];
            Buffer.BlockCopy(integer.Array, integer.Offset + skip, bytes, 0, bytes.Length);
            return bytes;
        }

        private static int BitLength(byte[] magnitude)
        {
            int top = magnitude[0], bits = 0;
            while (top != 0) { bits++; top >>= 1; }
            return (magnitude.Length - 1) * 8 + bits;
        }
    }
}
