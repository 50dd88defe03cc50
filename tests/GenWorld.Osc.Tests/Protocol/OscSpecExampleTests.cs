using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Protocol;

/// <summary>The two byte-exact examples of the OSC 1.0 specification ("OSC Message examples").</summary>
public class OscSpecExampleTests
{
    private static readonly byte[] OscillatorFrequency = Convert.FromHexString(
        "2f6f7363" + "696c6c61" + "746f722f" + "342f6672" + "65717565" + "6e637900" + "2c660000" + "43dc0000");

    private static readonly byte[] FooFiveArguments = Convert.FromHexString(
        "2f666f6f" + "00000000" + "2c696973" + "66660000" + "000003e8" + "ffffffff" + "68656c6c" + "6f000000" + "3f9df3b6" + "40b5b22d");

    [Fact]
    public void OscillatorFrequencyEncodesByteForByte()
    {
        var message = new OscMessage("/oscillator/4/frequency", OscArgument.Float32(440f));
        Assert.Equal(OscillatorFrequency, OscEncoder.Encode(message));
    }

    [Fact]
    public void FooWithFiveArgumentsEncodesByteForByte()
    {
        var message = new OscMessage("/foo", OscArgument.Int32(1000), OscArgument.Int32(-1), OscArgument.String("hello"),
            OscArgument.Float32(1.234f), OscArgument.Float32(5.678f));
        Assert.Equal(FooFiveArguments, OscEncoder.Encode(message));
    }

    [Fact]
    public void SpecExamplesDecodeToTheirValues()
    {
        Assert.True(OscDecoder.TryDecode(FooFiveArguments, out OscPacket? packet, out _));
        var foo = Assert.IsType<OscMessage>(packet);
        Assert.Equal("iisff", foo.TypeTags);
        Assert.Equal(1000, foo.Arguments[0].AsInt32());
        Assert.Equal(-1, foo.Arguments[1].AsInt32());
        Assert.Equal("hello", foo.Arguments[2].AsString());
        Assert.Equal(1.234f, foo.Arguments[3].AsFloat32());
        Assert.Equal(5.678f, foo.Arguments[4].AsFloat32());

        Assert.True(OscDecoder.TryDecode(OscillatorFrequency, out packet, out _));
        Assert.Equal(440f, Assert.IsType<OscMessage>(packet).Arguments[0].AsFloat32());
    }
}
