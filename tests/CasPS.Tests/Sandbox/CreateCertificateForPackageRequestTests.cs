using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;
using CasPS.Errors;
using CasPS.Http;
using CasPS.Json;
using CasPS.Sandbox;
using CasPS.Tests.Validation;

namespace CasPS.Tests.Sandbox;

/// <summary>Shared steps for the CreateCertificateForPackageRequest tests: raw signed requests and the quota they spend.</summary>
public abstract class CreateOrderTest : SandboxTest
{
    internal const string Action = "CreateCertificateForPackageRequest";
    internal const string Free = "digicert-free-1-free";

    protected CreateOrderTest() { }

    private protected CreateOrderTest(SandboxOptions options) : base(options) { }

    internal CasRequest Create(params string[] nameValuePairs)
    {
        var request = Request(Action);
        for (int i = 0; i < nameValuePairs.Length; i += 2) request.With(nameValuePairs[i], nameValuePairs[i + 1]);
        return request;
    }

    /// <summary>UsedCount as a client sees it, through DescribePackageState.</summary>
    internal long UsedCount(string productCode = Free) =>
        Request().With("ProductCode", productCode).Send(Http).Json.GetInt64("UsedCount").Value;

    /// <summary>A 400 with this code, in the service's error shape, that spent no quota and recorded no order.</summary>
    internal void AssertRefused(Answer a, string code, string productCode = Free)
    {
        Assert.Equal(400, a.Status);
        Assert.Equal(code, a.Code);
        Assert.Equal(new[] { "RequestId", "HostId", "Code", "Message", "Recommend" }, a.Json.Members.Select(m => m.Key));
        Assert.Equal(a.RequestIdHeader, a.Json.GetString("RequestId"));
        Assert.Equal(0, Sandbox.State.Orders.Count);
        Assert.Equal(0, UsedCount(productCode));
        var record = Sandbox.Requests.ForAction(Action).Last();
        Assert.Equal(code, record.ErrorCode);
        Assert.False(record.Executed);
    }

    internal static string CsrPem(int bits = 2048, string cn = "www.example.com", params string[] sans) =>
        CsrFactory.Pem(CsrFactory.Rsa(bits, cn, sans.Length == 0 ? null : sans));
}

/// <summary>CreateCertificateForPackageRequest: the accepted order, its answer and what it records.</summary>
public class CreateCertificateForPackageRequestTests : CreateOrderTest
{
    private static readonly Regex RawOrderId = new("\"OrderId\":(-?[0-9]+)[,}]");

    [Fact]
    public void Success_answers_RequestId_and_an_exact_Int64_OrderId_above_2_pow_53()
    {
        var a = Create("Domain", "www.example.com").Send(Http);

        Assert.Equal(200, a.Status);
        Assert.StartsWith("application/json", a.ContentType);
        Assert.Equal(new[] { "RequestId", "OrderId" }, a.Json.Members.Select(m => m.Key));
        Assert.Equal(a.RequestIdHeader, a.Json.GetString("RequestId"));
        Assert.Equal(JsonKind.Number, a.Json["OrderId"].Kind);

        var order = Assert.Single(Sandbox.State.Orders);
        string digits = RawOrderId.Match(a.Body).Groups[1].Value;
        Assert.Equal(order.OrderId.ToString(CultureInfo.InvariantCulture), digits);
        Assert.Equal(order.OrderId, a.Json.GetInt64("OrderId"));
        Assert.True(order.OrderId > 1L << 53, digits);
        Assert.InRange(order.OrderId, OrderIdGenerator.DocumentedExample + 1, OrderIdGenerator.DocumentedExample + OrderIdGenerator.MaxStep);
        Assert.True(Sandbox.Requests.Last.Executed);
    }

    [Fact]
    public void Each_order_spends_one_unit_visible_in_DescribePackageState()
    {
        Assert.Equal(0, UsedCount());
        Assert.Equal(200, Create("Domain", "www.example.com").Send(Http).Status);
        Assert.Equal(200, Create("Domain", "api.example.com").Send(Http).Status);

        var state = Request().Send(Http).Json;
        Assert.Equal(20, state.GetInt64("TotalCount"));
        Assert.Equal(2, state.GetInt64("UsedCount"));
        Assert.Equal(0, state.GetInt64("IssuedCount"));
    }

