using System.Management.Automation;
using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Step 1: -AccessKeyId/-AccessKeySecret/-SecurityToken and -Credential.</summary>
public class ExplicitCredentialTests
{
    [Fact]
    public void Parameter_pair_is_used_as_given()
    {
        using var home = new TempHome();
        var c = Resolve.With(home.Env(), new CredentialRequest { AccessKeyId = "LTAIparam", AccessKeySecret = "param-secret" });
        Assert.Equal("LTAIparam", c.AccessKeyId);
        Assert.Equal("param-secret", c.AccessKeySecret);
        Assert.False(c.IsSts);
        Assert.Equal("the -AccessKeyId/-AccessKeySecret parameters", c.Source);
        Assert.Null(c.Region);
    }

    [Fact]
    public void Security_token_makes_sts_keys()
    {
        using var home = new TempHome();
        var c = Resolve.With(home.Env(), new CredentialRequest { AccessKeyId = "STS.x", AccessKeySecret = "s", SecurityToken = "tok" });
        Assert.True(c.IsSts);
        Assert.Equal("tok", c.SecurityToken);
    }

    [Fact]
    public void PSCredential_source_is_named()
    {
        using var home = new TempHome();
        var c = Resolve.With(home.Env(), new CredentialRequest { AccessKeyId = "LTAIcred", AccessKeySecret = "cred-secret", FromPSCredential = true });
        Assert.Equal("the -Credential parameter", c.Source);
        Assert.Equal("cred-secret", c.AccessKeySecret);
    }

    [Theory]
    [InlineData("LTAIx", null, "-AccessKeySecret", "AccessKeySecret")]
    [InlineData(null, "secret", "-AccessKeyId", "AccessKeyId")]
    [InlineData("  ", "secret", "-AccessKeyId", "AccessKeyId")]
    public void Half_a_parameter_pair_is_InvalidParameter_naming_the_missing_one(string id, string secret, string missing, string parameterName)
    {
        using var home = new TempHome();
        var e = Resolve.Failure(home.Env(), new CredentialRequest { AccessKeyId = id, AccessKeySecret = secret });
        Assert.Equal(ErrorIds.InvalidParameter, e.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, e.Category);
        Assert.Contains(missing, e.Message);
        Assert.Equal(parameterName, e.ParameterName);
    }

    [Fact]
    public void Security_token_alone_is_InvalidParameter()
    {
        using var home = new TempHome();
        var e = Resolve.Failure(home.Env(), new CredentialRequest { SecurityToken = "tok" });
        Assert.Equal(ErrorIds.InvalidParameter, e.ErrorId);
        Assert.Contains("-AccessKeyId and -AccessKeySecret", e.Message);
        Assert.Equal("AccessKeyId", e.ParameterName);
    }

    [Fact]
    public void PSCredential_with_empty_password_is_InvalidParameter_naming_Credential()
    {
        using var home = new TempHome();
        var e = Resolve.Failure(home.Env(), new CredentialRequest { AccessKeyId = "LTAIx", AccessKeySecret = "", FromPSCredential = true });
        Assert.Equal(ErrorIds.InvalidParameter, e.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, e.Category);
        Assert.Contains("-Credential", e.Message);
        Assert.Equal("Credential", e.ParameterName);
    }

    [Fact]
    public void Half_pair_error_comes_before_any_other_source()
    {
        using var home = new TempHome();
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "env").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
        var e = Resolve.Failure(env, new CredentialRequest { AccessKeyId = "LTAIx" });
        Assert.Equal(ErrorIds.InvalidParameter, e.ErrorId);
    }
}
