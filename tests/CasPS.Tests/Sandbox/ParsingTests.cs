using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

public class ParsingTests
{
    [Fact]
    public void Query_pairs_are_decoded_in_order()
    {
        var pairs = QueryStringParser.Parse("b=%2A.example.com&a=x+y&flag&c=%E2%82%AC&d=100%&&e=");
        Assert.Equal(new[]
        {
            new KeyValuePair<string, string>("b", "*.example.com"),
            new KeyValuePair<string, string>("a", "x y"),
            new KeyValuePair<string, string>("flag", ""),
            new KeyValuePair<string, string>("c", "€"),
            new KeyValuePair<string, string>("d", "100%"),
            new KeyValuePair<string, string>("e", ""),
        }, pairs);
    }

    [Fact]
    public void Authorization_parts_are_read_and_incomplete_ones_rejected()
    {
        Assert.True(AuthorizationHeader.TryParse(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action,Signature=0656", out var h));
        Assert.Equal("YourAccessKeyId", h.Credential);
        Assert.Equal(new[] { "host", "x-acs-action" }, h.SignedHeaders);
        Assert.Equal("0656", h.Signature);

        Assert.False(AuthorizationHeader.TryParse("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host", out _));
        Assert.False(AuthorizationHeader.TryParse("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=x,Extra=1", out _));
    }

    [Fact]
    public void Nonce_cache_forgets_after_the_window_and_beyond_capacity()
    {
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var cache = new NonceCache(TimeSpan.FromMinutes(30), capacity: 3);
        Assert.True(cache.TryAdd("a", t0));
        Assert.False(cache.TryAdd("a", t0.AddMinutes(29)));
        Assert.True(cache.TryAdd("a", t0.AddMinutes(31)));   // expired, so accepted again

        Assert.True(cache.TryAdd("b", t0.AddMinutes(31)));
        Assert.True(cache.TryAdd("c", t0.AddMinutes(31)));
        Assert.True(cache.TryAdd("d", t0.AddMinutes(31)));   // evicts "a", the oldest
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryAdd("a", t0.AddMinutes(32)));
    }
}
