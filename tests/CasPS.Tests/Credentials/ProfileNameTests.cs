using System.Management.Automation;
using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Step 2: -ProfileName looks in the CLI file, then the INI file, and must find the profile.</summary>
public class ProfileNameTests
{
    [Fact]
    public void Profile_from_cli_file_with_its_region()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("default", "LTAIdef", "def-secret"), TempHome.AkProfile("prod", "LTAIprod", "prod-secret", "ap-southeast-1"));
        var c = Resolve.With(home.Env(), Resolve.Profile("prod"));
        Assert.Equal("LTAIprod", c.AccessKeyId);
        Assert.Equal("prod-secret", c.AccessKeySecret);
        Assert.Equal("ap-southeast-1", c.Region);
        Assert.Equal("profile 'prod' in " + home.CliConfigPath, c.Source);
    }

    [Fact]
    public void Profile_from_ini_file_when_not_in_cli_file()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("default", "LTAIdef", "def-secret"));
        home.WriteIni(TempHome.IniSection("default", "LTAIinidef", "x") + TempHome.IniSection("prod", "LTAIiniprod", "ini-secret", "cn-shanghai"));
        var c = Resolve.With(home.Env(), Resolve.Profile("prod"));
        Assert.Equal("LTAIiniprod", c.AccessKeyId);
        Assert.Equal("cn-shanghai", c.Region);
        Assert.Equal("profile 'prod' in " + home.IniPath, c.Source);
    }

    [Fact]
    public void Cli_file_is_looked_at_before_ini_file()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("x", TempHome.AkProfile("prod", "LTAIcli", "s"));
        home.WriteIni(TempHome.IniSection("prod", "LTAIini", "s"));
        Assert.Equal("LTAIcli", Resolve.With(home.Env(), Resolve.Profile("prod")).AccessKeyId);
    }

    [Fact]
    public void Missing_profile_is_ProfileNotFound_naming_profile_and_files()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("default", "LTAIdef", "def-secret"));
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
        var e = Resolve.Failure(env, Resolve.Profile("staging"));
        Assert.Equal(ErrorIds.ProfileNotFound, e.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.Category);
        Assert.Contains("'staging'", e.Message);
        Assert.Contains("-ProfileName", e.Message);
        Assert.Contains(home.CliConfigPath + " (no profile 'staging')", e.Message);
        Assert.Contains(home.IniPath + " or " + home.IniDotIniPath + " (not found)", e.Message);
        Assert.DoesNotContain("def-secret", e.Message);
        Assert.NotNull(e.RecommendedAction);
    }

    [Fact]
    public void Missing_profile_with_no_files_at_all_is_ProfileNotFound()
    {
        using var home = new TempHome();
        var e = Resolve.Failure(home.Env(), Resolve.Profile("prod"));
        Assert.Equal(ErrorIds.ProfileNotFound, e.ErrorId);
        Assert.Contains(home.CliConfigPath + " (not found)", e.Message);
    }

    [Fact]
    public void ProfileName_is_honoured_even_when_cli_profile_switches_are_set()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("x", TempHome.AkProfile("prod", "LTAIcli", "s"));
        var env = home.Env().Set("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true").Set("ALIBABA_CLOUD_IGNORE_PROFILE", "TRUE");
        Assert.Equal("LTAIcli", Resolve.With(env, Resolve.Profile("prod")).AccessKeyId);
    }

    [Fact]
    public void ProfileName_beats_ALIBABA_CLOUD_PROFILE()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("x", TempHome.AkProfile("prod", "LTAIprod", "s"), TempHome.AkProfile("dev", "LTAIdev", "s"));
        var env = home.Env().Set("ALIBABA_CLOUD_PROFILE", "dev");
        Assert.Equal("LTAIprod", Resolve.With(env, Resolve.Profile("prod")).AccessKeyId);
    }

    [Fact]
    public void Profile_names_are_case_sensitive()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("x", TempHome.AkProfile("Prod", "LTAIprod", "s"));
        Assert.Equal(ErrorIds.ProfileNotFound, Resolve.Failure(home.Env(), Resolve.Profile("prod")).ErrorId);
    }
}
