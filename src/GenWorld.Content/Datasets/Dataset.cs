namespace GenWorld.Content.Datasets;

/// <summary>A published dataset, opened and checked: description, items and the folder they live in.</summary>
public sealed class Dataset
{
    private Dataset(string directory, DatasetInfo info, IReadOnlyList<DatasetItem> items)
    {
        Directory = directory;
        Info = info;
        Items = items;
    }

    /// <summary>Absolute path of the dataset folder.</summary>
    public string Directory { get; }

    /// <summary>The contents of <c>dataset.json</c>.</summary>
    public DatasetInfo Info { get; }

    /// <summary>Every item of <c>manifest.jsonl</c>, in manifest order (sorted by id).</summary>
    public IReadOnlyList<DatasetItem> Items { get; }

    /// <summary>Absolute path of an item's file.</summary>
    public string PathOf(DatasetItem item) => Path.Combine(Directory, item.File);

    /// <summary>
    /// Opens a dataset folder and validates it: <c>dataset.json</c> present and readable, the manifest's checksum equal to
    /// the recorded version, item count matching, and every item's file present. Throws <see cref="DatasetException"/>
    /// naming the first problem.
    /// </summary>
    public static Dataset Open(string dir)
    {
        var full = Path.GetFullPath(dir);
        if (!System.IO.Directory.Exists(full))
            throw new DatasetException($"dataset folder {full} does not exist (build it with `genworld dataset build`)");
        var info = DatasetInfo.Read(full);
        var manifestPath = Path.Combine(full, Manifest.FileName);
        if (!File.Exists(manifestPath))
            throw new DatasetException($"{full}: {Manifest.FileName} is missing");
        var version = Manifest.Version(File.ReadAllBytes(manifestPath));
        if (version != info.Version)
            throw new DatasetException(
                $"{full}: {Manifest.FileName} checksum {version} does not match dataset version {info.Version} (manifest edited or damaged)");
        var items = Manifest.Read(manifestPath);
        if (items.Count != info.ItemCount)
            throw new DatasetException($"{full}: manifest has {items.Count} items, dataset.json says {info.ItemCount}");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!ids.Add(item.Id)) throw new DatasetException($"{full}: duplicate item id {item.Id}");
            if (item.File.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(item.File))
                throw new DatasetException($"{full}: item {item.Id} has a file path outside the dataset: {item.File}");
            if (!File.Exists(Path.Combine(full, item.File)))
                throw new DatasetException($"{full}: file {item.File} of item {item.Id} is missing");
        }
        return new Dataset(full, info, items);
    }
}
