using System.Diagnostics;
using System.Globalization;
using GenWorld.Core.Sequences;
using GenWorld.Training.Runs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Prior;

/// <summary>
/// Trains a Transformer or GRU prior by next-token cross-entropy (nats per token) on random windows of the training
/// pieces. The curve also shows the held-out NLL on a fixed set of windows; the final report scores every held-out token
/// and times generation. Both architectures get exactly this recipe, so the comparison is like for like.
/// </summary>
public sealed class PriorTrainer : ITrainable
{
    private readonly PriorConfig _config;
    private readonly PriorTrainingOptions _options;
    private readonly PriorCorpus _corpus;
    private readonly Adam _adam;
    private readonly Dictionary<string, string> _configStrings;
    private readonly (long[] Inputs, long[] Targets)[] _curveWindows;
    private double _heldOutNll = double.NaN;

    /// <summary>Validates, then builds the model (call inside <see cref="TrainingRun.Execute"/> so the seed applies).</summary>
    public PriorTrainer(PriorConfig config, PriorTrainingOptions options, PriorCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(corpus);
        var errors = config.Validate().Concat(options.Validate()).ToList();
        if (config.Vocabulary != NoteVocabulary.Size) errors.Add($"vocabulary: {config.Vocabulary} differs from the note vocabulary's {NoteVocabulary.Size}.");
        if (errors.Count > 0) throw new ArgumentException("Cannot train the prior: " + string.Join(" ", errors));
        (_config, _options, _corpus) = (config, options, corpus);
        Model = PriorModels.Create(config);
        _adam = optim.Adam(Model.parameters(), lr: options.LearningRate);
        _curveWindows = [.. PriorCorpus.Windows(corpus.Test, config.Context).Where(w => w.Inputs.Length == config.Context).Take(options.CurveWindows)];
        _configStrings = config.ToConfig();
        _configStrings["dataset"] = corpus.Version;
        _configStrings["licence"] = corpus.Licence;
        _configStrings["batchSize"] = options.BatchSize.ToString(CultureInfo.InvariantCulture);
        _configStrings["transpose"] = options.Transpose.ToString(CultureInfo.InvariantCulture);
        _configStrings["parameters"] = PriorModels.ParameterCount(Model).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The model being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <inheritdoc />
    public string Kind => PriorModels.KindOf(_config.Architecture);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Config => _configStrings;

    /// <inheritdoc />
    public nn.Module Module => Model;

    /// <inheritdoc />
    public IReadOnlyList<OptimizerHelper> Optimizers => [_adam];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        Model.train();
        (Tensor x, Tensor y) = _corpus.TrainBatch(_options.BatchSize, _config.Context, random, _options.Transpose);
        Tensor loss = nn.functional.cross_entropy(Model.forward(x).reshape(-1, _config.Vocabulary), y.reshape(-1));
        _adam.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(Model.parameters(), _options.ClipNorm);
        _adam.step();
        if (step % _options.HeldOutEverySteps == 0 || double.IsNaN(_heldOutNll))
            _heldOutNll = Score(_curveWindows).NatsPerToken;
        // The last measured held-out value is repeated every step so history averages stay meaningful.
        return new Dictionary<string, double> { ["loss"] = loss.item<float>(), ["heldOutNll"] = _heldOutNll };
    }

    /// <summary>Total nats and token count over windows (eval mode, no dropout), batched by window length.</summary>
    public (double NatsPerToken, double Nats, long Tokens) Score(IEnumerable<(long[] Inputs, long[] Targets)> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        Model.eval();
        double nats = 0;
        long count = 0;
        using (no_grad())
            foreach (var group in windows.GroupBy(w => w.Inputs.Length))
                foreach (var chunk in group.Chunk(32))
                {
                    using var scope = NewDisposeScope();
                    int t = group.Key;
                    Tensor x = tensor(chunk.SelectMany(w => w.Inputs).ToArray()).reshape(chunk.Length, t);
                    Tensor y = tensor(chunk.SelectMany(w => w.Targets).ToArray()).reshape(-1);
                    nats += nn.functional.cross_entropy(Model.forward(x).reshape(-1, _config.Vocabulary), y, reduction: nn.Reduction.Sum).item<float>();
                    count += y.shape[0];
                }
        Model.train();
        return (count == 0 ? double.NaN : nats / count, nats, count);
    }

    /// <inheritdoc />
    public void WritePreview(string dir, long step)
    {
        Directory.CreateDirectory(dir);
        int[] tokens = PriorGenerator.Generate(Model, 192, new NoteTokenSampler(1.0, 0), (int)(step % int.MaxValue));
        var lines = NoteVocabulary.Decode(tokens).Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.OnsetSeconds:F3}s family {e.Family} pitch {e.Pitch} {e.DurationSeconds:F3}s"));
        Core.IO.AtomicFile.WriteAllText(Path.Combine(dir, "sample.txt"), string.Join('\n', lines) + "\n");
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate()
    {
        var heldOut = Score(PriorCorpus.Windows(_corpus.Test, _config.Context));
        var train = Score(PriorCorpus.Windows(_corpus.Train.Take(8).ToList(), _config.Context));
        long heldOutNotes = _corpus.Test.Sum(p => p.Count(t => NoteVocabulary.KindOf(t) == TokenKind.Duration));
        var clock = Stopwatch.StartNew();
        int[] generated = PriorGenerator.Generate(Model, _options.TimingTokens, new NoteTokenSampler(1.0, 0), 1);
        double seconds = clock.Elapsed.TotalSeconds;
        return new Dictionary<string, double>
        {
            ["heldOutNllNatsPerToken"] = heldOut.NatsPerToken,
            ["heldOutNllNatsPerNote"] = heldOut.Nats / Math.Max(1, heldOutNotes),
            ["heldOutTokens"] = heldOut.Tokens,
            ["heldOutNotes"] = heldOutNotes,
            ["trainSubsetNllNatsPerToken"] = train.NatsPerToken,
            ["uniformNllNatsPerToken"] = Math.Log(_config.Vocabulary),
            ["generationTokensPerSecond"] = (generated.Length - 1) / seconds,
            ["generatedNotes"] = NoteVocabulary.Decode(generated).Count,
            ["parameters"] = PriorModels.ParameterCount(Model),
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _adam.Dispose();
        Model.Dispose();
    }
}
