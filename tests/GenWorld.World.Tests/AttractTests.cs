using System.Numerics;
using GenWorld.Core.Sequences;
using GenWorld.Inference;
using GenWorld.Inference.Generation;
using GenWorld.Inference.Models;
using GenWorld.World.Attract;
using GenWorld.World.Cameras;

namespace GenWorld.World.Tests;

/// <summary>Attract mode on the shipped field and the shipped note prior, with time advanced by the test at 60 fps.</summary>
[Collection(NativeCollection.Name)]
public sealed class AttractTests(ShippedField field) : IDisposable
{
    private const double Frame = 1.0 / 60;
    private readonly ModelFolder _prior = ModelFolder.Open(RepoPaths.Model("notes-prior"), new OrtSessionFactory(_ => { }), new OrtSessionSettings(IntraOpThreads: 1));
    private readonly TimbreTable _timbres = TimbreTable.Load(Path.Combine(RepoPaths.Model("notes-prior"), TimbreTable.FileName));

    public void Dispose() => _prior.Dispose();

    private PriorTour NewTour(int seed = 1) =>
        new(new PriorSampler(_prior).Start(seed, new NoteTokenSampler(0.9, 0)), _timbres, field.Projection);

    [Fact]
    public void Idle_starts_the_tour_and_it_travels_smoothly_through_the_notes_it_plays()
    {
        var attract = new AttractMode(new FlyCamera(new Vector3(0, 3, 30)), () => NewTour(), idleSeconds: 2);
        Pose previous = attract.Update(Frame, WorldInput.None);
        double travelled = 0, worstStep = 0;
        for (int i = 0; i < 60 * 12; i++)
        {
            Pose pose = attract.Update(Frame, WorldInput.None);
            double step = Vector3.Distance(pose.Position, previous.Position);
            travelled += step;
            worstStep = Math.Max(worstStep, step);
            previous = pose;
        }

        Assert.True(attract.Active, "12 s without input should have started the tour");
        Assert.True(attract.Tour!.Notes.Count > 20, $"only {attract.Tour.Notes.Count} notes in 10 s of tour");
        Assert.True(travelled > 3, $"the camera moved only {travelled:F2} units in 10 s of tour");
        // No jumps: at 60 fps no frame moves more than 0.5 units (30 units/s), even when the music leaps across the field.
        Assert.True(worstStep < 0.5, $"a frame moved {worstStep:F3} units");
    }

    [Fact]
    public void The_first_input_hands_control_back_where_the_tour_was()
    {
        var attract = new AttractMode(new FlyCamera(new Vector3(0, 3, 30)), () => NewTour(), idleSeconds: 1);
        Pose last = default;
        for (int i = 0; i < 60 * 5; i++) last = attract.Update(Frame, WorldInput.None);
        Assert.True(attract.Active);

        Pose handed = attract.Update(Frame, new WorldInput(new Vector3(0, 0, 1), Vector2.Zero));

        Assert.False(attract.Active);
        Assert.True(Vector3.Distance(handed.Position, last.Position) < 0.02f, $"position jumped by {Vector3.Distance(handed.Position, last.Position):F4}");
        Assert.True(Vector3.Dot(Vector3.Normalize(handed.Forward), Vector3.Normalize(last.Forward)) > 0.99999f, "the view direction jumped");
        // And the visitor is really driving again: forward input moves the camera forward.
        Pose later = handed;
        for (int i = 0; i < 30; i++) later = attract.Update(Frame, new WorldInput(new Vector3(0, 0, 1), Vector2.Zero));
        Assert.True(Vector3.Dot(later.Position - handed.Position, Vector3.Normalize(handed.Forward)) > 0.5f);
    }

    [Fact]
    public void The_same_seed_records_the_same_camera_path()
    {
        var from = Pose.LookAt(new Vector3(0, 8, 48), Vector3.Zero);
        CameraPath a = NewTour(3).Record(from, 6), b = NewTour(3).Record(from, 6), c = NewTour(4).Record(from, 6);

        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.NotEqual(a.ToJson(), c.ToJson());
        Assert.True(a.Count > 20);
        Assert.True(CameraPath.Parse(a.ToJson()).Duration >= 6 - 0.3);
    }

    [Fact]
    public void Tour_notes_sit_where_their_timbre_latents_project()
    {
        PriorTour tour = NewTour(5);
        tour.Begin(Pose.LookAt(new Vector3(0, 8, 48), Vector3.Zero));
        for (int i = 0; i < 120; i++) tour.Update(Frame);

        Assert.NotEmpty(tour.Notes);
        foreach (TourNote n in tour.Notes)
        {
            Vector3 expected = field.Projection.Forward(_timbres.For(n.Note.Family, n.Note.Pitch).Latent);
            Assert.Equal(expected, n.Position);
            Assert.InRange(n.Note.Pitch, NoteVocabulary.PitchMin, NoteVocabulary.PitchMax);
        }
    }
}
