using System.Management.Automation;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Step 4: ~/.aliyun/config.json, profile ALIBABA_CLOUD_PROFILE or "current".</summary>
public class CliProfileTests
{
    [Fact]
    public void Current_profile_in_AK_mode()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("other", "LTAIother", "s"), TempHome.AkProfile("main", "LTAImain", "main-secret", "cn-hangzhou"));
        var c = Resolve.With(home.Env());
        Assert.Equal("LTAImain", c.AccessKeyId);
        Assert.Equal("main-secret", c.AccessKeySecret);
        Assert.False(c.IsSts);
        Assert.Equal("cn-hangzhou", c.Region);
        Assert.Equal("profile 'main' in " + home.CliConfigPath, c.Source);
    }

    [Fact]
    public void StsToken_mode_gives_sts_keys()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("sts", "{\"name\":\"sts\",\"mode\":\"StsToken\",\"access_key_id\":\"STS.id\",\"access_key_secret\":\"sts-secret\",\"sts_token\":\"sts-token\"}");
        var c = Resolve.With(home.Env());
        Assert.True(c.IsSts);
        Assert.Equal("sts-token", c.SecurityToken);
    }

    [Fact]
    public void Profile_without_mode_is_read_as_AK()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("old", "{\"name\":\"old\",\"access_key_id\":\"LTAIold\",\"access_key_secret\":\"s\"}");
        Assert.Equal("LTAIold", Resolve.With(home.Env()).AccessKeyId);
    }

    [Fact]
    public void ALIBABA_CLOUD_PROFILE_selects_a_profile_other_than_current()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("main", "LTAImain", "s"), TempHome.AkProfile("dev", "LTAIdev", "s"));
        Assert.Equal("LTAIdev", Resolve.With(home.Env().Set("ALIBABA_CLOUD_PROFILE", "dev")).AccessKeyId);
    }

    [Fact]
    public void ALIBABA_CLOUD_PROFILE_naming_nothing_is_ProfileNotFound_not_a_fallback()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("main", "LTAImain", "s"));
        home.WriteIni(TempHome.IniSection("default", "LTAIini", "s"));
        var e = Resolve.Failure(home.Env().Set("ALIBABA_CLOUD_PROFILE", "ghost"));
        Assert.Equal(ErrorIds.ProfileNotFound, e.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.Category);
        Assert.Contains("'ghost'", e.Message);
        Assert.Contains("ALIBABA_CLOUD_PROFILE", e.Message);
        Assert.Contains(home.CliConfigPath, e.Message);
        Assert.Contains(home.IniPath + " (no [ghost] section)", e.Message);
    }

    [Fact]
    public void ALIBABA_CLOUD_PROFILE_found_only_in_ini_file()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("main", "LTAImain", "s"));
        home.WriteIni(TempHome.IniSection("dev", "LTAIinidev", "s"));
        var c = Resolve.With(home.Env().Set("ALIBABA_CLOUD_PROFILE", "dev"));
        Assert.Equal("LTAIinidev", c.AccessKeyId);
        Assert.Equal("profile 'dev' in " + home.IniPath, c.Source);
    }

    [Theory]
    [InlineData("RamRoleArn")]
    [InlineData("ChainableRamRoleArn")]
    [InlineData("OIDC")]
    [InlineData("External")]
    [InlineData("CredentialsURI")]
    [InlineData("CloudSSO")]
    [InlineData("RsaKeyPair")]
    public void Other_modes_are_UnsupportedProfile_naming_profile_and_mode(string mode)
    {
        using var home = new TempHome();
        home.WriteCliProfiles("r", "{\"name\":\"r\",\"mode\":\"" + mode + "\",\"access_key_id\":\"LTAIr\",\"access_key_secret\":\"role-secret\",\"ram_role_arn\":\"acs:ram::1:role/x\"}");
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.UnsupportedProfile, e.ErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, e.Category);
        Assert.Contains("profile 'r'", e.Message);
        Assert.Contains("'" + mode + "'", e.Message);
        Assert.Contains("StsToken", e.RecommendedAction);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", e.RecommendedAction);
    }

    [Theory]
    [InlineData("{\"name\":\"p\",\"mode\":\"AK\",\"access_key_id\":\"LTAIp\",\"access_key_secret\":\"\"}", "access_key_secret")]
    [InlineData("{\"name\":\"p\",\"mode\":\"AK\",\"access_key_secret\":\"s\"}", "access_key_id")]
    [InlineData("{\"name\":\"p\",\"mode\":\"StsToken\",\"access_key_id\":\"STS.p\",\"access_key_secret\":\"s\"}", "sts_token")]
    public void Profile_lacking_keys_is_InvalidConfiguration_naming_profile_and_key(string profile, string missingKey)
    {
        using var home = new TempHome();
        home.WriteCliProfiles("p", profile);
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Contains("profile 'p'", e.Message);
        Assert.Contains("no " + missingKey, e.Message);
    }

    [Fact]
    public void Malformed_json_is_InvalidConfiguration_naming_the_file_not_its_text()
    {
        using var home = new TempHome();
        home.WriteCliConfig("{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"access_key_secret\": Zq9-not-json}]}");
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Contains(home.CliConfigPath, e.Message);
        Assert.DoesNotContain("Zq9", e.Message);
        Assert.DoesNotContain("'Z'", e.Message);
        Assert.Null(e.InnerException);
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")]
    [InlineData("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "TRUE")]
    [InlineData("ALIBABA_CLOUD_IGNORE_PROFILE", "TRUE")]
    [InlineData("ALIBABA_CLOUD_IGNORE_PROFILE", "True")]
    public void Switches_skip_the_cli_file(string name, string value)
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("main", "LTAIcli", "s"));
        home.WriteIni(TempHome.IniSection("default", "LTAIini", "s"));
        Assert.Equal("LTAIini", Resolve.With(home.Env().Set(name, value)).AccessKeyId);
    }

    [Fact]
    public void Switch_with_other_value_does_not_skip()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("main", "LTAIcli", "s"));
        Assert.Equal("LTAIcli", Resolve.With(home.Env().Set("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "false")).AccessKeyId);
    }

    [Fact]
    public void Disabled_cli_file_hides_a_profile_named_by_ALIBABA_CLOUD_PROFILE()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("dev", "LTAIcli", "s"));
        var e = Resolve.Failure(home.Env().Set("ALIBABA_CLOUD_PROFILE", "dev").Set("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true"));
        Assert.Equal(ErrorIds.ProfileNotFound, e.ErrorId);
        Assert.Contains("skipped: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true", e.Message);
    }

    [Theory]
    [InlineData("{\"current\":\"\",\"profiles\":[]}", "(no current profile)")]
    [InlineData("{\"current\":\"gone\",\"profiles\":[]}", "(current profile 'gone' is not in the file)")]
    public void File_without_a_usable_current_profile_falls_through(string json, string note)
    {
        using var home = new TempHome();
        home.WriteCliConfig(json);
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Contains(home.CliConfigPath + " " + note, e.Message);

        home.WriteIni(TempHome.IniSection("default", "LTAIini", "s"));
        Assert.Equal("LTAIini", Resolve.With(home.Env()).AccessKeyId);
    }
}
