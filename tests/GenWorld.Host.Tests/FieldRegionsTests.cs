using System.Numerics;
using GenWorld.Host.Clocks;
using GenWorld.Host.Scene;
using GenWorld.Rendering.Field;
using GenWorld.World;

namespace GenWorld.Host.Tests;

/// <summary>What the colours and names mean: labels when they read as places, k-means regions named after their commonest labels when they interleave or are absent; the HUD's original-name line and frame counter.</summary>
public sealed class FieldRegionsTests
{
    [Fact]
    public void A_field_whose_labels_are_places_has_one_region_per_label_named_after_it_in_the_perceptual_palette()
    {
        // Three families in three clumps: nearly every neighbour shares its anchor's family.
        var random = new Random(3);
        string[] families = ["brass", "piano", "strings"];
        Vector3[] clumps = [new(-20, 0, 0), new(20, 0, 0), new(0, 0, 25)];
        FieldAnchor[] anchors = [.. Enumerable.Range(0, 300).Select(i => new FieldAnchor(i,
            clumps[i % 3] + (new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 4f), i % 3, families[i % 3], default, null))];
        FieldRegions regions = FieldRegions.Of(anchors);
        Assert.False(regions.Clustered);
        Assert.True(regions.LabelAgreement > 0.99, $"agreement {regions.LabelAgreement}");
        Assert.Equal(families, regions.Regions.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, regions.Regions.Select(r => r.Colour).Distinct().Count());
        Assert.All(Enumerable.Range(0, anchors.Length), i => Assert.Equal(anchors[i].LabelName, regions.Regions[regions.RegionOf[i]].Name));
        // The label floats over a member of its own family (the one nearest the family's mean), lifted a little.
        Assert.All(regions.Regions, r => Assert.Contains(anchors, a => a.LabelName == r.Name && Vector3.Distance(a.Position + Vector3.UnitY, r.Centre) < 1e-4f));
    }

    [Fact]
    public void A_field_whose_families_interleave_is_split_into_places_named_after_their_commonest_families()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        FieldRegions regions = FieldRegions.Of(world.Anchors);
        // The full-band notes field: about a quarter of the 10 nearest share a family (chance 1/16), so family colours would be confetti.
        Assert.InRange(regions.LabelAgreement!.Value, 0.1, FieldRegions.ReadableAgreement);
        Assert.True(regions.Clustered);
        Assert.Equal(8, regions.Regions.Count); // sqrt(9281 / 40) = 15, at most 8
        Assert.Equal(8, regions.Regions.Select(r => r.Name).Distinct().Count());
        for (int r = 0; r < regions.Regions.Count; r++)
        {
            // Each name starts with the commonest family of its members.
            string commonest = Enumerable.Range(0, world.Anchors.Count).Where(i => regions.RegionOf[i] == r)
                .GroupBy(i => world.Anchors[i].LabelName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            Assert.StartsWith(commonest, regions.Regions[r].Name, StringComparison.Ordinal);
        }
        // A region is a place: its members sit nearer their own centre than the field's spread.
        float spread = world.Anchors.Average(a => a.Position.Length());
        for (int r = 0; r < regions.Regions.Count; r++)
        {
            var members = Enumerable.Range(0, world.Anchors.Count).Where(i => regions.RegionOf[i] == r).Select(i => world.Anchors[i].Position).ToList();
            Vector3 mean = members.Aggregate(Vector3.Zero, (a, b) => a + b) / members.Count;
            Assert.True(members.Average(p => Vector3.Distance(p, mean)) < spread, $"region {regions.Regions[r].Name} is spread over the whole field");
        }
    }

    [Fact]
    public void The_hud_names_the_original_recording_nearest_the_listener()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        Vector3 at = world.Anchors[123].Position;
        world.Update(0, World.Cameras.Pose.LookAt(at, at + Vector3.UnitZ));
        Assert.Equal(123, world.NearestAnchor);
        string[] lines = FieldScene.HudLines(world, 60, 0);
        Assert.Equal($"original  {world.AnchorSet.Anchors[123].Id}  ({world.Anchors[123].LabelName})", lines[1]);
        // Far outside the field there is nothing to name.
        world.Update(1, World.Cameras.Pose.LookAt(new Vector3(1e4f), Vector3.Zero));
        Assert.Null(world.NearestAnchor);
        Assert.Equal("original  (none in earshot)", FieldScene.HudLines(world, 60, 0)[1]);
    }

    [Fact]
    public void A_field_without_labels_is_split_into_k_means_regions_that_follow_its_clumps()
    {
        var random = new Random(5);
        Vector3[] clumps = [new(-20, 0, 0), new(20, 0, 0), new(0, 0, 25), new(0, 10, -25)];
        FieldAnchor[] anchors = [.. Enumerable.Range(0, 640).Select(i =>
        {
            var jitter = new Vector3(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * 4f;
            return new FieldAnchor(i, clumps[i % 4] + jitter, 0, "mine", default, null);
        })];
        FieldRegions regions = FieldRegions.Of(anchors);
        Assert.True(regions.Clustered);
        Assert.Equal(4, regions.Regions.Count); // sqrt(640 / 40) = 4
        // Every clump is one region: anchors of one clump share a region, different clumps get different ones.
        int[] regionOfClump = [.. Enumerable.Range(0, 4).Select(c => regions.RegionOf[c])];
        Assert.Equal(4, regionOfClump.Distinct().Count());
        Assert.All(Enumerable.Range(0, anchors.Length), i => Assert.Equal(regionOfClump[i % 4], regions.RegionOf[i]));
        Assert.All(regions.Regions, r => Assert.StartsWith("mine ", r.Name, StringComparison.Ordinal));
        Assert.Equal(LabelPalette.Colour(regions.RegionOf[0]), regions.ColourOf(0));
    }

    [Fact]
    public void Drawn_frame_rate_is_frames_over_wall_time_in_the_last_second()
    {
        var rate = new RenderedFrameRate();
        rate.FrameDrawn(10.0);
        Assert.Equal(0, rate.Value); // one frame is no rate yet
        for (int i = 1; i <= 7; i++) rate.FrameDrawn(10.0 + (i / 7.0)); // 7 frames a second, whatever the output rate
        Assert.Equal(7, rate.Value, 6);
        rate.FrameDrawn(13.0); // a long stall: the window slides, the rate drops
        Assert.True(rate.Value < 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => rate.FrameDrawn(12.0));
    }
}
