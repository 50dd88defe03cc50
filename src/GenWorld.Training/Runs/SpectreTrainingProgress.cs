using Spectre.Console;

namespace GenWorld.Training.Runs;

/// <summary>A Spectre.Console progress bar: loss, step rate and ETA in the description, bar and time columns beside.</summary>
public sealed class SpectreTrainingProgress : ITrainingProgress
{
    private const double Scale = 1000;

    /// <inheritdoc />
    public T Run<T>(string title, Func<Action<TrainingProgressUpdate>, T> body) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Scale);
                T result = body(u =>
                {
                    task.Value = Math.Clamp(u.Fraction, 0, 1) * Scale;
                    task.Description = Markup.Escape(
                        $"{title} step {u.Step}  loss {u.Loss:G4}  {u.StepsPerSecond:F2} steps/s  ETA {Format(u.Eta)}");
                });
                task.Value = Scale;
                return result;
            });

    /// <inheritdoc />
    public void Log(string message) => AnsiConsole.MarkupLine(Markup.Escape(message));

    private static string Format(TimeSpan t) =>
        t == TimeSpan.MaxValue ? "--" : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : $"{t.Minutes}m{t.Seconds:D2}s";
}
