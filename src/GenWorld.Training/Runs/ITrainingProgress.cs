namespace GenWorld.Training.Runs;

/// <summary>A snapshot of a run for a progress display.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Fraction">Share of the budget used, 0..1 (steps or minutes, whichever is further along).</param>
/// <param name="Loss">Latest "loss".</param>
/// <param name="StepsPerSecond">Recent step rate.</param>
/// <param name="Eta">Estimated time left.</param>
/// <param name="Losses">Every named loss of the latest step (null when the caller has only "loss").</param>
public readonly record struct TrainingProgressUpdate(long Step, double Fraction, double Loss, double StepsPerSecond, TimeSpan Eta, IReadOnlyDictionary<string, double>? Losses = null);

/// <summary>Where a run shows its progress: a Spectre.Console bar on a terminal, nothing in tests.</summary>
public interface ITrainingProgress
{
    /// <summary>Runs <paramref name="body"/>, which calls the given callback after steps, inside the display.</summary>
    T Run<T>(string title, Func<Action<TrainingProgressUpdate>, T> body);

    /// <summary>A line of news (checkpoint written, rollback), shown above the bar.</summary>
    void Log(string message);
}

/// <summary>No display; log lines are kept so tests can read them.</summary>
public sealed class NullTrainingProgress : ITrainingProgress
{
    private readonly List<string> _lines = [];

    /// <summary>Log lines so far.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <inheritdoc />
    public T Run<T>(string title, Func<Action<TrainingProgressUpdate>, T> body) => body(_ => { });

    /// <inheritdoc />
    public void Log(string message) => _lines.Add(message);
}
