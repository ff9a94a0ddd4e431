using System.Text;
using CasPS.Credentials;
using CasPS.Sandbox;
using CasPS.Signing;

namespace CasPS.Tests.Sandbox;

/// <summary>The sandbox verifies ACS3-HMAC-SHA256 requests with the service's codes (reference §2, §6.2).</summary>
public class SignatureVerificationTests : SandboxTest
{
    [Fact]
    public void Correctly_signed_request_is_authenticated_and_executed()
    {
        var a = Request().With("ProductCode", "digicert-free-1-free").Send(Http);

        Assert.Equal(200, a.Status);
        var record = Assert.Single(Sandbox.Requests);
        Assert.True(record.Authenticated);
        Assert.True(record.Executed);
        Assert.Null(record.ErrorCode);
        Assert.Equal(Sandbox.Credential.AccessKeyId, record.AccessKeyId);
        Assert.Equal("DescribePackageState", record.Action);
        Assert.Equal("2020-04-07", record.Version);
        Assert.Equal("digicert-free-1-free", record.Parameters["ProductCode"]);
        Assert.Equal(a.RequestIdHeader, record.RequestId);
    }

    [Fact]
    public void Wrong_secret_is_SignatureDoesNotMatch_echoing_the_servers_string_to_sign()
    {
        var request = Request();
        request.Credential = new CloudCredential(Sandbox.Credential.AccessKeyId, "not-the-secret", null, "test");
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("SignatureDoesNotMatch", a.Code);
        // Same canonical request on both sides, so the server's string to sign is the client's.
        Assert.Equal("Specified signature is not matched with our calculation. server string to sign is:" + request.Signed.StringToSign, a.Message);
        Assert.DoesNotContain(Sandbox.Credential.AccessKeySecret, a.Body);
        var record = Sandbox.Requests.Last;
        Assert.False(record.Authenticated);
        Assert.False(record.Executed);
        Assert.Equal("SignatureDoesNotMatch", record.ErrorCode);
    }

    [Fact]
    public void Query_changed_after_signing_is_SignatureDoesNotMatch()
    {
        var request = Request().With("ProductCode", "digicert-free-1-free");
        request.SentQuery = "ProductCode=symantec-free-1-free";
        var a = request.Send(Http);

        Assert.Equal("SignatureDoesNotMatch", a.Code);
        Assert.StartsWith("Specified signature is not matched", a.Message);
    }

    [Fact]
    public void Query_is_decoded_then_re_encoded_so_equivalent_encodings_verify()
    {
        // Signed canonical form has %2A and %20; sent form uses a literal '*' and lower-case hex.
        var request = Request().With("Tags.1.Value", "a b*~é").With("ProductCode", "digicert-free-1-free");
        Assert.Equal("ProductCode=digicert-free-1-free&Tags.1.Value=a%20b%2A~%C3%A9", request.Build().RequestUri!.Query.TrimStart('?'));
        request.Nonce = Guid.NewGuid().ToString();
        request.SentQuery = "Tags.1.Value=a%20b*~%c3%a9&ProductCode=digicert-free-1-free";
        var a = request.Send(Http);

        Assert.Equal(200, a.Status);
        Assert.Equal("a b*~é", Sandbox.Requests.Last.Parameters["Tags.1.Value"]);
    }

