using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Tests.Credentials;

/// <summary>The debug line says where keys came from; no secret or token reaches any message, line or ToString.</summary>
public class SecretHygieneTests
{
    private const string Secret = "SeKr1t-4c3f9a-never-shown";
    private const string Token = "ToK3n-77b2e1-never-shown";

    [Fact]
    public void Exactly_one_debug_line_naming_the_source_and_key_id()
    {
        using var home = new TempHome();
        var log = new CapturingLog();
        var env = home.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", Secret);
        Resolve.With(env, log: log);
        Assert.Equal("CasPS: credentials from environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (AccessKeyId LTAIenv)",
            Assert.Single(log.Debugs));
        Assert.Empty(log.Verboses);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void Debug_line_for_a_profile_names_profile_and_file_and_marks_sts()
    {
        using var home = new TempHome();
        home.WriteCliProfiles("prod", "{\"name\":\"prod\",\"mode\":\"StsToken\",\"access_key_id\":\"STS.p\",\"access_key_secret\":\"" + Secret + "\",\"sts_token\":\"" + Token + "\"}");
        var log = new CapturingLog();
        Resolve.With(home.Env(), log: log);
        Assert.Equal("CasPS: credentials from profile 'prod' in " + home.CliConfigPath + " (AccessKeyId STS.p, STS token)", Assert.Single(log.Debugs));
    }

    [Fact]
    public void No_failure_success_or_ToString_reveals_a_secret_or_token()
    {
        var texts = new List<string>();
        void Scan(Action<TempHome, List<string>> scenario)
        {
            using var home = new TempHome();
            scenario(home, texts);
        }
        void Run(FakeEnvironment env, CredentialRequest request = null)
        {
            var log = new CapturingLog();
            try
            {
                var c = CredentialResolver.Resolve(request ?? new CredentialRequest(), env, log, CancellationToken.None, Resolve.MetadataTimeout);
                texts.Add(c.ToString());
                texts.Add(c.Source);
            }
            catch (CasPSException e)
            {
                texts.Add(e.Message);
                texts.Add(e.RecommendedAction);
                texts.Add(e.ToString());
                texts.Add(e.ToErrorRecord(null).ToString());
            }
            texts.AddRange(log.All);
        }

        // Successes from each source.
        Scan((h, _) => Run(h.Env(), new CredentialRequest { AccessKeyId = "LTAIa", AccessKeySecret = Secret, SecurityToken = Token }));
        Scan((h, _) => Run(h.Env(), new CredentialRequest { AccessKeyId = "LTAIa", AccessKeySecret = Secret, FromPSCredential = true }));
        Scan((h, _) => Run(h.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIe").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", Secret).Set("ALIBABA_CLOUD_SECURITY_TOKEN", Token)));
        Scan((h, _) => { h.WriteCliProfiles("p", TempHome.AkProfile("p", "LTAIp", Secret)); Run(h.Env()); });
        Scan((h, _) => { h.WriteIni(TempHome.IniSection("default", "LTAIi", Secret)); Run(h.Env()); });
        Scan((h, _) =>
        {
            using var server = FakeMetadataServer.Ecs(secret: Secret, stsToken: Token);
            Run(EcsMetadataTests.EcsEnv(h, server.Endpoint));
        });

        // Failures with secrets lying around in every source.
        Scan((h, _) => Run(h.Env(), new CredentialRequest { AccessKeySecret = Secret, SecurityToken = Token }));
        Scan((h, _) => Run(h.Env(), new CredentialRequest { SecurityToken = Token }));
        Scan((h, _) => Run(h.Env(), new CredentialRequest { AccessKeyId = "", AccessKeySecret = Secret, FromPSCredential = true }));
        Scan((h, _) => Run(h.Env().Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", Secret).Set("ALIBABA_CLOUD_SECURITY_TOKEN", Token)));
        Scan((h, _) => { h.WriteCliProfiles("p", TempHome.AkProfile("p", "LTAIp", Secret)); Run(h.Env(), Resolve.Profile("other")); });
        Scan((h, _) => { h.WriteCliProfiles("p", "{\"name\":\"p\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAIr\",\"access_key_secret\":\"" + Secret + "\"}"); Run(h.Env()); });
        Scan((h, _) => { h.WriteCliProfiles("p", "{\"name\":\"p\",\"mode\":\"StsToken\",\"access_key_id\":\"\",\"access_key_secret\":\"" + Secret + "\",\"sts_token\":\"" + Token + "\"}"); Run(h.Env()); });
        Scan((h, _) => { h.WriteCliConfig("{\"current\":\"p\",\"profiles\":[{\"access_key_secret\":\"" + Secret + "\" " + Token + "}]}"); Run(h.Env()); });
        Scan((h, _) => { h.WriteIni("[default]\naccess_key_secret = " + Secret + "\n" + Token + "\n"); Run(h.Env()); });
        Scan((h, _) => { h.WriteIni("[default]\ntype = ram_role_arn\naccess_key_id = LTAIx\naccess_key_secret = " + Secret + "\n"); Run(h.Env()); });
        Scan((h, _) => { h.WriteIni("[default]\naccess_key_secret = " + Secret + "\n"); Run(h.Env().Set("ALIBABA_CLOUD_PROFILE", "nope")); });
        Scan((h, _) =>
        {
            using var server = FakeMetadataServer.Ecs(secret: Secret, stsToken: Token, code: "Failed");
            Run(EcsMetadataTests.EcsEnv(h, server.Endpoint));
        });

        Assert.True(texts.Count > 40, texts.Count.ToString());
        foreach (var t in texts.Where(t => t != null))
        {
            Assert.DoesNotContain(Secret, t);
            Assert.DoesNotContain(Token, t);
        }
    }
}
