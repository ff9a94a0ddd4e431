using System.Management.Automation;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CasPS.Errors;
using CasPS.Validation;

namespace CasPS.Tests.Validation;

public class CsrValidatorTests
{
    private const string P = "Cannot validate argument on parameter 'Csr'. ";

    private static CasPSException Refused(byte[] data, string parameterName = "Csr")
    {
        var ex = Assert.Throws<CasPSException>(() => CsrValidator.Validate(data, parameterName));
        Assert.Equal(ErrorIds.InvalidCsr, ex.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, ex.Category);
        Assert.Equal(parameterName, ex.ParameterName);
        Assert.StartsWith("Cannot validate argument on parameter '" + parameterName + "'. CSR is not valid: ", ex.Message);
        return ex;
    }

    private static CasPSException Refused(string text)
    {
        var ex = Assert.Throws<CasPSException>(() => CsrValidator.Validate(text));
        Assert.Equal(ErrorIds.InvalidCsr, ex.ErrorId);
        Assert.Equal("Csr", ex.ParameterName);
        Assert.StartsWith(P + "CSR is not valid: ", ex.Message);
        return ex;
    }

    // --- accepted keys ---

    [Theory]
    [InlineData(2048)]
    [InlineData(4096)]
    public void Rsa_keys_of_2048_bits_or_more_are_accepted(int bits)
    {
        var info = CsrValidator.Validate(CsrFactory.Pem(CsrFactory.Rsa(bits)));
        Assert.Equal("RSA", info.KeyAlgorithm);
        Assert.Equal(bits, info.KeySize);
        Assert.Null(info.CurveName);
        Assert.Equal("sha256WithRSAEncryption", info.SignatureAlgorithm);
        Assert.Equal("www.example.com", info.CommonName);
        Assert.Empty(info.SubjectAlternativeNames);
        Assert.Equal("www.example.com", info.Domains.ApiValue);
        Assert.Empty(info.Warnings);
    }

    [Theory]
    [InlineData("SHA384", "sha384WithRSAEncryption")]
    [InlineData("SHA512", "sha512WithRSAEncryption")]
    public void Rsa_with_other_hashes_is_accepted(string hash, string name)
    {
        var info = CsrValidator.Validate(CsrFactory.Rsa(hash: new HashAlgorithmName(hash)));
        Assert.Equal(name, info.SignatureAlgorithm);
    }

    [Fact]
    public void Sha1_signatures_are_still_accepted()
    {
        // .NET refuses to make them, so BouncyCastle does.
        Assert.Equal("sha1WithRSAEncryption", CsrValidator.Validate(CsrFactory.BouncyCastleRsa("SHA1withRSA")).SignatureAlgorithm);
        Assert.Equal("sha256WithRSAEncryption", CsrValidator.Validate(CsrFactory.BouncyCastleRsa("SHA256withRSA")).SignatureAlgorithm);
    }

    [Fact]
    public void Md5_signatures_are_refused()
    {
        Assert.Equal(P + "CSR is not valid: it is signed with md5WithRSAEncryption (OID 1.2.840.113549.1.1.4), which CasPS cannot check; " +
            "sign it with SHA-256 (sha256WithRSAEncryption or ecdsa-with-SHA256).", Refused(CsrFactory.BouncyCastleRsa("MD5withRSA")).Message);
    }

    [Fact]
    public void Rsa_pss_signatures_are_verified()
    {
        var dotnet = CsrValidator.Validate(CsrFactory.Rsa(padding: RSASignaturePadding.Pss));
        Assert.Equal("RSASSA-PSS (SHA256, MGF1 SHA256, salt 32)", dotnet.SignatureAlgorithm);
        var bc = CsrValidator.Validate(CsrFactory.BouncyCastleRsaPss());
        Assert.StartsWith("RSASSA-PSS (SHA256, MGF1 SHA256", bc.SignatureAlgorithm);
        var bc512 = CsrValidator.Validate(CsrFactory.BouncyCastleRsaPss("SHA512withRSAandMGF1"));
        Assert.StartsWith("RSASSA-PSS (SHA512", bc512.SignatureAlgorithm);

        var tampered = CsrFactory.Rsa(padding: RSASignaturePadding.Pss);
        tampered[^10] ^= 0x01;
        Assert.Contains("signature does not verify", Refused(tampered).Message);
    }

