using CasPS.Validation;

namespace CasPS.Tests.Validation;

public class DerReaderTests
{
    [Theory]
    [InlineData("2.5.4.3")]
    [InlineData("1.2.840.113549.1.9.14")]
    [InlineData("1.3.101.112")]
    [InlineData("2.999.1")]
    public void Oids_round_trip(string dotted)
    {
        Assert.Equal(dotted, Oids.ToDotted(new ArraySegment<byte>(Oids.Encode(dotted))));
    }

    [Fact]
    public void Oid_description_names_known_algorithms()
    {
        Assert.Equal("Ed25519 (OID 1.3.101.112)", Oids.Describe(new ArraySegment<byte>(Oids.Encode("1.3.101.112"))));
        Assert.Equal("OID 1.2.3.4", Oids.Describe(new ArraySegment<byte>(Oids.Encode("1.2.3.4"))));
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x02, 0x00, 0x01 }, "needless leading bytes")]
    [InlineData(new byte[] { 0x02, 0x02, 0xFF, 0x80 }, "needless leading bytes")]
    [InlineData(new byte[] { 0x02, 0x00 }, "empty INTEGER")]
    public void Integers_must_be_minimal(byte[] der, string reason)
    {
        var ex = Assert.Throws<CsrFormatException>(() => new DerReader(der).ReadInteger("x"));
        Assert.Contains(reason, ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x06, 0x02, 0x80, 0x01 }, "padded arc")]
    [InlineData(new byte[] { 0x06, 0x01, 0x81 }, "last arc is cut off")]
    [InlineData(new byte[] { 0x06, 0x00 }, "empty OBJECT IDENTIFIER")]
    public void Oids_must_be_well_formed(byte[] der, string reason)
    {
        Assert.Contains(reason, Assert.Throws<CsrFormatException>(() => new DerReader(der).ReadOid("x")).Message);
    }

    [Fact]
    public void Constructed_strings_and_booleans_are_checked()
    {
        Assert.Contains("BER, not DER", Assert.Throws<CsrFormatException>(() =>
            DerReader.CheckWellFormed(new byte[] { 0x24, 0x03, 0x04, 0x01, 0x00 }, 0, 5, 32)).Message);
        Assert.Contains("not a DER BOOLEAN", Assert.Throws<CsrFormatException>(() => new DerReader(new byte[] { 0x01, 0x01, 0x01 }).ReadBoolean("x")).Message);
        Assert.True(new DerReader(new byte[] { 0x01, 0x01, 0xFF }).ReadBoolean("x"));
    }

    [Fact]
    public void Bit_strings_must_be_whole_bytes()
    {
        Assert.Contains("byte boundary", Assert.Throws<CsrFormatException>(() => new DerReader(new byte[] { 0x03, 0x02, 0x01, 0xFE }).ReadBitStringBytes("x")).Message);
        Assert.Equal(new byte[] { 0xAB }, new DerReader(new byte[] { 0x03, 0x02, 0x00, 0xAB }).ReadBitStringBytes("x").ToArray());
    }

    [Fact]
    public void Ecdsa_signature_becomes_fixed_size_r_and_s()
    {
        // r = 0x00FF (leading zero for sign), s = 0x01
        var der = new byte[] { 0x30, 0x07, 0x02, 0x02, 0x00, 0xFF, 0x02, 0x01, 0x01 };
        Assert.Equal(new byte[] { 0, 0, 0, 0xFF, 0, 0, 0, 1 }, CsrSignatureVerifier.ToP1363(der, 4));
        Assert.Null(CsrSignatureVerifier.ToP1363(der, 0));                                                 // does not fit
        Assert.Null(CsrSignatureVerifier.ToP1363(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x80 }, 4));         // negative, and no s
        Assert.Null(CsrSignatureVerifier.ToP1363(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00 }, 4)); // trailing byte
    }
}
