using static TorchSharp.torch;

namespace GenWorld.Training.Gan;

/// <summary>
/// Everything a GAN checkpoint holds: the live generator, the discriminator and the EMA generator (registered as
/// "generator", "discriminator", "ema": the checkpoint keys). The EMA starts as a copy of the generator and never trains;
/// previews, metrics and export use it.
/// </summary>
public abstract class GanModules<TGenerator, TDiscriminator> : nn.Module
    where TGenerator : nn.Module
    where TDiscriminator : nn.Module
{
    /// <summary>Builds the three networks; <paramref name="newGenerator"/> is called twice (live and EMA).</summary>
    protected GanModules(string name, Func<TGenerator> newGenerator, TDiscriminator discriminator) : base(name)
    {
        ArgumentNullException.ThrowIfNull(newGenerator);
        ArgumentNullException.ThrowIfNull(discriminator);
        Native.OneDnnSwitch.Apply(); // discriminators back-propagate into their input: see OneDnnSwitch
        Generator = newGenerator();
        Discriminator = discriminator;
        Ema = newGenerator();
        GeneratorEma.CopyFrom(Ema, Generator);
        foreach (var p in Ema.parameters()) p.requires_grad = false;
        Ema.eval();
        register_module("generator", Generator);
        register_module("discriminator", Discriminator);
        register_module("ema", Ema);
    }

    /// <summary>The generator being trained.</summary>
    public TGenerator Generator { get; }

    /// <summary>The discriminator.</summary>
    public TDiscriminator Discriminator { get; }

    /// <summary>The EMA of the generator's weights.</summary>
    public TGenerator Ema { get; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Generator.Dispose();
            Discriminator.Dispose();
            Ema.Dispose();
        }
        base.Dispose(disposing);
    }
}