    [Fact]
    public void The_order_records_the_request_normalized()
    {
        var before = DateTime.UtcNow;
        var a = Create("ProductCode", Free, "Domain", "WWW.Example.COM , api.example.com.", "ValidateType", "FILE",
                "Username", "Tom Zhang", "Email", "tom.zhang@example.com", "Phone", "13000000000", "CompanyName", "Example Ltd",
                "Tags.2.Key", "team", "Tags.2.Value", "web", "Tags.1.Key", "env", "Tags.1.Value", "prod", "Tags.3.Key", "empty")
            .Send(Http);
        var after = DateTime.UtcNow;

        Assert.Equal(200, a.Status);
        var order = Sandbox.State.Orders.Find(a.Json.GetInt64("OrderId").Value);
        Assert.NotNull(order);
        Assert.Equal(Free, order.ProductCode);
        Assert.Equal(new[] { "www.example.com", "api.example.com" }, order.Domains);
        Assert.False(order.CsrSupplied);
        Assert.Null(order.Csr);
        Assert.Equal("FILE", order.ValidateType);
        Assert.Equal(("Tom Zhang", "tom.zhang@example.com", "13000000000", "Example Ltd"), (order.Username, order.Email, order.Phone, order.CompanyName));
        Assert.Equal(new[] { "env=prod", "team=web", "empty=" }, order.Tags.Select(t => t.Key + "=" + t.Value));
        Assert.InRange(order.CreatedTime, before.AddSeconds(-1), after.AddSeconds(1));
        Assert.Equal(DateTimeKind.Utc, order.CreatedTime.Kind);
        Assert.Equal(Sandbox.Credential.AccessKeyId, order.AccessKeyId);
        Assert.Equal(SandboxOrderState.domain_verify, order.State);
    }

    [Fact]
    public void Omitted_ProductCode_and_ValidateType_default_to_the_free_product_and_DNS()
    {
        Assert.Equal(200, Create("Domain", "*.example.com").Send(Http).Status);

        var order = Assert.Single(Sandbox.State.Orders);
        Assert.Equal(Free, order.ProductCode);
        Assert.Equal("DNS", order.ValidateType);
        Assert.Equal(new[] { "*.example.com" }, order.Domains);
        Assert.Empty(order.Tags);
        Assert.Null(order.Username);
    }

    [Fact]
    public void An_order_spends_only_its_own_product_quota()
    {
        Assert.Equal(200, Create("ProductCode", Free, "Domain", "www.example.com").Send(Http).Status);

        Assert.Equal(1, UsedCount(Free));
        Assert.Equal(0, UsedCount("symantec-free-1-free"));
    }

    [Fact]
    public void A_CSR_binds_its_CN_and_SANs_even_when_Domain_differs()
    {
        string pem = CsrPem(2048, "www.example.com", "www.example.com", "example.com");
        var a = Create("Domain", "other.example.org", "Csr", pem).Send(Http);

        Assert.Equal(200, a.Status);
        var order = Assert.Single(Sandbox.State.Orders);
        Assert.Equal(new[] { "www.example.com", "example.com" }, order.Domains);
        Assert.True(order.CsrSupplied);
        Assert.Equal(pem, order.Csr); // the factory writes canonical PEM: 64-character lines, \n
        Assert.Equal(1, UsedCount());
    }

    [Fact]
    public void A_CSR_alone_is_enough()
    {
        var a = Create("Csr", CsrPem(cn: "shop.example.com")).Send(Http);

        Assert.Equal(200, a.Status);
        Assert.Equal(new[] { "shop.example.com" }, Assert.Single(Sandbox.State.Orders).Domains);
    }

