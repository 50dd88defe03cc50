namespace GenWorld.Content.Datasets;

/// <summary>What one work unit produced: items (whose files it wrote) and inputs it skipped, by reason.</summary>
public sealed class UnitOutput
{
    private readonly List<DatasetItem> _items = [];
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);

    /// <summary>Creates the output for a unit writing into the staging folder <paramref name="directory"/>.</summary>
    public UnitOutput(string directory) => Directory = directory;

    /// <summary>Staging folder; item files go in subfolders of it (e.g. <c>clips/</c>).</summary>
    public string Directory { get; }

    /// <summary>Items added so far.</summary>
    public IReadOnlyList<DatasetItem> Items => _items;

    /// <summary>Skipped inputs so far, by reason.</summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    /// <summary>Records an item whose file has been written.</summary>
    public void Add(DatasetItem item) => _items.Add(item);

    /// <summary>Counts a skipped input under a short reason such as "near-silent" or "flac unsupported".</summary>
    public void Skip(string reason, int count = 1) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + count;

    /// <summary>Absolute path for an item file at <paramref name="relative"/>, creating its folder.</summary>
    public string PathFor(string relative)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
