namespace GenWorld.Core.Sequences;

/// <summary>General MIDI program families: programs 8k..8k+7 form family k.</summary>
public static class GeneralMidi
{
    private static readonly string[] Families =
    [
        "piano", "chromatic-percussion", "organ", "guitar", "bass", "strings", "ensemble", "brass",
        "reed", "pipe", "synth-lead", "synth-pad", "synth-effects", "ethnic", "percussive", "sound-effects",
    ];

    /// <summary>The 16 family names, in program order.</summary>
    public static IReadOnlyList<string> FamilyNames => Families;

    /// <summary>Family name of a GM program (0–127).</summary>
    public static string Family(int program) =>
        program is >= 0 and <= 127 ? Families[program / 8] : throw new ArgumentOutOfRangeException(nameof(program), program, "GM programs are 0–127");
}
