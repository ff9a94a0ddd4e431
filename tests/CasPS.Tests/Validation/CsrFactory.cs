using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using BcX509Name = Org.BouncyCastle.Asn1.X509.X509Name;

namespace CasPS.Tests.Validation;

/// <summary>
/// Makes the CSRs the tests feed to CsrValidator: .NET's CertificateRequest for the usual RSA/EC
/// keys, BouncyCastle for keys .NET will not put in a CSR (DSA, Ed25519, secp256k1). Keys are
/// generated once per process: RSA-4096 generation takes a while on a shared machine.
/// </summary>
internal static class CsrFactory
{
    private static readonly Lazy<RSA> Rsa2048 = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> Rsa4096 = new(() => RSA.Create(4096));
    private static readonly Lazy<RSA> Rsa1024 = new(() => RSA.Create(1024));
    private static readonly Dictionary<string, ECDsa> EcKeys = new();

    public static RSA RsaKey(int bits) => bits switch
    {
        2048 => Rsa2048.Value,
        4096 => Rsa4096.Value,
        1024 => Rsa1024.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(bits)),
    };

    public static ECDsa EcKey(ECCurve curve)
    {
        lock (EcKeys)
        {
            string name = curve.Oid.FriendlyName ?? curve.Oid.Value;
            if (!EcKeys.TryGetValue(name, out var key)) EcKeys[name] = key = ECDsa.Create(curve);
            return key;
        }
    }

    public static byte[] Rsa(int bits = 2048, string cn = "www.example.com", string[] sans = null,
        HashAlgorithmName? hash = null, RSASignaturePadding padding = null, IPAddress ipSan = null)
    {
        var request = new CertificateRequest(Subject(cn), RsaKey(bits), hash ?? HashAlgorithmName.SHA256, padding ?? RSASignaturePadding.Pkcs1);
        AddSans(request, sans, ipSan);
        return request.CreateSigningRequest();
    }

    public static byte[] Ec(ECCurve curve, string cn = "www.example.com", string[] sans = null, HashAlgorithmName? hash = null)
    {
        var request = new CertificateRequest(Subject(cn), EcKey(curve), hash ?? HashAlgorithmName.SHA256);
        AddSans(request, sans, null);
        return request.CreateSigningRequest();
    }

    /// <summary>A subject without a CN (only O).</summary>
    public static byte[] RsaWithoutCn() =>
        new CertificateRequest(new X500DistinguishedName("O=Example"), RsaKey(2048), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSigningRequest();

    public static string Pem(byte[] der, string label = "CERTIFICATE REQUEST", string newline = "\n", int lineLength = 64)
    {
        var b64 = Convert.ToBase64String(der);
        var sb = new StringBuilder();
        sb.Append("-----BEGIN ").Append(label).Append("-----").Append(newline);
        for (int i = 0; i < b64.Length; i += lineLength)
            sb.Append(b64, i, Math.Min(lineLength, b64.Length - i)).Append(newline);
        sb.Append("-----END ").Append(label).Append("-----").Append(newline);
        return sb.ToString();
    }

    // --- BouncyCastle, for keys .NET's CertificateRequest does not do ---

    private static readonly SecureRandom Random = new();

    public static byte[] BouncyCastleDsa()
    {
        var pg = new DsaParametersGenerator();
        pg.Init(1024, 20, Random);
        var kpg = new DsaKeyPairGenerator();
        kpg.Init(new DsaKeyGenerationParameters(Random, pg.GenerateParameters()));
        return BouncyCastle(kpg.GenerateKeyPair(), "SHA1withDSA");
    }

    public static byte[] BouncyCastleEd25519()
    {
        var kpg = new Ed25519KeyPairGenerator();
        kpg.Init(new Ed25519KeyGenerationParameters(Random));
        return BouncyCastle(kpg.GenerateKeyPair(), "Ed25519");
    }

    public static byte[] BouncyCastleSecp256k1()
    {
        var kpg = new ECKeyPairGenerator();
        kpg.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256k1, Random));
        return BouncyCastle(kpg.GenerateKeyPair(), "SHA256withECDSA");
    }

    private static readonly Lazy<AsymmetricCipherKeyPair> BcRsa = new(() =>
    {
        var kpg = new RsaKeyPairGenerator();
        kpg.Init(new KeyGenerationParameters(Random, 2048));
        return kpg.GenerateKeyPair();
    });

    /// <summary>RSA-2048 signed with any BouncyCastle algorithm name ("SHA1withRSA", "SHA256withRSAandMGF1", ...).</summary>
    public static byte[] BouncyCastleRsa(string algorithm) => BouncyCastle(BcRsa.Value, algorithm);

    /// <summary>RSASSA-PSS with BouncyCastle's defaults for the name (SHA-256, MGF1-SHA-256, salt 32).</summary>
    public static byte[] BouncyCastleRsaPss(string algorithm = "SHA256withRSAandMGF1") => BouncyCastleRsa(algorithm);

    private static byte[] BouncyCastle(AsymmetricCipherKeyPair pair, string algorithm) =>
        new Pkcs10CertificationRequest(algorithm, new BcX509Name("CN=www.example.com"), pair.Public, null, pair.Private).GetEncoded();

    private static X500DistinguishedName Subject(string cn)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddOrganizationName("Example");
        builder.AddCommonName(cn);
        return builder.Build();
    }

    /// <summary>
    /// Writes the SAN extension by hand: SubjectAlternativeNameBuilder refuses malformed names,
    /// and the tests need to put them in.
    /// </summary>
    private static void AddSans(CertificateRequest request, string[] sans, IPAddress ip)
    {
        if (sans == null && ip == null) return;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var name in sans ?? Array.Empty<string>())
                writer.WriteCharacterString(UniversalTagNumber.IA5String, name, new Asn1Tag(TagClass.ContextSpecific, 2));
            if (ip != null) writer.WriteOctetString(ip.GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
        }
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", writer.Encode(), false));
    }
}
