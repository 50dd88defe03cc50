using System.Numerics;
using GenWorld.Host.Clocks;
using GenWorld.Host.Scene;
using GenWorld.Rendering.Field;
using GenWorld.World;

namespace GenWorld.Host.Tests;

/// <summary>What the colours and names mean: labels when the field has them, k-means regions when it does not; the HUD's original-name line and frame counter.</summary>
public sealed class FieldRegionsTests
{
    [Fact]
    public void A_labelled_field_has_one_region_per_label_named_after_it_in_the_perceptual_palette()
    {
        using LatentWorld world = LatentWorld.Open(RepoPaths.Model("notes-vae"));
        FieldRegions regions = FieldRegions.Of(world.Anchors);
        string[] families = [.. world.Anchors.Select(a => a.LabelName).Distinct().Order(StringComparer.Ordinal)];
        Assert.False(regions.Clustered);
        Assert.Equal(families, regions.Regions.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(regions.Regions.Count, regions.Regions.Select(r => r.Colour).Distinct().Count());
        for (int i = 0; i < world.Anchors.Count; i += 97)
            Assert.Equal(world.Anchors[i].LabelName, regions.Regions[regions.RegionOf[i]].Name);
        // The label floats over a member of its own family (the one nearest the family's mean), lifted a little.
        Assert.All(regions.Regions, r => Assert.Contains(world.Anchors, a => a.LabelName == r.Name && Vector3.Distance(a.Position + Vector3.UnitY, r.Centre) < 1e-4f));
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
