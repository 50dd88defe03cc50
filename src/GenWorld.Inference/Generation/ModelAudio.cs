using GenWorld.Core.Models;
using GenWorld.Core.Synthesis;
using GenWorld.Inference.Models;

namespace GenWorld.Inference.Generation;

/// <summary>Picks a sound model's <see cref="IModelAudio"/> from its manifest (and synth.json for full-band models).</summary>
public static class ModelAudio
{
    /// <summary>The audio of <paramref name="model"/>, whose part <paramref name="outputPart"/> writes the rows to render.</summary>
    /// <exception cref="InvalidModelException">The representation is unknown or synth.json is missing or damaged.</exception>
    public static IModelAudio For(ModelFolder model, string outputPart)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelManifest manifest = model.Manifest;
        if (manifest.AudioRepresentation == SynthFile.Representation)
        {
            string path = Path.Combine(model.Path, SynthFile.FileName);
            try { return new SynthModelAudio(SynthFile.Load(path)); }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new InvalidModelException(path, e.Message, e);
            }
        }
        return new SpectralModelAudio(ManifestRepresentation.Parse(manifest, manifest.Parts.Single(p => p.Name == outputPart)));
    }

    /// <summary>
    /// A seed for the noise of one decoder input row: its values on a 1e-4 grid hashed, so equal inputs sound equal. The
    /// grid is the scheduler's default quantisation step: a latent and the cell centre the scheduler decodes for it
    /// differ in their last float bits, and hashing exact bits gave them different noise (the service's clip then
    /// differed from the direct decoder's by 1e-3 on the full-band models).
    /// </summary>
    public static ulong SeedOf(ReadOnlySpan<float> input)
    {
        ulong h = 0x243F6A8885A308D3UL;
        foreach (float v in input) h = Synthesis.GaussianTable.Mix(h ^ (ulong)(long)Math.Round(Math.Clamp((double)v, -1e12, 1e12) * SeedGrid));
        return h;
    }

    /// <summary>Cells per unit of the grid <see cref="SeedOf"/> hashes on (1 / the scheduler's default quantisation step).</summary>
    private const double SeedGrid = 1e4;
}
