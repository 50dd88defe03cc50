using GenWorld.Rendering.Resources;

namespace GenWorld.Host.Headless;

/// <summary>
/// What a drawing run's renderer holds after a frame, for the soak figures: its live GL objects per kind; how many of its
/// textures are the material cache's (one per generated material in view, bounded by the cache's capacity, so they come
/// and go with the emitters: every other object is fixed, and a leak shows as the rest growing); and how many times it
/// was rebuilt on a fresh context after a loss.
/// </summary>
/// <param name="Objects">Live GL objects per kind (the device's live counts: read them during the frame's callback).</param>
/// <param name="MaterialTextures">Textures held by the materials' cache.</param>
/// <param name="Rebuilds">Renderer rebuilds after a lost context in this run.</param>
public readonly record struct GlFigures(GlObjectCounts Objects, int MaterialTextures, int Rebuilds);
