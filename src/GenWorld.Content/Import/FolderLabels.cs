namespace GenWorld.Content.Import;

/// <summary>
/// The labels of an imported file: its primary label (<c>category</c> for sounds, <c>group</c> for images) is its first
/// subfolder under the import folder (files at the top are "unsorted"), <c>folder</c> its whole subfolder path; a row of
/// <c>labels.csv</c> adds labels and overrides both.
/// </summary>
public sealed class FolderLabels
{
    /// <summary>Optional labels file at the top of the import folder.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>The primary label key of imported sound datasets.</summary>
    public const string Category = "category";

    /// <summary>Category of files at the top of the import folder.</summary>
    public const string Unsorted = "unsorted";

    private readonly Dictionary<string, Dictionary<string, string>> _csv;

    private FolderLabels(Dictionary<string, Dictionary<string, string>> csv) => _csv = csv;

    /// <summary>Reads <c>labels.csv</c> of <paramref name="root"/> if it has one (a bad one throws <see cref="InvalidDataException"/>).</summary>
    public static FolderLabels Load(string root) => new(LabelsCsv.Read(Path.Combine(root, LabelsFile)));

    /// <summary>Rows of labels.csv (for the report).</summary>
    public int CsvRows => _csv.Count;

    /// <summary>Labels for a file at <paramref name="relativePath"/> (forward slashes); the first subfolder is <paramref name="primaryLabel"/>.</summary>
    public Dictionary<string, string> For(string relativePath, string primaryLabel = Category)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/');
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [primaryLabel] = parts.Length > 1 ? parts[0] : Unsorted,
            ["folder"] = parts.Length > 1 ? string.Join('/', parts[..^1]) : "",
        };
        if (_csv.TryGetValue(relativePath, out var row))
            foreach (var (key, value) in row) labels[key] = value;
        return labels;
    }
}
