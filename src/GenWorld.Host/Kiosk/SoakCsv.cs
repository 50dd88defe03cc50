using System.Globalization;

namespace GenWorld.Host.Kiosk;

/// <summary>A soak CSV as <see cref="KioskStatus"/> writes it, read back by column name (for the summary and the plot).</summary>
public sealed class SoakCsv
{
    private readonly string[] _header;
    private readonly double[][] _rows;

    private SoakCsv(string path, string[] header, double[][] rows) => (Path, _header, _rows) = (path, header, rows);

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Data rows.</summary>
    public int Rows => _rows.Length;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">No data row, or a value that is not a number (the message names the line).</exception>
    public static SoakCsv Read(string path)
    {
        string[] lines = [.. File.ReadLines(path).Where(l => l.Length > 0)];
        if (lines.Length < 2) throw new InvalidDataException($"{path}: no soak rows.");
        string[] header = lines[0].Split(',');
        var rows = new double[lines.Length - 1][];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length) throw new InvalidDataException($"{path} line {i + 1}: {cells.Length} values for {header.Length} columns.");
            rows[i - 1] = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out rows[i - 1][c]))
                    throw new InvalidDataException($"{path} line {i + 1}: {header[c]} '{cells[c]}' is not a number.");
        }
        return new SoakCsv(path, header, rows);
    }

    /// <summary>Whether the file has a column (CSVs from before a column was added lack it).</summary>
    public bool Has(string name) => Array.IndexOf(_header, name) >= 0;

    /// <summary>One column, a value per row.</summary>
    /// <exception cref="InvalidDataException">The file has no such column.</exception>
    public double[] Column(string name)
    {
        int i = Array.IndexOf(_header, name);
        return i >= 0 ? [.. _rows.Select(r => r[i])] : throw new InvalidDataException($"{Path}: no column {name}.");
    }

    /// <summary>Audio underruns so far (late mixes plus stopped voices), a value per row.</summary>
    public double[] Underruns() => [.. Column("underruns_late_mix").Zip(Column("underruns_voice_stopped"), (a, b) => a + b)];
}
