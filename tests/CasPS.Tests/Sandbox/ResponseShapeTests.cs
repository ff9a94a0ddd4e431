using System.Text.RegularExpressions;
using CasPS.Json;
using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>Success models and error bodies in the service's exact shape (reference §5.1, §6.1).</summary>
public class ResponseShapeTests : SandboxTest
{
    private static readonly Regex UpperGuid = new("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$");

    [Fact]
    public void DescribePackageState_answers_the_model_with_numbers_in_the_documented_order()
    {
        var a = Request().With("ProductCode", "digicert-free-1-free").Send(Http);

        Assert.Equal(200, a.Status);
        Assert.StartsWith("application/json", a.ContentType);
        var json = a.Json;
        Assert.Equal(new[] { "IssuedCount", "RequestId", "TotalCount", "ProductCode", "UsedCount" }, json.Members.Select(m => m.Key));
        Assert.All(new[] { "IssuedCount", "TotalCount", "UsedCount" }, n => Assert.Equal(JsonKind.Number, json[n].Kind));
        Assert.Equal(20, json.GetInt64("TotalCount"));
        Assert.Equal(0, json.GetInt64("UsedCount"));
        Assert.Equal(0, json.GetInt64("IssuedCount"));
        Assert.Equal("digicert-free-1-free", json.GetString("ProductCode"));
        Assert.Matches(UpperGuid, json.GetString("RequestId"));
        Assert.Equal(json.GetString("RequestId"), a.RequestIdHeader);
    }

    [Fact]
    public void DescribePackageState_without_ProductCode_reports_digicert_free_1_free()
    {
        var json = Request().Send(Http).Json;
        Assert.Equal("digicert-free-1-free", json.GetString("ProductCode"));
        Assert.Equal(20, json.GetInt64("TotalCount"));
    }

    [Fact]
    public void Documented_but_unconfigured_product_has_zero_counts()
    {
        var json = Request().With("ProductCode", "cfca-ev-w-advanced").Send(Http).Json;
        Assert.Equal("cfca-ev-w-advanced", json.GetString("ProductCode"));
        Assert.Equal(0, json.GetInt64("TotalCount"));
        Assert.Equal(0, json.GetInt64("UsedCount"));
    }

    [Fact]
    public void Unknown_product_is_400_InvalidParameter_ProductCode_and_not_executed()
    {
        var a = Request().With("ProductCode", "no-such-product").Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal("InvalidParameter.ProductCode", a.Code);
        Assert.Contains("no-such-product", a.Message);
        Assert.True(Sandbox.Requests.Last.Authenticated);
        Assert.False(Sandbox.Requests.Last.Executed);
    }

    [Fact]
    public void Error_body_has_exactly_the_service_members_and_a_troubleshoot_link()
    {
        var a = Request("NoSuchAction").Send(Http);

        Assert.Equal("application/json; charset=utf-8", a.ContentType);
        var json = a.Json;
        Assert.Equal(new[] { "RequestId", "HostId", "Code", "Message", "Recommend" }, json.Members.Select(m => m.Key));
        string id = json.GetString("RequestId");
        Assert.Matches(UpperGuid, id);
        Assert.Equal(id, a.RequestIdHeader);
        Assert.Equal(Sandbox.Host, json.GetString("HostId"));
        Assert.Equal("https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=InvalidApi.NotFound&product=cas&requestId=" + id,
            json.GetString("Recommend"));
        Assert.Equal(id, Sandbox.Requests.Last.RequestId);
    }

    [Fact]
    public void Every_answer_carries_a_fresh_RequestId()
    {
        var ids = new[]
        {
            Request().Send(Http).Json.GetString("RequestId"),
            Request().Send(Http).Json.GetString("RequestId"),
            Request("Nope").Send(Http).Json.GetString("RequestId"),
            Request("Nope").Send(Http).Json.GetString("RequestId"),
        };
        Assert.Equal(4, ids.Distinct().Count());
    }
}

/// <summary>Quota configured at start.</summary>
public class ConfiguredQuotaTests : SandboxTest
{
    public ConfiguredQuotaTests() : base(new SandboxOptions
    {
        Quota = new Dictionary<string, long> { ["geotrust-dv-1-starter"] = 3, ["custom-test-product"] = 7 },
    }) { }

    [Theory]
    [InlineData("geotrust-dv-1-starter", 3)]
    [InlineData("custom-test-product", 7)]   // configured codes need not be documented
    [InlineData("digicert-free-1-free", 0)]  // the default quota is replaced, not merged
    public void TotalCount_is_the_configured_quota(string code, long total)
    {
        var json = Request().With("ProductCode", code).Send(Http).Json;
        Assert.Equal(total, json.GetInt64("TotalCount"));
    }
}
