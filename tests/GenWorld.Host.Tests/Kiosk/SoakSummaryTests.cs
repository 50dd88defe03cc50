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
        // Least squares through (300, 200), (400, 201), (500, 204): slope 0.02 MB/s, from 199.83 at 300 s: +4 MB.
        Assert.Equal(100 * 4 / (201.6667 - (0.02 * 100)), summary.RssTrendGrowthPercent, 3);
        Assert.Equal((18, 20), summary.AlObjects);
        Assert.Equal((16, 17), summary.Threads);
        Assert.Equal(3, summary.Underruns);
    }

    [Fact]
    public void A_flat_hour_that_swings_reads_flat_by_its_trend_though_its_last_row_is_high()
    {
        // Warm at 100 s; RSS swings 255..263 with no drift and ends on a high row: endpoints say +2.8 %, the trend ~0.
        var lines = new List<string> { Header, "0,0,100,50,14,10,0,0,0", "100,0,256,70,16,20,0,0,64" };
        double[] swing = [259, 255, 262, 257, 263, 256, 258, 261, 255, 262, 257, 260, 256, 263];
        for (int i = 0; i < swing.Length; i++) lines.Add($"{200 + (i * 100)},0,{swing[i]},70,16,20,0,0,64");
        File.WriteAllLines(_file, lines);
        SoakSummary summary = SoakSummary.Of(SoakCsv.Read(_file), minWarmUpSeconds: 60);
        Assert.True(summary.RssGrowthPercent > 2.5, $"endpoints {summary.RssGrowthPercent:F2} %");
        Assert.InRange(summary.RssTrendGrowthPercent, -1.0, 1.0);
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
