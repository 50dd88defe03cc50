using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>The global L2 norm of a module's parameter gradients, logged per step to spot exploding or vanishing updates.</summary>
public static class GradientNorm
{
    /// <summary>sqrt(Σ ‖∂L/∂θ‖²) over parameters that have a gradient (0 when none has).</summary>
    public static double Of(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();
        double sum = 0;
        foreach (var p in module.parameters())
        {
            if (p.grad is { } g)
                sum += g.detach().square().sum().item<float>();
        }
        return Math.Sqrt(sum);
    }
}