    [Fact]
    public void OrderIds_increase_in_creation_order_and_are_found_by_id()
    {
        var ids = Enumerable.Range(0, 5)
            .Select(i => Create("Domain", "host" + i + ".example.com").Send(Http).Json.GetInt64("OrderId").Value)
            .ToArray();

        var orders = Sandbox.State.Orders;
        Assert.Equal(ids, orders.Select(o => o.OrderId));
        Assert.Equal(ids.OrderBy(i => i), ids);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Same(orders[i], orders.Find(ids[i]));
            Assert.Equal("host" + i + ".example.com", orders[i].Domains.Single());
        }
        Assert.Same(orders[4], orders.Last);
        Assert.Null(orders.Find(ids[4] + 1));
    }

    [Fact]
    public void ConnectionResetAfterExecute_loses_the_answer_but_the_order_and_its_quota_stay()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.ConnectionResetAfterExecute, 1, Action);
        Assert.ThrowsAny<HttpRequestException>(() => SendFresh(Create("Domain", "www.example.com")));

        var order = Assert.Single(Sandbox.State.Orders);
        Assert.Equal(SandboxOrderState.domain_verify, order.State);
        Assert.Equal(1, UsedCount());
        var record = Sandbox.Requests.ForAction(Action).Single();
        Assert.True(record.Executed);
        Assert.Equal(0, record.StatusCode);
    }

    [Theory]
    [InlineData("Throttling", 400, "Throttling.User")] // CasPS types cannot appear in attributes: discovery cannot load CasPS
    [InlineData("ServiceUnavailable", 503, "ServiceUnavailable")]
    [InlineData("InternalError", 500, "InternalError")]
    public void A_fault_that_replaces_the_answer_creates_nothing(string kind, int status, string code)
    {
        Sandbox.Faults.Enqueue(Enum.Parse<SandboxFaultKind>(kind), 1, Action);
        var a = Create("Domain", "www.example.com").Send(Http);

        Assert.Equal(status, a.Status);
        Assert.Equal(code, a.Code);
        Assert.Empty(Sandbox.State.Orders);
        Assert.Equal(0, UsedCount());
        Assert.False(Sandbox.Requests.ForAction(Action).Single().Executed);
    }

    [Fact]
    public void ConnectionReset_before_execution_creates_nothing()
    {
        Sandbox.Faults.Enqueue(SandboxFaultKind.ConnectionReset, 1, Action);
        Assert.ThrowsAny<HttpRequestException>(() => SendFresh(Create("Domain", "www.example.com")));

        Assert.Empty(Sandbox.State.Orders);
        Assert.Equal(0, UsedCount());
    }

    [Fact]
    public void Fifty_parallel_orders_against_a_quota_of_20_make_exactly_20_orders()
    {
        var answers = Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => Create("Domain", "host" + i + ".example.com").SendAsync(Http))))
            .GetAwaiter().GetResult();

        var accepted = answers.Where(a => a.Status == 200).ToArray();
        var refused = answers.Where(a => a.Status != 200).ToArray();
        Assert.Equal(20, accepted.Length);
        Assert.Equal(30, refused.Length);
        Assert.All(refused, a =>
        {
            Assert.Equal(400, a.Status);
            Assert.Equal(ServiceErrors.NotEnoughPackageCode, a.Code);
        });

        var ids = accepted.Select(a => a.Json.GetInt64("OrderId").Value).ToArray();
        Assert.Equal(20, ids.Distinct().Count());
        var orders = Sandbox.State.Orders;
        Assert.Equal(20, orders.Count);
        Assert.Equal(ids.OrderBy(i => i), orders.Select(o => o.OrderId));
        Assert.Equal(20, UsedCount());
    }
}

/// <summary>Every refusal: its code and message, and that it spent no quota and recorded no order.</summary>
public class CreateCertificateForPackageRequestErrorTests : CreateOrderTest
{
    [Fact]
    public void Neither_Domain_nor_Csr_is_MissingParameter()
    {
        var a = Create("ValidateType", "DNS").Send(Http);

        AssertRefused(a, "MissingParameter");
        Assert.Equal("Domain and Csr cannot both be empty: specify the domain names, a CSR, or both.", a.Message);
    }

    [Fact]
    public void Empty_Domain_and_Csr_count_as_absent()
    {
        AssertRefused(Create("Domain", "", "Csr", "").Send(Http), "MissingParameter");
    }

    [Theory]
    [InlineData("dns")]
    [InlineData("Dns")]
    [InlineData("EMAIL")]
    [InlineData("DNS ")]
    public void ValidateType_other_than_DNS_or_FILE_is_refused(string value)
    {
        var a = Create("Domain", "www.example.com", "ValidateType", value).Send(Http);

        AssertRefused(a, "InvalidParameter.ValidateType");
        Assert.Equal("The specified parameter ValidateType '" + value + "' is not valid: use DNS or FILE.", a.Message);
    }

    [Fact]
    public void An_unknown_ProductCode_is_refused_as_by_DescribePackageState()
    {
        var a = Create("ProductCode", "bogus-product", "Domain", "www.example.com").Send(Http);

        AssertRefused(a, "InvalidParameter.ProductCode");
        Assert.Equal(Request().With("ProductCode", "bogus-product").Send(Http).Message, a.Message);
    }

