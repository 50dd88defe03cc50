using GenWorld.Core.Sequences;

namespace GenWorld.Inference.Generation;

/// <summary>
/// One generated performance, token by token or note by note: the state is the token history (the window is its tail),
/// the seeded <see cref="Random"/> and the running time. Same seed and settings, same notes.
/// </summary>
public sealed class PriorStream
{
    private readonly PriorSampler _sampler;
    private readonly Random _random;
    private readonly NoteTokenSampler _tokens;
    private readonly List<int> _history = [NoteVocabulary.Start];
    private long _time;
    private int? _family, _pitch;

    internal PriorStream(PriorSampler sampler, Random random, NoteTokenSampler tokens) => (_sampler, _random, _tokens) = (sampler, random, tokens);

    /// <summary>Every token so far, START first.</summary>
    public IReadOnlyList<int> Tokens => _history;

    /// <summary>Grid steps elapsed (sum of SHIFT tokens so far).</summary>
    public long TimeSteps => _time;

    /// <summary>Samples one token and returns it.</summary>
    public int NextToken()
    {
        int start = Math.Max(0, _history.Count - _sampler.Context);
        float[] logits = _sampler.NextLogits(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_history)[start..]);
        int token = _tokens.Next(logits, _history[^1], _random);
        _history.Add(token);
        return token;
    }

    /// <summary>Samples tokens until one completes a note, and returns that note.</summary>
    public NoteEvent NextEvent()
    {
        while (true)
        {
            int token = NextToken();
            switch (NoteVocabulary.KindOf(token))
            {
                case TokenKind.Shift: _time += NoteVocabulary.ShiftSteps[token - NoteVocabulary.ShiftBase]; break;
                case TokenKind.Family: _family = token - NoteVocabulary.FamilyBase; break;
                case TokenKind.Pitch: _pitch = token - NoteVocabulary.PitchBase + NoteVocabulary.PitchMin; break;
                case TokenKind.Duration when _family is int f && _pitch is int p:
                    _family = _pitch = null;
                    return new NoteEvent(_time, NoteVocabulary.DurationSteps[token - NoteVocabulary.DurationBase], f, p);
            }
        }
    }
}
