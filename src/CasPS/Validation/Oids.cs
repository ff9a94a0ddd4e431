using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CasPS.Validation
{
    /// <summary>
    /// The object identifiers CSR checks need, kept as DER content bytes so a parsed OID is
    /// compared without decoding it; decoding to dotted text is only for messages.
    /// </summary>
    internal static class Oids
    {
        // Subject and attributes
        public static readonly byte[] CommonName = Encode("2.5.4.3");
        public static readonly byte[] ExtensionRequest = Encode("1.2.840.113549.1.9.14");
        public static readonly byte[] SubjectAltName = Encode("2.5.29.17");

        // Key algorithms
        public static readonly byte[] RsaEncryption = Encode("1.2.840.113549.1.1.1");
        public static readonly byte[] RsaPss = Encode("1.2.840.113549.1.1.10");
        public static readonly byte[] EcPublicKey = Encode("1.2.840.10045.2.1");
        public static readonly byte[] P256 = Encode("1.2.840.10045.3.1.7");
        public static readonly byte[] P384 = Encode("1.3.132.0.34");
        public static readonly byte[] P521 = Encode("1.3.132.0.35");

        // Signature algorithms
        public static readonly byte[] Sha1WithRsa = Encode("1.2.840.113549.1.1.5");
        public static readonly byte[] Sha256WithRsa = Encode("1.2.840.113549.1.1.11");
        public static readonly byte[] Sha384WithRsa = Encode("1.2.840.113549.1.1.12");
        public static readonly byte[] Sha512WithRsa = Encode("1.2.840.113549.1.1.13");
        public static readonly byte[] EcdsaWithSha1 = Encode("1.2.840.10045.4.1");
        public static readonly byte[] EcdsaWithSha256 = Encode("1.2.840.10045.4.3.2");
        public static readonly byte[] EcdsaWithSha384 = Encode("1.2.840.10045.4.3.3");
        public static readonly byte[] EcdsaWithSha512 = Encode("1.2.840.10045.4.3.4");
        public static readonly byte[] Mgf1 = Encode("1.2.840.113549.1.1.8");

        // Hash algorithms (RSASSA-PSS parameters)
        public static readonly byte[] Sha1 = Encode("1.3.14.3.2.26");
        public static readonly byte[] Sha256 = Encode("2.16.840.1.101.3.4.2.1");
        public static readonly byte[] Sha384 = Encode("2.16.840.1.101.3.4.2.2");
        public static readonly byte[] Sha512 = Encode("2.16.840.1.101.3.4.2.3");

        /// <summary>Names for OIDs CasPS refuses, so messages say "Ed25519", not only a number.</summary>
        private static readonly Dictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["1.2.840.10040.4.1"] = "DSA",
            ["1.3.101.110"] = "X25519",
            ["1.3.101.111"] = "X448",
            ["1.3.101.112"] = "Ed25519",
            ["1.3.101.113"] = "Ed448",
            ["1.2.840.113549.1.1.10"] = "RSASSA-PSS",
            ["1.2.840.10046.2.1"] = "Diffie-Hellman",
            ["1.3.132.0.10"] = "secp256k1",
            ["1.3.132.0.33"] = "P-224",
            ["1.2.840.10045.3.1.1"] = "P-192",
            ["1.2.156.10197.1.301"] = "SM2",
            ["1.3.36.3.3.2.8.1.1.7"] = "brainpoolP256r1",
            ["1.3.36.3.3.2.8.1.1.11"] = "brainpoolP384r1",
            ["1.3.36.3.3.2.8.1.1.13"] = "brainpoolP512r1",
            ["1.2.840.113549.1.1.2"] = "md2WithRSAEncryption",
            ["1.2.840.113549.1.1.4"] = "md5WithRSAEncryption",
            ["1.2.840.113549.1.1.14"] = "sha224WithRSAEncryption",
            ["1.2.840.10045.4.3.1"] = "ecdsa-with-SHA224",
            ["1.2.840.10040.4.3"] = "dsa-with-sha1",
            ["2.16.840.1.101.3.4.3.2"] = "dsa-with-sha256",
            ["1.2.156.10197.1.501"] = "SM2-with-SM3",
        };

        public static bool Is(ArraySegment<byte> oid, byte[] known)
        {
            if (oid.Count != known.Length) return false;
            for (int i = 0; i < known.Length; i++)
                if (oid.Array[oid.Offset + i] != known[i]) return false;
            return true;
        }

        /// <summary>"Ed25519 (OID 1.3.101.112)", or "OID 1.2.3" for one without a name.</summary>
        public static string Describe(ArraySegment<byte> oid)
        {
            string dotted = ToDotted(oid);
            return Names.TryGetValue(dotted, out var name) ? name + " (OID " + dotted + ")" : "OID " + dotted;
        }

        /// <summary>Dotted text of DER OID content (already checked by DerReader.ReadOid).</summary>
        public static string ToDotted(ArraySegment<byte> oid)
        {
            var sb = new StringBuilder(oid.Count * 3);
            ulong value = 0;
            bool first = true;
            for (int i = 0; i < oid.Count; i++)
            {
                byte b = oid.Array[oid.Offset + i];
                if (value > (ulong.MaxValue >> 7)) return sb.Append("(too long)").ToString();
                value = (value << 7) | (uint)(b & 0x7F);
                if ((b & 0x80) != 0) continue;
                if (first)
                {
                    ulong arc0 = value < 40 ? 0UL : value < 80 ? 1UL : 2UL;
                    sb.Append(arc0.ToString(CultureInfo.InvariantCulture)).Append('.')
                      .Append((value - arc0 * 40).ToString(CultureInfo.InvariantCulture));
                    first = false;
                }
                else sb.Append('.').Append(value.ToString(CultureInfo.InvariantCulture));
                value = 0;
                if (sb.Length > 100) return sb.Append("...").ToString();
            }
            return sb.ToString();
        }

        internal static byte[] Encode(string dotted)
        {
            var parts = dotted.Split('.');
            var arcs = new List<ulong> { ulong.Parse(parts[0], CultureInfo.InvariantCulture) * 40 + ulong.Parse(parts[1], CultureInfo.InvariantCulture) };
            for (int i = 2; i < parts.Length; i++) arcs.Add(ulong.Parse(parts[i], CultureInfo.InvariantCulture));
            var bytes = new List<byte>();
            foreach (var arc in arcs)
            {
                var stack = new Stack<byte>();
                ulong v = arc;
                stack.Push((byte)(v & 0x7F));
                while ((v >>= 7) != 0) stack.Push((byte)(0x80 | (v & 0x7F)));
                bytes.AddRange(stack);
            }
            return bytes.ToArray();
        }
    }
}
