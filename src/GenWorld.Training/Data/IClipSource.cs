namespace GenWorld.Training.Data;

/// <summary>One audio clip for training: mono samples at their own rate plus labels (e.g. "pitch" as a MIDI number).</summary>
public sealed record ClipItem(string Id, float[] Samples, int SampleRate, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The "pitch" label as a MIDI number, or null when the clip has none; one that is not 0..127 is refused by name.</summary>
    public int? MidiPitch
    {
        get
        {
            if (!Labels.TryGetValue("pitch", out string? text)) return null;
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int pitch) || pitch is < 0 or > 127)
                throw new InvalidDataException($"{Id}: label pitch='{text}' is not a MIDI number 0..127.");
            return pitch;
        }
    }
}

/// <summary>
/// Where sound models get their clips: a plain folder of WAV files, or a built GenWorld dataset through an adapter.
/// Loading is eager; datasets here are a few thousand one-second clips.
/// </summary>
public interface IClipSource
{
    /// <summary>Human-readable origin (a path).</summary>
    string Description { get; }

    /// <summary>Dataset version for manifests (a checksum), or "" when unknown.</summary>
    string Version { get; }

    /// <summary>Licence of the clips for manifests, or "" when unknown.</summary>
    string Licence { get; }

    /// <summary>Reads every clip; throws <see cref="InvalidDataException"/> naming the file when one cannot be read.</summary>
    IReadOnlyList<ClipItem> Load();
}
