using GenWorld.Rendering.Diagnostics;
using GenWorld.Rendering.Egl;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Tests;

/// <summary>
/// How the GL layer tells that its context was lost, on real EGL contexts with and without reset notification. A real
/// reset cannot be caused on llvmpipe; what the fallback sees of one (GL errors frame after frame) is caused here with
/// invalid calls, which raise real GL errors.
/// </summary>
[Collection(NativeGlCollection.Name)]
public sealed class GlContextLossTests
{
    [Fact]
    public void The_headless_context_is_made_with_reset_notification_and_a_working_one_is_not_lost()
    {
        using var context = new EglSurfacelessContext(16, 16);
        using var device = new GlDevice(context);
        Assert.True(device.ContextLoss.NotificationOn, $"{context.Description}: EGL gave no reset notification");
        for (int frame = 0; frame < 3; frame++) Assert.Null(device.ContextLoss.Check());
        device.ContextLoss.Simulate();
        Assert.Equal("simulated reset (rehearsal)", device.ContextLoss.Check());
        Assert.Equal("simulated reset (rehearsal)", device.ContextLoss.Check());   // a loss is for good
    }

    [Fact]
    public void Without_notification_errors_in_every_frame_mean_lost_and_a_clean_frame_starts_the_count_again()
    {
        using var context = new EglSurfacelessContext(16, 16, resetNotification: false);
        using var device = new GlDevice(context);
        GlContextLoss loss = device.ContextLoss;
        Assert.False(loss.NotificationOn);
        void FrameWithError() => device.Gl.BindTexture((TextureTarget)0x1234, 0);   // GL_INVALID_ENUM

        for (int frame = 0; frame < GlContextLoss.ErrorFramesForLoss - 1; frame++)
        {
            FrameWithError();
            Assert.Null(loss.Check());
        }
        Assert.Null(loss.Check());   // one clean frame: the context works
        for (int frame = 0; frame < GlContextLoss.ErrorFramesForLoss - 1; frame++)
        {
            FrameWithError();
            Assert.Null(loss.Check());
        }
        FrameWithError();
        Assert.Equal($"GL errors in {GlContextLoss.ErrorFramesForLoss} frames in a row, the last InvalidEnum", loss.Check());
    }
}
