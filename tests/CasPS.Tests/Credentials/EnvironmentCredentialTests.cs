using System.Management.Automation;
using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Step 3: ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET[/ALIBABA_CLOUD_SECURITY_TOKEN].</summary>
public class EnvironmentCredentialTests
{
    private static FakeEnvironment EnvWithKeys(TempHome home) =>
        home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");

    [Fact]
    public void Key_pair_from_environment_without_any_file()
    {
        using var home = new TempHome();
        var c = Resolve.With(EnvWithKeys(home));
        Assert.Equal("LTAIenv", c.AccessKeyId);
        Assert.Equal("env-secret", c.AccessKeySecret);
        Assert.False(c.IsSts);
        Assert.Equal("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET", c.Source);
        Assert.False(Directory.Exists(Path.Combine(home.Path, ".aliyun")));
    }

    [Fact]
    public void Works_without_a_home_folder()
    {
        var env = new FakeEnvironment { HomeDirectory = null }
            .Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
        Assert.Equal("LTAIenv", Resolve.With(env).AccessKeyId);
    }

    [Fact]
    public void Security_token_variable_makes_sts_keys()
    {
        using var home = new TempHome();
        var c = Resolve.With(EnvWithKeys(home).Set("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token"));
        Assert.True(c.IsSts);
        Assert.Equal("env-token", c.SecurityToken);
        Assert.Equal("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET/ALIBABA_CLOUD_SECURITY_TOKEN", c.Source);
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")]
    [InlineData("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCESS_KEY_ID")]
    public void Half_a_pair_is_InvalidConfiguration_naming_the_missing_variable(string set, string missing)
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("default", "LTAIcli", "s"));
        var e = Resolve.Failure(home.Env().Set(set, "value"));
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Equal(ErrorCategory.InvalidData, e.Category);
        Assert.Contains(missing + " is not", e.Message);
    }

    [Fact]
    public void Whitespace_values_count_as_unset()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("default", "LTAIcli", "s"));
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "  ").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "");
        Assert.Equal("LTAIcli", Resolve.With(env).AccessKeyId);
    }
}
