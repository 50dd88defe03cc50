using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Synth;

/// <summary>
/// The adversarial stage's critic: one sub-discriminator per STFT resolution (2048, 1024, 512), each reading the log
/// magnitude as a 1-D signal over time with the frequency bins as channels (4 convolutions, SiLU). A multi-resolution
/// discriminator in the spirit of UnivNet's, shaped for this CPU: 2-D convolutions over 1,000-bin spectrograms at 48 kHz
/// would cost seconds per step here; bins-as-channels costs milliseconds and still sees every bin's texture over time.
/// <see cref="Features"/> returns each layer's activations for feature matching. A conditional critic (the GAN's) adds
/// a projection term ⟨embed(condition), h⟩ per frame to the score (Miyato &amp; Koyama's projection discriminator).
/// </summary>
public sealed class SpectralFrameDiscriminator : nn.Module
{
    private static readonly int[] Sizes = [2048, 1024, 512];
    private readonly ModuleList<Sequential> _heads = new();
    private readonly ModuleList<Linear> _embeddings = new();
    private readonly Tensor[] _windows;
    private readonly Scalar _epsilon = 1e-5;

    /// <summary>A critic with <paramref name="channels"/> channels per layer, conditioned on <paramref name="conditions"/> values (0: none).</summary>
    public SpectralFrameDiscriminator(int channels = 64, int conditions = 0) : base(nameof(SpectralFrameDiscriminator))
    {
        Native.OneDnnSwitch.Apply(); // the critic back-propagates into its input: see OneDnnSwitch
        Conditions = conditions;
        foreach (int n in Sizes)
        {
            int bins = n / 2 + 1;
            _heads.Add(nn.Sequential(
                ("conv0", nn.Conv1d(bins, channels, 5, padding: 2)), ("act0", nn.SiLU()),
                ("conv1", nn.Conv1d(channels, channels, 5, stride: 2, padding: 2)), ("act1", nn.SiLU()),
                ("conv2", nn.Conv1d(channels, channels, 5, stride: 2, padding: 2)), ("act2", nn.SiLU()),
                ("out", nn.Conv1d(channels, 1, 3, padding: 1))));
            if (conditions > 0) _embeddings.Add(nn.Linear(conditions, channels, hasBias: false));
        }
        RegisterComponents();
        _windows = [.. Sizes.Select(n => hann_window(n).DetachFromDisposeScope())];
    }

    /// <summary>Values of the condition vector (0: unconditional).</summary>
    public int Conditions { get; }

    /// <summary>Per resolution, the activations after each SiLU and the final score map [N, 1, T'] (with the projection term when conditional).</summary>
    public List<List<Tensor>> Features(Tensor audio, Tensor? condition = null)
    {
        if ((condition is null) != (Conditions == 0)) throw new ArgumentException($"this critic takes {(Conditions == 0 ? "no condition" : $"a condition of {Conditions} values")}.", nameof(condition));
        ArgumentNullException.ThrowIfNull(audio);
        var result = new List<List<Tensor>>();
        for (int r = 0; r < Sizes.Length; r++)
        {
            int n = Sizes[r];
            Tensor x = stft(audio, n, n / 4, n, _windows[r], center: true, return_complex: true).abs().add(_epsilon).log();
            var layers = new List<Tensor>();
            foreach (var (name, module) in _heads[r].named_children())
            {
                Tensor h = x;
                x = ((nn.Module<Tensor, Tensor>)module).forward(x);
                if (name == "out" && condition is not null) x = x.add(_embeddings[r].forward(condition).unsqueeze(-1).mul(h).sum(1, keepdim: true));
                if (name.StartsWith("act", StringComparison.Ordinal) || name == "out") layers.Add(x);
            }
            result.Add(layers);
        }
        return result;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _heads.Dispose();
            _embeddings.Dispose();
            foreach (Tensor w in _windows) w.Dispose();
            _epsilon.Dispose();
        }
        base.Dispose(disposing);
    }
}
