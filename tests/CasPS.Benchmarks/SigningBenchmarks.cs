using BenchmarkDotNet.Attributes;
using CasPS.Credentials;
using CasPS.Signing;

namespace CasPS.Benchmarks;

/// <summary>For context: ACS3-HMAC-SHA256 signing of one DescribePackageState call, alone.</summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SigningBenchmarks
{
    private readonly CloudCredential _credential = new("LTAI5tBenchmarkKeyId000000", "BenchmarkSecret0123456789abcdef", null, "benchmark");
    private readonly DateTime _now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private readonly List<KeyValuePair<string, string>> _query = new() { new("ProductCode", "digicert-free-1-free") };

    [Benchmark(Description = "Acs3Signer.Sign (DescribePackageState)")]
    public string Sign() => Acs3Signer.Sign(new SigningInput
    {
        Method = "POST",
        Host = "127.0.0.1:54321",
        Action = "DescribePackageState",
        Version = "2020-04-07",
        Query = _query,
        UtcNow = _now,
        Nonce = "3f2504e04f8941d39a0c0305e82c3301",
    }, _credential).Authorization;
}
