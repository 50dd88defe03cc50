namespace GenWorld.Training.Data;

/// <summary>
/// Which clips of a dataset are held out from training: every <c>every</c>-th by position (and the last one when the
/// dataset is shorter than that). Trainers and the runtime-side evaluation share it, so "held out" means the same
/// clips in report.json and in evaluation.json.
/// </summary>
public static class HeldOutSplit
{
    /// <summary>The default: every 10th clip.</summary>
    public const int DefaultEvery = 10;

    /// <summary>True when the clip at <paramref name="index"/> of <paramref name="count"/> is held out.</summary>
    public static bool IsHeldOut(int index, int count, int every = DefaultEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 2);
        return index % every == every - 1 || (count < every && index == count - 1);
    }
}
