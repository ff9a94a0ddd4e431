using System.Management.Automation;
using CasPS.Errors;
using CasPS.Tests.Credentials;

namespace CasPS.Tests.Engine;

/// <summary>
/// The credential chain as a runbook meets it: real process environment variables, a real home
/// folder with the CLI and INI files, and the ECS metadata service faked on loopback. The
/// sandbox accepts only its own key, so its journal says which credential was used.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class CredentialPrecedenceEngineTests
{
    private const string EnvKeyId = "LTAI5tFromEnvironment0000";
    private const string EnvSecret = "EnvSecretThatIsNotTheSandboxes000";
    private const string Read = "Get-CasPackageState -Endpoint $ep -Debug";

    private static void AssertReadWith(CloudEngine e, PsResult r, string source)
    {
        Assert.Null(r.Terminating);
        Assert.Empty(r.Errors);
        Assert.IsType<CasPackageState>(Assert.Single(r.Output).BaseObject);
        var seen = Assert.Single(e.Reads);
        Assert.Equal(e.KeyId, seen.AccessKeyId);
        Assert.True(seen.Authenticated);
        var line = Assert.Single(r.Debug, d => d.StartsWith("CasPS: credentials from ", StringComparison.Ordinal));
        Assert.Contains(source, line);
        Assert.Contains("AccessKeyId " + e.KeyId, line);
        var text = r.AllText();
        Assert.DoesNotContain(e.Secret, text);
        Assert.DoesNotContain(EnvSecret, text);
    }

    [Fact]
    public void Environment_variables_alone_work_without_any_config_file()
    {
        using var env = new ProcessEnvironmentScope();
        using var e = new CloudEngine();
        env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", e.KeyId).Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", e.Secret);
        Assert.False(Directory.Exists(Path.Combine(env.Home, ".aliyun")));
        Assert.False(Directory.Exists(Path.Combine(env.Home, ".alibabacloud")));

        var r = e.Run(Read);

        AssertReadWith(e, r, "credentials from environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    }

    [Fact]
    public void Explicit_Credential_and_AccessKey_parameters_beat_the_environment()
    {
        using var env = new ProcessEnvironmentScope();
        env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", EnvKeyId).Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EnvSecret);
        using var e = new CloudEngine();

        var r = e.Run(Read + " -Credential $cred");
        AssertReadWith(e, r, "the -Credential parameter");

        e.Journal.Clear();
        r = e.Run(Read + " -AccessKeyId $cred.UserName -AccessKeySecret $cred.Password");
        AssertReadWith(e, r, "the -AccessKeyId/-AccessKeySecret parameters");

        // And the environment really is what a bare call uses: the sandbox refuses that key.
        e.Journal.Clear();
        var run = e.RunCatching(Read);
        var ex = CloudEngine.CasException(CloudEngine.AssertTerminating(run, ErrorIds.AuthFailed, ErrorCategory.AuthenticationError));
        Assert.Equal("InvalidAccessKeyId.NotFound", ex.ServiceCode);
        Assert.Equal(EnvKeyId, Assert.Single(e.Reads).AccessKeyId);
        Assert.DoesNotContain(EnvSecret, CloudEngine.AllText(run));
    }

    [Fact]
    public void ProfileName_reads_the_CLI_config_file_and_beats_the_environment()
    {
        using var env = new ProcessEnvironmentScope();
        using var e = new CloudEngine();
        env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", EnvKeyId).Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EnvSecret);
        var path = env.WriteFile(Path.Combine(".aliyun", "config.json"),
            "{\"current\":\"default\",\"profiles\":[" + TempHome.AkProfile("default", EnvKeyId, EnvSecret) + ","
            + TempHome.AkProfile("sandbox", e.KeyId, e.Secret) + "],\"meta_path\":\"\"}");

        var r = e.Run(Read + " -ProfileName sandbox");

        AssertReadWith(e, r, "profile 'sandbox' in " + path);
    }

    [Fact]
    public void A_missing_profile_is_a_terminating_ProfileNotFound_never_a_fallback()
    {
        using var env = new ProcessEnvironmentScope();
        using var e = new CloudEngine();
        // Working keys are in the environment: a silent fall-through would succeed.
        env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", e.KeyId).Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", e.Secret);
        env.WriteFile(Path.Combine(".aliyun", "config.json"),
            "{\"current\":\"default\",\"profiles\":[" + TempHome.AkProfile("default", e.KeyId, e.Secret) + "],\"meta_path\":\"\"}");

        var run = e.RunCatching("'digicert-free-1-free', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep -ProfileName nosuchprofile");
        var r = run.Result;

        var record = CloudEngine.AssertTerminating(run, ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound);
        Assert.Contains("'nosuchprofile'", record.Exception.Message);
        Assert.Contains("config.json", record.Exception.Message);
        Assert.Empty(r.Output);
        Assert.Empty(e.Journal);
        Assert.DoesNotContain(e.Secret, CloudEngine.AllText(run));
    }

    [Fact]
    public void ALIBABA_CLOUD_PROFILE_selects_a_profile_other_than_current()
    {
        using var env = new ProcessEnvironmentScope();
        using var e = new CloudEngine();
        var path = env.WriteFile(Path.Combine(".aliyun", "config.json"),
            "{\"current\":\"default\",\"profiles\":[" + TempHome.AkProfile("default", EnvKeyId, EnvSecret) + ","
            + TempHome.AkProfile("sandbox", e.KeyId, e.Secret) + "],\"meta_path\":\"\"}");
        env.Set("ALIBABA_CLOUD_PROFILE", "sandbox");

        var r = e.Run(Read);
        AssertReadWith(e, r, "profile 'sandbox' in " + path);

        // Named but absent is an error too, not "current".
        e.Journal.Clear();
        env.Set("ALIBABA_CLOUD_PROFILE", "absent");
        var run = e.RunCatching(Read);
        var record = CloudEngine.AssertTerminating(run, ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound);
        Assert.Contains("'absent' (from environment variable ALIBABA_CLOUD_PROFILE)", record.Exception.Message);
        Assert.Empty(e.Journal);
    }

    [Fact]
    public void The_INI_credentials_file_works_when_nothing_else_is_set()
    {
        using var env = new ProcessEnvironmentScope();
        env.Set("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        using var e = new CloudEngine();
        var path = env.WriteFile(Path.Combine(".alibabacloud", "credentials"), TempHome.IniSection("default", e.KeyId, e.Secret));

        var r = e.Run(Read);

        AssertReadWith(e, r, "profile 'default' in " + path);
    }

    [Fact]
    public void ECS_instance_role_keys_from_the_metadata_service_work_when_nothing_else_is_set()
    {
        using var env = new ProcessEnvironmentScope();
        using var e = new CloudEngine("-IssueSecurityToken");
        using var metadata = FakeMetadataServer.Ecs(role: "CasRunbookRole", keyId: e.KeyId, secret: e.Secret, stsToken: e.Token);
        env.Set("CASPS_ECS_METADATA_ENDPOINT", metadata.Endpoint);

        var r = e.Run(Read);

        AssertReadWith(e, r, "ECS RAM role 'CasRunbookRole' via metadata service " + metadata.Endpoint);
        Assert.Contains(r.Debug, d => d.Contains("STS token", StringComparison.Ordinal));
        Assert.DoesNotContain(e.Token, r.AllText());
        Assert.Contains(metadata.Requests, q => q.Path.EndsWith("/CasRunbookRole", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_anywhere_is_a_terminating_CredentialNotFound_that_lists_the_places_looked_at()
    {
        using var env = new ProcessEnvironmentScope();
        env.Set("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        using var e = new CloudEngine();

        var run = e.RunCatching("'digicert-free-1-free', 'geotrust-dv-1-starter' | Get-CasPackageState -Endpoint $ep");
        var r = run.Result;

        var record = CloudEngine.AssertTerminating(run, ErrorIds.CredentialNotFound, ErrorCategory.ObjectNotFound);
        var message = record.Exception.Message;
        Assert.Contains("-AccessKeyId/-AccessKeySecret", message);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (not set)", message);
        Assert.Contains(Path.Combine(env.Home, ".aliyun", "config.json") + " (not found)", message);
        Assert.Contains(Path.Combine(env.Home, ".alibabacloud", "credentials"), message);
        Assert.Contains("ECS metadata service (skipped: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)", message);
        Assert.False(string.IsNullOrEmpty(record.ErrorDetails?.RecommendedAction));
        Assert.Empty(r.Output);
        Assert.Empty(e.Journal);
    }
}
