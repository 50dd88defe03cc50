using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Content.Imaging;

namespace GenWorld.Content.Textures;

/// <summary>Square material tiles (64×64 and 128×128 PNG) cropped from three Debian texture packages, one work unit per source image.</summary>
public sealed class TexturesSource : IDatasetSource
{
    /// <summary>Seed of every crop plan (combined with a stable hash of the unit id).</summary>
    public const int Seed = 20260;

    /// <inheritdoc />
    public string Kind => TileItems.Kind;

    /// <inheritdoc />
    public string PrimaryLabel => TileItems.Group;

    /// <inheritdoc />
    public IReadOnlyList<PackageRequirement> Packages { get; } =
        [.. TextureCatalog.Packages.Select(p => new PackageRequirement(p.Package, false))];

    /// <summary>Tile sides for a size.</summary>
    public static IReadOnlyList<int> TileSizes(DatasetSize size) => size == DatasetSize.Fixture ? [64] : [64, 128];

    private static int CropsPerScale(DatasetSize size) => size == DatasetSize.Full ? 3 : 1;

    /// <summary>Source pixels per tile pixel: downscales for photos, nearest upscales for 16×16 pixel art, 1:1 and 2:1 for patterns.</summary>
    public static IReadOnlyList<double> Factors(TextureFile file, DatasetSize size)
    {
        ArgumentNullException.ThrowIfNull(file);
        IReadOnlyList<double> all = file.PixelArt ? [0.25, 0.125] : file.Tileable ? [1, 2] : [1, 2, 4];
        return size == DatasetSize.Fixture ? [all[^1]] : all;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Dictionary<string, string>
        {
            ["size"] = options.Size.ToString().ToLowerInvariant(),
            ["tiles"] = string.Join(',', TileSizes(options.Size)),
            ["cropsPerScale"] = CropsPerScale(options.Size).ToString(CultureInfo.InvariantCulture),
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <inheritdoc />
    public string Describe(DatasetBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        "Images (JPEG/TGA from the OpenArena pak4-textures.pk3, Minetest PNGs, GIMP .pat patterns) decoded in C# (StbImageSharp, own .pat " +
        "reader) to RGBA. Non-material images are dropped by name (lights, skies, effects, decals, UI, animation frames); images with " +
        $"more than {TileFilter.MaxTransparentFraction:P0} transparent pixels or a luminance standard deviation under {TileFilter.MinSourceStdDev} " +
        $"are skipped. Each image gives {CropsPerScale(options.Size)} seeded random square crop(s) per scale and tile size " +
        $"({string.Join(", ", TileSizes(options.Size))} px): photos at 1:1, 2:1 and 4:1 (exact area-averaged downscale), 16×16 Minetest " +
        "pixel art (ore overlays composited onto default_stone as the game draws them) upscaled ×4/×8 with nearest neighbour and cropped with wrap-around (the textures repeat), GIMP patterns at 1:1 and 2:1 " +
        $"with wrap-around. Crops with luminance standard deviation under {TileFilter.MinTileStdDev} and near-duplicates of a tile from " +
        "the same image (64-bit block-mean signature) are dropped. Material groups come from folder and file names." +
        (options.Size == DatasetSize.Fixture ? " Fixture size: a few images per group, one 64 px crop each at the coarsest scale only." : "");
    }

    /// <inheritdoc />
    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(packages);
        foreach (var (name, fallback) in TextureCatalog.Packages)
        {
            if (!packages.TryGetValue(name, out var package)) continue;
            var copyright = new CopyrightFile(package.CopyrightText);
            foreach (var file in Select([.. TextureCatalog.Files(package)], options.Size))
            {
                // gimp-data's copyright file has one catch-all paragraph that lists every licence in the package
                // (plug-ins, scripts, data); GIMP's own pattern files are GPL-3+, which the catalog records.
                var licence = name == "gimp-data" ? fallback : copyright.LicenceOf(file.SourcePath.Split('!')[^1], fallback);
                var id = UnitIds.FromSource(file.Package, file.SourcePath);
                yield return new DatasetWorkUnit(id, (output, _) => Convert(output, file, id, licence, options.Size), file.PixelArt ? 0.3 : 1);
            }
        }
    }

    /// <summary>The images a size uses: all (full), every 6th (small), four spread-out images per group and package (fixture).</summary>
    private static IEnumerable<TextureFile> Select(List<TextureFile> files, DatasetSize size) => size switch
    {
        DatasetSize.Full => files,
        DatasetSize.Small => files.Where((_, i) => i % 6 == 0),
        _ => files.GroupBy(f => f.Group).SelectMany(g => g.Where((_, i) => i % 5 == 2).Take(4)),
    };

    /// <summary>Decodes one source image and writes its tiles into <paramref name="output"/>; bad input is counted by reason, never thrown.</summary>
    public static void Convert(UnitOutput output, TextureFile file, string id, string licence, DatasetSize size)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(file);
        RgbaImage image;
        try { image = ImageDecoder.Decode(file.Read(), file.Extension, file.SourcePath); }
        catch (ImageDecodeException e)
        {
            output.Skip(e.Reason);
            return;
        }
        if (file.PixelArt && (image.Width != 16 || image.Height != 16))
        {
            output.Skip("not 16x16 pixel art");
            return;
        }
        if (TileFilter.RejectSource(image) is { } reason)
        {
            output.Skip(reason);
            return;
        }
        var filter = new TileFilter();
        var source = new TileSource(id, new Dictionary<string, string> { [TileItems.Group] = file.Group }, file.Package, licence, file.SourcePath);
        foreach (var tileSize in TileSizes(size))
        {
            var crops = TileCropper.Plan(image.Width, image.Height, tileSize, Factors(file, size), CropsPerScale(size), file.Tileable, StableSeed(id, tileSize));
            if (crops.Count == 0) output.Skip($"smaller than {tileSize}px tile");
            TileItems.Add(output, image, tileSize, crops, filter, source);
        }
    }

    /// <summary>A seed that is the same in every run (string.GetHashCode is randomised per process).</summary>
    public static int StableSeed(string id, int salt)
    {
        ArgumentNullException.ThrowIfNull(id);
        // FNV-1a wraps around by design; unchecked keeps Debug builds with overflow checks from throwing.
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in id) hash = (hash ^ c) * 16777619u;
            return (int)(hash ^ (uint)(salt * 7919) ^ Seed) & int.MaxValue;
        }
    }
}
