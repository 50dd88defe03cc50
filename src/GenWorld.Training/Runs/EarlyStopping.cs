namespace GenWorld.Training.Runs;

/// <summary>
/// Stops a run when its held-out loss has not improved for <see cref="Patience"/> evaluations in a row. On a small
/// library (tens of sounds) a model starts to learn its training clips by heart within minutes; the held-out loss
/// turning up is the sign, and training on past it only makes the model worse at sounds it has not seen.
/// </summary>
/// <param name="patience">Evaluations without improvement before stopping (>= 1).</param>
public sealed class EarlyStopping(int patience)
{
    /// <summary>Evaluations without improvement before stopping.</summary>
    public int Patience { get; } = patience >= 1 ? patience : throw new ArgumentOutOfRangeException(nameof(patience), patience, "must be >= 1");

    /// <summary>The lowest held-out loss seen so far (infinity before the first).</summary>
    public double Best { get; private set; } = double.PositiveInfinity;

    /// <summary>The step at which <see cref="Best"/> was seen.</summary>
    public long BestStep { get; private set; }

    private int _sinceBest;

    /// <summary>Records the held-out loss at <paramref name="step"/>; true when the run should stop.</summary>
    public bool Observe(long step, double heldOutLoss)
    {
        // A NaN never counts as better, so a diverging model runs out of patience instead of resetting it.
        if (heldOutLoss < Best)
        {
            Best = heldOutLoss;
            BestStep = step;
            _sinceBest = 0;
            return false;
        }
        return ++_sinceBest >= Patience;
    }
}
