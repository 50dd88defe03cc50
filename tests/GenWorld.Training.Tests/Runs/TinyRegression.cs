using GenWorld.Training.Runs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Runs;

/// <summary>A small MLP fitting y = sin(3x) on random batches: enough to exercise TrainingRun quickly.</summary>
internal sealed class TinyRegression : ITrainable
{
    private readonly Sequential _net = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1));
    private readonly Adam _adam;

    public TinyRegression(int hidden = 16, long nanAtStep = -1)
    {
        _adam = optim.Adam(_net.parameters(), lr: 0.02);
        Config = new Dictionary<string, string> { ["hidden"] = hidden.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        NanAtStep = nanAtStep;
    }

    /// <summary>Step at which one NaN loss is injected (then cleared), or -1.</summary>
    public long NanAtStep { get; private set; }

    public string Kind => "tiny-regression";
    public IReadOnlyDictionary<string, string> Config { get; }
    public nn.Module Module => _net;
    public IReadOnlyList<OptimizerHelper> Optimizers => [_adam];

    public IReadOnlyDictionary<string, double> Step(long step, RunRandom random)
    {
        // Batch drawn from our RNG so resume and seeding are both exercised.
        float[] xs = [.. Enumerable.Range(0, 32).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        Tensor x = tensor(xs).reshape(32, 1);
        Tensor loss = nn.functional.mse_loss(_net.forward(x), sin(x * 3));
        if (step == NanAtStep)
        {
            NanAtStep = -1;
            loss = loss * float.NaN;
        }
        _adam.zero_grad();
        loss.backward();
        _adam.step();
        return new Dictionary<string, double> { ["loss"] = loss.item<float>() };
    }

    public void WritePreview(string dir, long step)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "step.txt"), step.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public IReadOnlyDictionary<string, double> Evaluate() => new Dictionary<string, double> { ["params"] = _net.parameters().Sum(p => p.numel()) };

    public void Dispose()
    {
        _adam.Dispose();
        _net.Dispose();
    }
}
