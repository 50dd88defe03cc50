namespace GenWorld.Studio.Api;

/// <summary>POST /studio/api/sound: a code, or a model with a latent (or a seed for a random one) and its conditioning.</summary>
internal sealed record SoundRequest(string? Model = null, float[]? Latent = null, int? Seed = null, int? Pitch = null, string? Label = null, string? Code = null);

/// <summary>POST /studio/api/texture: a code, or a model with a seed and tile size.</summary>
internal sealed record TextureRequest(string? Model = null, int Seed = 1, int Size = 128, string? Code = null);

/// <summary>POST /studio/api/decode: what a code names.</summary>
internal sealed record DecodeRequest(string Code);

/// <summary>
/// POST /studio/api/export: the sounds of <see cref="Codes"/> (one WAV, or a zip of several), or <see cref="Variations"/>
/// mutations of the one code (a zip), in the chosen format.
/// </summary>
internal sealed record ExportRequest(string[] Codes, int Rate = 48000, int Bits = 16, int Channels = 1, int Variations = 0, float Amount = 0.3f);

/// <summary>POST /studio/api/hint: latents the page may ask for next (its next Randomize and Mutate), to prefetch.</summary>
internal sealed record HintRequest(string Model, float[][] Latents, int? Pitch = null, string? Label = null);
