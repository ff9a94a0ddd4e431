using System.Management.Automation;
using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>Step 6 and the EcsRamRole / ecs_ram_role profiles, against a loopback fake metadata service.</summary>
public class EcsMetadataTests
{
    internal static FakeEnvironment EcsEnv(TempHome home, string endpoint) =>
        home.Env().Remove(CredentialEnvironmentVariables.EcsMetadataDisabled).Set("CASPS_ECS_METADATA_ENDPOINT", endpoint);

    [Fact]
    public void IMDSv2_token_flow_with_role_discovery()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(requireToken: true);
        var c = Resolve.With(EcsEnv(home, server.Endpoint));

        Assert.Equal("STS.ecs-id", c.AccessKeyId);
        Assert.Equal("ecs-secret-value", c.AccessKeySecret);
        Assert.Equal("ecs-sts-token-value", c.SecurityToken);
        Assert.True(c.IsSts);
        Assert.Null(c.Region);
        Assert.Equal("ECS RAM role 'CasRole' via metadata service " + server.Endpoint, c.Source);

        var r = server.Requests;
        Assert.Equal(new[] { "PUT /latest/api/token", "GET /latest/meta-data/ram/security-credentials/", "GET /latest/meta-data/ram/security-credentials/CasRole" },
            r.Select(x => x.Method + " " + x.Path));
        Assert.Equal("21600", r[0].Header("X-aliyun-ecs-metadata-token-ttl-seconds"));
        Assert.Null(r[0].Header("X-aliyun-ecs-metadata-token"));
        Assert.All(r.Skip(1), x => Assert.Equal(FakeMetadataServer.Token, x.Header("X-aliyun-ecs-metadata-token")));
    }

    [Fact]
    public void Falls_back_to_IMDSv1_when_tokens_are_refused()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(role: "V1Role", tokenStatus: 404);
        var c = Resolve.With(EcsEnv(home, server.Endpoint));
        Assert.Equal("STS.ecs-id", c.AccessKeyId);
        Assert.Contains("'V1Role'", c.Source);
        var r = server.Requests;
        Assert.Equal(3, r.Length);
        Assert.All(r.Skip(1), x => Assert.Null(x.Header("X-aliyun-ecs-metadata-token")));
    }

    [Fact]
    public void IMDSv1_disabled_means_a_refused_token_yields_nothing()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(tokenStatus: 403);
        var e = Resolve.Failure(EcsEnv(home, server.Endpoint).Set("ALIBABA_CLOUD_IMDSV1_DISABLED", "TRUE"));
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Contains("ECS metadata service " + server.Endpoint + " (IMDSv2 token refused with HTTP 403, and IMDSv1 is disabled by ALIBABA_CLOUD_IMDSV1_DISABLED)", e.Message);
        Assert.Equal("PUT", Assert.Single(server.Requests).Method);
    }

    [Fact]
    public void Role_named_by_ALIBABA_CLOUD_ECS_METADATA_skips_discovery()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(role: "Named Role");
        var c = Resolve.With(EcsEnv(home, server.Endpoint).Set("ALIBABA_CLOUD_ECS_METADATA", "Named Role"));
        Assert.Contains("'Named Role'", c.Source);
        Assert.Equal(new[] { "/latest/api/token", "/latest/meta-data/ram/security-credentials/Named%20Role" }, server.Requests.Select(x => x.Path));
    }

    [Fact]
    public void No_role_attached_yields_nothing()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(role: null);
        var e = Resolve.Failure(EcsEnv(home, server.Endpoint));
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Contains("(no RAM role attached to the instance)", e.Message);
    }

    [Fact]
    public void Answer_without_Success_code_yields_nothing()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(code: "Failed");
        var e = Resolve.Failure(EcsEnv(home, server.Endpoint));
        Assert.Contains("answered Code 'Failed'", e.Message);
    }

    [Fact]
    public void Keys_are_cached_until_three_minutes_before_expiry()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(expiration: DateTimeOffset.UtcNow.AddMinutes(10));
        var env = EcsEnv(home, server.Endpoint);
        var first = Resolve.With(env);
        Assert.Equal(3, server.Requests.Length);
        var second = Resolve.With(env);
        Assert.Equal(3, server.Requests.Length);
        Assert.Equal(first.AccessKeyId, second.AccessKeyId);
        Assert.Equal(first.SecurityToken, second.SecurityToken);

        // A named role is a different cache entry from a discovered one.
        Resolve.With(env.Set("ALIBABA_CLOUD_ECS_METADATA", "CasRole"));
        Assert.Equal(5, server.Requests.Length);
        Resolve.With(env);
        Assert.Equal(5, server.Requests.Length);
    }

    [Fact]
    public void Keys_expiring_within_three_minutes_are_fetched_again()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(expiration: DateTimeOffset.UtcNow.AddMinutes(2));
        var env = EcsEnv(home, server.Endpoint);
        Resolve.With(env);
        Resolve.With(env);
        Assert.Equal(6, server.Requests.Length);
    }

    [Fact]
    public void Parallel_resolutions_share_the_cache_safely()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs();
        var env = EcsEnv(home, server.Endpoint);
        // Own threads, as parallel runspaces have; all miss the cache together and all must succeed.
        var results = new CloudCredential[16];
        var threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() => results[i] = Resolve.With(env))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.All(results, c => Assert.Equal("STS.ecs-id", c.AccessKeyId));
        int before = server.Requests.Length;
        Resolve.With(env);
        Assert.Equal(before, server.Requests.Length);
    }

    [Fact]
    public void Metadata_disabled_sends_nothing()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs();
        var e = Resolve.Failure(EcsEnv(home, server.Endpoint).Set("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "True"));
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Contains("ECS metadata service (skipped: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)", e.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Unreachable_metadata_ends_in_CredentialNotFound_listing_every_place_in_order()
    {
        using var home = new TempHome();
        var closed = FakeMetadataServer.ClosedEndpoint();
        var env = EcsEnv(home, closed);
        // The public entry point, with its default short timeout: a refused connection is immediate.
        var e = Assert.Throws<CasPSException>(() => CredentialResolver.Resolve(new CredentialRequest(), env, new CapturingLog(), CancellationToken.None));
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.Category);
        Assert.Equal(
            "No Alibaba Cloud credentials found. Looked at, in order: "
            + "1) parameters -AccessKeyId/-AccessKeySecret, -Credential, -ProfileName (none given); "
            + "2) environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (not set); "
            + "3) profile file " + home.CliConfigPath + " (not found); "
            + "4) credentials file " + home.IniPath + " or " + home.IniDotIniPath + " (not found); "
            + "5) ECS metadata service " + closed + " (not reachable).",
            e.Message);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", e.RecommendedAction);
        Assert.Contains("aliyun configure", e.RecommendedAction);
        var record = e.ToErrorRecord(null);
        Assert.Equal("CasPS.CredentialNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(e.RecommendedAction, record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Silent_metadata_times_out_quickly()
    {
        using var home = new TempHome();
        using var server = new FakeMetadataServer(_ => (0, null));
        var env = EcsEnv(home, server.Endpoint);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<CasPSException>(() => CredentialResolver.Resolve(new CredentialRequest(), env, null, CancellationToken.None, TimeSpan.FromMilliseconds(300)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), clock.Elapsed.ToString());
        Assert.Contains("(not reachable: no answer within 0.3 s)", e.Message);
        Thread.Sleep(300);
        Assert.DoesNotContain(server.Requests, r => r.Method == "GET"); // no IMDSv1 retry after silence
    }

    [Fact]
    public void Caller_cancellation_is_not_reported_as_unreachable()
    {
        using var home = new TempHome();
        using var server = new FakeMetadataServer(_ => (0, null));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            CredentialResolver.Resolve(new CredentialRequest(), EcsEnv(home, server.Endpoint), null, cts.Token, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Bad_metadata_endpoint_variable_is_InvalidConfiguration()
    {
        using var home = new TempHome();
        var e = Resolve.Failure(EcsEnv(home, "not a url"));
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Contains("CASPS_ECS_METADATA_ENDPOINT", e.Message);
    }

    [Fact]
    public void EcsRamRole_cli_profile_uses_the_metadata_service_and_the_profile_region()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(role: "ProfileRole");
        home.WriteCliProfiles("ecs", "{\"name\":\"ecs\",\"mode\":\"EcsRamRole\",\"ram_role_name\":\"ProfileRole\",\"region_id\":\"cn-shenzhen\"}");
        var c = Resolve.With(EcsEnv(home, server.Endpoint));
        Assert.Equal("STS.ecs-id", c.AccessKeyId);
        Assert.Equal("cn-shenzhen", c.Region);
        Assert.Equal("ECS RAM role 'ProfileRole' (from profile 'ecs' in " + home.CliConfigPath + ") via metadata service " + server.Endpoint, c.Source);
        Assert.DoesNotContain(server.Requests, r => r.Path == "/latest/meta-data/ram/security-credentials/");
    }

    [Fact]
    public void Ecs_ram_role_ini_section_discovers_the_role_when_none_is_named()
    {
        using var home = new TempHome();
        using var server = FakeMetadataServer.Ecs(role: "Found");
        home.WriteIni("[default]\ntype = ecs_ram_role\n");
        var c = Resolve.With(EcsEnv(home, server.Endpoint));
        Assert.Contains("ECS RAM role 'Found' (from profile 'default' in " + home.IniPath + ")", c.Source);
    }

    [Fact]
    public void Ecs_profile_with_unreachable_metadata_is_terminating()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("ecs", "{\"name\":\"ecs\",\"mode\":\"EcsRamRole\",\"ram_role_name\":\"R\"}");
        home.WriteIni(TempHome.IniSection("default", "LTAIini", "s"));
        var closed = FakeMetadataServer.ClosedEndpoint();
        var e = Resolve.Failure(EcsEnv(home, closed));
        Assert.Equal(ErrorIds.CredentialNotFound, e.ErrorId);
        Assert.Contains("profile 'ecs'", e.Message);
        Assert.Contains(closed + " gave no keys (not reachable)", e.Message);
    }

    [Fact]
    public void Ecs_profile_with_metadata_disabled_is_InvalidConfiguration()
    {
        using var home = new TempHome();
        home.WriteIni("[default]\ntype = ecs_ram_role\nrole_name = R\n");
        var e = Resolve.Failure(home.Env());
        Assert.Equal(ErrorIds.InvalidConfiguration, e.ErrorId);
        Assert.Contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED", e.Message);
    }
}
