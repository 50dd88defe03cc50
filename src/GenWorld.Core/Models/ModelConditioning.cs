namespace GenWorld.Core.Models;

/// <summary>
/// What a conditional model is conditioned on: a free description, optional MIDI pitch range and optional class labels
/// (the label order is the one-hot / embedding index order).
/// </summary>
public sealed record ModelConditioning(string Description, int? PitchMin = null, int? PitchMax = null, IReadOnlyList<string>? LabelNames = null)
{
    internal void Validate(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Description)) errors.Add("conditioning.description: must not be empty.");
        if (PitchMin.HasValue != PitchMax.HasValue)
            errors.Add("conditioning.pitchMin/pitchMax: give both or neither.");
        if (PitchMin is { } lo && PitchMax is { } hi && (lo < 0 || hi > 127 || lo > hi))
            errors.Add($"conditioning.pitchMin/pitchMax: [{lo}, {hi}] is not a MIDI range within 0..127.");
        if (LabelNames is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < LabelNames.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(LabelNames[i])) errors.Add($"conditioning.labelNames[{i}]: must not be empty.");
            else if (!seen.Add(LabelNames[i])) errors.Add($"conditioning.labelNames[{i}]: '{LabelNames[i]}' is listed twice.");
        }
    }
}
