using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using CasPS.Validation;

namespace CasPS.Benchmarks;

/// <summary>
/// The validation target (design §4): at least 5,000 CSRs parsed and signature-checked per
/// second per core, i.e. at most 200 µs per CsrValidator.Validate call. Run:
/// dotnet run -c Release --project tests/CasPS.Benchmarks -- --filter '*CsrValidation*' --job short
/// </summary>
[MemoryDiagnoser]
public class CsrValidationBenchmarks
{
    private string _rsa2048Pem;
    private string _p256Pem;
    private byte[] _rsa2048Der;
    private RSAParameters _rsaKey;
    private byte[] _signedData;
    private byte[] _signature;
    private readonly string[] _fiveNames = { "www.example.com", "api.example.com", "Mail.Example.com.", "bücher.example", "shop.example.org" };

    [GlobalSetup]
    public void Setup()
    {
        using var rsa = RSA.Create(2048);
        _rsa2048Der = Request(new CertificateRequest("CN=www.example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        _rsa2048Pem = CsrValidator.Validate(_rsa2048Der).Pem;
        _rsaKey = rsa.ExportParameters(false);
        _signedData = new byte[700];
        _signature = rsa.SignData(_signedData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _p256Pem = CsrValidator.Validate(Request(new CertificateRequest("CN=www.example.com", ec, HashAlgorithmName.SHA256))).Pem;
    }

    private static byte[] Request(CertificateRequest request)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("www.example.com");
        san.AddDnsName("example.com");
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSigningRequest();
    }

    [Benchmark]
    public object Rsa2048Pem() => CsrValidator.Validate(_rsa2048Pem);

    [Benchmark]
    public object Rsa2048Der() => CsrValidator.Validate(_rsa2048Der);

    [Benchmark]
    public object P256Pem() => CsrValidator.Validate(_p256Pem);

    /// <summary>The floor: the platform's own key import and verify, which CsrValidator cannot avoid.</summary>
    [Benchmark]
    public bool PlatformRsa2048ImportAndVerify()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(_rsaKey);
        return rsa.VerifyData(_signedData, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [Benchmark]
    public object FiveDomains() => DomainValidator.Validate(_fiveNames);
}
