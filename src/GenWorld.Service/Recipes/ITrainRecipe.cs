using GenWorld.Core.Models;
using GenWorld.Training.Runs;

namespace GenWorld.Service.Recipes;

/// <summary>
/// How one model kind is trained and exported, shared by <c>genworld train &lt;kind&gt;</c> and the service's jobs:
/// its hyper-parameters, how a dataset folder becomes an <see cref="ITrainable"/>, and how a checkpoint becomes a model folder.
/// </summary>
public interface ITrainRecipe
{
    /// <summary>Model kind, also the checkpoint kind (e.g. "sound-vae").</summary>
    string Kind { get; }

    /// <summary>One line for help and the OpenAPI document.</summary>
    string Description { get; }

    /// <summary>Every hyper-parameter with its default and range.</summary>
    IReadOnlyList<HyperParameter> Parameters { get; }

    /// <summary>Checks across parameters (beyond each one's range), each message naming the field.</summary>
    IReadOnlyList<string> Validate(IReadOnlyDictionary<string, double> values);

    /// <summary>Loads the dataset and returns how to build the model (call inside a run so the seed applies).</summary>
    PreparedTraining Prepare(string datasetDir, IReadOnlyDictionary<string, double> values, ITrainingProgress progress);

    /// <summary>Exports a checkpoint of this kind into <paramref name="outDir"/> (ONNX parts + manifest.json).</summary>
    ModelManifest Export(string checkpointDir, string outDir, string name);
}

/// <summary>A loaded dataset ready to train on: the model factory, an optional step after the run, and the data to free.</summary>
public sealed class PreparedTraining(string summary, Func<RunRandom, ITrainable> create, Action<TrainingRunResult, TrainingRunOptions>? finish = null, IDisposable? data = null) : IDisposable
{
    /// <summary>What was loaded, for a log line.</summary>
    public string Summary => summary;

    /// <summary>Builds the model (seeded by the run).</summary>
    public Func<RunRandom, ITrainable> Create => create;

    /// <summary>Runs after a finished run (e.g. the texture contact sheet).</summary>
    public Action<TrainingRunResult, TrainingRunOptions>? Finish => finish;

    /// <inheritdoc />
    public void Dispose() => data?.Dispose();
}
