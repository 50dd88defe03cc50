using System.Text.Json;
using GenWorld.Cli.Commands;
using GenWorld.Cli.Tests.ErrorPath;
using GenWorld.Content.Datasets;
using SkiaSharp;

namespace GenWorld.Tools.Tests;

/// <summary>
/// "Your own images" end to end through the real entry point, on a folder drawn here with SkiaSharp (noise and stripes):
/// dataset import → a textures dataset → dataset info → train texture-gan for two steps (the trainer's tile loader reads
/// it) → evaluate texture against it. A mixed folder imports the larger kind, or the one --kind names.
/// </summary>
[Collection("Native")]
public sealed class OwnImagesTests : IDisposable
{
    private static readonly string[] TinyGan =
        ["--tile-size", "64", "--latent", "4", "--global", "2", "--g-channels", "16", "--d-channels", "4", "--batch", "2", "--nice", "0"];

    private readonly string _dir = Directory.CreateTempSubdirectory("genworld-own-images-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_imported_image_folder_is_a_textures_dataset_the_texture_gan_trains_on()
    {
        string library = MakeLibrary(), data = Path.Combine(_dir, "data");
        var import = Run("dataset", "import", library, "--name", "walls", "--licence", "CC0-1.0", "--data-root", data, "--crops-per-image", "4");
        Assert.True(import.Code == 0, import.Output + import.Errors);
        Assert.Contains("tiles", import.Output);
        Assert.Contains("skipped: notes.png", import.Output); // a bad file is one line, never an abort
        string datasetDir = Path.Combine(data, "imported", "walls");
        var dataset = Dataset.Open(datasetDir);
        Assert.Equal("textures", dataset.Info.Kind);
        Assert.Equal(["noise", "stripes"], dataset.Info.Counts.Keys);
        Assert.Equal(0, Run("dataset", "info", datasetDir).Code);

        string run = Path.Combine(_dir, "run");
        var train = Run(["train", "texture-gan", "--dataset", datasetDir, "--steps", "2", "--out", run, .. TinyGan]);
        Assert.True(train.Code == 0, train.Output + train.Errors);
        using (JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report.json"))))
            Assert.Equal("texture-gan", report.RootElement.GetProperty("kind").GetString());
        Assert.True(File.Exists(Path.Combine(run, "contact-sheet.png")));

        string figures = Path.Combine(_dir, "evaluation.json");
        var evaluate = Run("evaluate", "texture", "--model", Path.Combine(RepoPath.Models, "textures-gan"), "--dataset", datasetDir, "--count", "100", "--out", figures);
        Assert.True(evaluate.Code == 0, evaluate.Output + evaluate.Errors);
        using JsonDocument result = JsonDocument.Parse(File.ReadAllText(figures));
        Assert.True(result.RootElement.GetProperty("detailReal").GetDouble() > 0.02);
    }

    [Fact]
    public void A_mixed_folder_imports_the_larger_kind_and_kind_chooses_the_other()
    {
        string library = MakeLibrary(), data = Path.Combine(_dir, "data");
        File.Copy(Path.Combine(RepoPath.Root, "content", "fixtures", "notes", "clips", "fluidr3-p000-m048-v050.wav"), Path.Combine(library, "beep.wav"));
        var images = Run("dataset", "import", library, "--name", "mixed", "--data-root", data);
        Assert.True(images.Code == 0, images.Output + images.Errors);
        Assert.Contains("1 audio file left out (--kind sounds imports it)", images.Output);
        var sounds = Run("dataset", "import", library, "--name", "mixed-sounds", "--kind", "sounds", "--data-root", data);
        Assert.True(sounds.Code == 0, sounds.Output + sounds.Errors);
        Assert.Equal("sfx", Dataset.Open(Path.Combine(data, "imported", "mixed-sounds")).Info.Kind);
    }

    /// <summary>Three noise and three stripe images (PNG and JPEG), 160-256 px, and a text file named .png.</summary>
    private string MakeLibrary()
    {
        string library = Path.Combine(_dir, "library");
        Directory.CreateDirectory(Path.Combine(library, "noise"));
        Directory.CreateDirectory(Path.Combine(library, "stripes"));
        for (int i = 0; i < 3; i++)
        {
            var random = new Random(i);
            using (var noise = new SKBitmap(160 + 48 * i, 192, SKColorType.Rgba8888, SKAlphaType.Opaque))
            {
                for (int y = 0; y < noise.Height; y++)
                    for (int x = 0; x < noise.Width; x++)
                        noise.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(128), (byte)(64 + random.Next(64))));
                Save(noise, Path.Combine(library, "noise", $"n{i}.{(i == 2 ? "jpg" : "png")}"));
            }
            using var stripes = new SKBitmap(256, 160 + 32 * i, SKColorType.Rgba8888, SKAlphaType.Opaque);
            using (var canvas = new SKCanvas(stripes))
            using (var paint = new SKPaint { Color = new SKColor(230, 220, 200), StrokeWidth = 3 + 2 * i, IsAntialias = true })
            {
                canvas.Clear(new SKColor(60, 40, 30));
                for (int x = -256; x < 512; x += 9 + 4 * i) canvas.DrawLine(x, 0, x + 128 * i, stripes.Height, paint);
            }
            Save(stripes, Path.Combine(library, "stripes", $"s{i}.{(i == 1 ? "jpg" : "png")}"));
        }
        File.WriteAllText(Path.Combine(library, "notes.png"), "not an image");
        return library;
    }

    private static void Save(SKBitmap bitmap, string path)
    {
        using SKData data = bitmap.Encode(path.EndsWith(".jpg", StringComparison.Ordinal) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 90);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static InProcessRun.Result Run(params string[] args) => InProcessRun.Run(typeof(TrainCommand).Assembly, args);
}
