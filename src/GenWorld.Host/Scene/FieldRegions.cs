using System.Numerics;
using GenWorld.Inference.Evaluation;
using GenWorld.Rendering;
using GenWorld.Rendering.Field;
using GenWorld.World;

namespace GenWorld.Host.Scene;

/// <summary>
/// What the field's colours and names mean: with two or more labels (instrument families, sound categories) each label
/// is a region; a field without labels (one label for everything, e.g. a user's own folder) is split into regions by
/// k-means over the anchors' positions, so it still reads as places rather than one cloud. Each region gets a colour
/// from the perceptual <see cref="LabelPalette"/> and a name floating over the anchor nearest its centre.
/// </summary>
public sealed class FieldRegions
{
    private FieldRegions(int[] regionOf, FieldRegion[] regions, bool clustered)
    {
        RegionOf = regionOf;
        Regions = regions;
        Clustered = clustered;
    }

    /// <summary>Region index of each anchor, in anchor order.</summary>
    public IReadOnlyList<int> RegionOf { get; }

    /// <summary>The regions: centre (where the label floats), name and colour.</summary>
    public IReadOnlyList<FieldRegion> Regions { get; }

    /// <summary>Whether the regions were found by k-means (the field had no labels) rather than read from labels.</summary>
    public bool Clustered { get; }

    /// <summary>Regions of <paramref name="anchors"/>; <paramref name="lift"/> raises each label above its cluster.</summary>
    public static FieldRegions Of(IReadOnlyList<FieldAnchor> anchors, float lift = 1f)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Count == 0) return new FieldRegions([], [], false);
        var labels = anchors.Select(a => a.Label).Distinct().Order().ToList();
        if (labels.Count >= 2)
        {
            var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
            int[] of = [.. anchors.Select(a => index[a.Label])];
            string[] names = [.. labels.Select(l => anchors.First(a => a.Label == l).LabelName)];
            return new FieldRegions(of, Build(anchors, of, names, lift), false);
        }
        int k = Math.Clamp((int)Math.Round(Math.Sqrt(anchors.Count / 40.0)), 1, 8);
        float[][] positions = [.. anchors.Select(a => new[] { a.Position.X, a.Position.Y, a.Position.Z })];
        if (k < 2 || anchors.Count < k) return new FieldRegions(new int[anchors.Count], Build(anchors, new int[anchors.Count], [anchors[0].LabelName], lift), false);
        KMeans model = KMeans.Fit(positions, k, seed: 7);
        int[] cluster = [.. positions.Select(model.Assign)];
        string[] clusterNames = [.. Enumerable.Range(0, k).Select(c => $"{anchors[0].LabelName} {(char)('A' + c)}")];
        return new FieldRegions(cluster, Build(anchors, cluster, clusterNames, lift), true);
    }

    /// <summary>The colour of anchor <paramref name="anchor"/>'s region.</summary>
    public Rgba8 ColourOf(int anchor) => Regions[RegionOf[anchor]].Colour;

    private static FieldRegion[] Build(IReadOnlyList<FieldAnchor> anchors, int[] regionOf, string[] names, float lift)
    {
        var regions = new FieldRegion[names.Length];
        for (int r = 0; r < names.Length; r++)
        {
            var members = Enumerable.Range(0, anchors.Count).Where(i => regionOf[i] == r).Select(i => anchors[i].Position).ToList();
            if (members.Count == 0) members.Add(Vector3.Zero);
            Vector3 mean = members.Aggregate(Vector3.Zero, (s, p) => s + p) / members.Count;
            // The member nearest the mean: a spread-out family's mean can fall in empty space between its lobes.
            Vector3 centre = members.MinBy(p => Vector3.DistanceSquared(p, mean));
            regions[r] = new FieldRegion(centre + new Vector3(0, lift, 0), names[r], LabelPalette.Colour(r));
        }
        return regions;
    }
}
