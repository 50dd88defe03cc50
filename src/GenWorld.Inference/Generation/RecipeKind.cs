namespace GenWorld.Inference.Generation;

/// <summary>What a <see cref="RecipeCode"/> regenerates.</summary>
public enum RecipeKind
{
    /// <summary>A finished sound clip from a latent.</summary>
    Sound = 0,

    /// <summary>A tileable texture from a seed.</summary>
    Texture = 1,
}
