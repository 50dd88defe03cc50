namespace GenWorld.Rendering.Tests;

/// <summary>The scale chooser: down when pictures come late, back up when they keep the beat, and no hunting.</summary>
public sealed class DynamicResolutionTests
{
    private const double Beat = 1000.0 / 60;

    [Fact]
    public void A_few_skipped_pictures_step_the_scale_down_and_single_ones_do_not()
    {
        var chooser = new DynamicResolution(Beat);
        // One picture two beats late now and then (fewer than LateLimit in any Window) is the raster's noise.
        for (int i = 0; i < 600; i++) Assert.False(chooser.Picture(i % 40 == 0 ? 2 * Beat : Beat));
        Assert.Equal(1f, chooser.Scale);
        for (int i = 0; i < DynamicResolution.Window; i++) chooser.Picture(Beat);
        Assert.False(chooser.Picture(2 * Beat));
        Assert.False(chooser.Picture(2 * Beat));
        Assert.True(chooser.Picture(3 * Beat));
        Assert.Equal(DynamicResolution.Step, chooser.Scale);
        Assert.Equal((1, 0), chooser.Changes);
    }

    [Fact]
    public void A_raster_that_never_keeps_up_stops_at_the_minimum_scale()
    {
        var chooser = new DynamicResolution(Beat, minimumScale: 0.5f);
        for (int i = 0; i < 1000; i++) chooser.Picture(3 * Beat);
        Assert.Equal(0.5f, chooser.Scale);
        Assert.Equal(5, chooser.Changes.Down); // 0.85, 0.72, 0.61, 0.52, then 0.5
    }

    [Fact]
    public void Pictures_on_the_beat_climb_back_to_full_size_on_the_same_steps()
    {
        var chooser = new DynamicResolution(Beat);
        for (int i = 0; i < 3 * DynamicResolution.LateLimit; i++) chooser.Picture(2 * Beat);
        float low = chooser.Scale;
        Assert.True(low < 0.65f, $"three steps down: {low}");
        for (int i = 0; i < DynamicResolution.CalmPictures - 1; i++) Assert.False(chooser.Picture(Beat));
        Assert.True(chooser.Picture(Beat));
        for (int i = 0; i < 10 * DynamicResolution.CalmPictures; i++) chooser.Picture(Beat);
        Assert.Equal(1f, chooser.Scale); // exactly: the ladder is powers of the step, not a running product
    }

    [Fact]
    public void A_step_up_the_raster_cannot_hold_makes_the_next_one_wait_twice_as_long()
    {
        var chooser = new DynamicResolution(Beat);
        for (int i = 0; i < DynamicResolution.LateLimit; i++) chooser.Picture(2 * Beat);
        for (int i = 0; i < DynamicResolution.CalmPictures; i++) chooser.Picture(Beat);
        Assert.Equal(1f, chooser.Scale);
        for (int i = 0; i < DynamicResolution.LateLimit; i++) chooser.Picture(2 * Beat); // taken back at once
        Assert.Equal(DynamicResolution.Step, chooser.Scale);
        for (int i = 0; i < 2 * DynamicResolution.CalmPictures - 1; i++) Assert.False(chooser.Picture(Beat));
        Assert.True(chooser.Picture(Beat));
        Assert.Equal(1f, chooser.Scale);
    }

    [Fact]
    public void Nonsense_settings_are_refused_with_their_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DynamicResolution(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DynamicResolution(Beat, minimumScale: 0.1f));
    }
}
