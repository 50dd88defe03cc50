using GenWorld.Core.Imaging;
using GenWorld.Training.Gan;
using GenWorld.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Textures;

/// <summary>
/// Trains the tileable texture GAN under <see cref="TrainingRun"/>: non-saturating loss, spectrally normalised
/// discriminator with minibatch-std, lazy R1 on real tiles, Adam (β1 = 0, β2 = 0.99), EMA generator, and a
/// divergence guard that turns a runaway step into a rollback. Logs D(x), D(G(z)) (as probabilities) and both
/// gradient norms every step.
/// </summary>
public sealed class TextureGan : ITrainable
{
    /// <summary>Checkpoint kind.</summary>
    public const string KindName = "texture-gan";

    private const ulong PreviewSeed = 20261124;
    private readonly TextureGanConfig _config;
    private readonly TileFolder _tiles;
    private readonly TextureGanModules _modules;
    private readonly Adam _generatorOptimizer, _discriminatorOptimizer;
    private readonly DivergenceGuard _guard = new();

    /// <summary>
    /// Validates the config, then builds the networks; <paramref name="tiles"/> stays owned by the caller. The dataset
    /// version and licence go into the checkpoint config, so an export can write them into manifest.json.
    /// </summary>
    public TextureGan(TextureGanConfig config, TileFolder tiles, string datasetVersion = "unknown", string dataLicence = "unknown")
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tiles);
        IReadOnlyList<string> errors = config.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid texture GAN config: " + string.Join(" ", errors), nameof(config));
        _config = config;
        _tiles = tiles;
        var values = new Dictionary<string, string>(config.ToDictionary()) { ["dataset"] = datasetVersion, ["licence"] = dataLicence };
        Config = values;
        _modules = new TextureGanModules(config);
        _generatorOptimizer = optim.Adam(_modules.Generator.parameters(), config.LearningRate, beta1: 0.0, beta2: 0.99);
        _discriminatorOptimizer = optim.Adam(_modules.Discriminator.parameters(), config.LearningRate, beta1: 0.0, beta2: 0.99);
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Config { get; }

    /// <summary>The networks (live generator, discriminator, EMA).</summary>
    public TextureGanModules Networks => _modules;

    /// <inheritdoc />
    public nn.Module Module => _modules;

    /// <inheritdoc />
    public IReadOnlyList<OptimizerHelper> Optimizers => [_generatorOptimizer, _discriminatorOptimizer];

    /// <summary>Why the last step was turned into a rollback, or null.</summary>
    public string? DivergenceReason => _guard.Reason;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _modules.Generator.train();
        _modules.Discriminator.train();
        using var noise = new torch.Generator(random.NextUInt64());
        Tensor real = _tiles.Batch(_config.BatchSize, _config.TileSize, random);

        // Discriminator: real vs detached fakes, plus lazy R1 (scaled by its interval so its average weight is γ).
        bool r1 = step % _config.R1Every == 0;
        if (r1) real.requires_grad_(true);
        Tensor fake;
        using (no_grad()) fake = _modules.Generator.forward(Latent(_config.BatchSize, _config.LatentGrid, noise));
        Tensor realLogits = _modules.Discriminator.forward(real);
        Tensor fakeLogits = _modules.Discriminator.forward(fake);
        Tensor dLoss = GanLosses.Discriminator(realLogits, fakeLogits);
        Tensor r1Loss = r1 ? GanLosses.R1Penalty(real, realLogits, _config.R1Gamma) * _config.R1Every : zeros(1);
        _discriminatorOptimizer.zero_grad();
        (dLoss + r1Loss).backward();
        double dGrad = GradientNorm.Of(_modules.Discriminator);
        _discriminatorOptimizer.step();

        // Generator: fresh latents through the updated discriminator (not while the discriminator warms up).
        bool trainGenerator = step > _config.DiscriminatorWarmup;
        Tensor latent = Latent(_config.BatchSize, _config.LatentGrid, noise);
        Tensor generated = trainGenerator ? _modules.Generator.forward(latent) : fake;
        Tensor gLogits = trainGenerator ? _modules.Discriminator.forward(generated) : fakeLogits.detach();
        Tensor gLoss = GanLosses.Generator(gLogits);
        Tensor seeking = _config.ModeSeeking > 0 ? ModeSeeking.Loss(latent, generated) : zeros(1);
        double gGrad = 0;
        if (trainGenerator)
        {
            _generatorOptimizer.zero_grad();
            (gLoss + seeking * _config.ModeSeeking).backward();
            gGrad = GradientNorm.Of(_modules.Generator);
            _generatorOptimizer.step();
        }
        // Warm-up: early on the EMA follows closely, so short runs and first previews are not stuck near the init weights.
        GeneratorEma.Update(_modules.Ema, _modules.Generator, Math.Min(_config.EmaDecay, (1.0 + step) / (10.0 + step)));

        double meanReal = realLogits.mean().item<float>(), meanFake = fakeLogits.mean().item<float>();
        var figures = new Dictionary<string, double>
        {
            ["loss"] = dLoss.item<float>() + gLoss.item<float>(),
            ["d_loss"] = dLoss.item<float>(),
            ["g_loss"] = gLoss.item<float>(),
            ["d_real"] = realLogits.sigmoid().mean().item<float>(),
            ["d_fake"] = fakeLogits.sigmoid().mean().item<float>(),
            ["grad_d"] = dGrad,
            ["grad_g"] = gGrad,
        };
        if (r1) figures["r1"] = r1Loss.item<float>() / _config.R1Every;
        if (_config.ModeSeeking > 0) figures["mode_seeking"] = seeking.item<float>();
        if (_guard.Check(figures, meanReal, meanFake)) figures["loss"] = double.NaN;
        return figures;
    }

    /// <summary>A standard-normal latent grid [n, Z, grid, grid].</summary>
    public Tensor Latent(int n, int grid, torch.Generator? generator = null) =>
        randn([n, _config.LatentChannels, grid, grid], generator: generator);

    /// <summary>EMA samples for a fixed seed: [n, 3, 16·grid, 16·grid].</summary>
    public Tensor Sample(int n, int grid, ulong seed = PreviewSeed)
    {
        using var noise = new torch.Generator(seed);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return _modules.Ema.forward(Latent(n, grid, noise)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void WritePreview(string dir, long step)
    {
        Directory.CreateDirectory(dir);
        using var scope = NewDisposeScope();
        TileImages.SaveGrid(Sample(16, _config.LatentGrid), 4, Path.Combine(dir, "tiles.png"));
        // The live generator too: early in a run the EMA lags far behind it, and a collapse shows here first.
        using (no_grad())
        {
            using var noise = new torch.Generator(PreviewSeed);
            _modules.Generator.eval();
            TileImages.SaveGrid(_modules.Generator.forward(Latent(16, _config.LatentGrid, noise)), 4, Path.Combine(dir, "tiles-live.png"));
        }
        // One large tile from the same weights, shown 2×2 so any seam would show as a cross.
        TileImages.SaveGrid(Sample(1, 16).repeat(1, 1, 2, 2), 1, Path.Combine(dir, "tile256-2x2.png"));
    }

    /// <summary>64 EMA samples beside 64 real training crops.</summary>
    public void WriteContactSheet(string path)
    {
        using var scope = NewDisposeScope();
        TileImages.SaveContactSheet(Sample(64, _config.LatentGrid), _tiles.Batch(64, _config.TileSize, new RunRandom(7)), path);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate()
    {
        using var scope = NewDisposeScope();
        // Each tile has only one wrap edge per axis, so the ratio needs many tiles (64 gave 0.90 where the expectation is 1).
        Tensor small = Sample(256, _config.LatentGrid, PreviewSeed + 1);
        Tensor large = Sample(24, 16, PreviewSeed + 2);
        Tensor real = _tiles.Batch(64, _config.TileSize, new RunRandom(11));
        // Variety over 256 tiles each side: the same count, so sampling noise in the two spreads is alike.
        Tensor realMany = _tiles.Batch(256, _config.TileSize, new RunRandom(13));
        return new Dictionary<string, double>
        {
            ["seamRatio"] = SeamMetric.Ratio(small.Planar()),
            ["seamRatioPhaseMatched"] = SeamMetric.PhaseMatchedRatio(small.Planar(), TextureGanConfig.CellPixels),
            ["seamRatio256PhaseMatched"] = SeamMetric.PhaseMatchedRatio(large.Planar(), TextureGanConfig.CellPixels),
            ["seamRatio256"] = SeamMetric.Ratio(large.Planar()),
            ["seamRatioRealCrops"] = SeamMetric.Ratio(real.Planar()),
            ["colourSpread"] = TileVariety.MeanColourSpread(small),
            ["colourSpreadReal"] = TileVariety.MeanColourSpread(realMany),
            ["detail"] = TileVariety.WithinTileSpread(small),
            ["detailReal"] = TileVariety.WithinTileSpread(realMany),
            ["generatorParameters"] = _modules.Generator.parameters().Sum(p => p.numel()),
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _modules.Dispose();
    }
}
