using System.Management.Automation;
using CasPS.Alibaba;
using CasPS.Credentials;
using CasPS.Errors;
using CasPS.Http;
using CasPS.Tests.Credentials;

namespace CasPS.Tests.Http;

public class EndpointTests
{
    private static FakeEnvironment Env(params (string Name, string Value)[] vars)
    {
        var env = new FakeEnvironment();
        foreach (var (name, value) in vars) env.Set(name, value);
        return env;
    }

    private static Uri Resolve(string endpoint, string region, IEnvironment env, string profileRegion = null)
    {
        var cred = new CloudCredential("a", "s", null, "t") { Region = profileRegion };
        return CasEndpoints.Resolve(endpoint, region, cred, env, out _);
    }

    [Theory]
    [InlineData("cn-hangzhou", "https://cas.aliyuncs.com/")]
    [InlineData("cn-beijing", "https://cas.aliyuncs.com/")]
    [InlineData("ap-southeast-1", "https://cas.ap-southeast-1.aliyuncs.com/")]
    [InlineData("eu-central-1", "https://cas.eu-central-1.aliyuncs.com/")]
    [InlineData("AP-SOUTHEAST-1", "https://cas.ap-southeast-1.aliyuncs.com/")]
    public void Region_maps_to_the_documented_endpoint(string region, string expected) =>
        Assert.Equal(expected, Resolve(null, region, Env()).ToString());

    [Fact]
    public void Precedence_is_parameter_then_env_endpoint_then_region_sources_then_default()
    {
        var env = Env(("ALIBABA_CLOUD_CAS_ENDPOINT", "http://127.0.0.1:9"), ("ALIBABA_CLOUD_REGION_ID", "ap-southeast-1"));
        Assert.Equal("http://127.0.0.1:1/", Resolve("http://127.0.0.1:1", null, env).ToString());
        Assert.Equal("http://127.0.0.1:9/", Resolve(null, "cn-hangzhou", env).ToString());
        var regionEnv = Env(("ALIBABA_CLOUD_REGION_ID", "ap-southeast-1"));
        Assert.Equal("https://cas.aliyuncs.com/", Resolve(null, "cn-beijing", regionEnv).ToString());
        Assert.Equal("https://cas.ap-southeast-1.aliyuncs.com/", Resolve(null, null, regionEnv, "cn-beijing").ToString());
        Assert.Equal("https://cas.ap-southeast-1.aliyuncs.com/", Resolve(null, null, Env(), "ap-southeast-1").ToString());
        Assert.Equal("https://cas.aliyuncs.com/", Resolve(null, null, Env()).ToString());
    }

    [Fact]
    public void Bare_host_means_https_and_path_is_dropped()
    {
        Assert.Equal("https://cas.aliyuncs.com/", Resolve("cas.aliyuncs.com", null, Env()).ToString());
        Assert.Equal("http://127.0.0.1:8080/", Resolve("http://127.0.0.1:8080/some/path?x=1", null, Env()).ToString());
    }

    [Theory]
    [InlineData("ftp://cas.aliyuncs.com", null)]
    [InlineData("http://", null)]
    [InlineData(null, "cn hangzhou")]
    [InlineData(null, "-bad")]
    public void Bad_endpoint_or_region_is_InvalidParameter(string endpoint, string region)
    {
        var ex = Assert.Throws<CasPSException>(() => Resolve(endpoint, region, Env()));
        Assert.Equal(ErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, ex.Category);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://127.8.9.10/", true)]
    [InlineData("https://cas.aliyuncs.com/", true)]
    [InlineData("http://cas.aliyuncs.com/", false)]
    [InlineData("http://10.0.0.5:8080/", false)]
    public void Plain_http_only_to_loopback(string uri, bool allowed)
    {
        var ex = Record.Exception(() => EndpointGuard.EnsureSecure(new Uri(uri)));
        if (allowed) Assert.Null(ex);
        else Assert.Equal(ErrorIds.InsecureEndpoint, Assert.IsType<CasPSException>(ex).ErrorId);
    }

    [Fact]
    public void Environment_proxy_is_used_for_remote_hosts_but_never_for_loopback_or_NO_PROXY()
    {
        var proxy = EnvironmentProxy.FromEnvironment(Env(("HTTPS_PROXY", "proxy.corp:3128"), ("NO_PROXY", "internal.example,.corp.example")));
        Assert.NotNull(proxy);
        Assert.Equal(new Uri("http://proxy.corp:3128/"), proxy.GetProxy(new Uri("https://cas.aliyuncs.com/")));
        Assert.True(proxy.IsBypassed(new Uri("http://127.0.0.1:5000/")));
        Assert.True(proxy.IsBypassed(new Uri("https://internal.example/")));
        Assert.True(proxy.IsBypassed(new Uri("https://a.corp.example/")));
        Assert.True(proxy.IsBypassed(new Uri("http://plain-http.example/")), "no HTTP_PROXY: plain http goes direct");
        Assert.Null(EnvironmentProxy.FromEnvironment(Env()));
    }

    [Fact]
    public void One_HttpClient_per_proxy_configuration()
    {
        var a = HttpClientCache.Get(Env());
        var b = HttpClientCache.Get(Env());
        var c = HttpClientCache.Get(Env(("HTTPS_PROXY", "http://proxy.example:1")));
        Assert.Same(a, b);
        Assert.NotSame(a, c);
    }
}
