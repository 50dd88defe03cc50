using System.Numerics;
using GenWorld.Inference.Evaluation;
using GenWorld.Rendering;
using GenWorld.Rendering.Field;
using GenWorld.World;

namespace GenWorld.Host.Scene;

/// <summary>
/// What the field's colours and names mean. Labels (instrument families, sound categories) are the regions when they
/// read as places: when most of an anchor's nearest neighbours share its label. Where they interleave (the full-band
/// notes field: 27 % of the 10 nearest share a family, chance 6 %), colouring by label paints confetti, so the field is
/// split into regions by k-means over the anchors' positions instead, each named after the labels commonest in it
/// ("piano · guitar"): colours then mark places and their names say what is mostly there (the HUD still names each
/// sound's own label). A field without labels (a user's own folder) is split the same way. Each region gets a colour
/// from the perceptual <see cref="LabelPalette"/> and a name floating over the anchor nearest its centre.
/// </summary>
public sealed class FieldRegions
{
    /// <summary>Share of same-label nearest neighbours from which labels read as regions.</summary>
    public const double ReadableAgreement = 0.5;

    private const int Neighbours = 10, AgreementSample = 1000;

    private FieldRegions(int[] regionOf, FieldRegion[] regions, bool clustered, double? agreement)
    {
        RegionOf = regionOf;
        Regions = regions;
        Clustered = clustered;
        LabelAgreement = agreement;
    }

    /// <summary>Region index of each anchor, in anchor order.</summary>
    public IReadOnlyList<int> RegionOf { get; }

    /// <summary>The regions: centre (where the label floats), name and colour.</summary>
    public IReadOnlyList<FieldRegion> Regions { get; }

    /// <summary>Whether the regions were found by k-means (no labels, or labels that interleave) rather than read from labels.</summary>
    public bool Clustered { get; }

    /// <summary>Share of the 10 nearest neighbours (in the field) that share an anchor's label, over up to 1,000 anchors; null without labels.</summary>
    public double? LabelAgreement { get; }

    /// <summary>Regions of <paramref name="anchors"/>; <paramref name="lift"/> raises each label above its cluster.</summary>
    public static FieldRegions Of(IReadOnlyList<FieldAnchor> anchors, float lift = 1f)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Count == 0) return new FieldRegions([], [], false, null);
        var labels = anchors.Select(a => a.Label).Distinct().Order().ToList();
        double? agreement = labels.Count >= 2 ? NeighbourAgreement(anchors) : null;
        if (agreement >= ReadableAgreement)
        {
            var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
            int[] of = [.. anchors.Select(a => index[a.Label])];
            string[] names = [.. labels.Select(l => anchors.First(a => a.Label == l).LabelName)];
            return new FieldRegions(of, Build(anchors, of, names, lift), false, agreement);
        }
        int k = Math.Clamp((int)Math.Round(Math.Sqrt(anchors.Count / 40.0)), 1, 8);
        float[][] positions = [.. anchors.Select(a => new[] { a.Position.X, a.Position.Y, a.Position.Z })];
        if (k < 2 || anchors.Count < k) return new FieldRegions(new int[anchors.Count], Build(anchors, new int[anchors.Count], [anchors[0].LabelName], lift), false, agreement);
        KMeans model = KMeans.Fit(positions, k, seed: 7);
        int[] cluster = [.. positions.Select(model.Assign)];
        string[] clusterNames = agreement is null
            ? [.. Enumerable.Range(0, k).Select(c => $"{anchors[0].LabelName} {(char)('A' + c)}")]
            : Unique([.. Enumerable.Range(0, k).Select(c => CommonestLabels(anchors, cluster, c))]);
        return new FieldRegions(cluster, Build(anchors, cluster, clusterNames, lift), true, agreement);
    }

    /// <summary>Share of each sampled anchor's 10 nearest neighbours in the field that carry its label.</summary>
    private static double NeighbourAgreement(IReadOnlyList<FieldAnchor> anchors)
    {
        // Start-up cost: up to 1,000 queries over all anchors, keeping the 10 nearest by insertion (no sort of the field).
        int step = Math.Max(1, anchors.Count / AgreementSample), sampled = 0, same = 0;
        var distance = new float[Neighbours];
        var label = new int[Neighbours];
        for (int q = 0; q < anchors.Count; q += step)
        {
            int kept = 0;
            Vector3 at = anchors[q].Position;
            for (int i = 0; i < anchors.Count; i++)
            {
                if (i == q) continue;
                float d2 = Vector3.DistanceSquared(at, anchors[i].Position);
                if (kept == Neighbours && d2 >= distance[kept - 1]) continue;
                int slot = kept < Neighbours ? kept++ : kept - 1;
                while (slot > 0 && distance[slot - 1] > d2)
                {
                    distance[slot] = distance[slot - 1];
                    label[slot] = label[slot - 1];
                    slot--;
                }
                distance[slot] = d2;
                label[slot] = anchors[i].Label;
            }
            for (int n = 0; n < kept; n++) if (label[n] == anchors[q].Label) same++;
            sampled += kept;
        }
        return sampled == 0 ? 0 : (double)same / sampled;
    }

    /// <summary>"piano" when one label holds half of cluster <paramref name="c"/>, else its two commonest: "piano · guitar".</summary>
    private static string CommonestLabels(IReadOnlyList<FieldAnchor> anchors, int[] cluster, int c)
    {
        var counts = Enumerable.Range(0, anchors.Count).Where(i => cluster[i] == c).GroupBy(i => anchors[i].LabelName)
            .Select(g => (Name: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        if (counts.Count == 0) return "empty";
        int total = counts.Sum(g => g.Count);
        return counts.Count == 1 || counts[0].Count * 2 >= total ? counts[0].Name : $"{counts[0].Name} · {counts[1].Name}";
    }

    /// <summary>Names made distinct: a name that comes twice gets A, B, ... after it.</summary>
    private static string[] Unique(string[] names)
    {
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var next = new Dictionary<string, int>();
        return [.. names.Select(n =>
        {
            if (!repeated.Contains(n)) return n;
            int i = next.GetValueOrDefault(n);
            next[n] = i + 1;
            return $"{n} {(char)('A' + i)}";
        })];
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
