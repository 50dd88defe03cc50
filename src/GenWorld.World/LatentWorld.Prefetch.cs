using System.Numerics;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Scheduling;

namespace GenWorld.World;

/// <summary>
/// Prefetch: the listener's smoothed velocity extrapolated a few seconds ahead; the anchors that will be in earshot
/// there are hinted to the scheduler, which generates them into its cache only while no request waits.
/// </summary>
public sealed partial class LatentWorld
{
    private const float MinPrefetchSpeed = 0.05f; // world units per second; below this the listener is standing still
    private readonly HashSet<int> _hinted = [];

    private void Prefetch(Vector3 listener)
    {
        if (_velocity.Length() < MinPrefetchSpeed) return;
        var byPitch = new Dictionary<int, List<float[]>>();
        foreach (double seconds in _options.PrefetchSeconds)
        {
            Vector3 ahead = listener + (_velocity * (float)seconds);
            foreach ((int index, _) in _emitterGrid.Nearest(ahead, _options.TrackRadius, _options.MaxAudible))
            {
                if (_emitters.ContainsKey(index) || !_hinted.Add(index)) continue;
                int key = PitchOf(Anchors[index]) ?? -1;
                if (!byPitch.TryGetValue(key, out List<float[]>? latents)) byPitch[key] = latents = [];
                latents.Add(Projection.Inverse(Anchors[index].Position));
            }
        }
        foreach ((int pitch, List<float[]> latents) in byPitch)
            _sounds.Hint(latents, pitch < 0 ? SoundConditioning.None : SoundConditioning.Pitch(pitch), RequestPriority.Low);
        // Forget old hints now and then: the scheduler's cache (not this set) decides what is really there.
        if (_hinted.Count > 4096) _hinted.Clear();
    }
}
