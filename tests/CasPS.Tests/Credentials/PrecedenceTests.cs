using CasPS.Credentials;

namespace CasPS.Tests.Credentials;

/// <summary>Each pair of adjacent steps, with both sources present: the earlier one wins.</summary>
public class PrecedenceTests
{
    [Fact]
    public void Parameters_beat_ProfileName()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("x", TempHome.AkProfile("prod", "LTAIprofile", "s"));
        var c = Resolve.With(home.Env(), new CredentialRequest { AccessKeyId = "LTAIparam", AccessKeySecret = "s", ProfileName = "prod" });
        Assert.Equal("LTAIparam", c.AccessKeyId);
    }

    [Fact]
    public void PSCredential_beats_ProfileName_even_a_missing_one()
    {
        using var home = new TempHome();
        var c = Resolve.With(home.Env(), new CredentialRequest { AccessKeyId = "LTAIcred", AccessKeySecret = "s", FromPSCredential = true, ProfileName = "ghost" });
        Assert.Equal("the -Credential parameter", c.Source);
    }

    [Fact]
    public void ProfileName_beats_environment_variables()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("x", TempHome.AkProfile("prod", "LTAIprofile", "s"));
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s");
        Assert.Equal("LTAIprofile", Resolve.With(env, Resolve.Profile("prod")).AccessKeyId);
    }

    [Fact]
    public void Environment_variables_beat_the_cli_profile_file()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("main", TempHome.AkProfile("main", "LTAIcli", "s"));
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s");
        Assert.Equal("LTAIenv", Resolve.With(env).AccessKeyId);
    }

    [Fact]
    public void Environment_variables_beat_a_missing_ALIBABA_CLOUD_PROFILE()
    {
        using var home = new TempHome();
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s").Set("ALIBABA_CLOUD_PROFILE", "ghost");
        Assert.Equal("LTAIenv", Resolve.With(env).AccessKeyId);
    }

    [Fact]
    public void Cli_profile_file_beats_the_ini_file()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("default", "LTAIcli", "s"));
        home.WriteIni(TempHome.IniSection("default", "LTAIini", "s"));
        Assert.Equal("LTAIcli", Resolve.With(home.Env()).AccessKeyId);
    }

    [Fact]
    public void Named_profile_in_cli_file_beats_same_section_in_ini_file()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("default", TempHome.AkProfile("dev", "LTAIcli", "s"));
        home.WriteIni(TempHome.IniSection("dev", "LTAIini", "s"));
        Assert.Equal("LTAIcli", Resolve.With(home.Env().Set("ALIBABA_CLOUD_PROFILE", "dev")).AccessKeyId);
    }

    [Fact]
    public void Ini_file_beats_ecs_metadata_which_is_not_even_asked()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs();
        home.WriteIni(TempHome.IniSection("default", "LTAIini", "s"));
        Assert.Equal("LTAIini", Resolve.With(EcsMetadataTests.EcsEnv(home, server.Endpoint)).AccessKeyId);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Ecs_metadata_is_the_last_resort()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs();
        home.WriteCliConfig("{\"current\":\"\",\"profiles\":[]}");
        home.WriteIni(TempHome.IniSection("other", "LTAIini", "s"));
        Assert.Equal("STS.ecs-id", Resolve.With(EcsMetadataTests.EcsEnv(home, server.Endpoint)).AccessKeyId);
    }
}
