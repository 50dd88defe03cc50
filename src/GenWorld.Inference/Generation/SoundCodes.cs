namespace GenWorld.Inference.Generation;

/// <summary>
/// Recipe codes for a <see cref="SoundGenerationService"/>: make the code of a latent + conditioning (quantised, so the
/// clip generated from the code's latent is the clip heard), and regenerate a code's clip, refusing a code made by
/// another model or version with a message that says which.
/// </summary>
public static class SoundCodes
{
    /// <summary>The code for <paramref name="latent"/> (rounded to the code grid) on <paramref name="service"/>.</summary>
    /// <exception cref="ArgumentException">The label is not one of the model's, or the latent has the wrong length.</exception>
    public static RecipeCode Make(SoundGenerationService service, string model, ReadOnlySpan<float> latent, int? pitch, string? label)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (latent.Length != service.LatentSize)
            throw new ArgumentException($"latent has {latent.Length} values; model '{model}' takes {service.LatentSize}.", nameof(latent));
        int? labelIndex = null;
        if (label is not null)
        {
            int index = service.Labels.ToList().IndexOf(label);
            labelIndex = index >= 0 ? index : throw new ArgumentException($"label '{label}' is not one of model '{model}''s: {string.Join(", ", service.Labels)}.", nameof(label));
        }
        return new RecipeCode
        {
            Kind = RecipeKind.Sound, Model = model, VersionHash = RecipeCode.HashOf(service.ModelVersion),
            Pitch = pitch, Label = labelIndex, Latent = RecipeCode.Quantise(latent),
        };
    }

    /// <summary>The conditioning a sound code names on <paramref name="service"/>, after checking the code was made by it.</summary>
    /// <exception cref="ArgumentException">The code is a texture's, names another model version, or a label the model lacks.</exception>
    public static SoundConditioning Conditioning(SoundGenerationService service, RecipeCode code)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(code);
        if (code.Kind != RecipeKind.Sound) throw new ArgumentException($"the code is a {code.Kind.ToString().ToLowerInvariant()} code, not a sound's.", nameof(code));
        string hash = RecipeCode.HashOf(service.ModelVersion);
        if (code.VersionHash != hash)
            throw new ArgumentException($"the code was made by a version of '{code.Model}' with hash {code.VersionHash}; the model here has {hash}, so the sound would differ.", nameof(code));
        if (code.Label is int l && l >= service.Labels.Count)
            throw new ArgumentException($"the code names label {l}; model '{code.Model}' has {service.Labels.Count} labels.", nameof(code));
        return new SoundConditioning(code.Pitch, code.Label is int i ? service.Labels[i] : null);
    }

    /// <summary>Regenerates a code's clip (the same samples as when the code was made on the same model version).</summary>
    public static Task<float[]> GenerateAsync(SoundGenerationService service, RecipeCode code, CancellationToken cancellationToken = default)
    {
        SoundConditioning conditioning = Conditioning(service, code);
        return service.GenerateSoundAsync(code.Latent, conditioning, cancellationToken);
    }
}
