using GenWorld.Core.Numerics;

namespace GenWorld.Core.Tests.Numerics;

public class LatentPriorTests
{
    private static List<float[]> TwoClusters(int perCluster, int seed)
    {
        var points = new List<float[]>();
        for (int i = 0; i < perCluster; i++)
        {
            float[] a = SeededLatent.StandardNormal(seed + i, 2), b = SeededLatent.StandardNormal(seed + 100_000 + i, 2);
            points.Add([-5 + (0.3f * a[0]), 0.3f * a[1]]);
            points.Add([5 + (0.3f * b[0]), 0.3f * b[1]]);
        }
        return points;
    }

    [Fact]
    public void Fit_recovers_two_separated_clusters_with_their_weights_and_spread()
    {
        LatentPrior prior = GaussianMixtureFit.Fit(TwoClusters(400, 1), components: 2, seed: 3);

        var byX = prior.Components.OrderBy(c => c.Mean[0]).ToArray();
        Assert.InRange(byX[0].Mean[0], -5.1f, -4.9f);
        Assert.InRange(byX[1].Mean[0], 4.9f, 5.1f);
        Assert.All(byX, c => Assert.InRange(c.Weight, 0.45, 0.55));
        Assert.All(byX, c => Assert.InRange(c.Std[0], 0.25f, 0.35f));
        Assert.Empty(prior.Validate());
    }

    [Fact]
    public void Samples_fall_in_the_clusters_not_between_them_and_repeat_per_seed()
    {
        LatentPrior prior = GaussianMixtureFit.Fit(TwoClusters(300, 7), components: 2, seed: 1);

        float[][] samples = [.. Enumerable.Range(0, 400).Select(seed => prior.Sample(seed))];
        Assert.All(samples, s => Assert.InRange(Math.Abs(s[0]), 3.5f, 6.5f));
        Assert.InRange(samples.Count(s => s[0] < 0), 150, 250);
        Assert.Equal(prior.Sample(42), prior.Sample(42));
        Assert.NotEqual(prior.Sample(42), prior.Sample(43));
    }

    [Fact]
    public void A_prior_that_knows_pitches_draws_from_the_cluster_played_at_the_asked_pitch()
    {
        // The left cluster held low notes (MIDI 30-40), the right one high notes (80-90).
        List<float[]> codes = TwoClusters(300, 5);
        int[] pitches = [.. codes.Select((c, i) => c[0] < 0 ? 30 + (i % 11) : 80 + (i % 11))];
        LatentPrior plain = GaussianMixtureFit.Fit(codes, components: 2, seed: 1);
        LatentPrior prior = plain.WithPitches(codes, pitches);

        Assert.False(plain.KnowsPitch);
        Assert.True(prior.KnowsPitch);
        Assert.Empty(prior.Validate());
        var byX = prior.Components.OrderBy(c => c.Mean[0]).ToArray();
        Assert.InRange(byX[0].PitchMean!.Value, 34, 36);
        Assert.InRange(byX[1].PitchMean!.Value, 84, 86);
        Assert.InRange(byX[0].PitchStd!.Value, 2.5, 4);
        int Left(int pitch) => Enumerable.Range(0, 200).Count(seed => prior.Sample(seed, pitch)[0] < 0);
        Assert.Equal(200, Left(35));
        Assert.Equal(0, Left(85));
        Assert.InRange(Left(60), 60, 140);   // halfway between the registers: both clusters
        // Without a pitch (or on a prior that knows none) the draw is the plain one, seed for seed.
        Assert.Equal(plain.Sample(7), prior.Sample(7));
        Assert.Equal(plain.Sample(7), plain.Sample(7, 85));
        // Far beyond anything played (13 spreads above the high register), the plain weights again: both clusters.
        Assert.InRange(Left(127), 60, 140);
    }

    [Fact]
    public void A_pitch_field_out_of_range_is_named()
    {
        LatentPrior prior = GaussianMixtureFit.Fit(TwoClusters(50, 2), components: 2, seed: 1);
        LatentPrior bad = prior with { Components = [.. prior.Components.Select(c => c with { PitchMean = 300, PitchStd = 1 })] };
        Assert.Contains(bad.Validate(), e => e.Contains("pitchMean", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_without_a_prior_or_with_another_width_samples_the_standard_normal()
    {
        LatentPrior prior = GaussianMixtureFit.Fit(TwoClusters(50, 2), components: 2, seed: 1);

        Assert.Equal(SeededLatent.StandardNormal(9, 2), LatentPrior.SampleOrStandard(null, 9, 2));
        Assert.Equal(SeededLatent.StandardNormal(9, 4), LatentPrior.SampleOrStandard(prior, 9, 4));
        Assert.Equal(prior.Sample(9), LatentPrior.SampleOrStandard(prior, 9, 2));
    }

    [Fact]
    public void Saved_prior_loads_back_and_a_folder_without_one_has_none()
    {
        string folder = Directory.CreateTempSubdirectory("gw-prior-").FullName;
        try
        {
            Assert.Null(LatentPrior.LoadFrom(folder));
            LatentPrior prior = GaussianMixtureFit.Fit(TwoClusters(50, 5), components: 2, seed: 1);
            prior.Save(Path.Combine(folder, LatentPrior.FileName));

            LatentPrior back = LatentPrior.LoadFrom(folder)!;
            Assert.Equal(prior.TrainingClips, back.TrainingClips);
            Assert.Equal(prior.Sample(5), back.Sample(5));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Theory]
    [InlineData("{not json", "not a valid latent-prior.json")]
    [InlineData("""{"components":[{"weight":0.5,"mean":[0,0],"std":[1,1]}],"trainingClips":1,"fitted":"x"}""", "weights must sum to 1")]
    [InlineData("""{"components":[{"weight":1,"mean":[0,0],"std":[1]}],"trainingClips":1,"fitted":"x"}""", "every mean and std must hold 2 values")]
    [InlineData("""{"components":[{"weight":1,"mean":[0,0],"std":[-1,1]}],"trainingClips":1,"fitted":"x"}""", "non-negative spreads")]
    public void A_damaged_prior_names_its_file_and_what_is_wrong(string json, string expected)
    {
        string folder = Directory.CreateTempSubdirectory("gw-prior-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, LatentPrior.FileName), json);
            var e = Assert.Throws<InvalidDataException>(() => LatentPrior.LoadFrom(folder));
            Assert.Contains(LatentPrior.FileName, e.Message);
            Assert.Contains(expected, e.Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void Too_few_points_for_the_components_is_refused_with_the_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => GaussianMixtureFit.Fit(TwoClusters(3, 1), components: 4, seed: 1));
        Assert.Contains("6 points are too few for 4 components", e.Message);
    }
}
