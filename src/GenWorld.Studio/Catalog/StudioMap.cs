using GenWorld.World;
using GenWorld.World.Anchors;
using GenWorld.World.Projection;

namespace GenWorld.Studio.Catalog;

/// <summary>
/// The map panel's data: every anchor placed by the field's own <see cref="LatentProjection"/> (the 3D field's x and z,
/// seen from above: PC1 across, PC2 up), coloured with the field's label palette, plus each anchor's latent for a click.
/// </summary>
internal sealed class StudioMap
{
    private StudioMap(AnchorSet anchors, LatentProjection projection)
    {
        Anchors = anchors;
        Projection = projection;
        Palette = WorldColour.Palette(anchors.Header.LabelNames.Count);
    }

    /// <summary>The encoded dataset.</summary>
    public AnchorSet Anchors { get; }

    /// <summary>The same projection <see cref="LatentWorld"/> builds for the 3D field.</summary>
    public LatentProjection Projection { get; }

    /// <summary>One colour per label, as the field draws them.</summary>
    public WorldColour[] Palette { get; }

    /// <summary>Loads a model folder's anchors (checked against its model) and fits the projection.</summary>
    public static StudioMap Load(string folder)
    {
        AnchorSet anchors = AnchorFile.Load(folder);
        return new StudioMap(anchors, LatentProjection.Build(anchors));
    }

    /// <summary>The page's JSON: labels with colours, and per anchor [x, y, label, pitch or -1] plus its name.</summary>
    public object ToJson() => new
    {
        labels = Anchors.Header.LabelNames.Select((name, i) => new { name, colour = $"#{Palette[i].R:x2}{Palette[i].G:x2}{Palette[i].B:x2}" }),
        points = Anchors.Anchors.Select(a =>
        {
            System.Numerics.Vector3 p = Projection.Positions[a.Index];
            return new[] { MathF.Round(p.X, 3), MathF.Round(p.Z, 3), a.Label, a.Pitch ?? -1 };
        }),
        names = Anchors.Anchors.Select(a => a.Id),
    };
}
