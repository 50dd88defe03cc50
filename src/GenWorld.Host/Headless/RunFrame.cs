using GenWorld.Host.Osc;
using GenWorld.World;

namespace GenWorld.Host.Headless;

/// <summary>One frame of a headless run, as <see cref="RunSettings.OnFrame"/> sees it (valid only during the call).</summary>
/// <param name="Index">Frame index in this run.</param>
/// <param name="Frame">What the host did.</param>
/// <param name="WorkMs">Wall time of the frame's work (OSC, world, voices, mix), without the pacing sleep.</param>
/// <param name="Mix">The stereo (interleaved) samples the loopback device mixed for this frame; empty without loopback.</param>
/// <param name="World">The world.</param>
/// <param name="Osc">The OSC link, when OSC is on.</param>
/// <param name="Underruns">Times the sound ran dry since the run began.</param>
/// <param name="Gl">What the renderer holds (null when nothing is drawn).</param>
/// <param name="Extra">
/// An extra frame between regular ones, woken by an OSC packet or a sound that arrived: world, voices and mix, nothing
/// drawn. Frame rates and frame-time figures count regular frames only.
/// </param>
/// <param name="Drawn">
/// The field was drawn in this frame (handed to the GL, not waited for, in real time). A real-time regular frame skips it while
/// the GL is still on the last one, so the picture's rate can be lower than the world's.
/// </param>
public readonly record struct RunFrame(long Index, HostFrame Frame, double WorkMs, ReadOnlyMemory<float> Mix, LatentWorld World, WorldOscLink? Osc,
    AudioUnderruns Underruns, GlFigures? Gl = null, bool Extra = false, bool Drawn = false);
