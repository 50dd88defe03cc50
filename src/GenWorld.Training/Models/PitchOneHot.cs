using static TorchSharp.torch;

namespace GenWorld.Training.Models;

/// <summary>The decoders' conditioning: [z | one-hot(pitch − min)] over a trained MIDI range, pitches checked first.</summary>
public static class PitchOneHot
{
    /// <summary>[z | one-hot] for one MIDI pitch per row; a missing list or a pitch outside [min, min + classes) throws.</summary>
    public static Tensor Append(Tensor z, IReadOnlyList<long>? pitches, int min, int classes)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (pitches is null || pitches.Count != z.shape[0])
            throw new ArgumentException($"this decoder is pitch-conditioned: give {z.shape[0]} MIDI pitches.", nameof(pitches));
        foreach (long p in pitches)
            if (p < min || p >= min + classes)
                throw new ArgumentOutOfRangeException(nameof(pitches), p, $"pitch outside the trained range {min}..{min + classes - 1}.");
        using var index = tensor(pitches.Select(p => p - min).ToArray(), device: z.device);
        using var oneHot = nn.functional.one_hot(index, classes).to_type(z.dtype);
        return cat([z, oneHot], 1);
    }
}