    [Theory]
    [InlineData("nistP256", "P-256", 256, "ecdsa-with-SHA256", "SHA256")]
    [InlineData("nistP384", "P-384", 384, "ecdsa-with-SHA384", "SHA384")]
    [InlineData("nistP521", "P-521", 521, "ecdsa-with-SHA512", "SHA512")]
    [InlineData("nistP256", "P-256", 256, "ecdsa-with-SHA512", "SHA512")]
    public void Ec_keys_on_the_nist_curves_are_accepted(string curve, string name, int size, string signature, string hash)
    {
        var info = CsrValidator.Validate(CsrFactory.Ec(ECCurve.CreateFromFriendlyName(curve), hash: new HashAlgorithmName(hash)));
        Assert.Equal("EC", info.KeyAlgorithm);
        Assert.Equal(name, info.CurveName);
        Assert.Equal(size, info.KeySize);
        Assert.Equal(signature, info.SignatureAlgorithm);
    }

    // --- refused keys ---

    [Fact]
    public void Rsa_1024_is_refused_with_its_size()
    {
        var ex = Refused(CsrFactory.Rsa(1024));
        Assert.Equal(P + "CSR is not valid: its RSA key is 1024 bits; CAS requires at least 2048 bits. Generate a new key of 2048 bits or more.", ex.Message);
    }

    [Fact]
    public void Dsa_key_is_refused()
    {
        var ex = Refused(CsrFactory.BouncyCastleDsa());
        Assert.StartsWith(P + "CSR is not valid: its key is DSA (OID 1.2.840.10040.4.1), which is not accepted.", ex.Message);
    }

    [Fact]
    public void Ed25519_key_is_refused()
    {
        var ex = Refused(CsrFactory.BouncyCastleEd25519());
        Assert.Equal(P + "CSR is not valid: its key is Ed25519 (OID 1.3.101.112), which is not accepted. CAS accepts RSA keys of 2048 bits " +
            "or more and EC keys on P-256, P-384 or P-521.", ex.Message);
    }

    [Fact]
    public void Secp256k1_key_is_refused()
    {
        var ex = Refused(CsrFactory.BouncyCastleSecp256k1());
        Assert.StartsWith(P + "CSR is not valid: its EC key is on the curve secp256k1 (OID 1.3.132.0.10), which is not accepted.", ex.Message);
    }

    // --- signature ---

    [Fact]
    public void Tampered_signature_is_refused()
    {
        var der = CsrFactory.Rsa();
        der[^1] ^= 0x01;
        Assert.Equal(P + "CSR is not valid: its signature does not verify with its own public key: the request was altered after it was " +
            "signed, or signed with another key. Generate the CSR again.", Refused(der).Message);

        var ec = CsrFactory.Ec(ECCurve.NamedCurves.nistP256);
        ec[^3] ^= 0x01;
        Assert.Contains("its signature does not verify", Refused(ec).Message);
    }

    [Fact]
    public void Tampered_subject_is_refused()
    {
        foreach (var der in new[] { CsrFactory.Rsa(), CsrFactory.Ec(ECCurve.NamedCurves.nistP384) })
        {
            int at = IndexOf(der, Encoding.ASCII.GetBytes("www.example.com"));
            der[at + 4] = (byte)'f'; // www.fxample.com: still a valid name, so only the signature can tell
            Assert.Contains("its signature does not verify", Refused(der).Message);
        }
    }

    // --- input forms ---

    [Fact]
    public void Pem_with_the_NEW_header_and_CRLF_is_accepted()
    {
        var der = CsrFactory.Rsa();
        var info = CsrValidator.Validate(CsrFactory.Pem(der, "NEW CERTIFICATE REQUEST", "\r\n"));
        Assert.Equal(CsrFactory.Pem(der), info.Pem);
    }

