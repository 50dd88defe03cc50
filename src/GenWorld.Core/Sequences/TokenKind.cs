namespace GenWorld.Core.Sequences;

/// <summary>What a token of <see cref="NoteVocabulary"/> stands for.</summary>
public enum TokenKind
{
    /// <summary>Start of a sequence.</summary>
    Start,

    /// <summary>Move time on by a number of grid steps.</summary>
    Shift,

    /// <summary>The instrument family of the next note.</summary>
    Family,

    /// <summary>The pitch of the note.</summary>
    Pitch,

    /// <summary>The length of the note; it ends the note event.</summary>
    Duration,
}
