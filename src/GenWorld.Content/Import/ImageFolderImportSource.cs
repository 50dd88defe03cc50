using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using GenWorld.Content.Datasets;
using GenWorld.Content.Debian;
using GenWorld.Content.Imaging;
using GenWorld.Content.Textures;

namespace GenWorld.Content.Import;

/// <summary>
/// A folder of the user's own images as a textures dataset source: one work unit per image (PNG, JPEG, WebP, BMP, GIF, TGA, GIMP .pat),
/// whose size is read from its header and checked before it is decoded, then cut into seeded random square tiles with
/// the built textures dataset's own cropper, filter and item layout (<see cref="TileItems"/>), labelled by subfolder.
/// The builder gives it staging, resuming, the manifest, card and checksum; a file that cannot be used is a report line.
/// </summary>
public sealed class ImageFolderImportSource(ImportSettings settings, ImportLog log) : IDatasetSource
{
    // The folder's files of this kind; the others are report lines and card skips.
    private readonly ImportFolderWalk _walk = new(log);

    // SHA-256 of each image read, by relative path: two files with the same bytes give the same tiles, so the later is dropped.
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Kind => TileItems.Kind;

    /// <inheritdoc />
    public string PrimaryLabel => TileItems.Group;

    /// <summary>The import folder stands in for a package (see <see cref="ImportedFolderPackages"/>).</summary>
    public IReadOnlyList<PackageRequirement> Packages { get; } = [new PackageRequirement(settings.Name, true)];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters(DatasetBuildOptions options) => new Dictionary<string, string>
    {
        ["source"] = Path.GetFullPath(settings.SourceDirectory),
        ["name"] = settings.Name,
        ["licence"] = settings.Licence,
        ["tiles"] = string.Join(',', settings.Tiles.Sizes),
        ["cropsPerImage"] = settings.Tiles.CropsPerImage.ToString(CultureInfo.InvariantCulture),
        ["seed"] = TexturesSource.Seed.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public string Describe(DatasetBuildOptions options) =>
        $"Imported from the folder {Path.GetFullPath(settings.SourceDirectory)} with `dataset import` (the originals are read, never changed). " +
        $"Every image ({string.Join(", ", ImageDecoder.Extensions.Order(StringComparer.Ordinal))}) had its size read from its header " +
        $"first (images over {settings.Tiles.MaxPixels / 1e6:0.#} megapixels are refused undecoded), was decoded to RGBA (StbImageSharp; WebP, BMP and GIF by SkiaSharp) and " +
        $"cut into {settings.Tiles.CropsPerImage} seeded random square crops per tile size ({string.Join(", ", settings.Tiles.Sizes)} px), " +
        $"spread over the scales 1:1, 2:1 and 4:1 (exact area-averaged downscale) that fit inside the image, as the built textures " +
        $"dataset cuts photos. Images with more than {TileFilter.MaxTransparentFraction:P0} transparent pixels or a luminance standard " +
        $"deviation under {TileFilter.MinSourceStdDev} are skipped; crops under {TileFilter.MinTileStdDev}, near-duplicate crops of one " +
        "image (64-bit block-mean signature) and every tile of an image whose bytes repeat an earlier file are dropped. Labels: `group` " +
        "is the first subfolder, `folder` the whole subfolder path, and labels.csv rows add or override labels. Every file's fate is " +
        "in import-report.json.";

    /// <inheritdoc />
    public IEnumerable<DatasetWorkUnit> Plan(DatasetBuildOptions options, IReadOnlyDictionary<string, DebianPackage> packages)
    {
        var labels = FolderLabels.Load(settings.SourceDirectory);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in _walk.Files(settings.SourceDirectory, ImportKind.Textures))
        {
            var id = ImportIds.Unique(settings.Name, file.RelativePath, ids);
            var source = new TileSource(id, labels.For(file.RelativePath, TileItems.Group), settings.Name, settings.Licence, file.RelativePath);
            yield return new DatasetWorkUnit(id, (output, _) => Import(output, file, source), 1);
        }
    }

