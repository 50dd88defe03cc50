using SkiaSharp;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Real texture tiles for training: every PNG under a folder (recursively), decoded to RGB. Batches are in [-1, 1],
/// random crops of <c>tileSize</c> with random flips, drawn from the caller's generator so runs resume exactly.
/// </summary>
public sealed class TileFolder : IDisposable
{
    private readonly List<Tensor> _images;

    private TileFolder(string root, List<Tensor> images, IReadOnlyList<string> files)
    {
        Root = root;
        _images = images;
        Files = files;
    }

    /// <summary>The folder (or dataset) read.</summary>
    public string Root { get; }

    /// <summary>The PNG files, in sorted order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Number of images.</summary>
    public int Count => _images.Count;

    /// <summary>Image <paramref name="index"/> as bytes [3, H, W] (owned by the folder).</summary>
    public Tensor this[int index] => _images[index];

    /// <summary>Loads every PNG under <paramref name="root"/>; each must be at least <paramref name="tileSize"/> square.</summary>
    public static TileFolder Load(string root, int tileSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"--dataset: folder '{root}' does not exist.");
        string[] files = [.. Directory.EnumerateFiles(root, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        if (files.Length == 0) throw new InvalidDataException($"--dataset: '{root}' holds no .png tiles.");
        return LoadFiles(root, files, tileSize);
    }

    /// <summary>Loads the given PNG files (e.g. the items of a built texture dataset); <paramref name="description"/> names the source in errors.</summary>
    public static TileFolder LoadFiles(string description, IReadOnlyList<string> files, int tileSize)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 1);
        if (files.Count == 0) throw new InvalidDataException($"--dataset: '{description}' holds no tiles.");
        var images = new List<Tensor>(files.Count);
        try
        {
            foreach (string file in files)
                images.Add(Decode(file, tileSize));
        }
        catch
        {
            foreach (Tensor t in images) t.Dispose();
            throw;
        }
        return new TileFolder(description, images, files);
    }

    /// <summary>A batch [n, 3, tileSize, tileSize] of random crops with random horizontal and vertical flips.</summary>
    public Tensor Batch(int n, int tileSize, Runs.RunRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        using var scope = NewDisposeScope();
        var crops = new Tensor[n];
        for (int i = 0; i < n; i++)
        {
            Tensor image = _images[random.Next(_images.Count)];
            int y = random.Next((int)image.shape[1] - tileSize + 1);
            int x = random.Next((int)image.shape[2] - tileSize + 1);
            Tensor crop = image.narrow(1, y, tileSize).narrow(2, x, tileSize);
            if (random.Next(2) == 1) crop = crop.flip(2);
            if (random.Next(2) == 1) crop = crop.flip(1);
            crops[i] = crop;
        }
        return (stack(crops).to_type(ScalarType.Float32) / 127.5f - 1f).MoveToOuterDisposeScope();
    }

    private static Tensor Decode(string file, int tileSize)
    {
        using SKBitmap? decoded = SKBitmap.Decode(file);
        if (decoded is null) throw new InvalidDataException($"--dataset: '{file}' is not a readable PNG.");
        if (decoded.Width < tileSize || decoded.Height < tileSize)
            throw new InvalidDataException($"--dataset: '{file}' is {decoded.Width}×{decoded.Height}, smaller than the {tileSize}×{tileSize} tile size.");
        using SKBitmap rgba = decoded.Copy(SKColorType.Rgba8888) ?? throw new InvalidDataException($"--dataset: '{file}' cannot be converted to RGBA.");
        ReadOnlySpan<byte> pixels = rgba.GetPixelSpan();
        int w = rgba.Width, h = rgba.Height, stride = rgba.RowBytes;
        // Kept as bytes (a quarter of float32): the full textures dataset is thousands of 128×128 tiles.
        byte[] planar = new byte[3 * h * w];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int src = y * stride + 4 * x;
                for (int c = 0; c < 3; c++)
                    planar[(c * h + y) * w + x] = pixels[src + c];
            }
        }
        return tensor(planar, [3, h, w]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor t in _images) t.Dispose();
        _images.Clear();
    }
}
