using System.Security.Cryptography;
using System.Text;
using CasPS.Errors;
using CasPS.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CasPS.Tests.Validation;

/// <summary>
/// Hostile and random input never escapes as anything but the documented validation errors:
/// random strings and mutated names into DomainValidator, random bytes and mutated CSRs (DER
/// and PEM) into CsrValidator. Also: normalizing a normalized name changes nothing.
/// </summary>
public class ValidationPropertyTests
{
    // Characters that hit every branch: name characters, separators, wildcard, IDN, controls, lone surrogates.
    private static readonly char[] Alphabet =
        "abzAZ09-.*_, \t\n\u00fc\u00dfI\u0130\u4e2d\u0000\u0007\u007f\u00ad\u200d\u3002\uff0e:[]@/%\ud800\udc00\ufffd\u0085\u2028".ToCharArray();

    private static readonly string[] ValidNames =
    {
        "www.example.com", "*.example.com", "a.b.c.d.example.org", "bücher.example", "xn--bcher-kva.example",
        "WWW.EXAMPLE.COM.", "1.2.3.4", "::1", "a-b.example.net", "x.y",
    };

    private static readonly Gen<string> RandomText =
        Gen.Elements(Alphabet).ArrayOf().Select(a => new string(a));

    private static readonly Gen<string> MutatedName =
        from name in Gen.Elements(ValidNames)
        from edits in Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Choose(0, 1000), Gen.Elements(Alphabet))).ListOf()
        select Edit(name, edits);

    private static string Edit(string s, IEnumerable<(int Kind, (int Position, char Char) At)> edits)
    {
        var sb = new StringBuilder(s);
        foreach (var (kind, (position, c)) in edits)
        {
            int at = sb.Length == 0 ? 0 : position % (sb.Length + 1);
            switch (kind)
            {
                case 0: sb.Insert(at, c); break;
                case 1: if (at < sb.Length) sb[at] = c; break;
                case 2: if (at < sb.Length) sb.Remove(at, 1); break;
                default: sb.Insert(at, sb.ToString(0, Math.Min(at, sb.Length))); break;
            }
        }
        return sb.ToString();
    }

    private static bool OnlyDomainOutcomes(Action action)
    {
        try { action(); return true; }
        catch (CasPSException ex) { return ex.ErrorId == ErrorIds.InvalidDomain && ex.ParameterName == "Domain"; }
    }

    [Property(MaxTest = 3000)]
    public Property Random_and_mutated_domains_only_pass_or_fail_as_InvalidDomain() =>
        Prop.ForAll(Gen.OneOf(RandomText, MutatedName, ArbMap.Default.GeneratorFor<string>()).ToArbitrary(),
            s => OnlyDomainOutcomes(() => DomainValidator.Validate(s)) &&
                 OnlyDomainOutcomes(() => DomainValidator.NormalizeName(s)));

    [Property(MaxTest = 1000)]
    public Property Random_domain_lists_only_pass_or_fail_as_InvalidDomain() =>
        Prop.ForAll(Gen.OneOf(RandomText, MutatedName).OrNull().ArrayOf().ToArbitrary(),
            list => OnlyDomainOutcomes(() => DomainValidator.Validate(list)));

    [Property(MaxTest = 2000)]
    public Property Normalization_is_idempotent() =>
        Prop.ForAll(Gen.OneOf(RandomText, MutatedName, Gen.Elements(ValidNames)).ToArbitrary(), s =>
        {
            DomainSet set;
            try { set = DomainValidator.Validate(s); }
            catch (CasPSException) { return true; }
            var again = DomainValidator.Validate(set.ApiValue);
            return again.ApiValue == set.ApiValue && set.Names.All(n => DomainValidator.NormalizeName(n) == n);
        });

    // --- CSRs ---

    private static readonly byte[][] ValidCsrs =
    {
        CsrFactory.Rsa(2048, sans: new[] { "www.example.com", "example.com" }),
        CsrFactory.Ec(ECCurve.NamedCurves.nistP256, cn: "*.example.com"),
        CsrFactory.Rsa(padding: RSASignaturePadding.Pss),
    };

    private static bool OnlyCsrOutcomes(Action action)
    {
        try { action(); return true; }
        catch (CasPSException ex) { return ex.ErrorId == ErrorIds.InvalidCsr || ex.ErrorId == ErrorIds.InvalidDomain; }
    }

    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);
    // Bytes that matter to DER: tags, long-form length markers, and their extremes.
    private static readonly Gen<byte> DerishByte = Gen.OneOf(AnyByte,
        Gen.Elements<byte>(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x13, 0x30, 0x31, 0x7F, 0x80, 0x81, 0x82, 0x84, 0x85, 0x88, 0xA0, 0xFF));

    private static readonly Gen<(int Kind, int Position, byte Value)> ByteEdit =
        Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, int.MaxValue), DerishByte)).Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2));

    private static byte[] Mutate(byte[] source, IEnumerable<(int Kind, int Position, byte Value)> edits)
    {
        var bytes = new List<byte>(source);
        foreach (var (kind, position, value) in edits)
        {
            int at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0: if (bytes.Count > 0) bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                case 2: if (bytes.Count > 0) bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                default: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << (value % 8)); break; // one bit
            }
        }
        return bytes.ToArray();
    }

    private static readonly Gen<byte[]> MutatedCsr =
        from csr in Gen.Elements(ValidCsrs)
        from edits in ByteEdit.NonEmptyListOf()
        select Mutate(csr, edits.Take(6));

    [Property(MaxTest = 1500)]
    public Property Mutated_der_csrs_only_pass_or_fail_as_documented() =>
        Prop.ForAll(MutatedCsr.ToArbitrary(), der => OnlyCsrOutcomes(() => CsrValidator.Validate(der)));

    [Property(MaxTest = 500)]
    public Property Mutated_pem_csrs_only_pass_or_fail_as_documented() =>
        Prop.ForAll(MutatedCsr.ToArbitrary(), der =>
        {
            string pem = CsrFactory.Pem(der);
            return OnlyCsrOutcomes(() => CsrValidator.Validate(pem)) &&
                   OnlyCsrOutcomes(() => CsrValidator.Validate(Encoding.ASCII.GetBytes(pem)));
        });

    [Property(MaxTest = 1000)]
    public Property Mutated_pem_text_only_passes_or_fails_as_documented() =>
        Prop.ForAll(Gen.Zip(Gen.Elements(ValidCsrs), Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Choose(0, 1000), Gen.Elements(Alphabet.Concat("-=+/ABCDEF").ToArray()))).ListOf()).ToArbitrary(),
            t => OnlyCsrOutcomes(() => CsrValidator.Validate(Edit(CsrFactory.Pem(t.Item1), t.Item2))));

    [Property(MaxTest = 1000)]
    public Property Random_bytes_only_fail_as_InvalidCsr() =>
        Prop.ForAll(Gen.OneOf(AnyByte.ArrayOf(), DerishByte.ArrayOf(), DerishByte.ArrayOf().Select(b => new byte[] { 0x30 }.Concat(b).ToArray())).ToArbitrary(),
            bytes => OnlyCsrOutcomes(() => CsrValidator.Validate(bytes)));

    [Property(MaxTest = 300)]
    public Property Random_text_only_fails_as_InvalidCsr() =>
        Prop.ForAll(Gen.OneOf(RandomText, ArbMap.Default.GeneratorFor<string>()).Select(s => "-----BEGIN CERTIFICATE REQUEST-----\n" + s + "\n-----END CERTIFICATE REQUEST-----").ToArbitrary(),
            text => OnlyCsrOutcomes(() => CsrValidator.Validate(text)));

    [Fact]
    public void Every_truncation_of_a_valid_csr_is_refused()
    {
        foreach (var csr in ValidCsrs)
            for (int length = 0; length < csr.Length; length++)
            {
                var ex = Assert.Throws<CasPSException>(() => CsrValidator.Validate(csr.AsSpan(0, length).ToArray()));
                Assert.Equal(ErrorIds.InvalidCsr, ex.ErrorId);
            }
    }

    [Fact]
    public void Every_single_bit_flip_of_a_valid_csr_is_refused_or_harmless()
    {
        // Flips inside the signed part change what was signed; flips in the signature break it.
        // A flip may land in a tag and turn e.g. UTF8String into PrintableString: still refused by the signature.
        var csr = ValidCsrs[1];
        for (int i = 0; i < csr.Length; i++)
            for (int bit = 0; bit < 8; bit++)
            {
                var copy = (byte[])csr.Clone();
                copy[i] ^= (byte)(1 << bit);
                var ex = Assert.Throws<CasPSException>(() => CsrValidator.Validate(copy));
                Assert.True(ex.ErrorId == ErrorIds.InvalidCsr, ex.Message);
            }
    }
}
