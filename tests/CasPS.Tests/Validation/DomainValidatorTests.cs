using System.Management.Automation;
using CasPS.Errors;
using CasPS.Validation;

namespace CasPS.Tests.Validation;

public class DomainValidatorTests
{
    private const string P = "Cannot validate argument on parameter 'Domain'. ";

    private static CasPSException Refused(string value, string parameterName = "Domain")
    {
        var ex = Assert.Throws<CasPSException>(() => DomainValidator.Validate(value, parameterName));
        Assert.Equal(ErrorIds.InvalidDomain, ex.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, ex.Category);
        Assert.Equal(parameterName, ex.ParameterName);
        return ex;
    }

    private static CasPSException Refused(string[] values)
    {
        var ex = Assert.Throws<CasPSException>(() => DomainValidator.Validate(values));
        Assert.Equal(ErrorIds.InvalidDomain, ex.ErrorId);
        Assert.Equal("Domain", ex.ParameterName);
        return ex;
    }

    [Fact]
    public void One_name_is_normalized_and_joined()
    {
        var set = DomainValidator.Validate("www.example.com");
        Assert.Equal(new[] { "www.example.com" }, set.Names);
        Assert.False(set.IsWildcard);
        Assert.Equal("www.example.com", set.ApiValue);
    }

    [Fact]
    public void Five_names_are_accepted_in_the_order_given()
    {
        var set = DomainValidator.Validate("e.example.com, a.example.com,d.example.com ,b.example.com,c.example.com");
        Assert.Equal(new[] { "e.example.com", "a.example.com", "d.example.com", "b.example.com", "c.example.com" }, set.Names);
        Assert.Equal("e.example.com,a.example.com,d.example.com,b.example.com,c.example.com", set.ApiValue);
    }

    [Fact]
    public void Six_names_are_refused()
    {
        var ex = Refused("a.example.com,b.example.com,c.example.com,d.example.com,e.example.com,f.example.com");
        Assert.Equal(P + "6 domain names given; one order takes at most 5. Split them into several orders.", ex.Message);
    }

    [Fact]
    public void A_list_of_strings_may_hold_comma_lists()
    {
        var set = DomainValidator.Validate(new[] { "a.example.com,b.example.com", " c.example.com " });
        Assert.Equal(new[] { "a.example.com", "b.example.com", "c.example.com" }, set.Names);
        Refused(new[] { "a.example.com,b.example.com,c.example.com", "d.example.com,e.example.com", "f.example.com" });
    }

    [Fact]
    public void Nothing_given_is_refused()
    {
        Assert.Equal(P + "No domain name given: pass one to 5 names, like www.example.com.", Refused((string)null).Message);
        Assert.Equal(P + "No domain name given: pass one to 5 names, like www.example.com.", Refused(Array.Empty<string>()).Message);
    }

    [Theory]
    [InlineData("a.example.com,,b.example.com", 2)]
    [InlineData("a.example.com,", 2)]
    [InlineData(",a.example.com", 1)]
    [InlineData("a.example.com, ,b.example.com", 2)]
    [InlineData("", 1)]
    public void Empty_entries_are_refused(string value, int entry)
    {
        Assert.Equal(P + $"Domain list entry {entry} is empty; remove the extra comma or blank value.", Refused(value).Message);
    }

    [Fact]
    public void Null_entry_in_a_list_is_refused()
    {
        Assert.Equal(P + "Domain list entry 2 is empty; remove the extra comma or blank value.",
            Refused(new[] { "a.example.com", null }).Message);
    }

    [Fact]
    public void Wildcards_are_accepted()
    {
        var set = DomainValidator.Validate("*.example.com,*.example.org");
        Assert.True(set.IsWildcard);
        Assert.Equal("*.example.com,*.example.org", set.ApiValue);
    }

    [Fact]
    public void Mixed_single_and_wildcard_is_refused()
    {
        Assert.Equal(P + "Domain names mix single names ('www.example.com') and wildcards ('*.example.com'); one order must be all " +
            "single names or all wildcards. Submit them as separate orders.", Refused("www.example.com,*.example.com").Message);
    }

