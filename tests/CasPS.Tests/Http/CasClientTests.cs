using System.Net;
using System.Management.Automation;
using CasPS.Alibaba;
using CasPS.Alibaba.Models;
using CasPS.Credentials;
using CasPS.Errors;
using CasPS.Http;

namespace CasPS.Tests.Http;

public class CasClientTests
{
    private static (CasClient, ScriptedHandler) Make(HttpStatusCode status, string body)
    {
        var h = new ScriptedHandler().Then(status, body);
        var options = new TransportOptions
        {
            Endpoint = new Uri("https://cas.aliyuncs.com/"),
            Credential = new CloudCredential("AKID", "SECRET", null, "test"),
            MaxRetryCount = 0,
        };
        return (new CasClient(new CasTransport(new HttpClient(h), options)), h);
    }

    [Fact]
    public void Create_maps_every_field_to_the_query_and_reads_the_OrderId_exactly()
    {
        var (client, h) = Make(HttpStatusCode.OK, "{\"RequestId\":\"R\",\"OrderId\":98987582437920968}");
        var answer = client.CreateCertificateForPackageRequest(new CreateCertificateForPackageRequestRequest
        {
            ProductCode = "digicert-free-1-free", Domain = "a.example.com,b.example.com", ValidateType = "DNS",
            Username = "Tom Zhang", Email = "tom@example.com", Phone = "13000000000",
            Tags = new List<KeyValuePair<string, string>> { new("env", "a b*~") },
        }, CancellationToken.None);
        Assert.Equal(98987582437920968L, answer.OrderId);
        Assert.Equal("R", answer.RequestId);
        Assert.Equal("?Domain=a.example.com%2Cb.example.com&Email=tom%40example.com&Phone=13000000000&ProductCode=digicert-free-1-free" +
                     "&Tags.1.Key=env&Tags.1.Value=a%20b%2A~&Username=Tom%20Zhang&ValidateType=DNS",
            Assert.Single(h.Requests).RequestUri.Query);
    }

    [Fact]
    public void Create_answered_2xx_without_an_OrderId_says_the_order_may_exist()
    {
        var (client, _) = Make(HttpStatusCode.OK, "{\"RequestId\":\"R-9\"}");
        var ex = Assert.Throws<CasPSException>(() => client.CreateCertificateForPackageRequest(
            new CreateCertificateForPackageRequestRequest { Domain = "a.example.com" }, CancellationToken.None));
        Assert.Equal(ErrorIds.OrderMayExist, ex.ErrorId);
        Assert.True(ex.MayHaveExecuted);
        Assert.Equal("R-9", ex.RequestId);
    }

    [Fact]
    public void PackageState_without_counts_is_InvalidResponse_not_zero()
    {
        var (client, _) = Make(HttpStatusCode.OK, "{\"RequestId\":\"R\",\"ProductCode\":\"x\"}");
        var ex = Assert.Throws<CasPSException>(() => client.DescribePackageState(new DescribePackageStateRequest(), CancellationToken.None));
        Assert.Equal(ErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, ex.Category);
    }

    [Fact]
    public void PackageState_counts_may_arrive_as_numeric_strings()
    {
        var (client, h) = Make(HttpStatusCode.OK, "{\"RequestId\":\"R\",\"ProductCode\":\"p\",\"TotalCount\":\"20\",\"UsedCount\":2,\"IssuedCount\":1}");
        var s = client.DescribePackageState(new DescribePackageStateRequest { ProductCode = "p" }, CancellationToken.None);
        Assert.Equal((20L, 2L, 1L), (s.TotalCount, s.UsedCount, s.IssuedCount));
        Assert.Equal("?ProductCode=p", Assert.Single(h.Requests).RequestUri.Query);
    }
}