    /// <summary>Drops every tile of an image whose bytes repeat an earlier image's, and counts the entries the walk left out.</summary>
    public IReadOnlyList<DatasetItem> Review(IReadOnlyList<DatasetItem> items, string staging, BuildReport report)
    {
        _walk.CountSkips(report);
        var firstWithHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var copyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in items.Select(i => i.SourcePath).Distinct().Order(StringComparer.Ordinal))
        {
            // A unit finished before a resumed run has no hash in memory: read the file again.
            var hash = _hashes.TryGetValue(source, out var h) ? h : Hash(File.ReadAllBytes(Path.Combine(settings.SourceDirectory, source)));
            if (!firstWithHash.TryAdd(hash, source)) copyOf[source] = firstWithHash[hash];
        }
        var kept = new List<DatasetItem>();
        foreach (var item in items)
        {
            if (!copyOf.TryGetValue(item.SourcePath, out var original)) { kept.Add(item); continue; }
            report.Skip("duplicate image");
            log.Duplicate(item.SourcePath, original);
        }
        return kept;
    }

    private void Import(UnitOutput output, FoundFile file, TileSource source)
    {
        RgbaImage image;
        try { image = Read(file); }
        catch (ImageDecodeException e)
        {
            output.Skip(e.Reason);
            // The decoders name the file first; the report line already does.
            var reason = e.Message.StartsWith(file.RelativePath + ": ", StringComparison.Ordinal) ? e.Message[(file.RelativePath.Length + 2)..] : e.Message;
            log.Add(new ImportReportLine(file.RelativePath, "skipped", reason, 0, 0));
            return;
        }
        if (TileFilter.RejectSource(image) is { } rejected)
        {
            output.Skip(rejected);
            log.Add(new ImportReportLine(file.RelativePath, "skipped", $"{image.Width}×{image.Height}: {rejected}", 0, 0));
            return;
        }
        var filter = new TileFilter();
        var notes = new List<string>();
        var kept = 0;
        foreach (var tileSize in settings.Tiles.Sizes)
        {
            var crops = Crops(image.Width, image.Height, tileSize, source.Id);
            if (crops.Count == 0)
            {
                output.Skip($"smaller than {tileSize}px tile");
                notes.Add($"no {tileSize} px tiles ({image.Width}×{image.Height} is smaller)");
                continue;
            }
            kept += TileItems.Add(output, image, tileSize, crops, filter, source);
        }
        if (kept == 0)
        {
            var reason = notes.Count == settings.Tiles.Sizes.Count
                ? $"{image.Width}×{image.Height} is smaller than the {settings.Tiles.Sizes.Min()} px tile"
                : $"{image.Width}×{image.Height}: every crop was flat or repeated";
            log.Add(new ImportReportLine(file.RelativePath, "skipped", reason, 0, 0));
            return;
        }
        log.Add(new ImportReportLine(file.RelativePath, "imported", string.Join("; ", notes), kept, 0));
    }

    /// <summary>
    /// The crops of one tile size: <see cref="TileSettings.CropsPerImage"/> dealt out in turn over the scales that fit,
    /// no scale given more crops than it has positions (a 256 px image has one 256 px crop: more would only be dropped as
    /// duplicates), so a game's 256 px textures still give their full count from the other scales.
    /// </summary>
    private List<TileCrop> Crops(int width, int height, int tileSize, string id)
    {
        var sides = TileSettings.Factors.Select(f => (int)(tileSize * f)).Where(side => side <= Math.Min(width, height)).ToList();
        var counts = new int[sides.Count];
        for (int dealt = 0, i = 0, idle = 0; dealt < settings.Tiles.CropsPerImage && idle < sides.Count; i = (i + 1) % sides.Count)
        {
            var positions = (long)(width - sides[i] + 1) * (height - sides[i] + 1);
            if (counts[i] >= positions) { idle++; continue; }
            counts[i]++;
            dealt++;
            idle = 0;
        }
        var crops = new List<TileCrop>();
        for (var i = 0; i < sides.Count; i++)
            crops.AddRange(TileCropper.Plan(width, height, tileSize, [(double)sides[i] / tileSize], counts[i], wraps: false, TexturesSource.StableSeed(id, tileSize * 8 + i)));
        return crops;
    }

    /// <summary>Checks the file's size and its header's pixel count, then decodes; every failure is an <see cref="ImageDecodeException"/>.</summary>
    private RgbaImage Read(FoundFile file)
    {
        var name = file.RelativePath;
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            if (length == 0) throw new ImageDecodeException("empty file", $"{name}: the file is empty (0 bytes)");
            if (length > settings.Tiles.MaxFileBytes)
                throw new ImageDecodeException("too large", $"{name}: {length / (1 << 20)} MiB is over the {settings.Tiles.MaxFileBytes / (1 << 20)} MiB limit");
            var (width, height) = ImageHeader.ReadSize(file.FullPath, name);
            if ((long)width * height > settings.Tiles.MaxPixels)
                throw new ImageDecodeException("too many pixels",
                    $"{name}: {width}×{height} ({(double)width * height / 1e6:0.#} megapixels) is over the {settings.Tiles.MaxPixels / 1e6:0.#}-megapixel limit; not decoded");
            var min = settings.Tiles.Sizes.Min();
            if (Math.Min(width, height) < min)
                throw new ImageDecodeException("smaller than every tile", $"{name}: {width}×{height} is smaller than the {min} px tile");
            var bytes = File.ReadAllBytes(file.FullPath);
            _hashes[name] = Hash(bytes);
            return ImageDecoder.Decode(bytes, file.Extension, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException("unreadable", $"{name}: could not be read ({e.Message})", e);
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
