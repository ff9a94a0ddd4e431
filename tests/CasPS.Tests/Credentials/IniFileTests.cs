using System.Management.Automation;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Step 5: the INI credentials file and its three locations.</summary>
public class IniFileTests
{
    [Fact]
    public void Default_section_of_default_file_with_region()
    {
        using var home = new TempHome();
        home.WriteIni("# comment\n; another\n[default]\r\ntype = access_key\r\naccess_key_id = LTAIini\r\naccess_key_secret = ini-secret\r\nregion_id = cn-beijing\r\n");
        var c = Resolve.With(home.Env());
        Assert.Equal("LTAIini", c.AccessKeyId);
        Assert.Equal("ini-secret", c.AccessKeySecret);
        Assert.False(c.IsSts);
        Assert.Equal("cn-beijing", c.Region);
        Assert.Equal("profile 'default' in " + home.IniPath, c.Source);
    }

    [Fact]
    public void Credentials_ini_is_used_when_credentials_is_absent()
    {
        using var home = new TempHome();
        home.WriteIniDotIni(TempHome.IniSection("default", "LTAIdotini", "s"));
        var c = Resolve.With(home.Env());
        Assert.Equal("LTAIdotini", c.AccessKeyId);
        Assert.Equal("profile 'default' in " + home.IniDotIniPath, c.Source);
    }

    [Fact]
    public void Credentials_is_preferred_over_credentials_ini()
    {
        using var home = new TempHome();
        home.WriteIni(TempHome.IniSection("default", "LTAIplain", "s"));
        home.WriteIniDotIni(TempHome.IniSection("default", "LTAIdotini", "s"));
        Assert.Equal("LTAIplain", Resolve.With(home.Env()).AccessKeyId);
    }

    [Fact]
    public void ALIBABA_CLOUD_CREDENTIALS_FILE_replaces_the_default_locations()
    {
        using var home = new TempHome();
        home.WriteIni(TempHome.IniSection("default", "LTAIplain", "s"));
        var custom = home.Write(Path.Combine(home.Path, "elsewhere", "creds.ini"), TempHome.IniSection("default", "LTAIcustom", "s"));
        var c = Resolve.With(home.Env().Set("ALIBABA_CLOUD_CREDENTIALS_FILE", custom));
        Assert.Equal("LTAIcustom", c.AccessKeyId);
        Assert.Equal("profile 'default' in " + custom, c.Source);
    }

    [Fact]
    public void ALIBABA_CLOUD_CREDENTIALS_FILE_naming_no_file_is_InvalidConfiguration()
    {
        using var home = new TempHome();
        var missing = Path.Combine(home.Path, "nope.ini");
        var e = Resolve.Failure(home.Env().Set("ALIBABA_CLOUD_CREDENTIALS_FILE", missing));
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Contains("ALIBABA_CLOUD_CREDENTIALS_FILE", e.Message);
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void ALIBABA_CLOUD_PROFILE_selects_the_section()
    {
        using var home = new TempHome();
        home.WriteIni(TempHome.IniSection("default", "LTAIdef", "s") + TempHome.IniSection("dev", "LTAIdev", "s"));
        Assert.Equal("LTAIdev", Resolve.With(home.Env().Set("ALIBABA_CLOUD_PROFILE", "dev")).AccessKeyId);
    }

    [Fact]
    public void Missing_type_means_access_key_and_quotes_are_stripped()
    {
        using var home = new TempHome();
        home.WriteIni("[default]\naccess_key_id = \"LTAIquoted\"\naccess_key_secret=s\n");
        Assert.Equal("LTAIquoted", Resolve.With(home.Env()).AccessKeyId);
    }

    [Theory]
    [InlineData("ram_role_arn")]
    [InlineData("rsa_key_pair")]
    [InlineData("oidc_role_arn")]
    [InlineData("bearer")]
    public void Other_types_are_UnsupportedProfile(string type)
    {
        using var home = new TempHome();
        home.WriteIni("[default]\ntype = " + type + "\naccess_key_id = LTAIx\naccess_key_secret = s\n");
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.UnsupportedProfile, e.ErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, e.Category);
        Assert.Contains("profile 'default' in " + home.IniPath, e.Message);
        Assert.Contains("'" + type + "'", e.Message);
    }

    [Fact]
    public void Section_lacking_the_secret_is_InvalidConfiguration()
    {
        using var home = new TempHome();
        home.WriteIni("[default]\ntype = access_key\naccess_key_id = LTAIx\naccess_key_secret =\n");
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Contains("no access_key_secret", e.Message);
    }

    [Theory]
    [InlineData("[default]\naccess_key_id = LTAIx\nQm7secretline\n", "line 3")]
    [InlineData("access_key_id = LTAIx\n[default]\n", "line 1")]
    [InlineData("[default\naccess_key_id = LTAIx\n", "line 1")]
    public void Malformed_file_is_InvalidConfiguration_naming_file_and_line_not_text(string text, string where)
    {
        using var home = new TempHome();
        home.WriteIni(text);
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Equal(ErrorCategory.InvalidData, e.Category);
        Assert.Contains(home.IniPath, e.Message);
        Assert.Contains(where, e.Message);
        Assert.DoesNotContain("Qm7", e.Message);
        Assert.DoesNotContain("LTAIx", e.Message);
    }

    [Fact]
    public void File_without_default_section_yields_nothing()
    {
        using var home = new TempHome();
        home.WriteIni(TempHome.IniSection("other", "LTAIx", "s"));
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Contains("credentials file " + home.IniPath + " (no [default] section)", e.Message);
    }
}
