using GenWorld.Service.Recipes;

namespace GenWorld.Service.Sweeps;

/// <summary>Where sweeps can run: each run is an element of a Slurm array job, so the local executor refuses them.</summary>
internal static class SweepJobs
{
    public static SweepPlan? Plan(ITrainRecipe recipe, IReadOnlyDictionary<string, double> values, SweepRequest sweep, ServiceOptions options, List<string> errors)
    {
        if (options.Executor != Executors.ExecutorKind.Slurm)
        {
            errors.Add("sweep: this service trains in-process (--executor local); sweeps run as Slurm array jobs, so start it with --executor slurm, or submit the values as separate jobs.");
            return null;
        }
        return SweepPlanner.Build(recipe, values, sweep, errors);
    }
}
