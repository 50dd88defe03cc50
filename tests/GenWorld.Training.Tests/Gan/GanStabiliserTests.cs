using GenWorld.Training.Gan;
using static TorchSharp.torch;

namespace GenWorld.Training.Tests.Gan;

[Collection("Torch")]
public sealed class GanStabiliserTests
{
    [Fact]
    public void Ema_moves_each_weight_by_one_minus_decay_toward_the_live_weight()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var live = nn.Linear(4, 3);
        using var ema = nn.Linear(4, 3);
        Tensor before = ema.weight!.detach().clone();
        double gapBefore = (live.weight! - before).abs().sum().item<float>();

        GeneratorEma.Update(ema, live, decay: 0.9);

        Tensor expected = before + 0.1 * (live.weight!.detach() - before);
        Assert.True((ema.weight!.detach() - expected).abs().max().item<float>() < 1e-6);
        double gapAfter = (live.weight! - ema.weight!).abs().sum().item<float>();
        Assert.InRange(gapAfter / gapBefore, 0.899, 0.901);
    }

    [Fact]
    public void R1_of_a_linear_critic_is_half_gamma_times_its_squared_weight_norm()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var critic = nn.Linear(5, 1);
        Tensor real = randn(6, 5).requires_grad_(true);
        Tensor logits = critic.forward(real).squeeze(1);
        double r1 = GanLosses.R1Penalty(real, logits, gamma: 4).item<float>();
        double expected = 2 * critic.weight!.square().sum().item<float>();
        Assert.Equal(expected, r1, 5);
    }

    [Fact]
    public void Non_saturating_losses_stay_finite_for_huge_logits_and_point_the_right_way()
    {
        using var scope = NewDisposeScope();
        Tensor confident = tensor(new float[] { 200, 300 });
        Assert.True(double.IsFinite(GanLosses.Discriminator(confident, -confident).item<float>()));
        Assert.True(double.IsFinite(GanLosses.Generator(-confident).item<float>()));
        // A D that tells real from fake has lower loss than one that cannot.
        Assert.True(GanLosses.Discriminator(tensor(new float[] { 3 }), tensor(new float[] { -3 })).item<float>()
            < GanLosses.Discriminator(zeros(1), zeros(1)).item<float>());
    }

    [Fact]
    public void Minibatch_std_channel_is_zero_for_identical_samples_and_positive_for_varied_ones()
    {
        using var scope = NewDisposeScope();
        using var layer = new MinibatchStdDev();
        Tensor same = randn(1, 2, 3, 3).expand(4, 2, 3, 3);
        Tensor varied = randn(4, 2, 3, 3);
        Tensor a = layer.forward(same), b = layer.forward(varied);
        Assert.Equal(new long[] { 4, 3, 3, 3 }, a.shape);
        Assert.True(a[.., 2].abs().max().item<float>() < 1e-3);
        Assert.True(b[.., 2].min().item<float>() > 0.3);
    }

    [Fact]
    public void Divergence_guard_trips_on_non_finite_figures_and_on_a_runaway_discriminator()
    {
        var guard = new DivergenceGuard { MaxLogitGap = 10, Patience = 3 };
        Assert.True(guard.Check(new Dictionary<string, double> { ["grad_d"] = double.PositiveInfinity }, 0, 0));
        Assert.Contains("grad_d", guard.Reason);
        var fine = new Dictionary<string, double> { ["loss"] = 1 };
        Assert.False(guard.Check(fine, 20, -20));
        Assert.False(guard.Check(fine, 20, -20));
        Assert.True(guard.Check(fine, 20, -20));
        Assert.False(guard.Check(fine, 1, -1));
    }
}
