namespace GenWorld.Content.Import;

/// <summary>
/// <c>labels.csv</c> in a folder of sounds: a header "file,label1,label2,..." then one row per file (its path relative
/// to the folder, forward slashes). Read by the importer and by training on a plain folder of WAV files.
/// </summary>
public static class LabelsCsv
{
    /// <summary>Labels by relative file path; empty when the file does not exist. Throws <see cref="InvalidDataException"/> naming the line.</summary>
    public static Dictionary<string, Dictionary<string, string>> Read(string path)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0) return result;
        string[] header = lines[0].Split(',');
        if (header[0].Trim() != "file") throw new InvalidDataException($"{path}: the header must start with 'file', got '{header[0]}'.");
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length)
                throw new InvalidDataException($"{path}:{i + 1}: {cells.Length} cells but the header has {header.Length}.");
            result[cells[0].Trim()] = Enumerable.Range(1, header.Length - 1)
                .ToDictionary(c => header[c].Trim(), c => cells[c].Trim(), StringComparer.Ordinal);
        }
        return result;
    }
}
