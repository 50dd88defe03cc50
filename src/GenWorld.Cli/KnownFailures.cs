namespace GenWorld.Cli;

/// <summary>The player's own expected failures beside the shared ones in <see cref="CliErrorPath"/>: no display, no GL, no audio device, a sound file it cannot decode.</summary>
internal static class KnownFailures
{
    public static bool IsExpected(Exception e) =>
        e is Rendering.Glfw.DisplayUnavailableException or Rendering.GLContextException or Rendering.Shaders.ShaderCompileException
            or Audio.OpenAl.AlException or Content.Audio.AudioDecodeException;
}