    [Theory]
    [InlineData("bad_name.example.com", "Domain 'bad_name.example.com' is not valid: label 1 ('bad_name') contains '_'")]
    [InlineData("a.example.com,b.example.com,c.example.com,d.example.com,e.example.com,f.example.com", "6 domain names given; one order takes at most 5.")]
    [InlineData("www.example.com,*.example.com", "Domain names mix single names ('www.example.com') and wildcards ('*.example.com')")]
    [InlineData("www.example.com,,api.example.com", "Domain list entry 2 is empty")]
    [InlineData("192.168.1.1", "it is an IPv4 address")]
    [InlineData("www.example.com,WWW.example.com", "is listed twice")]
    public void A_Domain_the_rules_refuse_is_InvalidParameter_Domain_with_the_rule(string domain, string expected)
    {
        var a = Create("Domain", domain).Send(Http);

        AssertRefused(a, "InvalidParameter.Domain");
        Assert.Contains(expected, a.Message);
    }

    [Fact]
    public void A_bad_Domain_is_refused_even_beside_a_good_CSR()
    {
        AssertRefused(Create("Domain", "*.*.example.com", "Csr", CsrPem()).Send(Http), "InvalidParameter.Domain");
    }

    [Fact]
    public void A_weak_CSR_is_InvalidParameter_Csr()
    {
        var a = Create("Domain", "www.example.com", "Csr", CsrPem(bits: 1024)).Send(Http);

        AssertRefused(a, "InvalidParameter.Csr");
        Assert.StartsWith("CSR is not valid: its RSA key is 1024 bits; CAS requires at least 2048 bits.", a.Message);
    }