    [Theory]
    [InlineData("*", "a lone '*' is not a name; a wildcard is written like *.example.com.")]
    [InlineData("a*.example.com", "'*' may only be the whole leftmost label, as in *.example.com.")]
    [InlineData("*.*.example.com", "'*' may only be the whole leftmost label, as in *.example.com.")]
    [InlineData("www.*.example.com", "'*' may only be the whole leftmost label, as in *.example.com.")]
    [InlineData("*example.com", "'*' may only be the whole leftmost label, as in *.example.com.")]
    [InlineData("example.*", "'*' may only be the whole leftmost label, as in *.example.com.")]
    [InlineData("*.com", "a wildcard must cover a name of at least two labels, as in *.example.com.")]
    public void Wildcard_misuse_is_refused(string value, string reason)
    {
        Assert.Equal(P + $"Domain '{value}' is not valid: {reason}", Refused(value).Message);
    }

    [Theory]
    [InlineData("1.2.3.4", "IPv4")]
    [InlineData("192.168.010.001", "IPv4")]
    [InlineData("::1", "IPv6")]
    [InlineData("2001:db8::1", "IPv6")]
    [InlineData("[2001:db8::1]", "IPv6")]
    [InlineData("::ffff:192.0.2.1", "IPv6")]
    public void IP_addresses_are_refused(string value, string kind)
    {
        Assert.Equal(P + $"Domain '{value}' is not valid: it is an {kind} address; CAS issues certificates for domain names only.",
            Refused(value).Message);
    }

    [Fact]
    public void A_numeric_last_label_is_refused()
    {
        Assert.Equal(P + "Domain '1.2.3' is not valid: its last label '3' is all digits, which no top-level domain is.", Refused("1.2.3").Message);
        Assert.Equal(P + "Domain 'www.example.123' is not valid: its last label '123' is all digits, which no top-level domain is.",
            Refused("www.example.123").Message);
        Assert.Equal("123.example.com", DomainValidator.Validate("123.example.com").ApiValue);
    }

    [Fact]
    public void Empty_label_message_names_the_label_and_the_rule()
    {
        Assert.Equal(P + "Domain 'a..b.com' is not valid: label 2 is empty. Each label must be 1-63 letters, digits or hyphens, " +
            "not starting or ending with a hyphen.", Refused("a..b.com").Message);
        Assert.StartsWith(P + "Domain '.example.com' is not valid: label 1 is empty.", Refused(".example.com").Message);
        Assert.StartsWith(P + "Domain 'example.com..' is not valid: label 3 is empty.", Refused("example.com..").Message);
    }

    [Fact]
    public void Label_of_63_is_accepted_and_64_refused()
    {
        string ok = new string('a', 63) + ".example.com";
        Assert.Equal(ok, DomainValidator.Validate(ok).ApiValue);
        string bad = new string('a', 64) + ".example.com";
        Assert.StartsWith(P + "Domain 'aaaa", Refused(bad).Message);
        Assert.Contains("is not valid: label 1 is 64 characters long. Each label must be 1-63", Refused(bad).Message);
    }

