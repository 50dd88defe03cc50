using GenWorld.Osc.Transport;

namespace GenWorld.Osc.Tests.Transport;

public class OscRateLimiterTests
{
    [Fact]
    public void A144FpsLoopSendsAt30Hz()
    {
        var limiter = new OscRateLimiter(30);
        int sent = 0;
        for (int frame = 0; frame < 144 * 10; frame++)
            if (limiter.TryAcquire(frame / 144.0)) sent++;
        Assert.InRange(sent, 299, 301);
    }

    [Fact]
    public void AfterAStallItDoesNotBurst()
    {
        var limiter = new OscRateLimiter(60);
        Assert.True(limiter.TryAcquire(0));
        Assert.True(limiter.TryAcquire(5));          // a 5 s stall
        Assert.False(limiter.TryAcquire(5.001));     // no catch-up burst
        Assert.True(limiter.TryAcquire(5 + 1 / 60.0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(61)]
    [InlineData(double.NaN)]
    public void RatesAboveSixtyHertzOrNotPositiveAreRefused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OscRateLimiter(rate));
}
