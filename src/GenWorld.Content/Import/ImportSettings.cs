using System.Text.RegularExpressions;

namespace GenWorld.Content.Import;

/// <summary>What `dataset import` reads and how it names and licenses the result. Validate with <see cref="Validate"/>.</summary>
public sealed partial record ImportSettings
{
    /// <summary>The folder of the user's sounds or images (read only: nothing in it is ever written).</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>Dataset name: letters, digits, '-' and '_' (it names the folder under the data root and every item id).</summary>
    public required string Name { get; init; }

    /// <summary>Licence of the sounds or images as an SPDX identifier (e.g. CC0-1.0, CC-BY-4.0), recorded on every item.</summary>
    public string Licence { get; init; } = "LicenseRef-unspecified";

    /// <summary>Author / source credit, written into the dataset's licence file and card.</summary>
    public string Attribution { get; init; } = "";

    /// <summary>Sounds or textures; null chooses by the folder's files (<see cref="ImportKinds.Choose"/>).</summary>
    public ImportKind? Kind { get; init; }

    /// <summary>How images are cut into tiles (textures imports).</summary>
    public TileSettings Tiles { get; init; } = new();

    /// <summary>How long recordings are cut into one-shots.</summary>
    public SliceSettings Slicing { get; init; } = new();

    /// <summary>Largest file read; anything bigger is skipped as too large.</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>A name made from a folder's name: odd characters become '-', at most 48 characters.</summary>
    public static string NameFrom(string directory)
    {
        var name = NameOdd().Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), "-").Trim('-');
        return name.Length == 0 ? "imported" : name[..Math.Min(48, name.Length)];
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and why.</summary>
    public void Validate()
    {
        if (!Directory.Exists(SourceDirectory))
            throw new ArgumentException($"DIR: {Path.GetFullPath(SourceDirectory)} is not a folder", nameof(SourceDirectory));
        if (!NamePattern().IsMatch(Name))
            throw new ArgumentException($"--name: '{Name}' must be 1-64 letters, digits, '-' or '_' (it names a folder and the item ids)", nameof(Name));
        if (!LicencePattern().IsMatch(Licence))
            throw new ArgumentException($"--licence: '{Licence}' is not an SPDX expression (e.g. CC0-1.0, CC-BY-4.0, LicenseRef-mine)", nameof(Licence));
        if (Attribution.Length > 2000 || Attribution.Any(c => char.IsControl(c) && c != '\n'))
            throw new ArgumentException("--attribution: at most 2000 characters, no control characters", nameof(Attribution));
        Slicing.Validate();
        Tiles.Validate();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NameOdd();

    [GeneratedRegex(@"^[A-Za-z0-9.+:() -]{1,100}$")]
    private static partial Regex LicencePattern();
}
