using GenWorld.Core.Sequences;
using static TorchSharp.torch;

namespace GenWorld.Training.Prior;

/// <summary>
/// Generates tokens from a TorchSharp prior with <see cref="NoteTokenSampler"/>: the Transformer re-runs its causal
/// window (the last context tokens) for every new token; the GRU carries its hidden state and runs one step per token.
/// </summary>
public static class PriorGenerator
{
    /// <summary>START followed by <paramref name="count"/> sampled tokens; same seed, same tokens.</summary>
    public static int[] Generate(nn.Module<Tensor, Tensor> model, int count, NoteTokenSampler sampler, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampler);
        var random = new Random(seed);
        var tokens = new List<int>(count + 1) { NoteVocabulary.Start };
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            if (model is GruPrior gru) GenerateGru(gru, tokens, count, sampler, random);
            else if (model is TransformerPrior transformer) GenerateWindowed(transformer, transformer.Config.Context, tokens, count, sampler, random);
            else throw new ArgumentException($"{model.GetType().Name} is not a prior.", nameof(model));
        }
        finally
        {
            model.train(wasTraining);
        }
        return [.. tokens];
    }

    private static void GenerateWindowed(nn.Module<Tensor, Tensor> model, int context, List<int> tokens, int count, NoteTokenSampler sampler, Random random)
    {
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            int start = Math.Max(0, tokens.Count - context);
            long[] window = [.. tokens.Skip(start).Select(t => (long)t)];
            Tensor logits = model.forward(tensor(window).reshape(1, window.Length))[0, -1];
            tokens.Add(sampler.Next(logits.data<float>().ToArray(), tokens[^1], random));
        }
    }

    private static void GenerateGru(GruPrior gru, List<int> tokens, int count, NoteTokenSampler sampler, Random random)
    {
        Tensor? hidden = null;
        try
        {
            for (int i = 0; i < count; i++)
            {
                using var scope = NewDisposeScope();
                (Tensor logits, Tensor next) = gru.Step(tensor(new long[] { tokens[^1] }).reshape(1, 1), hidden);
                hidden?.Dispose();
                hidden = next.MoveToOuterDisposeScope();
                tokens.Add(sampler.Next(logits[0, -1].data<float>().ToArray(), tokens[^1], random));
            }
        }
        finally
        {
            hidden?.Dispose();
        }
    }
}
