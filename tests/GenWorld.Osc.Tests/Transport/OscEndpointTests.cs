using System.Net;
using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Tests.Transport;

public class OscEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:9000", "127.0.0.1", 9000)]
    [InlineData("localhost:6448", "127.0.0.1", 6448)]
    [InlineData("[::1]:9000", "::1", 9000)]
    public void ParsesHostPort(string text, string address, int port) =>
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), OscEndpoint.Parse(text));

    [Theory]
    [InlineData("9000")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-5")]
    [InlineData("no-such-host.invalid:9000")]
    public void RefusesWhatIsNotHostPort(string text)
    {
        var e = Assert.Throws<FormatException>(() => OscEndpoint.Parse(text));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }
}
