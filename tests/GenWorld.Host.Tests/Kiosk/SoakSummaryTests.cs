using GenWorld.Host.Kiosk;

namespace GenWorld.Host.Tests.Kiosk;

/// <summary>The soak summary's warm-up waits for the bounded sound cache to fill; growth is measured from there.</summary>
public sealed class SoakSummaryTests : IDisposable
{
    private const string Header = "seconds,restarts,rss_mb,managed_mb,threads,al_objects,underruns_late_mix,underruns_voice_stopped,sound_cache_mb";
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void Warm_up_ends_when_the_cache_is_nearly_full_even_after_the_least_warm_up()
    {
        // The cache fills until 300 s (RSS rises with it), then RSS grows 2 % more by the end.
        File.WriteAllLines(_file, [Header, "0,0,100,50,14,10,0,0,0", "100,0,150,60,15,12,1,0,30", "200,0,180,60,15,20,1,0,50",
            "300,0,200,70,16,20,1,0,63", "400,0,201,70,17,18,1,1,64", "500,0,204,70,16,20,2,1,64"]);
        SoakSummary summary = SoakSummary.Of(SoakCsv.Read(_file), minWarmUpSeconds: 60);
        Assert.Equal(300, summary.WarmedUpAt);
        Assert.Equal(2.0, summary.RssGrowthPercent, 6);
        Assert.Equal(100 * (204 - 201) / 201.0, summary.RssSecondHalfGrowthPercent, 6);
        Assert.Equal((18, 20), summary.AlObjects);
        Assert.Equal((16, 17), summary.Threads);
        Assert.Equal(3, summary.Underruns);
    }

    [Fact]
    public void A_soak_that_ends_before_it_warmed_up_says_so()
    {
        File.WriteAllLines(_file, [Header, "0,0,100,50,14,10,0,0,0", "10,0,150,60,15,12,0,0,30"]);
        var e = Assert.Throws<InvalidDataException>(() => SoakSummary.Of(SoakCsv.Read(_file), minWarmUpSeconds: 60));
        Assert.Contains("ended before it warmed up", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_named_with_its_line()
    {
        File.WriteAllLines(_file, [Header, "0,0,100,50,14,10,0,0,0", "10,0,lots,60,15,12,0,0,30"]);
        var e = Assert.Throws<InvalidDataException>(() => SoakCsv.Read(_file));
        Assert.Contains("line 3: rss_mb 'lots' is not a number", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