    [Theory]
    [InlineData("\n", 64)]
    [InlineData("\r\n", 76)]
    [InlineData("\r", 64)]
    [InlineData("\n  ", 40)]
    [InlineData(" ", 1000)]
    public void Pem_line_endings_and_whitespace_do_not_matter(string newline, int lineLength)
    {
        var der = CsrFactory.Ec(ECCurve.NamedCurves.nistP256);
        string text = "Subject: www.example.com\r\nsome notes\n" + CsrFactory.Pem(der, newline: newline, lineLength: lineLength) + "\ntrailing text";
        var info = CsrValidator.Validate(text);
        Assert.Equal(CsrFactory.Pem(der), info.Pem);
    }

    [Fact]
    public void Normalized_pem_has_64_char_lines_and_LF()
    {
        var pem = CsrValidator.Validate(CsrFactory.Rsa(4096)).Pem;
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----\n", pem);
        Assert.EndsWith("\n-----END CERTIFICATE REQUEST-----\n", pem);
        Assert.DoesNotContain("\r", pem);
        var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[1..^2], l => Assert.Equal(64, l.Length));
        Assert.InRange(lines[^2].Length, 1, 64);
        Assert.Equal(pem, CsrValidator.Validate(pem).Pem);
    }

    [Fact]
    public void Der_bytes_and_pem_bytes_are_accepted()
    {
        var der = CsrFactory.Rsa();
        var pem = CsrFactory.Pem(der);
        Assert.Equal(pem, CsrValidator.Validate(der).Pem);
        Assert.Equal(pem, CsrValidator.Validate(Encoding.ASCII.GetBytes(pem)).Pem);
        Assert.Equal(pem, CsrValidator.Validate(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(pem)).ToArray()).Pem);
        // Windows PowerShell 5.1's Out-File writes UTF-16 with a BOM.
        Assert.Equal(pem, CsrValidator.Validate(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(pem)).ToArray()).Pem);
    }

    [Fact]
    public void Pem_problems_are_explained()
    {
        var pem = CsrFactory.Pem(CsrFactory.Rsa());
        Assert.Equal(P + "CSR is not valid: it is empty.", Refused("  \n").Message);
        Assert.Equal(P + "CSR is not valid: it is empty.", Refused((string)null).Message);
        Assert.Equal(P + "CSR is not valid: it is empty.", Refused(Array.Empty<byte>()).Message);
        Assert.StartsWith(P + "CSR is not valid: no '-----BEGIN CERTIFICATE REQUEST-----' line found", Refused("MIIB...").Message);
        Assert.Equal(P + "CSR is not valid: its PEM block has no '-----END CERTIFICATE REQUEST-----' line (truncated?).",
            Refused(pem.Substring(0, pem.Length - 40)).Message);
        Assert.StartsWith(P + "CSR is not valid: the base64 text inside its PEM block is not valid", Refused(pem.Insert(100, "!")).Message);
        Assert.StartsWith(P + "CSR is not valid: the base64 text inside its PEM block is not valid", Refused(pem.Remove(90, 1)).Message);
        Assert.Equal(P + "CSR is not valid: it holds more than one certificate request; pass one at a time.", Refused(pem + pem).Message);
        Assert.Equal(P + "CSR is not valid: its PEM block is empty.",
            Refused("-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n").Message);
    }

    [Fact]
    public void A_private_key_is_named_but_never_echoed()
    {
        string secret = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDsecretsecret";
        var ex = Refused("-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----\n");
        Assert.Equal(P + "CSR is not valid: it holds a 'PRIVATE KEY' block but no '-----BEGIN CERTIFICATE REQUEST-----' block.", ex.Message);
        Assert.DoesNotContain("secret", ex.ToString());
        // A key followed by the CSR: the CSR is found.
        var info = CsrValidator.Validate("-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----\n" + CsrFactory.Pem(CsrFactory.Rsa()));
        Assert.Equal("www.example.com", info.CommonName);
    }

    // --- malformed DER ---

    [Fact]
    public void Truncated_der_is_refused()
    {
        var der = CsrFactory.Rsa();
        foreach (int length in new[] { 1, 2, 3, 10, der.Length / 2, der.Length - 1 })
            Assert.Contains("malformed DER", Refused(der.Take(length).ToArray()).Message);
    }

    [Fact]
    public void Trailing_garbage_is_refused()
    {
        var der = CsrFactory.Rsa().Concat(new byte[] { 0x00 }).ToArray();
        Assert.StartsWith(P + "CSR is not valid: malformed DER at byte", Refused(der).Message);
        var der2 = CsrFactory.Rsa().Concat(new byte[] { 0x05, 0x00 }).ToArray();
        Assert.Contains("unexpected data after the CertificationRequest (trailing bytes)", Refused(der2).Message);
    }

    [Fact]
    public void Garbage_is_refused()
    {
        Refused(new byte[] { 0x30 });
        Refused(new byte[] { 0x30, 0x00 });
        Refused(new byte[] { 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef });
        Refused(Encoding.ASCII.GetBytes("hello world"));
        var random = new Random(42);
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 3000)];
            random.NextBytes(bytes);
            if (i % 2 == 0) bytes[0] = 0x30;
            Refused(bytes);
        }
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        byte[] content = Array.Empty<byte>();
        for (int i = 0; i < 2000; i++) content = Tlv(0x30, content);
        Assert.Contains("nested more than 32 levels deep", Refused(content).Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x00 }, "claims 4294967295 bytes")]
    [InlineData(new byte[] { 0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x00 }, "claims 2147483647 bytes")]
    [InlineData(new byte[] { 0x30, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00 }, "a length field of 8 bytes is far too large")]
    [InlineData(new byte[] { 0x30, 0xFF, 0x00 }, "a length field of 127 bytes is far too large")]
    [InlineData(new byte[] { 0x30, 0x80, 0x00, 0x00 }, "indefinite length")]
    [InlineData(new byte[] { 0x30, 0x81, 0x01, 0x00 }, "short length is written in long form")]
    [InlineData(new byte[] { 0x30, 0x82, 0x00, 0x81 }, "needless leading zero")]
    [InlineData(new byte[] { 0x30, 0x03, 0x1F, 0x81, 0x00 }, "multi-byte tags")]
    public void Hostile_lengths_and_encodings_are_refused(byte[] data, string reason)
    {
        Assert.Contains(reason, Refused(data).Message);
    }

    [Fact]
    public void Oversized_input_is_refused_up_front()
    {
        var big = new byte[70000];
        big[0] = 0x30;
        Assert.Equal(P + "CSR is not valid: it is 70,000 bytes long; CasPS accepts at most 65,536 (a real CSR is 1-3 KB).", Refused(big).Message);
        Assert.StartsWith(P + "CSR is not valid: it is 300,000 characters long", Refused(new string('A', 300000)).Message);
    }

    // --- names in the CSR ---

    [Fact]
    public void Wildcard_CN_with_SANs_is_accepted()
    {
        var info = CsrValidator.Validate(CsrFactory.Rsa(cn: "*.Example.com", sans: new[] { "*.example.com", "example.com", "www.example.com" }));
        Assert.Equal("*.example.com", info.CommonName);
        Assert.Equal(new[] { "*.example.com", "example.com", "www.example.com" }, info.SubjectAlternativeNames);
        Assert.Equal(new[] { "*.example.com", "example.com", "www.example.com" }, info.Domains.Names);
        Assert.True(info.Domains.IsMixed);
        Assert.StartsWith("The CSR mixes single names and wildcards (CN and SANs); the certificate is bound to its CN '*.example.com'",
            Assert.Single(info.Warnings));
    }

    [Fact]
    public void Many_SANs_warn()
    {
        var sans = Enumerable.Range(1, 7).Select(i => $"h{i}.example.com").ToArray();
        var info = CsrValidator.Validate(CsrFactory.Ec(ECCurve.NamedCurves.nistP256, cn: "h1.example.com", sans: sans));
        Assert.Equal(7, info.Domains.Count);
        Assert.StartsWith("The CSR names 7 domains (CN and SANs)", Assert.Single(info.Warnings));
    }

    [Fact]
    public void CN_that_is_an_IP_address_is_refused()
    {
        Assert.Equal(P + "CSR is not valid: its subject CN '192.0.2.1' is not a valid domain name: it is an IPv4 address; " +
            "CAS issues certificates for domain names only.", Refused(CsrFactory.Rsa(cn: "192.0.2.1")).Message);
    }

    [Fact]
    public void CN_and_SAN_names_follow_the_domain_rules()
    {
        Assert.StartsWith(P + "CSR is not valid: its subject CN 'my_host.example.com' is not a valid domain name: label 1 ('my_host') contains '_'",
            Refused(CsrFactory.Rsa(cn: "my_host.example.com")).Message);
        Assert.StartsWith(P + "CSR is not valid: its subjectAltName DNS name 'a..example.com' is not a valid domain name: label 2 is empty.",
            Refused(CsrFactory.Rsa(sans: new[] { "a..example.com" })).Message);
        Assert.Equal("xn--bcher-kva.example", CsrValidator.Validate(CsrFactory.Rsa(cn: "bücher.example")).CommonName);
    }

    [Fact]
    public void CSR_names_are_taken_as_written_not_trimmed()
    {
        Assert.Equal(P + "CSR is not valid: its subject CN 'www.example.com.' ends with a dot; certificate names are written without it.",
            Refused(CsrFactory.Rsa(cn: "www.example.com.")).Message);
        Assert.Equal(P + "CSR is not valid: its subjectAltName DNS name ' www.example.com' has spaces around it; the CA takes the name as written.",
            Refused(CsrFactory.Rsa(sans: new[] { " www.example.com" })).Message);
        Assert.Equal("www.example.com", CsrValidator.Validate(CsrFactory.Rsa(cn: "WWW.Example.COM")).CommonName);
    }

    [Fact]
    public void IP_address_SAN_is_refused()
    {
        Assert.Equal(P + "CSR is not valid: its subjectAltName holds an IP address; CAS certificates cover DNS names only, so remove it from the CSR.",
            Refused(CsrFactory.Rsa(sans: new[] { "www.example.com" }, ipSan: IPAddress.Loopback)).Message);
    }

    [Fact]
    public void Missing_CN_is_refused()
    {
        Assert.Equal(P + "CSR is not valid: its subject has no CN (common name); CAS binds the certificate to the CN, so it is required.",
            Refused(CsrFactory.RsaWithoutCn()).Message);
    }

    [Fact]
    public void The_parameter_name_is_the_callers()
    {
        Refused(new byte[] { 1, 2, 3 }, "CsrPath");
    }

    [Fact]
    public void CN_compared_with_Domain()
    {
        var csr = CsrValidator.Validate(CsrFactory.Rsa(cn: "www.example.com", sans: new[] { "www.example.com", "api.example.com" }));
        Assert.Empty(CsrValidator.CompareWithDomains(csr, DomainValidator.Validate("WWW.example.com")));
        Assert.Empty(CsrValidator.CompareWithDomains(csr, DomainValidator.Validate("www.example.com,api.example.com")));
        Assert.Empty(CsrValidator.CompareWithDomains(csr, null));

        var w = CsrValidator.CompareWithDomains(csr, DomainValidator.Validate("shop.example.com"));
        Assert.Equal(2, w.Count);
        Assert.Equal("The CSR's CN 'www.example.com' is not among the -Domain names ('shop.example.com'); the service binds the " +
            "certificate to the CSR's CN, not to -Domain.", w[0]);
        Assert.Equal("-Domain names not in the CSR ('shop.example.com') may not be covered: the service takes the names from the CSR.", w[1]);
    }

    private static byte[] Tlv(byte tag, byte[] content)
    {
        var header = new List<byte> { tag };
        if (content.Length < 0x80) header.Add((byte)content.Length);
        else if (content.Length < 0x100) { header.Add(0x81); header.Add((byte)content.Length); }
        else { header.Add(0x82); header.Add((byte)(content.Length >> 8)); header.Add((byte)content.Length); }
        return header.Concat(content).ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("not found");
    }
}
