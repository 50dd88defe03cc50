using System.Globalization;
using GenWorld.Content.Datasets;

namespace GenWorld.Content.Tests.Datasets;

public sealed class DatasetCardBandwidthTests
{
    [Fact]
    public void Sources_below_full_band_are_counted_and_only_marked_ones_are_left_out()
    {
        // Sound effects: a few file rates, band-limited ones marked. Notes: a rate per transposition, kept (no band label).
        var items = new List<DatasetItem>();
        foreach (int rate in new[] { 22050, 44100, 44100, 48000 })
            items.Add(Item("sfx-pkg", new Dictionary<string, string>
            {
                [BandwidthLabels.SourceRate] = rate.ToString(CultureInfo.InvariantCulture), [BandwidthLabels.Rolloff] = "3000",
                [BandwidthLabels.Band] = rate >= BandwidthLabels.FullBandSourceRate ? BandwidthLabels.Full : BandwidthLabels.Limited,
            }));
        for (int i = 0; i < 20; i++)
            items.Add(Item("font-pkg", new Dictionary<string, string>
            {
                [BandwidthLabels.SourceRate] = (20000 + (i * 2000)).ToString(CultureInfo.InvariantCulture), [BandwidthLabels.Rolloff] = "1500",
            }));
        var info = new DatasetInfo
        {
            Kind = "test", Version = "0123456789abcdef", ItemCount = items.Count, PrimaryLabel = "family",
            Counts = new SortedDictionary<string, int>(StringComparer.Ordinal), Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal),
            CreatedUtc = DateTimeOffset.UnixEpoch, Sources = [], Report = new BuildReportData(items.Count, new SortedDictionary<string, int>(StringComparer.Ordinal), [], 1),
        };
        string card = DatasetCard.Render(info, items, "made for a test", "");
        Assert.Contains("| sfx-pkg | 4 | 22050, 44100, 48000 | 3000 | 1 | 1 |", card);
        // 20000..58000 Hz: thirteen below 44.1 kHz (up to 44000), none left out; the 20 rates read as a range.
        Assert.Contains("| font-pkg | 20 | 20000–58000 (20 distinct) | 1500 | 13 | 0 |", card);
    }

    private static DatasetItem Item(string package, Dictionary<string, string> labels) =>
        new($"{package}-{Guid.NewGuid():N}", "clips/x.wav", "test", labels, "family", package, "MIT", "x");
}
