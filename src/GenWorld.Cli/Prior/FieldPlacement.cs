using System.Numerics;
using GenWorld.Core.Sequences;
using GenWorld.Inference.Generation;
using GenWorld.World.Anchors;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;
using GenWorld.World.Projection;

namespace GenWorld.Cli.Prior;

/// <summary>
/// Where a composition lies in the latent field: each note's timbre latent through the field's projection (the anchors
/// of the notes-VAE folder), and the attract-mode camera path of the same performance for `genworld render --path`.
/// </summary>
internal sealed class FieldPlacement(LatentProjection projection)
{
    /// <summary>The field of a sound-VAE folder, or null when it has no anchors (run `genworld field encode`).</summary>
    public static FieldPlacement? TryOpen(string vaeFolder) =>
        AnchorFile.Exists(vaeFolder) ? new FieldPlacement(LatentProjection.Build(AnchorFile.Load(vaeFolder))) : null;

    public LatentProjection Projection => projection;

    public Vector3 PositionOf(TimbreTable timbres, NoteEvent note) => projection.Forward(timbres.For(note.Family, note.Pitch).Latent);

    /// <summary>The tour a fresh stream with the composition's seed plays: the same notes, so the camera follows the WAV.</summary>
    public CameraPath Tour(PriorStream sameSeedStream, TimbreTable timbres, double seconds) =>
        new PriorTour(sameSeedStream, timbres, projection).Record(Pose.LookAt(new Vector3(0, 8, 48), Vector3.Zero), seconds);
}
