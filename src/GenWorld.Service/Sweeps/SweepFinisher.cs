using GenWorld.Service.Executors;
using GenWorld.Service.Jobs;
using GenWorld.Service.Publishing;
using GenWorld.Service.Recipes;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Sweeps;

/// <summary>
/// Ends a sweep whose runs all have an outcome: ranks them by the plan's figure, publishes the best (or every finished run,
/// the best last so it becomes "latest") through the service's atomic publisher, writes sweep.json + sweep.png, and
/// records the ranked table and the best run's metrics on the job.
/// </summary>
internal sealed class SweepFinisher(JobRecord job, ITrainRecipe recipe, SlurmJobFolder folder, ModelPublisher publisher, JobOutcomes outcomes, Action<string> log)
{
    public void Finish()
    {
        SweepPlan plan = job.Sweep!;
        var runs = new List<(bool, string?, string)>();
        for (int i = 0; i < plan.Runs.Count; i++)
        {
            string runDir = folder.RunDirOf(i, sweep: true);
            RunOutcome outcome = RunOutcome.Load(runDir) ?? new RunOutcome(false, "no outcome");
            runs.Add((outcome.Succeeded, outcome.Error, runDir));
        }
        List<(SweepRunResult Row, TrainingReport? Report)> rows = SweepReport.Rank(plan, runs);
        var best = rows.Where(r => r.Row.Rank == 1).Select(r => ((SweepRunResult, TrainingReport)?)(r.Row, r.Report!)).FirstOrDefault();
        if (best is not { } b)
        {
            SweepReport.Write(folder.RunDir, plan, [.. rows.Select(r => r.Row)]);
            string why = string.Join("; ", rows.Select(r => r.Row.Error is { } e ? $"run {r.Row.Index} failed: {e}"
                : $"run {r.Row.Index} reported {string.Join(", ", r.Report?.Metrics.Keys ?? [])}"));
            outcomes.Fail(job.Id, $"sweep: no run reported a finite {plan.RankBy} to rank by ({why}).");
            return;
        }
        if (plan.PublishAll)
        {
            foreach ((SweepRunResult row, TrainingReport? report) in rows.Where(r => r.Row.Rank > 1).OrderBy(r => r.Row.Index).ToList())
                Publish(rows, row, report!, $"{job.Id}-run{row.Index}");
        }
        PublishedVersion published = Publish(rows, b.Item1, b.Item2, job.Id);
        SweepRunResult[] table = [.. rows.Select(r => r.Row)];
        SweepReport.Write(folder.RunDir, plan, table);
        log($"Sweep: run {b.Item1.Index} is best ({plan.RankBy} = {b.Item1.Figure:G5}); published {job.Name} version {published.Version}.");
        outcomes.Finish(job.Id, JobState.Succeeded, j => j with
        {
            Step = table.Sum(r => r.Steps), Fraction = 1, EtaSeconds = 0, Model = $"{job.Name}/{published.Version}", SweepRuns = table,
            Metrics = b.Item2.Metrics.Where(kv => double.IsFinite(kv.Value)).ToDictionary(),
        });
    }

    private PublishedVersion Publish(List<(SweepRunResult Row, TrainingReport? Report)> rows, SweepRunResult row, TrainingReport report, string sourceId)
    {
        PublishedVersion published = publisher.Publish(job.Name, report.Checkpoint, sourceId, recipe, folder.RunDirOf(row.Index, sweep: true));
        int at = rows.FindIndex(r => r.Row.Index == row.Index);
        rows[at] = (rows[at].Row with { Model = $"{job.Name}/{published.Version}" }, rows[at].Report);
        return published;
    }
}
