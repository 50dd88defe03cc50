using TorchSharp;

namespace GenWorld.Training.Runs;

/// <summary>
/// One model's training, as <see cref="TrainingRun"/> drives it: a module holding every parameter to checkpoint,
/// its optimisers, one step, previews and final metrics. VAE, GANs and the texture GAN each implement it.
/// </summary>
public interface ITrainable : IDisposable
{
    /// <summary>Model kind written into checkpoints (e.g. "sound-vae"); a checkpoint of another kind is refused.</summary>
    string Kind { get; }

    /// <summary>Hyper-parameters that must match to resume (written to the checkpoint sidecar, compared on load).</summary>
    IReadOnlyDictionary<string, string> Config { get; }

    /// <summary>Every trainable parameter and buffer (for a GAN: a container of generator, discriminator and EMA).</summary>
    torch.nn.Module Module { get; }

    /// <summary>The optimisers, in a fixed order (their state is checkpointed).</summary>
    IReadOnlyList<TorchSharp.Modules.OptimizerHelper> Optimizers { get; }

    /// <summary>One optimisation step; returns named losses, "loss" being the one shown and checked for NaN.</summary>
    IReadOnlyDictionary<string, double> Step(long step, RunRandom random);

    /// <summary>Writes previews (WAV grid, PNG sheet) for the current weights into <paramref name="dir"/>.</summary>
    void WritePreview(string dir, long step);

    /// <summary>Final held-out metrics for report.json.</summary>
    IReadOnlyDictionary<string, double> Evaluate();

    /// <summary>
    /// One held-out loss (lower is better) for early stopping, or null when the model has none to offer; it must not
    /// draw from the random generators, so a run stays the same with early stopping on or off until it stops.
    /// </summary>
    double? HeldOutLoss() => null;
}
