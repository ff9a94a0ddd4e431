using System;
using System.Globalization;
using System.Text;

namespace CasPS.Validation
{
    /// <summary>
    /// Reads a DER PKCS#10 CertificationRequest (RFC 2986):
    /// SEQUENCE { certificationRequestInfo SEQUENCE { version INTEGER 0, subject Name,
    /// subjectPKInfo, [0] attributes }, signatureAlgorithm, signature BIT STRING }.
    /// Only structure is judged here; key, signature and names are judged by the callers.
    /// </summary>
    internal static class CsrParser
    {
        /// <summary>A CSR nests about 8 levels; 32 leaves room and stops hostile nesting.</summary>
        public const int MaxDepth = 32;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        public static ParsedCsr Parse(byte[] der)
        {
            DerReader.CheckWellFormed(der, 0, der.Length, MaxDepth);
            var result = new ParsedCsr { Der = der };

            var outer = new DerReader(der);
            var request = outer.ReadSequence("the CertificationRequest SEQUENCE");
            outer.ExpectEnd("the CertificationRequest (trailing bytes)");

            var info = request.ReadConstructed(DerReader.Sequence, "certificationRequestInfo", out var signed);
            result.SignedData = signed;

            var version = info.ReadInteger("the version");
            if (version.Count != 1 || version.Array[version.Offset] != 0)
                throw new CsrFormatException("its version is not 0 (PKCS#10 v1), the only version defined.");

            ReadSubject(info.ReadSequence("the subject Name"), result);

            var spki = info.ReadSequence("subjectPublicKeyInfo");
            result.KeyAlgorithm = AlgorithmIdentifier.Read(spki, "the public key algorithm");
            result.PublicKey = spki.ReadBitStringBytes("the public key");
            spki.ExpectEnd("subjectPublicKeyInfo");

            // RFC 2986 makes [0] attributes mandatory, but some tools omit an empty set; harmless.
            if (info.HasData) ReadAttributes(info.ReadConstructed(0xA0, "the [0] attributes"), result);
            info.ExpectEnd("certificationRequestInfo");

            result.SignatureAlgorithm = AlgorithmIdentifier.Read(request, "the signature algorithm");
            result.Signature = ToArray(request.ReadBitStringBytes("the signature"));
            request.ExpectEnd("the signature");
            return result;
        }

        private static void ReadSubject(DerReader name, ParsedCsr result)
        {
            while (name.HasData)
            {
                var rdn = name.ReadConstructed(DerReader.Set, "a RelativeDistinguishedName SET");
                while (rdn.HasData)
                {
                    var atv = rdn.ReadSequence("an AttributeTypeAndValue");
                    var type = atv.ReadOid("an attribute type");
                    byte tag = atv.ReadElement(out var value, out _);
                    atv.ExpectEnd("an AttributeTypeAndValue");
                    if (!Oids.Is(type, Oids.CommonName)) continue;
                    if (result.CommonName != null)
                        throw new CsrFormatException("its subject has more than one CN; the service binds the certificate to the CN, so give exactly one.");
                    result.CommonName = DecodeDirectoryString(tag, value);
                }
            }
        }

        private static void ReadAttributes(DerReader attributes, ParsedCsr result)
        {
            bool seenExtensions = false;
            while (attributes.HasData)
            {
                var attribute = attributes.ReadSequence("an attribute");
                var type = attribute.ReadOid("an attribute type");
                var values = attribute.ReadConstructed(DerReader.Set, "the attribute's values SET");
                attribute.ExpectEnd("an attribute");
                if (!Oids.Is(type, Oids.ExtensionRequest)) continue;
                if (seenExtensions) throw new CsrFormatException("it has more than one extensionRequest attribute.");
                seenExtensions = true;
                var extensions = values.ReadSequence("the requested Extensions");
                values.ExpectEnd("the extensionRequest value (more than one value)");
                ReadExtensions(extensions, result);
            }
        }

