using GenWorld.Service.Publishing;
using GenWorld.Service.Recipes;
using GenWorld.Service.Security;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Jobs;

/// <summary>How every executor ends a job: publish and succeed, fail with a message people can act on, or cancel.</summary>
internal sealed class JobOutcomes(JobStore store, ModelPublisher publisher)
{
    /// <summary>Publishes the report's checkpoint as the next version of the job's model, then marks the job Succeeded.</summary>
    public PublishedVersion PublishAndSucceed(JobRecord job, ITrainRecipe recipe, TrainingReport report, string runDir, Action<string> log)
    {
        PublishedVersion published = publisher.Publish(job.Name, report.Checkpoint, job.Id, recipe, runDir);
        log($"Published {job.Name} version {published.Version}.");
        Finish(job.Id, JobState.Succeeded, j => j with
        {
            Step = report.Steps, Fraction = 1, EtaSeconds = 0, Model = $"{job.Name}/{published.Version}",
            Metrics = report.Metrics.Where(kv => double.IsFinite(kv.Value)).ToDictionary(),
        });
        return published;
    }

    /// <summary>Ends the job Failed with <paramref name="message"/>.</summary>
    public void Fail(string id, string message) => Finish(id, JobState.Failed, j => j with { Error = message });

    /// <summary>Ends the job Cancelled.</summary>
    public void Cancel(string id) => Finish(id, JobState.Cancelled, j => j);

    /// <summary>Marks a terminal state and frees the job's dataset copy.</summary>
    public void Finish(string id, JobState state, Func<JobRecord, JobRecord> change)
    {
        store.Update(id, j => change(j) with { State = state, FinishedUtc = DateTimeOffset.UtcNow });
        DatasetSnapshot.Remove(Path.GetDirectoryName(store.RunDir(id))!);
    }

    /// <summary>The message a failed job shows: the plain message for expected failures, with the type for anything else.</summary>
    public static string Message(Exception e) =>
        e is TrainingException or IOException or InvalidDataException or ArgumentException or Content.Datasets.DatasetException
            ? e.Message
            : $"{e.GetType().Name}: {e.Message}";
}
