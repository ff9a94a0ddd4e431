using CasPS.Credentials;
using CasPS.Signing;

namespace CasPS.Tests.Signing;

/// <summary>The signer against Alibaba's official V3 vector and the derived CAS vectors (reference §2.5, §2.6).</summary>
public class Acs3SignerTests
{
    private static readonly DateTime VectorDate = new(2023, 10, 26, 10, 22, 32, DateTimeKind.Utc);
    private const string VectorNonce = "3156853299f313e23d1673dc12e1703d";
    private static readonly CloudCredential Key = new("YourAccessKeyId", "YourAccessKeySecret", null, "test");

    private static SigningInput Cas(string action, params (string, string)[] query) => new()
    {
        Method = "POST", Host = "cas.aliyuncs.com", Action = action, Version = "2020-04-07",
        Query = query.Select(q => new KeyValuePair<string, string>(q.Item1, q.Item2)).ToList(),
        UtcNow = VectorDate, Nonce = VectorNonce,
    };

    [Fact]
    public void Official_V3_vector_canonical_request_string_to_sign_signature_and_authorization()
    {
        var signed = Acs3Signer.Sign(new SigningInput
        {
            Method = "POST", Host = "ecs.cn-shanghai.aliyuncs.com", Action = "RunInstances", Version = "2014-05-26",
            Query = new List<KeyValuePair<string, string>>
            {
                new("RegionId", "cn-shanghai"),
                new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
            },
            UtcNow = VectorDate, Nonce = VectorNonce,
        }, Key);

        Assert.Equal(
            "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n" +
            "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n" +
            "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
            "x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n" +
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" +
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signed.CanonicalRequest);
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", signed.StringToSign);
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signed.Signature);
        Assert.Equal("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            signed.Authorization);
    }

    [Fact]
    public void D1_DescribeCertificateState()
    {
        var signed = Acs3Signer.Sign(Cas("DescribeCertificateState", ("OrderId", "123451222")), Key);
        Assert.Equal("ACS3-HMAC-SHA256\n6554a4e95c9d03e92b8d68e4e04c837e5065abdc2d324db2d45b0048aeadd620", signed.StringToSign);
        Assert.Equal("6605df178de7f7cf58c6a90700fbcf790e5b2f937f335a5b218c9fc7507c09ef", signed.Signature);
    }

    [Fact]
    public void D2_DescribePackageState_with_STS_token_signs_token_and_key_id_headers()
    {
        var sts = new CloudCredential("YourAccessKeyId", "YourAccessKeySecret", "testtoken", "test");
        var signed = Acs3Signer.Sign(Cas("DescribePackageState", ("ProductCode", "digicert-free-1-free")), sts);
        Assert.Equal(
            "POST\n/\nProductCode=digicert-free-1-free\nhost:cas.aliyuncs.com\nx-acs-accesskey-id:YourAccessKeyId\n" +
            "x-acs-action:DescribePackageState\nx-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
            "x-acs-date:2023-10-26T10:22:32Z\nx-acs-security-token:testtoken\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n" +
            "x-acs-version:2020-04-07\n\nhost;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version\n" +
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signed.CanonicalRequest);
        Assert.Equal("ACS3-HMAC-SHA256\n8fc8ab6208ed3a6aa345f6aa592382e4e4adabb23f1b6c33dc38519a3966c212", signed.StringToSign);
        Assert.Equal("4fa73dfa670284cfffa103b259751b994e6d5a6ad905b9eafd264fcf71ebbffa", signed.Signature);
        Assert.Equal("testtoken", signed.Headers["x-acs-security-token"]);
    }

    [Fact]
    public void D3_CreateCertificateForPackageRequest_with_tags_star_space_tilde_and_ordinal_sort()
    {
        var signed = Acs3Signer.Sign(Cas("CreateCertificateForPackageRequest",
            ("ValidateType", "DNS"), ("Tags.1.Value", "a b*~"), ("Domain", "*.example.com"),
            ("Tags.1.Key", "env"), ("ProductCode", "symantec-dv-1-starter")), Key);
        Assert.Equal("Domain=%2A.example.com&ProductCode=symantec-dv-1-starter&Tags.1.Key=env&Tags.1.Value=a%20b%2A~&ValidateType=DNS",
            signed.CanonicalQueryString);
        Assert.Equal("ACS3-HMAC-SHA256\ne5a0ae044ddbea9a87e9de2d60716a24eb0c895978ccc3bf7553bd4c01ad61fa", signed.StringToSign);
        Assert.Equal("475c2866097b0e50e2568e37091c4362a26781654dd73b812a2df53abc694a56", signed.Signature);
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("a,b", "a%2Cb")]
    [InlineData("", "")]
    [InlineData("-_.", "-_.")]
    [InlineData("+/=", "%2B%2F%3D")]
    [InlineData("bücher", "b%C3%BCcher")]
    [InlineData("阿里云", "%E9%98%BF%E9%87%8C%E4%BA%91")]
    [InlineData("\U0001F600", "%F0%9F%98%80")]
    [InlineData("%41", "%2541")]
    public void Percent_encoding_follows_RFC3986_over_UTF8_with_upper_case_hex(string raw, string expected)
    {
        Assert.Equal(expected, PercentEncoder.Encode(raw));
    }

    [Fact]
    public void Empty_value_is_signed_as_name_equals_nothing()
    {
        Assert.Equal("A=&B=x", Acs3Signer.CanonicalQuery(new[] { new KeyValuePair<string, string>("B", "x"), new KeyValuePair<string, string>("A", "") }));
    }

    [Fact]
    public void Query_sort_is_ordinal_not_culture_aware()
    {
        // Culture-aware sorting puts "a" before "B"; the service sorts by code point.
        Assert.Equal("B=1&a=2", Acs3Signer.CanonicalQuery(new[] { new KeyValuePair<string, string>("a", "2"), new KeyValuePair<string, string>("B", "1") }));
    }

    [Fact]
    public void Date_is_invariant_UTC_whatever_the_kind()
    {
        var local = new DateTime(2023, 10, 26, 10, 22, 32, DateTimeKind.Utc).ToLocalTime();
        Assert.Equal("2023-10-26T10:22:32Z", Acs3Signer.FormatDate(local));
    }

    [Fact]
    public void Signature_depends_on_nonce_date_and_secret()
    {
        var a = Acs3Signer.Sign(Cas("DescribePackageState"), Key).Signature;
        var other = Cas("DescribePackageState"); other.Nonce = "x";
        Assert.NotEqual(a, Acs3Signer.Sign(other, Key).Signature);
        Assert.NotEqual(a, Acs3Signer.Sign(Cas("DescribePackageState"), new CloudCredential("YourAccessKeyId", "other", null, "t")).Signature);
    }

    [Fact]
    public void Credential_ToString_shows_key_id_and_source_never_the_secret_or_token()
    {
        var c = new CloudCredential("LTAI5tExample", "very-secret-value", "sts-token-value", "environment");
        Assert.Contains("LTAI5tExample", c.ToString());
        Assert.DoesNotContain("very-secret-value", c.ToString());
        Assert.DoesNotContain("sts-token-value", c.ToString());
    }
}