    [Theory]
    [InlineData("not a csr")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")]
    public void A_CSR_that_is_not_one_is_InvalidParameter_Csr(string csr)
    {
        var a = Create("Csr", csr).Send(Http);

        AssertRefused(a, "InvalidParameter.Csr");
        Assert.StartsWith("CSR is not valid: ", a.Message);
    }

    [Fact]
    public void A_CSR_whose_CN_is_not_a_domain_name_is_InvalidParameter_Csr()
    {
        var a = Create("Csr", CsrPem(cn: "not a host")).Send(Http);

        AssertRefused(a, "InvalidParameter.Csr");
        Assert.Contains("its subject CN 'not a host' is not a valid domain name", a.Message);
    }

    [Theory]
    [InlineData("Tags.1.Key", "aliyun-owner", "keys starting with 'aliyun' or 'acs:' are reserved")]
    [InlineData("Tags.1.Key", "ACS:team", "keys starting with 'aliyun' or 'acs:' are reserved")]
    [InlineData("Tags.1.Key", "see-http://example.com", "may not contain 'http://' or 'https://'")]
    [InlineData("Tags.1.Key", "xhttps://", "may not contain 'http://' or 'https://'")]
    [InlineData("Tags.1.Value", "orphan", "Tags.1.Key is missing or empty")]
    [InlineData("Tags.0.Key", "env", "tags are sent as Tags.N.Key and Tags.N.Value, N from 1")]
    [InlineData("Tags.01.Key", "env", "tags are sent as Tags.N.Key and Tags.N.Value, N from 1")]
    [InlineData("Tags.1.Name", "env", "tags are sent as Tags.N.Key and Tags.N.Value, N from 1")]
    [InlineData("Tags.21.Key", "env", "an order takes at most 20 tags")]
    public void A_tag_the_service_refuses_is_InvalidParameter_Tags(string name, string value, string expected)
    {
        var a = Create("Domain", "www.example.com", name, value).Send(Http);

        AssertRefused(a, "InvalidParameter.Tags");
        Assert.Contains(expected, a.Message);
    }

    [Fact]
    public void A_tag_key_longer_than_128_characters_is_refused_and_128_is_accepted()
    {
        var a = Create("Domain", "www.example.com", "Tags.1.Key", new string('k', 129)).Send(Http);
        AssertRefused(a, "InvalidParameter.Tags");
        Assert.Contains("is 129 characters long; a tag key has at most 128.", a.Message);

        Assert.Equal(200, Create("Domain", "www.example.com", "Tags.1.Key", new string('k', 128)).Send(Http).Status);
    }

    [Fact]
    public void Twenty_one_tags_are_refused_and_twenty_accepted()
    {
        var request = Create("Domain", "www.example.com");
        for (int i = 1; i <= 21; i++) request.With("Tags." + i + ".Key", "k" + i).With("Tags." + i + ".Value", "v");
        AssertRefused(request.Send(Http), "InvalidParameter.Tags");

        request = Create("Domain", "www.example.com");
        for (int i = 1; i <= 20; i++) request.With("Tags." + i + ".Key", "k" + i);
        Assert.Equal(200, request.Send(Http).Status);
        Assert.Equal(20, Sandbox.State.Orders.Single().Tags.Count);
    }

    [Fact]
    public void A_repeated_tag_key_is_refused()
    {
        var a = Create("Domain", "www.example.com", "Tags.1.Key", "env", "Tags.2.Key", "env").Send(Http);

        AssertRefused(a, "InvalidParameter.Tags");
        Assert.Contains("'env' is given twice (Tags.2.Key)", a.Message);
    }

    [Fact]
    public void No_quota_left_is_NotEnoughPackage_which_the_client_maps_to_QuotaExhausted()
    {
        // A documented product nobody configured exists with a TotalCount of 0.
        var a = Create("ProductCode", "geotrust-dv-1-starter", "Domain", "www.example.com").Send(Http);

        AssertRefused(a, ServiceErrors.NotEnoughPackageCode, "geotrust-dv-1-starter");
        Assert.Equal("NotEnoughPackage", a.Code);
        Assert.Equal("The certificate resource package of product 'geotrust-dv-1-starter' has no quota left (Total 0, Used 0).", a.Message);

        var mapped = ServiceErrorMapper.Map(Action, a.Status, a.Body, a.ContentType);
        Assert.Equal(ErrorIds.QuotaExhausted, mapped.ErrorId);
        Assert.Equal("NotEnoughPackage", mapped.ServiceCode);
    }

    [Theory]
    [InlineData("MissingParameter", "ValidateType", "bad", "ProductCode", "bogus")]
    [InlineData("InvalidParameter.ValidateType", "Domain", "bad_name", "ValidateType", "x", "ProductCode", "bogus")]
    [InlineData("InvalidParameter.ProductCode", "Domain", "bad_name", "ProductCode", "bogus", "Csr", "x")]
    [InlineData("InvalidParameter.Domain", "Domain", "bad_name", "Csr", "x", "Tags.1.Key", "aliyun")]
    [InlineData("InvalidParameter.Csr", "Domain", "www.example.com", "Csr", "x", "Tags.1.Key", "aliyun")]
    [InlineData("InvalidParameter.Tags", "ProductCode", "geotrust-dv-1-starter", "Domain", "www.example.com", "Tags.1.Key", "aliyun")]
    public void Checks_run_in_order_and_the_first_failure_is_answered(string code, params string[] parameters)
    {
        AssertRefused(Create(parameters).Send(Http), code, parameters.Contains("geotrust-dv-1-starter") ? "geotrust-dv-1-starter" : Free);
    }

    [Theory]
    [InlineData("InvalidParameter.Domain")]
    [InlineData("InvalidParameter.Csr")]
    [InlineData("InvalidParameter.Tags")]
    [InlineData("InvalidParameter.ValidateType")]
    [InlineData("MissingParameter")]
    public void Parameter_errors_are_not_mistaken_for_quota_exhaustion_by_the_client(string code)
    {
        string body = new JsonWriter().Add("RequestId", "R").Add("Code", code).Add("Message", "m").ToString();
        var mapped = ServiceErrorMapper.Map(Action, 400, body, "application/json");
        Assert.Equal(ErrorIds.ServiceError, mapped.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, mapped.Category);
    }
}

/// <summary>A small package, spent to the end.</summary>
public class CreateCertificateForPackageRequestQuotaTests : CreateOrderTest
{
    public CreateCertificateForPackageRequestQuotaTests() : base(new SandboxOptions
    {
        Quota = new Dictionary<string, long> { [Free] = 2 },
    }) { }

    [Fact]
    public void The_order_after_the_last_unit_is_refused_without_spending()
    {
        Assert.Equal(200, Create("Domain", "a.example.com").Send(Http).Status);
        Assert.Equal(200, Create("Domain", "b.example.com").Send(Http).Status);
        var a = Create("Domain", "c.example.com").Send(Http);

        Assert.Equal(400, a.Status);
        Assert.Equal(ServiceErrors.NotEnoughPackageCode, a.Code);
        Assert.Equal("The certificate resource package of product 'digicert-free-1-free' has no quota left (Total 2, Used 2).", a.Message);
        Assert.Equal(2, Sandbox.State.Orders.Count);
        Assert.Equal(2, UsedCount());
    }
}
