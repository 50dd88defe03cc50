using System.Globalization;

namespace GenWorld.Training.Prior;

/// <summary>Which sequence model a prior run trains.</summary>
public enum PriorArchitecture
{
    /// <summary>Decoder-only Transformer (<see cref="TransformerPrior"/>).</summary>
    Transformer,

    /// <summary>GRU baseline (<see cref="GruPrior"/>).</summary>
    Gru,
}

/// <summary>
/// Shape of a prior. Transformer: <see cref="Width"/> is d_model, <see cref="Layers"/> blocks of <see cref="Heads"/> heads,
/// MLP 4·d_model. GRU: <see cref="Width"/> is the hidden size, <see cref="Embedding"/> the token embedding size.
/// </summary>
public sealed record PriorConfig(
    PriorArchitecture Architecture, int Vocabulary, int Context, int Width, int Layers, int Heads = 1, int Embedding = 0, double Dropout = 0.1)
{
    /// <summary>The Transformer used for models/notes-prior (~0.6M parameters).</summary>
    public static PriorConfig Transformer(int vocabulary, int context = 128) => new(PriorArchitecture.Transformer, vocabulary, context, 128, 3, 4);

    /// <summary>The GRU baseline sized to the Transformer's parameter count.</summary>
    public static PriorConfig Gru(int vocabulary, int context = 128) => new(PriorArchitecture.Gru, vocabulary, context, 236, 2, 1, 128);

    /// <summary>Problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (Vocabulary < 2) e.Add($"vocabulary: must be >= 2, got {Vocabulary}.");
        if (Context is < 2 or > 4096) e.Add($"context: must be 2..4096, got {Context}.");
        if (Width < 1) e.Add($"width: must be >= 1, got {Width}.");
        if (Layers < 1) e.Add($"layers: must be >= 1, got {Layers}.");
        if (Architecture == PriorArchitecture.Transformer && (Heads < 1 || Width % Heads != 0)) e.Add($"heads: {Heads} must divide width {Width}.");
        if (Architecture == PriorArchitecture.Gru && Embedding < 1) e.Add($"embedding: must be >= 1 for a GRU, got {Embedding}.");
        if (!(Dropout >= 0 && Dropout < 1)) e.Add($"dropout: must be in [0, 1), got {Dropout}.");
        return e;
    }

    /// <summary>As strings, for checkpoint sidecars.</summary>
    public Dictionary<string, string> ToConfig() => new()
    {
        ["architecture"] = Architecture.ToString().ToLowerInvariant(), ["vocabulary"] = S(Vocabulary), ["context"] = S(Context),
        ["width"] = S(Width), ["layers"] = S(Layers), ["heads"] = S(Heads), ["embedding"] = S(Embedding),
        ["dropout"] = Dropout.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads back <see cref="ToConfig"/>.</summary>
    public static PriorConfig FromConfig(IReadOnlyDictionary<string, string> c)
    {
        string arch = c.GetValueOrDefault("architecture", "");
        if (!Enum.TryParse(arch, ignoreCase: true, out PriorArchitecture a)) throw new InvalidDataException($"prior config: architecture '{arch}' is not transformer or gru.");
        return new PriorConfig(a, I(c, "vocabulary"), I(c, "context"), I(c, "width"), I(c, "layers"), I(c, "heads"), I(c, "embedding"),
            double.Parse(c.GetValueOrDefault("dropout", "0"), CultureInfo.InvariantCulture));
    }

    private static string S(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static int I(IReadOnlyDictionary<string, string> c, string key) =>
        c.TryGetValue(key, out string? v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i : throw new InvalidDataException($"prior config: '{key}' is missing or not an integer.");
}
