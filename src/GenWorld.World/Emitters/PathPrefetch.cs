using System.Numerics;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;
using GenWorld.World.Projection;

namespace GenWorld.World.Emitters;

/// <summary>
/// Prefetch: the listener's smoothed velocity extrapolated a few seconds ahead; the anchors that will be in earshot
/// there are hinted to the scheduler, which generates them into its cache only while no request waits.
/// </summary>
internal sealed class PathPrefetch(EmitterSites sites, IReadOnlyList<FieldAnchor> anchors, LatentProjection projection, LatentWorldOptions options,
    SoundGenerationService sounds, Func<FieldAnchor, int?> pitchOf)
{
    private const float MinSpeed = 0.05f; // world units per second; below this the listener is standing still
    private readonly HashSet<int> _hinted = [];

    /// <summary>Hints the anchors ahead of <paramref name="listener"/> that are not <paramref name="tracked"/> yet.</summary>
    public void Hint(Vector3 listener, Vector3 velocity, Func<int, bool> tracked)
    {
        if (velocity.Length() < MinSpeed) return;
        var byPitch = new Dictionary<int, List<float[]>>();
        foreach (double seconds in options.PrefetchSeconds)
        {
            Vector3 ahead = listener + (velocity * (float)seconds);
            foreach ((int index, _) in sites.Nearest(ahead, options.TrackRadius, options.MaxAudible))
            {
                if (tracked(index) || !_hinted.Add(index)) continue;
                int key = pitchOf(anchors[index]) ?? -1;
                if (!byPitch.TryGetValue(key, out List<float[]>? latents)) byPitch[key] = latents = [];
                latents.Add(projection.Inverse(anchors[index].Position));
            }
        }
        foreach ((int pitch, List<float[]> latents) in byPitch)
            sounds.Hint(latents, pitch < 0 ? SoundConditioning.None : SoundConditioning.Pitch(pitch), RequestPriority.Low);
        // Forget old hints now and then: the scheduler's cache (not this set) decides what is really there.
        if (_hinted.Count > 4096) _hinted.Clear();
    }
}
