using GenWorld.Core.Sequences;
using GenWorld.Training.Runs;
using static TorchSharp.torch;

namespace GenWorld.Training.Prior;

/// <summary>
/// The tokenised note-sequence dataset (sequences/*.json), split by whole pieces as the dataset marks them, and the
/// windows both priors train and are evaluated on: a window is context + 1 tokens, inputs are the first context, targets the last.
/// </summary>
public sealed class PriorCorpus
{
    private readonly double[] _cumulative;

    /// <summary>Tokenised pieces of each split.</summary>
    public PriorCorpus(IReadOnlyList<int[]> train, IReadOnlyList<int[]> test, string version = "", string licence = "")
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Count == 0 || test.Count == 0) throw new ArgumentException($"the corpus needs pieces in both splits (train {train.Count}, test {test.Count}).");
        Train = train;
        Test = test;
        Version = version;
        Licence = licence;
        double sum = 0;
        _cumulative = [.. train.Select(p => sum += p.Length)];
    }

    /// <summary>Training pieces (token arrays starting with START).</summary>
    public IReadOnlyList<int[]> Train { get; }

    /// <summary>Held-out pieces.</summary>
    public IReadOnlyList<int[]> Test { get; }

    /// <summary>Dataset version.</summary>
    public string Version { get; }

    /// <summary>Licences of the pieces.</summary>
    public string Licence { get; }

    /// <summary>Loads a dataset folder written by <c>genworld dataset build sequences</c>.</summary>
    public static PriorCorpus Load(string datasetDir)
    {
        string dir = Path.Combine(datasetDir, "sequences");
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{datasetDir}: no sequences/ folder (build it with `genworld dataset build sequences`).");
        var files = Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(NoteSequenceFile.Load).ToList();
        string version = ReadVersion(datasetDir);
        string licence = string.Join(" AND ", files.Select(f => f.Licence).Distinct().Order(StringComparer.Ordinal));
        return new PriorCorpus(
            [.. files.Where(f => f.Split == "train").Select(f => NoteVocabulary.Encode(f.ToEvents()))],
            [.. files.Where(f => f.Split == "test").Select(f => NoteVocabulary.Encode(f.ToEvents()))], version, licence);
    }

    /// <summary>
    /// A batch of random training windows [N, context] → targets [N, context]. A piece is drawn in proportion to its
    /// length; one window in eight starts at the piece's START so beginnings are learnt; with <paramref name="transpose"/>
    /// each window is moved by up to ±that many semitones when every pitch stays in range.
    /// </summary>
    public (Tensor Inputs, Tensor Targets) TrainBatch(int batch, int context, RunRandom random, int transpose)
    {
        ArgumentNullException.ThrowIfNull(random);
        long[] x = new long[batch * context], y = new long[batch * context];
        for (int b = 0; b < batch; b++)
        {
            int[] piece = Train[PickPiece(random)];
            int span = Math.Min(context + 1, piece.Length);
            int start = random.Next(8) == 0 ? 0 : random.Next(piece.Length - span + 1);
            int shift = transpose == 0 ? 0 : random.Next(2 * transpose + 1) - transpose;
            if (!CanTranspose(piece.AsSpan(start, span), shift)) shift = 0;
            for (int i = 0; i < context; i++)
            {
                // Pieces shorter than a window repeat their last token as input and are never scored past their end.
                int a = Math.Min(start + i, piece.Length - 1), c = Math.Min(start + i + 1, piece.Length - 1);
                x[b * context + i] = Transposed(piece[a], shift);
                y[b * context + i] = start + i + 1 < piece.Length ? Transposed(piece[c], shift) : -100;
            }
        }
        return (tensor(x).reshape(batch, context), tensor(y).reshape(batch, context));
    }

    /// <summary>Every token of the given pieces scored once: non-overlapping windows from each piece's START.</summary>
    public static IEnumerable<(long[] Inputs, long[] Targets)> Windows(IReadOnlyList<int[]> pieces, int context)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        foreach (int[] piece in pieces)
            for (int s = 0; s + 1 < piece.Length; s += context)
            {
                int n = Math.Min(context, piece.Length - 1 - s);
                yield return ([.. piece.AsSpan(s, n).ToArray().Select(t => (long)t)], [.. piece.AsSpan(s + 1, n).ToArray().Select(t => (long)t)]);
            }
    }

    private int PickPiece(RunRandom random)
    {
        double u = random.NextDouble() * _cumulative[^1];
        int i = Array.BinarySearch(_cumulative, u);
        return Math.Min(i < 0 ? ~i : i + 1, _cumulative.Length - 1);
    }

    private static bool CanTranspose(ReadOnlySpan<int> tokens, int shift)
    {
        foreach (int t in tokens)
            if (NoteVocabulary.KindOf(t) == TokenKind.Pitch)
            {
                int p = t - NoteVocabulary.PitchBase + NoteVocabulary.PitchMin + shift;
                if (p is < NoteVocabulary.PitchMin or > NoteVocabulary.PitchMax) return false;
            }
        return true;
    }

    private static int Transposed(int token, int shift) => NoteVocabulary.KindOf(token) == TokenKind.Pitch ? token + shift : token;

    private static string ReadVersion(string datasetDir)
    {
        string path = Path.Combine(datasetDir, "dataset.json");
        if (!File.Exists(path)) return "";
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";
    }
}
