using System.Diagnostics;
using Silk.NET.OpenGL;

namespace GenWorld.Rendering;

/// <summary>
/// The last drawn frame while the GL works on it, behind a fence. Why: with no window to swap, the headless loop used
/// to wait in glFinish for every drawn frame, so on llvmpipe (a CPU rasteriser) a pose or a sound that arrived
/// mid-frame waited out the whole raster. With a frame in flight the loop goes on stepping the world and the mix, and
/// draws the next frame once the GL has finished the last one; at most one frame is queued, so the picture is never
/// more than a frame behind.
/// </summary>
public sealed class FrameInFlight : IDisposable
{
    private readonly GlDevice _device;
    private nint _fence;
    private long _submitted;

    /// <summary>Fences frames drawn on <paramref name="device"/> (its owning thread calls every member).</summary>
    public FrameInFlight(GlDevice device) => _device = device;

    /// <summary>The device whose frames this fences.</summary>
    public GlDevice Device => _device;

    /// <summary>
    /// Longest wait for a frame before the next drawn frame blocks for it (a driver that never signals must not stop
    /// the picture for good; on a healthy one this never binds).
    /// </summary>
    public static readonly TimeSpan MostPending = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// True while the GL is still working on the last submitted frame (checks without waiting, except for a frame
    /// pending past <see cref="MostPending"/>, which it waits for once); a finished frame's fence is deleted.
    /// </summary>
    public bool IsBusy()
    {
        if (_fence == 0) return false;
        GLEnum state = _device.Gl.ClientWaitSync(_fence, (SyncObjectMask)0, 0);
        if (state == GLEnum.TimeoutExpired && Stopwatch.GetElapsedTime(_submitted) < MostPending) return true;
        if (state == GLEnum.TimeoutExpired) _device.Gl.ClientWaitSync(_fence, SyncObjectMask.Bit, 1_000_000_000UL);
        Release();
        return false;
    }

    /// <summary>Fences the frame just drawn and hands it to the GL (flush), without waiting for it.</summary>
    public void Submitted()
    {
        Release();
        _fence = _device.Gl.FenceSync(SyncCondition.SyncGpuCommandsComplete, SyncBehaviorFlags.None);
        _device.Gl.Flush();
        _submitted = Stopwatch.GetTimestamp();
    }

    private void Release()
    {
        if (_fence == 0) return;
        _device.Gl.DeleteSync(_fence);
        _fence = 0;
    }

    /// <summary>Deletes the fence (on the owning thread, while the context is alive).</summary>
    public void Dispose() => Release();
}
