using CasPS.Validation;

namespace CasPS.Tests.Validation;

public class ProductCatalogTests
{
    private static DomainSet Names(string value) => DomainValidator.Validate(value);

    [Fact]
    public void Documented_codes_are_known()
    {
        Assert.Equal(15, ProductCatalog.KnownCodes.Count);
        Assert.True(ProductCatalog.IsKnown("digicert-free-1-free"));
        Assert.True(ProductCatalog.IsKnown("symantec-free-1-free"));
        Assert.True(ProductCatalog.IsKnown("cfca-ev-w-advanced"));
        Assert.False(ProductCatalog.IsKnown("DigiCert-Free-1-Free"));
        Assert.False(ProductCatalog.IsKnown(null));
        Assert.Equal("digicert-free-1-free", ProductCatalog.DefaultCode);
        Assert.Equal("symantec-free-1-free", ProductCatalog.LegacyDefaultCode);
        Assert.Contains(ProductCatalog.DefaultCode, ProductCatalog.KnownCodes);
    }

    [Fact]
    public void Catalog_records_the_documented_facts()
    {
        Assert.True(ProductCatalog.TryGet("symantec-dv-1-starter", out var starter));
        Assert.Equal(ProductCoverage.Ambiguous, starter.Coverage);
        Assert.True(ProductCatalog.TryGet("cfca-ev-w-advanced", out var cfca));
        Assert.Equal(ValidationLevel.OV, cfca.Level);
        Assert.Equal(ProductCoverage.Wildcard, cfca.Coverage);
        Assert.True(cfca.ChinaSiteOnly);
        Assert.NotNull(cfca.Note);
        Assert.True(ProductCatalog.TryGet("geotrust-dv-w-starter", out var geo));
        Assert.Equal(("GeoTrust", ValidationLevel.DV, ProductCoverage.Wildcard, false), (geo.Brand, geo.Level, geo.Coverage, geo.ChinaSiteOnly));
        Assert.True(ProductCatalog.TryGet("digicert-free-1-free", out var free));
        Assert.True(free.ChinaSiteOnly);
        // The '-1-'/'-w-' convention holds for every code but the ambiguous one.
        foreach (var p in ProductCatalog.All.Where(p => p.Coverage != ProductCoverage.Ambiguous))
            Assert.Equal(p.Code.Contains("-w-") ? ProductCoverage.Wildcard : ProductCoverage.Single, p.Coverage);
    }

    [Fact]
    public void Matching_order_gives_no_warning()
    {
        Assert.Empty(ProductCatalog.ConsistencyWarnings("geotrust-dv-1-starter", Names("www.example.com"), false));
        Assert.Empty(ProductCatalog.ConsistencyWarnings("globalsign-ov-w-advanced", Names("*.example.com"), true));
        Assert.Empty(ProductCatalog.ConsistencyWarnings(null, Names("www.example.com"), false));
        Assert.Empty(ProductCatalog.ConsistencyWarnings("geotrust-dv-1-starter", null, false));
    }

    [Fact]
    public void Wildcard_names_with_a_single_product_warn()
    {
        var w = Assert.Single(ProductCatalog.ConsistencyWarnings("geotrust-dv-1-starter", Names("*.example.com"), false));
        Assert.Equal("Product 'geotrust-dv-1-starter' is a single-domain product, but wildcard names are given ('*.example.com'); " +
            "the service may refuse the order. Wildcards need a '-w-' product.", w);
    }

    [Fact]
    public void Single_names_with_a_wildcard_product_warn()
    {
        var w = Assert.Single(ProductCatalog.ConsistencyWarnings("geotrust-dv-w-starter", Names("www.example.com"), false));
        Assert.Equal("Product 'geotrust-dv-w-starter' is a wildcard product, but single names are given ('www.example.com'); " +
            "the service may refuse the order. Give wildcards like *.example.com, or use a '-1-' product.", w);
    }

    [Fact]
    public void Several_names_warn_about_billing()
    {
        var w = Assert.Single(ProductCatalog.ConsistencyWarnings("digicert-free-1-free", Names("a.example.com,b.example.com,c.example.com"), false));
        Assert.StartsWith("3 names are given, but product 'digicert-free-1-free' covers one name per certificate", w);
        Assert.Contains("billed", w);
    }

    [Fact]
    public void CompanyName_with_a_DV_product_warns()
    {
        var w = Assert.Single(ProductCatalog.ConsistencyWarnings("digicert-free-1-free", Names("www.example.com"), true));
        Assert.Equal("CompanyName applies to OV certificates only; product 'digicert-free-1-free' is DV, so the company is not used.", w);
        Assert.Empty(ProductCatalog.ConsistencyWarnings("cfca-ov-1-personal", Names("www.example.com"), true));
    }

    [Fact]
    public void Unknown_code_warns_and_is_let_through()
    {
        var w = Assert.Single(ProductCatalog.ConsistencyWarnings("acme-dv-9-future", Names("www.example.com"), false));
        Assert.Equal("Product code 'acme-dv-9-future' is not in CasPS's list of documented codes; sending it anyway, the service is the judge.", w);
        var cased = Assert.Single(ProductCatalog.ConsistencyWarnings("GeoTrust-DV-1-Starter", null, false));
        Assert.EndsWith("Did you mean 'geotrust-dv-1-starter'? Codes are lower-case.", cased);
    }

    [Fact]
    public void Ambiguous_code_says_the_documents_disagree_for_either_kind()
    {
        foreach (var names in new[] { "www.example.com", "*.example.com" })
        {
            var w = Assert.Single(ProductCatalog.ConsistencyWarnings("symantec-dv-1-starter", Names(names), false));
            Assert.StartsWith("The documents disagree whether product 'symantec-dv-1-starter' is a single-domain or a wildcard product", w);
        }
    }

    [Fact]
    public void Several_problems_give_several_warnings()
    {
        var warnings = ProductCatalog.ConsistencyWarnings("geotrust-dv-1-starter", Names("*.a.example.com,*.b.example.com"), true);
        Assert.Equal(3, warnings.Count);
    }
}