    [Fact]
    public void Unknown_key_id_is_404_InvalidAccessKeyId_NotFound_and_journaled_with_that_id()
    {
        var request = Request();
        request.Credential = new CloudCredential("LTAI5tUnknownKey000000", Sandbox.Credential.AccessKeySecret, null, "test");
        var a = request.Send(Http);

        Assert.Equal(404, a.Status);
        Assert.Equal("InvalidAccessKeyId.NotFound", a.Code);
        Assert.Equal("LTAI5tUnknownKey000000", Sandbox.Requests.Last.AccessKeyId);
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public void Date_more_than_15_minutes_off_is_InvalidTimeStamp_Expired(int minutes)
    {
        var request = Request();
        request.Date = DateTime.UtcNow.AddMinutes(minutes);
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("InvalidTimeStamp.Expired", a.Code);
    }

    [Fact]
    public void Date_within_15_minutes_is_accepted()
    {
        var request = Request();
        request.Date = DateTime.UtcNow.AddMinutes(-14);
        Assert.Equal(200, request.Send(Http).Status);
    }

    [Theory]
    [InlineData("2024-01-01 10:00:00")]
    [InlineData("2024-01-01T10:00:00+08:00")]
    [InlineData("Mon, 01 Jan 2024 10:00:00 GMT")]
    public void Date_not_in_ISO_Z_form_is_InvalidTimeStamp_Format(string date)
    {
        var request = Request();
        request.EditHeaders = h => h["x-acs-date"] = date;
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("InvalidTimeStamp.Format", a.Code);
    }

    [Fact]
    public void Replayed_nonce_is_SignatureNonceUsed()
    {
        var request = Request();
        request.Nonce = "3156853299f313e23d1673dc12e1703d";
        Assert.Equal(200, request.Send(Http).Status);
        var replay = request.Send(Http); // same nonce, freshly signed

        Assert.Equal(400, replay.Status);
        Assert.Equal("SignatureNonceUsed", replay.Code);
        Assert.Equal(new[] { true, false }, Sandbox.Requests.Select(r => r.Executed));
    }

    [Fact]
    public void Failed_signature_does_not_burn_the_nonce()
    {
        var forged = Request();
        forged.Nonce = "nonce-1";
        forged.Credential = new CloudCredential(Sandbox.Credential.AccessKeyId, "wrong", null, "test");
        Assert.Equal("SignatureDoesNotMatch", forged.Send(Http).Code);

        var genuine = Request();
        genuine.Nonce = "nonce-1";
        Assert.Equal(200, genuine.Send(Http).Status);
    }

    [Fact]
    public void Body_not_matching_x_acs_content_sha256_is_SignatureDoesNotMatch_about_the_content_hash()
    {
        var request = Request();
        request.Body = Encoding.UTF8.GetBytes("a=1");
        request.SentBody = Encoding.UTF8.GetBytes("a=2");
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("SignatureDoesNotMatch", a.Code);
        Assert.Contains("content hash", a.Message);
    }

    [Fact]
    public void Signed_non_empty_body_verifies()
    {
        var request = Request();
        request.Body = Encoding.UTF8.GetBytes("{\"x\":1}");
        Assert.Equal(200, request.Send(Http).Status);
    }

    [Theory]
    [InlineData("x-acs-action")]
    [InlineData("x-acs-version")]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    [InlineData("x-acs-content-sha256")]
    public void Missing_required_header_is_IncompleteSignature(string header)
    {
        var request = Request();
        request.EditHeaders = h => h.Remove(header);
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("IncompleteSignature", a.Code);
        Assert.Contains(header, a.Message);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    public void Required_header_present_but_not_signed_is_IncompleteSignature(string header)
    {
        var request = Request();
        request.EditAuthorization = auth => auth.Replace(header + ";", "").Replace(";" + header, "");
        var a = request.Send(Http);

        Assert.Equal("IncompleteSignature", a.Code);
        Assert.Contains(header, a.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("ACS3-HMAC-SHA256 Credential=LTAI5tx")]
    [InlineData("ACS3-HMAC-SHA256 Credential=LTAI5tx,SignedHeaders=host,Signature=")]
    [InlineData("ACS3-HMAC-SHA256 Credential=LTAI5tx, SignedHeaders=host;;x-acs-date, Signature=ab")]
    [InlineData("HMAC-SHA1 Credential=LTAI5tx,SignedHeaders=host,Signature=ab")]
    public void Missing_or_malformed_Authorization_is_IncompleteSignature(string authorization)
    {
        var request = Request();
        request.EditAuthorization = _ => authorization;
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("IncompleteSignature", a.Code);
        Assert.False(Sandbox.Requests.Last.Authenticated);
    }

    [Fact]
    public void Unknown_action_is_404_InvalidApi_NotFound()
    {
        var a = Request("DescribeEverything").Send(Http);

        Assert.Equal(404, a.Status);
        Assert.Equal("InvalidApi.NotFound", a.Code);
        Assert.True(Sandbox.Requests.Last.Authenticated);
        Assert.False(Sandbox.Requests.Last.Executed);
    }

    [Fact]
    public void Unknown_version_is_404_InvalidApi_NotFound()
    {
        var request = Request();
        request.Version = "2018-07-13";
        var a = request.Send(Http);

        Assert.Equal(404, a.Status);
        Assert.Equal("InvalidApi.NotFound", a.Code);
    }

    [Fact]
    public void GET_is_accepted_like_POST_and_other_methods_are_refused()
    {
        var get = Request();
        get.Method = "GET";
        Assert.Equal(200, get.Send(Http).Status);

        var put = Request();
        put.Method = "PUT";
        var a = put.Send(Http);
        Assert.Equal(400, a.Status);
        Assert.Equal("UnsupportedHTTPMethod", a.Code);
    }

    [Fact]
    public void Host_header_differing_from_the_signed_host_is_SignatureDoesNotMatch()
    {
        var request = Request();
        request.Host = "cas.aliyuncs.com";
        request.EditHeaders = h => h["host"] = Sandbox.Host; // sent Host differs from the signed one
        Assert.Equal("SignatureDoesNotMatch", request.Send(Http).Code);
    }
}

/// <summary>A sandbox started with STS credentials requires the signed x-acs-security-token.</summary>
public class StsVerificationTests : SandboxTest
{
    public StsVerificationTests() : base(new SandboxOptions { IssueSecurityToken = true }) { }

    [Fact]
    public void Sts_credential_with_its_token_is_accepted_and_the_token_is_not_journaled()
    {
        Assert.StartsWith("STS.", Sandbox.Credential.AccessKeyId);
        var a = Request().With("ProductCode", "digicert-free-1-free").Send(Http);

        Assert.Equal(200, a.Status);
        var record = Sandbox.Requests.Last;
        Assert.True(record.Authenticated);
        var recordText = string.Join("|", typeof(SandboxRequestRecord).GetProperties().Select(p => p.GetValue(record)?.ToString()))
                         + string.Join("|", record.Parameters.Select(p => p.Key + "=" + p.Value));
        Assert.DoesNotContain(Sandbox.Credential.SecurityToken, recordText);
        Assert.DoesNotContain(Sandbox.Credential.AccessKeySecret, recordText);
    }

    [Fact]
    public void Missing_token_is_MissingSecurityToken()
    {
        var request = Request();
        request.Credential = new CloudCredential(Sandbox.Credential.AccessKeyId, Sandbox.Credential.AccessKeySecret, null, "test");
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("MissingSecurityToken", a.Code);
    }

    [Fact]
    public void Wrong_token_is_InvalidSecurityToken_MismatchWithAccessKey()
    {
        var request = Request();
        request.Credential = new CloudCredential(Sandbox.Credential.AccessKeyId, Sandbox.Credential.AccessKeySecret, "CAISforged", "test");
        var a = request.Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("InvalidSecurityToken.MismatchWithAccessKey", a.Code);
        Assert.DoesNotContain(Sandbox.Credential.SecurityToken, a.Body);
    }

    [Fact]
    public void Unsigned_token_is_IncompleteSignature()
    {
        var request = Request();
        request.EditAuthorization = auth => auth.Replace("x-acs-security-token;", "");
        Assert.Equal("IncompleteSignature", request.Send(Http).Code);
    }
}