        private static void ReadExtensions(DerReader extensions, ParsedCsr result)
        {
            bool seenSan = false;
            while (extensions.HasData)
            {
                var extension = extensions.ReadSequence("an Extension");
                var id = extension.ReadOid("an extension id");
                if (extension.HasData && extension.PeekTag() == DerReader.Boolean) extension.ReadBoolean("the extension's critical flag");
                var value = extension.ReadPrimitive(DerReader.OctetString, "the extension's value OCTET STRING");
                extension.ExpectEnd("an Extension");
                if (!Oids.Is(id, Oids.SubjectAltName)) continue;
                if (seenSan) throw new CsrFormatException("it requests the subjectAltName extension twice.");
                seenSan = true;
                // The OCTET STRING wraps more DER, which the first walk did not look into.
                DerReader.CheckWellFormed(value.Array, value.Offset, value.Count, MaxDepth);
                var wrapper = new DerReader(value);
                var names = wrapper.ReadSequence("the subjectAltName GeneralNames");
                wrapper.ExpectEnd("the subjectAltName GeneralNames");
                ReadGeneralNames(names, result);
            }
        }

        private static void ReadGeneralNames(DerReader names, ParsedCsr result)
        {
            while (names.HasData)
            {
                byte tag = names.ReadElement(out var content, out _);
                if (tag == 0x82) // dNSName [2] IMPLICIT IA5String
                {
                    result.DnsNames.Add(DecodeAscii(content, "a subjectAltName dNSName"));
                    continue;
                }
                throw new CsrFormatException("its subjectAltName holds " + GeneralNameKind(tag) +
                    "; CAS certificates cover DNS names only, so remove it from the CSR.");
            }
        }

        private static string GeneralNameKind(byte tag)
        {
            switch (tag & 0x1F)
            {
                case 0: return "an otherName entry";
                case 1: return "an e-mail address (rfc822Name)";
                case 3: return "an x400Address entry";
                case 4: return "a directoryName entry";
                case 5: return "an ediPartyName entry";
                case 6: return "a URI";
                case 7: return "an IP address";
                case 8: return "a registeredID entry";
                default: return "an entry of unknown type (tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture) + ")";
            }
        }

        /// <summary>The DirectoryString choices a CN is found in.</summary>
        private static string DecodeDirectoryString(byte tag, ArraySegment<byte> value)
        {
            switch (tag)
            {
                case 0x0C: // UTF8String
                    try { return StrictUtf8.GetString(value.Array, value.Offset, value.Count); }
                    catch (DecoderFallbackException ex) { throw new CsrFormatException("its subject CN is not valid UTF-8.", ex); }
                case 0x13: // PrintableString
                case 0x16: // IA5String
                    return DecodeAscii(value, "its subject CN");
                case 0x14: // TeletexString: in practice Latin-1
                    {
                        var chars = new char[value.Count];
                        for (int i = 0; i < chars.Length; i++) chars[i] = (char)value.Array[value.Offset + i];
                        return new string(chars);
                    }
                case 0x1E: // BMPString: UTF-16 big-endian
                    if (value.Count % 2 != 0) throw new CsrFormatException("its subject CN is a BMPString of odd length.");
                    return Encoding.BigEndianUnicode.GetString(value.Array, value.Offset, value.Count);
                default:
                    throw new CsrFormatException("its subject CN is an ASN.1 string of tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture) +
                        ", which CasPS does not read; use UTF8String or PrintableString.");
            }
        }

        private static string DecodeAscii(ArraySegment<byte> value, string what)
        {
            var chars = new char[value.Count];
            for (int i = 0; i < chars.Length; i++)
            {
                byte b = value.Array[value.Offset + i];
                if (b >= 0x80) throw new CsrFormatException(what + " holds a non-ASCII byte, which its string type does not allow.");
                chars[i] = (char)b;
            }
            return new string(chars);
        }

        private static byte[] ToArray(ArraySegment<byte> segment)
        {
            var copy = new byte[segment.Count];
            Buffer.BlockCopy(segment.Array, segment.Offset, copy, 0, segment.Count);
            return copy;
        }
    }
}
