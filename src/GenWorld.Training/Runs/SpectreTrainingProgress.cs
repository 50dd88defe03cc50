using Spectre.Console;

namespace GenWorld.Training.Runs;

/// <summary>A Spectre.Console progress bar: loss, step rate and ETA in the description, bar and time columns beside.</summary>
public sealed class SpectreTrainingProgress : ITrainingProgress
{
    /// <summary>Max value of the bar's task.</summary>
    public const double Scale = 1000;

    /// <summary>The bar's layout, shared with displays fed from elsewhere (the service's event stream in `train --via`).</summary>
    public static Progress CreateDisplay() =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    /// <summary>Moves <paramref name="task"/> (max value 1000) to <paramref name="u"/>.</summary>
    public static void Show(ProgressTask task, string title, TrainingProgressUpdate u)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.Value = Math.Clamp(u.Fraction, 0, 1) * Scale;
        task.Description = Markup.Escape($"{title} step {u.Step}  loss {u.Loss:G4}  {u.StepsPerSecond:F2} steps/s  ETA {Format(u.Eta)}");
    }

    /// <inheritdoc />
    public T Run<T>(string title, Func<Action<TrainingProgressUpdate>, T> body) =>
        CreateDisplay()
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Scale);
                T result = body(u => Show(task, title, u));
                task.Value = Scale;
                return result;
            });

    /// <inheritdoc />
    public void Log(string message) => AnsiConsole.MarkupLine(Markup.Escape(message));

    private static string Format(TimeSpan t) =>
        t == TimeSpan.MaxValue ? "--" : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : $"{t.Minutes}m{t.Seconds:D2}s";
}
