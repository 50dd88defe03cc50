using System.Diagnostics;
using GenWorld.Osc.Dispatch;

namespace GenWorld.Osc.Tests.Dispatch;

public class OscAddressPatternTests
{
    [Theory]
    // literal
    [InlineData("/genworld/gain", "/genworld/gain", true)]
    [InlineData("/genworld/gain", "/genworld/gains", false)]
    [InlineData("/genworld/gain", "/genworld", false)]
    // ?
    [InlineData("/genworld/ga?n", "/genworld/gain", true)]
    [InlineData("/genworld/gain?", "/genworld/gain", false)]
    [InlineData("/genworld?gain", "/genworld/gain", false)]            // never matches '/'
    // *
    [InlineData("/genworld/*", "/genworld/gain", true)]
    [InlineData("/genworld/*", "/genworld/camera/pose", false)]       // stays within one part
    [InlineData("/genworld/*/pose", "/genworld/camera/pose", true)]
    [InlineData("/genworld/*/*", "/genworld/camera/pose", true)]
    [InlineData("/*/*/*", "/genworld/camera/pose", true)]
    [InlineData("/genworld/cam*", "/genworld/camera", true)]
    [InlineData("/genworld/*era", "/genworld/camera", true)]
    [InlineData("/genworld/c*m*a", "/genworld/camera", true)]
    [InlineData("/genworld/c**a", "/genworld/camera", true)]
    [InlineData("/genworld/*x", "/genworld/camera", false)]
    [InlineData("/genworld/*", "/genworld/", true)]                    // * may be empty
    // [ ]
    [InlineData("/osc/[abc]", "/osc/b", true)]
    [InlineData("/osc/[abc]", "/osc/d", false)]
    [InlineData("/osc/[a-c]", "/osc/b", true)]
    [InlineData("/osc/[a-c]", "/osc/d", false)]
    [InlineData("/osc/[!a-c]", "/osc/d", true)]
    [InlineData("/osc/[!a-c]", "/osc/a", false)]
    [InlineData("/osc/[0-9][0-9]", "/osc/42", true)]
    [InlineData("/osc/[a-]", "/osc/-", true)]                           // '-' last is literal
    [InlineData("/osc/[-a]", "/osc/-", true)]                           // '-' first is literal
    [InlineData("/osc/[!]", "/osc/x", true)]                            // negated empty class
    [InlineData("/osc/[/]", "/osc//", false)]                            // classes never match '/'
    [InlineData("/osc/[abc", "/osc/a", false)]                          // unclosed: matches nothing
    // { }
    [InlineData("/genworld/camera/{pose,velocity}", "/genworld/camera/pose", true)]
    [InlineData("/genworld/camera/{pose,velocity}", "/genworld/camera/velocity", true)]
    [InlineData("/genworld/camera/{pose,velocity}", "/genworld/camera/poses", false)]
    [InlineData("/genworld/{camera,emitter}/*", "/genworld/emitter/trigger", true)]
    [InlineData("/genworld/{ca,cam}era", "/genworld/camera", true)]      // the second option must be tried too
    [InlineData("/genworld/{,camera}", "/genworld/camera", true)]
    [InlineData("/genworld/{pose", "/genworld/pose", false)]            // unclosed: matches nothing
    // mixed
    [InlineData("/*/[c]amer?/{po,ve}*", "/genworld/camera/pose", true)]
    [InlineData("/*/[c]amer?/{po,ve}*", "/genworld/camera/velocity", true)]
    [InlineData("/*/[!c]amer?/{po,ve}*", "/genworld/camera/velocity", false)]
    public void MatchesLikeTheSpecification(string pattern, string address, bool expected) =>
        Assert.Equal(expected, OscAddressPattern.IsMatch(pattern, address));

    [Fact]
    public void HostileStarPatternsStayFast()
    {
        // Without memoisation this is exponential in the number of stars.
        string pattern = "/" + string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        string address = "/" + new string('a', 300);
        var clock = Stopwatch.StartNew();
        Assert.False(OscAddressPattern.IsMatch(pattern, address));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void OverlongPatternsMatchNothing() =>
        Assert.False(OscAddressPattern.IsMatch("/*" + new string('?', OscAddressPattern.MaxPatternLength), "/a"));
}
