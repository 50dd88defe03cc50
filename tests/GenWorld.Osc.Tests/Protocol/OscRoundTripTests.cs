using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Protocol;

public class OscRoundTripTests
{
    public static TheoryData<string, OscArgument> EveryType => new()
    {
        { "int32", OscArgument.Int32(-123456789) },
        { "int32 max", OscArgument.Int32(int.MaxValue) },
        { "float32", OscArgument.Float32(440.5f) },
        { "float32 NaN", OscArgument.Float32(float.NaN) },
        { "float32 -inf", OscArgument.Float32(float.NegativeInfinity) },
        { "string", OscArgument.String("strings") },
        { "string empty", OscArgument.String("") },
        { "string utf-8", OscArgument.String("flûte à bec") },
        { "string len 3", OscArgument.String("abc") },
        { "string len 4", OscArgument.String("abcd") },
        { "symbol", OscArgument.Symbol("freq") },
        { "blob", OscArgument.Blob([1, 2, 3, 4, 5]) },
        { "blob empty", OscArgument.Blob([]) },
        { "blob len 4", OscArgument.Blob([9, 8, 7, 6]) },
        { "true", OscArgument.Bool(true) },
        { "false", OscArgument.Bool(false) },
        { "nil", OscArgument.Nil },
        { "impulse", OscArgument.Impulse },
        { "int64", OscArgument.Int64(long.MinValue + 7) },
        { "float64", OscArgument.Float64(Math.PI) },
        { "timetag", OscArgument.Time(new OscTimeTag(0x83AA7E80_80000000)) },
        { "char", OscArgument.Raw32('c', 'A') },
        { "rgba", OscArgument.Raw32('r', 0xFF8000C0) },
        { "midi", OscArgument.Raw32('m', 0x00903C64) },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public void EveryTypeSurvivesEncodeAndDecode(string name, OscArgument argument)
    {
        var message = new OscMessage("/test/" + name.Replace(' ', '_'), OscArgument.Int32(1), argument, OscArgument.String("end"));
        byte[] bytes = OscEncoder.Encode(message);

        Assert.Equal(0, bytes.Length % 4);
        Assert.True(OscDecoder.TryDecode(bytes, out OscPacket? packet, out OscDropReason reason), reason.ToString());
        var decoded = Assert.IsType<OscMessage>(packet);
        Assert.Equal(message.Address, decoded.Address);
        Assert.Equal(message.TypeTags, decoded.TypeTags);
        Assert.Equal(message.Arguments, decoded.Arguments);
    }

    [Theory]
    [InlineData("", 4)]          // NUL + 3 padding
    [InlineData("abc", 4)]       // exactly fills with its NUL
    [InlineData("abcd", 8)]      // NUL needs a whole new word
    [InlineData("abcdefg", 8)]
    public void StringsArePaddedToFourBytesWithAtLeastOneNul(string text, int expectedSize)
    {
        var message = new OscMessage("/s", OscArgument.String(text));
        byte[] bytes = OscEncoder.Encode(message);
        int argumentBytes = bytes.Length - 4 - 4;   // "/s\0\0" and ",s\0\0"
        Assert.Equal(expectedSize, argumentBytes);
        Assert.All(bytes[(8 + text.Length)..], b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 8)]
    [InlineData(4, 8)]
    [InlineData(5, 12)]
    public void BlobsAreSizePrefixedAndPadded(int length, int expectedSize)
    {
        byte[] bytes = OscEncoder.Encode(new OscMessage("/b", OscArgument.Blob(new byte[length])));
        Assert.Equal(expectedSize, bytes.Length - 8);
        Assert.Equal(length, bytes[11]);
    }

    [Fact]
    public void NestedBundlesKeepTimeTagsAndOrder()
    {
        var inner = new OscBundle(new OscTimeTag(0xE0000000_00000001), new OscMessage("/inner", OscArgument.Float32(2f)));
        var outer = new OscBundle(new OscTimeTag(0xE0000000_00000000),
            new OscMessage("/first", OscArgument.Int32(1)), inner, new OscMessage("/last"));

        byte[] bytes = OscEncoder.Encode(outer);
        Assert.True(OscDecoder.TryDecode(bytes, out OscPacket? packet, out _));
        var decoded = Assert.IsType<OscBundle>(packet);

        Assert.Equal(outer.TimeTag, decoded.TimeTag);
        Assert.Equal(["/first", "#bundle", "/last"], decoded.Elements.Select(e => e is OscMessage m ? m.Address : "#bundle"));
        var decodedInner = Assert.IsType<OscBundle>(decoded.Elements[1]);
        Assert.Equal(inner.TimeTag, decodedInner.TimeTag);
        Assert.Equal(2f, ((OscMessage)decodedInner.Elements[0]).Arguments[0].AsFloat32());
    }

    [Fact]
    public void EmptyBundleAndArgumentlessMessageDecode()
    {
        Assert.True(OscDecoder.TryDecode(OscEncoder.Encode(new OscBundle(OscTimeTag.Immediately)), out OscPacket? bundle, out _));
        Assert.Empty(Assert.IsType<OscBundle>(bundle).Elements);
        Assert.True(OscDecoder.TryDecode(OscEncoder.Encode(new OscMessage("/ping")), out OscPacket? message, out _));
        Assert.Empty(Assert.IsType<OscMessage>(message).Arguments);
    }

    [Fact]
    public void MessageWithoutTypeTagStringIsAcceptedAsArgumentless()
    {
        // OSC 1.0 asks receivers to be robust to old senders that omit the type tag string.
        Assert.True(OscDecoder.TryDecode("/old\0\0\0\0"u8, out OscPacket? packet, out _));
        Assert.Equal("/old", Assert.IsType<OscMessage>(packet).Address);
    }

    [Fact]
    public void StringsWithNulAndBadAddressesAreRefusedWhenBuilt()
    {
        Assert.Throws<ArgumentException>(() => OscArgument.String("a\0b"));
        Assert.Throws<ArgumentException>(() => new OscMessage("no/slash"));
        Assert.Throws<ArgumentException>(() => new OscMessage("/with space"));
        Assert.Throws<ArgumentException>(() => new OscMessage("/default", default(OscArgument)));
    }
}
