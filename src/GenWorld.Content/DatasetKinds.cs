using GenWorld.Content.Datasets;
using GenWorld.Content.Notes;
using GenWorld.Content.Sequences;
using GenWorld.Content.Sfx;
using GenWorld.Content.Textures;

namespace GenWorld.Content;

/// <summary>The dataset kinds this build can make, by name. A kind's source plugs in here with one line.</summary>
public static class DatasetKinds
{
    private static readonly Dictionary<string, Func<IDatasetSource>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["notes"] = () => new NotesSource(),
        ["sfx"] = () => new SfxSource(),
        ["textures"] = () => new TexturesSource(),
        ["sequences"] = () => new MidiSequencesSource(),
    };

    /// <summary>Every kind name the CLI offers, including ones not available in this build.</summary>
    public static IReadOnlyList<string> Names { get; } = ["notes", "sfx", "textures", "sequences"];

    /// <summary>The source for a kind, or null (with a reason) when this build does not have it.</summary>
    public static IDatasetSource? TryCreate(string kind, out string reason)
    {
        if (Factories.TryGetValue(kind, out var factory))
        {
            reason = "";
            return factory();
        }
        reason = Names.Contains(kind, StringComparer.OrdinalIgnoreCase)
            ? $"{kind} datasets are not available in this build"
            : $"unknown dataset kind '{kind}' (expected one of: {string.Join(", ", Names)})";
        return null;
    }
}
