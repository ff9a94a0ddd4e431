using CasPS.Json;

namespace CasPS.Tests.Json;

public class JsonReaderTests
{
    [Fact]
    public void OrderId_above_2_pow_53_survives_exactly()
    {
        var node = JsonReader.Parse("{\"RequestId\":\"98C8BF38\",\"OrderId\":98987582437920968}");
        Assert.Equal(98987582437920968L, node.GetInt64("OrderId"));
        Assert.NotEqual((long)(double)98987582437920968L, node.GetInt64("OrderId"));
    }

    [Fact]
    public void Member_lookup_prefers_exact_case_then_ignores_case()
    {
        var node = JsonReader.Parse("{\"code\":\"lower\",\"Message\":\"m\"}");
        Assert.Equal("lower", node.GetString("Code"));
        Assert.Equal("m", node.GetString("message"));
        Assert.Null(node.GetString("Missing"));
    }

    [Fact]
    public void Escapes_unicode_and_nesting_are_read()
    {
        var node = JsonReader.Parse("{ \"a\" : [1, {\"b\": \"x\\u00fc\\n\\\"\"}], \"t\": true, \"n\": null, \"f\": -1.5e3 }");
        Assert.Equal("xü\n\"", node["a"].Items[1].GetString("b"));
        Assert.Equal("true", node.GetString("t"));
        Assert.Equal(JsonKind.Null, node["n"].Kind);
        Assert.Equal("-1.5e3", node.GetString("f"));
        Assert.Null(node["f"].AsInt64());
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("[01]")]
    [InlineData("\"unterminated")]
    [InlineData("{\"a\":\"\\x\"}")]
    public void Non_json_is_refused_with_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => JsonReader.Parse(text));
        Assert.False(JsonReader.TryParse(text, out _));
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var deep = new string('[', 100000) + new string(']', 100000);
        Assert.Throws<FormatException>(() => JsonReader.Parse(deep));
    }

    [Fact]
    public void Writer_output_round_trips_through_reader()
    {
        var text = new JsonWriter().Add("s", "q\"\\\n\u0001ü").Add("n", long.MaxValue).Add("b", false).ToString();
        var node = JsonReader.Parse(text);
        Assert.Equal("q\"\\\n\u0001ü", node.GetString("s"));
        Assert.Equal(long.MaxValue, node.GetInt64("n"));
        Assert.Equal("false", node.GetString("b"));
    }
}
