using GenWorld.Core.Sequences;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.World;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.Cli.Prior;

/// <summary>
/// What `genworld explore` needs for attract mode: the shipped note prior (models/notes-prior) and its timbre table,
/// each tour drawn with the next seed so a quiet room hears a new performance every time.
/// </summary>
internal sealed class AttractSetup : IDisposable
{
    private readonly ModelFolder _prior;
    private readonly TimbreTable _timbres;
    private readonly LatentWorld _world;
    private readonly double _idleSeconds;
    private int _seed = 1;

    private AttractSetup(ModelFolder prior, TimbreTable timbres, LatentWorld world, double idleSeconds) =>
        (_prior, _timbres, _world, _idleSeconds) = (prior, timbres, world, idleSeconds);

    /// <summary>Null when attract is off (0 s), the prior is not shipped, or its latents do not fit this field.</summary>
    public static AttractSetup? TryOpen(double idleSeconds, LatentWorld world, string folder = "models/notes-prior")
    {
        if (!(idleSeconds > 0)) return null;
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"explore: attract mode off ({folder} not found).");
            return null;
        }
        var prior = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: 1));
        var timbres = TimbreTable.Load(Path.Combine(prior.Path, TimbreTable.FileName));
        if (timbres.LatentSize != world.Projection.LatentSize)
        {
            Console.Error.WriteLine($"explore: attract mode off (the prior's timbres are {timbres.SourceModel} latents, not this field's).");
            prior.Dispose();
            return null;
        }
        return new AttractSetup(prior, timbres, world, idleSeconds);
    }

    public AttractMode Wrap(FlyCamera fly) => new(fly, NextTour, _idleSeconds);

    private PriorTour NextTour() =>
        new(new PriorSampler(_prior).Start(_seed++, new NoteTokenSampler(0.9, 0)), _timbres, _world.Projection);

    public void Dispose() => _prior.Dispose();
}
