using System;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace CasPS.Validation
{
    /// <summary>
    /// RSASSA-PSS verification (RFC 8017 §8.1.2, EMSA-PSS-VERIFY §9.1.2) done by hand: Windows
    /// PowerShell 5.1's RSA.Create() gives RSACryptoServiceProvider, which has no PSS, and .NET's
    /// PSS only takes salt = hash length. Only public data is involved, so no timing concerns.
    /// </summary>
    internal static class RsaPssVerifier
    {
        internal struct Parameters
        {
            public HashAlgorithmName Hash;
            public HashAlgorithmName MgfHash;
            public int SaltLength;

            public override string ToString() =>
                "RSASSA-PSS (" + Hash.Name + ", MGF1 " + MgfHash.Name + ", salt " + SaltLength.ToString(CultureInfo.InvariantCulture) + ")";
        }

        /// <summary>RSASSA-PSS-params, with the RFC 4055 defaults (SHA-1, MGF1-SHA-1, salt 20, trailer 1).</summary>
        public static Parameters ReadParameters(AlgorithmIdentifier algorithm)
        {
            var result = new Parameters { Hash = HashAlgorithmName.SHA1, MgfHash = HashAlgorithmName.SHA1, SaltLength = 20 };
            if (!algorithm.HasParameters) return result;
            if (algorithm.ParametersTag != DerReader.Sequence) throw new CsrFormatException("its RSASSA-PSS parameters are not a SEQUENCE.");
            var p = new DerReader(algorithm.Parameters);
            if (p.HasData && p.PeekTag() == 0xA0)
            {
                var hash = p.ReadConstructed(0xA0, "the PSS hashAlgorithm");
                result.Hash = ReadHash(hash, "PSS hash");
                hash.ExpectEnd("the PSS hashAlgorithm");
            }
            if (p.HasData && p.PeekTag() == 0xA1)
            {
                var mgfWrapper = p.ReadConstructed(0xA1, "the PSS maskGenAlgorithm");
                var mgf = AlgorithmIdentifier.Read(mgfWrapper, "the PSS mask generation function");
                mgfWrapper.ExpectEnd("the PSS maskGenAlgorithm");
                if (!Oids.Is(mgf.Oid, Oids.Mgf1) || !mgf.HasParameters)
                    throw new CsrFormatException("its RSASSA-PSS signature uses a mask generation function other than MGF1.");
                result.MgfHash = ReadHash(new DerReader(mgf.ParametersEncoded), "MGF1 hash");
            }
            if (p.HasData && p.PeekTag() == 0xA2)
            {
                var salt = p.ReadConstructed(0xA2, "the PSS saltLength");
                var value = salt.ReadInteger("the PSS saltLength");
                salt.ExpectEnd("the PSS saltLength");
                if (value.Count > 2 || (value.Array[value.Offset] & 0x80) != 0)
                    throw new CsrFormatException("its RSASSA-PSS salt length is out of range.");
                result.SaltLength = value.Count == 1 ? value.Array[value.Offset] : (value.Array[value.Offset] << 8) | value.Array[value.Offset + 1];
            }
            if (p.HasData && p.PeekTag() == 0xA3)
            {
                var trailer = p.ReadConstructed(0xA3, "the PSS trailerField");
                var value = trailer.ReadInteger("the PSS trailerField");
                trailer.ExpectEnd("the PSS trailerField");
                if (value.Count != 1 || value.Array[value.Offset] != 1)
                    throw new CsrFormatException("its RSASSA-PSS trailer field is not 1 (0xBC), the only one defined.");
            }
            p.ExpectEnd("the RSASSA-PSS parameters");
            return result;
        }

        public static bool Verify(CsrPublicKey key, ArraySegment<byte> data, byte[] signature, Parameters parameters)
        {
            byte[] modulus = key.Rsa.Modulus;
            if (signature.Length != modulus.Length) return false;
            var n = ToInteger(modulus);
            var s = ToInteger(signature);
            if (s >= n) return false;
            var m = BigInteger.ModPow(s, ToInteger(key.Rsa.Exponent), n);

            int emBits = key.KeySize - 1;
            int emLen = (emBits + 7) / 8;
            byte[] em = ToBytes(m, emLen);
            if (em == null) return false;

            byte[] mHash = Hash(parameters.Hash, data.Array, data.Offset, data.Count);
            int hLen = mHash.Length, sLen = parameters.SaltLength;
            if (emLen < hLen + sLen + 2 || em[emLen - 1] != 0xBC) return false;

            int dbLen = emLen - hLen - 1;
            byte keep = (byte)(0xFF >> (8 * emLen - emBits));
            if ((em[0] & ~keep) != 0) return false;

            byte[] db = Mgf1(parameters.MgfHash, em, dbLen, hLen, dbLen);
            for (int i = 0; i < dbLen; i++) db[i] ^= em[i];
            db[0] &= keep;
            int psLen = dbLen - sLen - 1;
            for (int i = 0; i < psLen; i++) if (db[i] != 0) return false;
            if (db[psLen] != 0x01) return false;

            var mPrime = new byte[8 + hLen + sLen];
            Buffer.BlockCopy(mHash, 0, mPrime, 8, hLen);
            Buffer.BlockCopy(db, dbLen - sLen, mPrime, 8 + hLen, sLen);
            byte[] hPrime = Hash(parameters.Hash, mPrime, 0, mPrime.Length);
            for (int i = 0; i < hLen; i++) if (hPrime[i] != em[dbLen + i]) return false;
            return true;
        }

        private static HashAlgorithmName ReadHash(DerReader reader, string what)
        {
            var id = AlgorithmIdentifier.Read(reader, "the " + what + " algorithm");
            if (!id.HasNoOrNullParameters) throw new CsrFormatException("its " + what + " algorithm has unexpected parameters.");
            if (Oids.Is(id.Oid, Oids.Sha256)) return HashAlgorithmName.SHA256;
            if (Oids.Is(id.Oid, Oids.Sha384)) return HashAlgorithmName.SHA384;
            if (Oids.Is(id.Oid, Oids.Sha512)) return HashAlgorithmName.SHA512;
            if (Oids.Is(id.Oid, Oids.Sha1)) return HashAlgorithmName.SHA1;
            throw new CsrFormatException("its RSASSA-PSS " + what + " is " + Oids.Describe(id.Oid) + "; CasPS checks SHA-1, SHA-256, SHA-384 and SHA-512.");
        }

        private static byte[] Mgf1(HashAlgorithmName hash, byte[] seed, int seedOffset, int seedLength, int length)
        {
            var mask = new byte[length];
            var input = new byte[seedLength + 4];
            Buffer.BlockCopy(seed, seedOffset, input, 0, seedLength);
            using (var h = CreateHash(hash))
            {
                for (int done = 0, counter = 0; done < length; counter++)
                {
                    input[seedLength] = (byte)(counter >> 24);
                    input[seedLength + 1] = (byte)(counter >> 16);
                    input[seedLength + 2] = (byte)(counter >> 8);
                    input[seedLength + 3] = (byte)counter;
                    byte[] block = h.ComputeHash(input);
                    int take = Math.Min(block.Length, length - done);
                    Buffer.BlockCopy(block, 0, mask, done, take);
                    done += take;
                }
            }
            return mask;
        }

        private static byte[] Hash(HashAlgorithmName name, byte[] data, int offset, int count)
        {
            using (var h = CreateHash(name)) return h.ComputeHash(data, offset, count);
        }

        private static HashAlgorithm CreateHash(HashAlgorithmName name)
        {
            if (name == HashAlgorithmName.SHA256) return SHA256.Create();
            if (name == HashAlgorithmName.SHA384) return SHA384.Create();
            if (name == HashAlgorithmName.SHA512) return SHA512.Create();
            return SHA1.Create();
        }

        /// <summary>Unsigned big-endian bytes to BigInteger (whose byte[] constructor is little-endian, signed).</summary>
        private static BigInteger ToInteger(byte[] bigEndian)
        {
            var little = new byte[bigEndian.Length + 1];
            for (int i = 0; i < bigEndian.Length; i++) little[i] = bigEndian[bigEndian.Length - 1 - i];
            return new BigInteger(little);
        }

        /// <summary>I2OSP: big-endian, exactly length bytes; null when the value does not fit.</summary>
        private static byte[] ToBytes(BigInteger value, int length)
        {
            byte[] little = value.ToByteArray();
            int used = little.Length;
            while (used > 0 && little[used - 1] == 0) used--;
            if (used > length) return null;
            var result = new byte[length];
            for (int i = 0; i < used; i++) result[length - 1 - i] = little[i];
            return result;
        }
    }
}
