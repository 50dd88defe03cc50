using System.Globalization;
using GenWorld.Content.Datasets;
using GenWorld.Content.Imaging;

namespace GenWorld.Content.Textures;

/// <summary>Where a source image's tiles come from: the unit id they are named after, and what every tile's item records.</summary>
/// <param name="Id">Unit id; tile items are <c>ID-SIZE-K</c>.</param>
/// <param name="Labels">Labels of the source (<c>group</c> first); each tile adds <c>tile</c>, <c>scale</c> and <c>crop</c>.</param>
/// <param name="Package">Debian package, or the imported folder's dataset name.</param>
/// <param name="Licence">Licence of the source image.</param>
/// <param name="SourcePath">Path of the image inside its package or import folder.</param>
public sealed record TileSource(string Id, IReadOnlyDictionary<string, string> Labels, string Package, string Licence, string SourcePath);

/// <summary>
/// The tiles of one source image as items of a textures dataset, the layout `dataset build textures` and `dataset import`
/// share: each planned crop is cut (<see cref="TileCropper"/>), flat and repeated crops are dropped (<see cref="TileFilter"/>),
/// kept ones are written to <c>tiles/SIZE/ID-SIZE-K.png</c> and added with the labels group, tile, scale and crop.
/// </summary>
public static class TileItems
{
    /// <summary>Dataset kind of every tile item.</summary>
    public const string Kind = "textures";

    /// <summary>Primary label of every textures dataset.</summary>
    public const string Group = "group";

    /// <summary>Cuts <paramref name="crops"/> (all of side <paramref name="tileSize"/>) from <paramref name="image"/>; returns the tiles kept.</summary>
    public static int Add(UnitOutput output, RgbaImage image, int tileSize, IReadOnlyList<TileCrop> crops, TileFilter filter, TileSource source)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(crops);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(source);
        var kept = 0;
        for (var k = 0; k < crops.Count; k++)
        {
            var tile = TileCropper.Cut(image, crops[k]);
            if (filter.RejectTile(tile) is { } reason)
            {
                output.Skip(reason);
                continue;
            }
            var itemId = $"{source.Id}-{tileSize}-{k}";
            var path = $"tiles/{tileSize}/{itemId}.png";
            PngWriter.Write(output.PathFor(path), tile);
            var labels = new Dictionary<string, string>(source.Labels)
            {
                ["tile"] = tileSize.ToString(CultureInfo.InvariantCulture),
                ["scale"] = crops[k].Scale.ToString("0.###", CultureInfo.InvariantCulture),
                ["crop"] = crops[k].Rect,
            };
            output.Add(new DatasetItem(itemId, path, Kind, labels, Group, source.Package, source.Licence, source.SourcePath)
            {
                Width = tileSize,
                Height = tileSize,
            });
            kept++;
        }
        return kept;
    }
}
