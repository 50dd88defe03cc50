using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Tests.Protocol;

public class OscTimeTagTests
{
    [Fact]
    public void UnixEpochIsTheNtpOffset()
    {
        var tag = OscTimeTag.FromDateTime(DateTime.UnixEpoch);
        Assert.Equal(2208988800u, tag.Seconds);
        Assert.Equal(0u, tag.Fraction);
    }

    [Fact]
    public void HalfSecondIsHalfTheFraction()
    {
        var tag = OscTimeTag.FromDateTime(new DateTime(2026, 12, 6, 1, 0, 0, 500, DateTimeKind.Utc));
        Assert.Equal(0x80000000u, tag.Fraction);
        Assert.Equal(new DateTime(2026, 12, 6, 1, 0, 0, 500, DateTimeKind.Utc), tag.ToDateTime());
    }

    [Fact]
    public void ImmediatelyIsOneAndSortsFirst()
    {
        Assert.Equal(1ul, OscTimeTag.Immediately.Value);
        Assert.True(OscTimeTag.Immediately.IsImmediate);
        Assert.True(OscTimeTag.Immediately < OscTimeTag.Now);
        Assert.Equal("immediately", OscTimeTag.Immediately.ToString());
    }

    [Fact]
    public void TimeTagsOnTheWireAreBigEndianSecondsThenFraction()
    {
        var bundle = new OscBundle(new OscTimeTag(0x01020304_05060708));
        byte[] bytes = OscEncoder.Encode(bundle);
        Assert.Equal("#bundle\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, bytes[8..16]);
    }

    [Fact]
    public void DatesOutsideTheFirstNtpEraAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromDateTime(new DateTime(2040, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
}
