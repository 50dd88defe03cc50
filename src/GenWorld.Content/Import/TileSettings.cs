namespace GenWorld.Content.Import;

/// <summary>How a folder of images is cut into tiles (`dataset import` of images). Validate with <see cref="Validate"/>.</summary>
public sealed record TileSettings
{
    /// <summary>Tile sides in pixels; the built textures dataset has 64 and 128.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [64, 128];

    /// <summary>Seeded random crops per image and tile size, spread over the scales that fit (1:1, 2:1, 4:1).</summary>
    public int CropsPerImage { get; init; } = 8;

    /// <summary>Largest image decoded, in pixels (width × height, read from the header first): 50 MP is 200 MB as RGBA.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Largest image file read (the file is read whole before decoding).</summary>
    public long MaxFileBytes { get; init; } = 256L << 20;

    /// <summary>Source pixels per tile pixel of the crops: like the photos of the built textures dataset, downscales by exact area averaging.</summary>
    public static IReadOnlyList<double> Factors { get; } = [1, 2, 4];

    /// <summary>Parses the value of <c>--tiles</c> (e.g. "64,128"); throws <see cref="ArgumentException"/> naming the option.</summary>
    public static IReadOnlyList<int> ParseSizes(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sizes = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
                throw new ArgumentException($"--tiles: '{part}' in '{value}' is not a whole number of pixels (e.g. 64,128)", nameof(value));
            sizes.Add(size);
        }
        return sizes;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (Sizes.Count == 0) throw new ArgumentException("--tiles: give at least one tile size (e.g. 64,128)", nameof(Sizes));
        foreach (var size in Sizes)
            if (size is < 16 or > 1024 || size % 16 != 0)
                throw new ArgumentException($"--tiles: {size} must be a multiple of 16 between 16 and 1024 (the texture GAN works in 16-pixel cells)", nameof(Sizes));
        if (Sizes.Distinct().Count() != Sizes.Count) throw new ArgumentException($"--tiles: {string.Join(',', Sizes)} names a size twice", nameof(Sizes));
        if (CropsPerImage is < 1 or > 1024) throw new ArgumentException($"--crops-per-image: {CropsPerImage} is outside 1..1024", nameof(CropsPerImage));
        if (MaxPixels < 1 || MaxFileBytes < 1) throw new ArgumentException("MaxPixels and MaxFileBytes must be positive", nameof(MaxPixels));
    }
}
