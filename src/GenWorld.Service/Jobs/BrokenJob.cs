namespace GenWorld.Service.Jobs;

/// <summary>A job folder whose job.json could not be read: listed by GET /jobs with its problem, so no job is lost silently.</summary>
/// <param name="Id">The job folder's name (its id).</param>
/// <param name="Problem">What is wrong with its record.</param>
public sealed record BrokenJob(string Id, string Problem);
