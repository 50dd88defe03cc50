using GenWorld.Core.Sequences;
using GenWorld.Training.Prior;
using GenWorld.Training.Runs;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Prior;

/// <summary>Both priors learn the fixture riff in a few steps, and generation is seeded and grammatical.</summary>
[Collection("Torch")]
public sealed class PriorTrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gw-prior-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("transformer")]
    [InlineData("gru")]
    public void A_few_steps_lower_train_and_held_out_loss(string architecture)
    {
        PriorConfig config = architecture == "gru" ? PriorFixtures.TinyGru() : PriorFixtures.TinyTransformer();
        var options = new TrainingRunOptions { OutDir = Path.Combine(_dir, architecture), MaxSteps = 40, Seed = 3, HistoryEvery = 1, WritePreviews = false };
        var training = new PriorTrainingOptions { BatchSize = 8, LearningRate = 3e-3, HeldOutEverySteps = 10, CurveWindows = 4, TimingTokens = 16, Transpose = 2 };

        var result = TrainingRun.Execute(options, _ => new PriorTrainer(config, training, PriorFixtures.Corpus()));

        double first = result.History.Take(3).Average(h => h.Losses["loss"]), last = result.History.TakeLast(3).Average(h => h.Losses["loss"]);
        Assert.True(last < 0.6 * first, $"train loss {first:F3} -> {last:F3}");
        double heldOut = result.Report.Metrics["heldOutNllNatsPerToken"];
        Assert.True(heldOut < 0.7 * Math.Log(NoteVocabulary.Size), $"held-out NLL {heldOut:F3} nats/token vs uniform {Math.Log(NoteVocabulary.Size):F3}");
        Assert.True(result.Report.Metrics["generationTokensPerSecond"] > 0);
    }

    [Theory]
    [InlineData("transformer")]
    [InlineData("gru")]
    public void Same_seed_same_tokens_and_every_token_follows_the_grammar(string architecture)
    {
        using var scope = NewDisposeScope();
        // libtorch's default thread pool spins badly on this shared 2-core machine; runs set 1 thread too.
        TorchSharp.torch.set_num_threads(1);
        TorchSharp.torch.manual_seed(2);
        using var model = PriorModels.Create(architecture == "gru" ? PriorFixtures.TinyGru() : PriorFixtures.TinyTransformer());
        var sampler = new NoteTokenSampler(1.2, 20);

        int[] a = PriorGenerator.Generate(model, 40, sampler, seed: 5);
        int[] b = PriorGenerator.Generate(model, 40, sampler, seed: 5);
        int[] c = PriorGenerator.Generate(model, 40, sampler, seed: 6);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(41, a.Length);
        for (int i = 1; i < a.Length; i++)
            Assert.True(NoteVocabulary.IsAllowed(a[i - 1], a[i]), $"token {a[i]} may not follow {a[i - 1]}");
    }
}
