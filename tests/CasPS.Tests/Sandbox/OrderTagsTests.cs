using CasPS.Sandbox;

namespace CasPS.Tests.Sandbox;

/// <summary>Tags.N.Key / Tags.N.Value as the sandbox reads them, without HTTP.</summary>
public class OrderTagsTests
{
    private static bool Read(out IReadOnlyDictionary<string, string> tags, out string error, params string[] nameValuePairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["Domain"] = "www.example.com" };
        for (int i = 0; i < nameValuePairs.Length; i += 2) parameters[nameValuePairs[i]] = nameValuePairs[i + 1];
        return OrderTags.TryRead(parameters, out tags, out error);
    }

    [Fact]
    public void No_tag_parameters_means_no_tags()
    {
        Assert.True(Read(out var tags, out var error));
        Assert.Empty(tags);
        Assert.Null(error);
    }

    [Fact]
    public void Tags_come_in_N_order_whatever_the_parameter_order_with_gaps_allowed()
    {
        Assert.True(Read(out var tags, out _, "Tags.10.Key", "ten", "Tags.2.Value", "b", "Tags.2.Key", "two", "Tags.1.Key", "one"));
        Assert.Equal(new[] { "one", "two", "ten" }, tags.Keys);
        Assert.Equal(new[] { "", "b", "" }, tags.Values);
    }

    [Fact]
    public void Tag_keys_are_case_sensitive()
    {
        Assert.True(Read(out var tags, out _, "Tags.1.Key", "Env", "Tags.2.Key", "env"));
        Assert.Equal(2, tags.Count);
    }

    [Theory]
    [InlineData("Tags.")]
    [InlineData("Tags.1")]
    [InlineData("Tags.1.")]
    [InlineData("Tags..Key")]
    [InlineData("Tags.-1.Key")]
    [InlineData("Tags.1.key")]
    [InlineData("Tags.9999999999.Key")]
    public void Malformed_tag_parameter_names_are_refused(string name)
    {
        Assert.False(Read(out var tags, out var error, name, "x"));
        Assert.Null(tags);
        Assert.Contains("Tags.N.Key and Tags.N.Value", error);
    }

    [Fact]
    public void Parameters_merely_starting_with_Tag_are_not_tags()
    {
        Assert.True(Read(out var tags, out _, "Tag.1.Key", "x", "TagsX", "y"));
        Assert.Empty(tags);
    }
}
