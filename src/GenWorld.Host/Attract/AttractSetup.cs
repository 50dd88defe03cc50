using GenWorld.Core.Sequences;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.World;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Attract;

/// <summary>
/// What `genworld explore` needs for attract mode: the shipped note prior (models/notes-prior) and its timbre table,
/// each tour drawn with the next seed so a quiet room hears a new performance every time.
/// </summary>
public sealed class AttractSetup : IDisposable
{
    private readonly ModelFolder _prior;
    private readonly TimbreTable _timbres;
    private readonly LatentWorld _world;
    private readonly double _idleSeconds;
    private readonly List<PriorTour> _tours = [];
    private readonly object _priorGate = new();   // one prior step at a time across tours: the last one's worker may still be in one
    private int _seed = 1;

    private AttractSetup(ModelFolder prior, TimbreTable timbres, LatentWorld world, double idleSeconds) =>
        (_prior, _timbres, _world, _idleSeconds) = (prior, timbres, world, idleSeconds);

    /// <summary>Null when attract is off (0 s), the prior is not shipped, or its latents do not fit this field.</summary>
    public static AttractSetup? TryOpen(double idleSeconds, LatentWorld world, string folder = "models/notes-prior", Action<string>? log = null)
    {
        log ??= Console.Error.WriteLine;
        if (!(idleSeconds > 0)) return null;
        if (!Directory.Exists(folder))
        {
            log($"explore: attract mode off ({folder} not found).");
            return null;
        }
        var prior = ModelFolder.Open(folder, new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: 1));
        var timbres = TimbreTable.Load(Path.Combine(prior.Path, TimbreTable.FileName));
        if (timbres.LatentSize != world.Projection.LatentSize)
        {
            log($"explore: attract mode off (the prior's timbres are {timbres.SourceModel} latents, not this field's).");
            prior.Dispose();
            return null;
        }
        return new AttractSetup(prior, timbres, world, idleSeconds);
    }

    /// <summary>Attract mode around <paramref name="fly"/>: after the idle time, a new tour of the prior until the next input.</summary>
    public AttractMode Wrap(FlyCamera fly) => new(fly, NextTour, _idleSeconds);

    // Live: the prior draws notes on a worker, never in the frame. Tours are kept until their worker has returned, so
    // the prior is never freed under a step in flight.
    private PriorTour NextTour()
    {
        _tours.RemoveAll(t => t.WorkerStopped);
        var tour = new PriorTour(new PriorSampler(_prior).Start(_seed++, new NoteTokenSampler(0.9, 0)), _timbres, _world.Projection) { DrawAhead = true, PriorGate = _priorGate };
        _tours.Add(tour);
        return tour;
    }

    /// <summary>Stops every tour's worker, waits for a prior step in flight, then frees the prior.</summary>
    public void Dispose()
    {
        foreach (PriorTour tour in _tours) tour.StopAndWait(TimeSpan.FromSeconds(30));
        _prior.Dispose();
    }
}
