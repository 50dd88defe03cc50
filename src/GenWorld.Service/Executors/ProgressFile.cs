using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Executors;

/// <summary>
/// The trainer's progress display on a cluster node: appends <see cref="ProgressRecord"/> lines to
/// &lt;run&gt;/progress.jsonl (at most 4 steps a second, every log line), flushed line by line so the service, reading
/// the shared file, sees whole lines only once they are complete.
/// </summary>
public sealed class ProgressFileWriter : ITrainingProgress, IDisposable
{
    /// <summary>The file name inside the run folder.</summary>
    public const string FileName = "progress.jsonl";

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _stream;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.FromDays(-1);

    /// <summary>Opens (appending to) the run folder's progress file.</summary>
    public ProgressFileWriter(string runDir)
    {
        Directory.CreateDirectory(runDir);
        _stream = new FileStream(Path.Combine(runDir, FileName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    }

    /// <inheritdoc />
    public T Run<T>(string title, Func<Action<TrainingProgressUpdate>, T> body) => body(u =>
    {
        if (_clock.Elapsed - _last < Every) return;
        _last = _clock.Elapsed;
        Write(new ProgressRecord
        {
            Type = "progress", Step = u.Step, Fraction = u.Fraction, Loss = u.Loss, StepsPerSecond = u.StepsPerSecond,
            EtaSeconds = u.Eta == TimeSpan.MaxValue ? null : u.Eta.TotalSeconds, Losses = u.Losses,
        });
    });

    /// <inheritdoc />
    public void Log(string message) => Write(new ProgressRecord { Type = "log", Message = message });

    /// <summary>Records that this session resumed from the checkpoint at <paramref name="step"/>.</summary>
    public void Resumed(long step) => Write(new ProgressRecord { Type = "resumed", Step = step });

    private void Write(ProgressRecord record)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, RunSpec.Json).ReplaceLineEndings("") + "\n");
        lock (_stream)
        {
            _stream.Write(line);
            _stream.Flush(flushToDisk: false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}

/// <summary>Reads the lines a <see cref="ProgressFileWriter"/> appended since the last call (a half-written last line waits for the next call).</summary>
public sealed class ProgressFileReader(string runDir)
{
    private readonly string _path = Path.Combine(runDir, ProgressFileWriter.FileName);
    private long _offset;

    /// <summary>New complete records, oldest first; empty while the file does not exist.</summary>
    public IReadOnlyList<ProgressRecord> ReadNew()
    {
        if (!File.Exists(_path)) return [];
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length <= _offset) return [];
        stream.Position = _offset;
        byte[] bytes = new byte[stream.Length - _offset];
        stream.ReadExactly(bytes);
        int end = Array.LastIndexOf(bytes, (byte)'\n');
        if (end < 0) return [];
        _offset += end + 1;
        var records = new List<ProgressRecord>();
        foreach (string line in Encoding.UTF8.GetString(bytes, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<ProgressRecord>(line, RunSpec.Json) is { } record) records.Add(record);
            }
            catch (JsonException)
            {
                // A line torn by a node that died mid-write: skip it; the next lines are whole again.
            }
        }
        return records;
    }
}
