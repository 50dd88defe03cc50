using Silk.NET.OpenGL;

namespace GenWorld.Rendering.Diagnostics;

/// <summary>
/// Whether the driver has reset (lost) a <see cref="GlDevice"/>'s context: a GPU hang, a driver update, a suspend and
/// resume. After a reset every object of the context is gone and drawing does nothing, so the owner must drop the
/// renderer and the context and build fresh ones. The reset is read with glGetGraphicsResetStatus, which only reports
/// for a context created with reset notification (EGL 1.5's <c>EGL_LOSE_CONTEXT_ON_RESET</c>, GLFW's
/// <c>GLFW_LOSE_CONTEXT_ON_RESET</c>; <see cref="NotificationOn"/> says whether this one was). Without it (GLX under
/// Xvfb offers no robustness) a lost context can only show as GL errors, so there the check reads glGetError once a
/// frame and calls the context lost on GL_CONTEXT_LOST or on errors in <see cref="ErrorFramesForLoss"/> frames in a row
/// (a heuristic: a context that works raises no error in a frame). Mesa's llvmpipe never resets, so
/// <see cref="Simulate"/> lets a rehearsal report a loss through the same check.
/// </summary>
/// <remarks>Call on the thread that owns the context, like every GL call.</remarks>
public sealed class GlContextLoss
{
    /// <summary>Frames in a row with a GL error after which a context without reset notification counts as lost.</summary>
    public const int ErrorFramesForLoss = 60;

    private readonly GL _gl;
    private string? _lost;
    private int _framesWithErrors;

    internal GlContextLoss(GL gl)
    {
        _gl = gl;
        // GL_RESET_NOTIFICATION_STRATEGY is core from 4.5 (ARB_robustness before); on a context that lacks it the
        // query fails with GL_INVALID_ENUM, which is cleared so that it is not mistaken for a later error.
        NotificationOn = gl.GetInteger(GLEnum.ResetNotificationStrategy) == (int)GLEnum.LoseContextOnReset;
        _ = gl.GetError();
    }

    /// <summary>True when the context was made to report resets; false: a real reset goes unnoticed here.</summary>
    public bool NotificationOn { get; }

    /// <summary>Rehearsal: from now on <see cref="Check"/> reports the context lost, as after a driver reset.</summary>
    public void Simulate() => _lost ??= "simulated reset (rehearsal)";

    /// <summary>
    /// Null while the context is usable; once it was reset, why (the reset status, e.g. "GuiltyContextReset", or the
    /// errors seen), and the same on every later call: GL reports a reset once, the context stays unusable. Call once a
    /// frame: without reset notification it counts frames.
    /// </summary>
    public string? Check()
    {
        if (_lost is not null) return _lost;
        if (NotificationOn)
        {
            GLEnum status = (GLEnum)_gl.GetGraphicsResetStatus();
            if (status != GLEnum.NoError) _lost = status.ToString();
            return _lost;
        }
        GLEnum error = _gl.GetError();
        if (error == GLEnum.ContextLost) return _lost = "GL_CONTEXT_LOST";
        _framesWithErrors = error == GLEnum.NoError ? 0 : _framesWithErrors + 1;
        if (_framesWithErrors >= ErrorFramesForLoss) _lost = $"GL errors in {ErrorFramesForLoss} frames in a row, the last {error}";
        return _lost;
    }
}