    [Fact]
    public void Name_of_253_is_accepted_and_254_refused()
    {
        // 63+1+63+1+63+1+57+1+3 = 253
        string name253 = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 57) + ".com";
        Assert.Equal(253, name253.Length);
        Assert.Equal(name253, DomainValidator.Validate(name253).ApiValue);
        Assert.Equal(name253, DomainValidator.Validate(name253 + ".").ApiValue);
        string name254 = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 58) + ".com";
        Assert.EndsWith("is not valid: it is 254 characters long; a domain name may have at most 253.", Refused(name254).Message);
    }

    [Theory]
    [InlineData("_dmarc.example.com", "label 1 ('_dmarc') contains '_', which host names may not use.")]
    [InlineData("a_b.example.com", "label 1 ('a_b') contains '_', which host names may not use.")]
    [InlineData("www.exa mple.com", "label 2 ('exa mple') contains U+0020.")]
    [InlineData("www.example.com/path", "label 3 ('com/path') contains '/'.")]
    [InlineData("user@example.com", "label 1 ('user@example') contains '@'.")]
    [InlineData("-www.example.com", "label 1 ('-www') starts with a hyphen.")]
    [InlineData("www-.example.com", "label 1 ('www-') ends with a hyphen.")]
    [InlineData("www.example.com:443", "label 3 ('com:443') contains ':'.")]
    public void Bad_characters_and_hyphens_are_refused(string value, string reason)
    {
        Assert.Equal(P + $"Domain '{value}' is not valid: {reason} Each label must be 1-63 letters, digits or hyphens, not starting or ending with a hyphen.",
            Refused(value).Message);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("com")]
    public void A_single_label_is_refused(string value)
    {
        Assert.Equal(P + $"Domain '{value}' is not valid: it has a single label; a certificate name needs at least two, like example.com.",
            Refused(value).Message);
    }

    [Fact]
    public void Internationalized_names_become_punycode()
    {
        Assert.Equal("xn--bcher-kva.example", DomainValidator.Validate("bücher.example").ApiValue);
        Assert.Equal("*.xn--bcher-kva.example", DomainValidator.Validate("*.BÜCHER.example").ApiValue);
        Assert.Equal("xn--bcher-kva.example", DomainValidator.Validate("xn--bcher-kva.example").ApiValue);
        Assert.Equal("www.xn--bcher-kva.example", DomainValidator.Validate("www.b\u00fccher\u3002example").ApiValue);
    }

    [Fact]
    public void Invalid_internationalized_label_is_named()
    {
        Assert.Equal(P + "Domain 'www.b\u00fc_cher.example' is not valid: label 2 ('b\u00fc_cher') is not a valid internationalized label " +
            "(conversion to punycode failed).", Refused("www.b\u00fc_cher.example").Message);
    }

    [Fact]
    public void Length_is_counted_after_punycode()
    {
        // 57 'ü' become a 63-character label: within the label limit, but four of them pass 253.
        string label = new string('\u00fc', 57);
        Assert.Equal(63, DomainValidator.NormalizeName(label + ".example").IndexOf('.'));
        string name = string.Join(".", label, label, label, label) + ".example";
        Assert.True(name.Length < 253);
        Assert.EndsWith("is not valid: it is 263 characters long in punycode; a domain name may have at most 253.", Refused(name).Message);
    }

    [Theory]
    [InlineData("b\u00fccher_x.example")]
    [InlineData("\u00fc\u200d\u0000.example")]
    [InlineData("\ud800.example")]
    public void Invalid_internationalized_names_are_refused(string value)
    {
        var ex = Refused(value);
        Assert.Contains("is not valid: ", ex.Message);
        Assert.DoesNotContain(ex.Message, c => c == '\0' || char.IsSurrogate(c));
    }

    [Fact]
    public void Invalid_punycode_is_refused()
    {
        Assert.Equal(P + "Domain 'xn--zz.example' is not valid: label 1 ('xn--zz') is not valid punycode.", Refused("xn--zz.example").Message);
    }

    [Fact]
    public void Case_trailing_dot_and_whitespace_are_normalized()
    {
        var set = DomainValidator.Validate(new[] { "  WWW.Example.COM.  ", "\tMail.Example.com\n" });
        Assert.Equal(new[] { "www.example.com", "mail.example.com" }, set.Names);
    }

    [Fact]
    public void Duplicates_after_normalization_are_refused()
    {
        var ex = Refused("www.example.com,WWW.EXAMPLE.COM.");
        Assert.Equal(P + "Domain 'WWW.EXAMPLE.COM.' is listed twice (both 'www.example.com' and 'WWW.EXAMPLE.COM.' are 'www.example.com' " +
            "once lower-cased, converted to punycode and stripped of a trailing dot); list each name once.", ex.Message);
        Refused("bücher.example,xn--bcher-kva.example");
    }

    [Fact]
    public void The_parameter_name_is_the_callers()
    {
        Refused("a..b", "Name");
        Assert.Equal("Name", Assert.Throws<CasPSException>(() => DomainValidator.NormalizeName("a..b", "Name")).ParameterName);
        Assert.Equal("www.example.com", DomainValidator.NormalizeName(" WWW.example.com. "));
    }

    [Fact]
    public void Huge_input_is_refused_up_front()
    {
        var ex = Refused(new string('a', 20000) + ".com");
        Assert.Equal(P + "The domain list is longer than 10,000 characters; one order takes at most 5 names of at most 253 characters.", ex.Message);
        Refused(Enumerable.Repeat(new string('a', 100), 200).ToArray());
    }

    [Fact]
    public void Control_characters_in_messages_are_escaped()
    {
        var ex = Refused("www.exa\u0007mple.com");
        Assert.Equal(P + "Domain 'www.exa\\u0007mple.com' is not valid: label 2 ('exa\\u0007mple') contains U+0007. Each label must be " +
            "1-63 letters, digits or hyphens, not starting or ending with a hyphen.", ex.Message);
    }

    [Fact]
    public void Long_values_are_cut_short_in_messages()
    {
        var ex = Refused(new string('a', 300) + "..com");
        Assert.True(ex.Message.Length < 300, ex.Message);
        Assert.Contains("...'", ex.Message);
    }
}
