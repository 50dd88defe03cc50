using GenWorld.Content.Audio;
using GenWorld.Content.Datasets;
using SkiaSharp;

namespace GenWorld.Content.Tests.Audio;

/// <summary>The one spectrogram sheet: a dataset's clips and a model's planes, drawn the same way.</summary>
public sealed class SpectrogramSheetTests
{
    [Fact]
    public void Model_planes_become_a_grid_of_half_height_tiles_hot_where_loud()
    {
        string png = Path.Combine(TestPaths.NewTempDir(), "planes.png");
        float[] quiet = [.. Enumerable.Repeat(-1f, 8 * 16)], loud = [.. Enumerable.Repeat(1f, 8 * 16)];
        SpectrogramSheet.Save([quiet, loud, quiet], frames: 8, bins: 16, columns: 2, png);

        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.Equal(((2 * 8) + 2, (2 * 8) + 2), (bitmap.Width, bitmap.Height)); // 2 columns × 2 rows of 8×8 tiles, 2-px gaps
        Assert.Equal(SKColors.Black, bitmap.GetPixel(0, 0));
        Assert.Equal(SKColors.White, bitmap.GetPixel(10, 0)); // loud is the top of the heat map
    }

    [Fact]
    public void A_dataset_sheet_draws_clips_of_every_label()
    {
        string png = Path.Combine(TestPaths.NewTempDir(), "sheet.png");
        int drawn = SpectrogramSheet.Write(Dataset.Open(TestPaths.Fixture("notes")), png, perLabel: 2);
        Assert.True(drawn >= 2, $"{drawn} clips drawn");
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.Equal(2 * 128, bitmap.Width);
    }
}
