using GenWorld.Service.Recipes;
using GenWorld.Service.Sweeps;

namespace GenWorld.Service.Tests.Sweeps;

/// <summary>How a sweep request becomes runs (against the real sound-vae recipe), and what a wrong one is told.</summary>
public sealed class SweepPlannerTests
{
    private static readonly ITrainRecipe Recipe = TrainRecipes.Find("sound-vae")!;
    private static readonly Dictionary<string, double> Base = HyperParameterValues.Resolve(Recipe, new Dictionary<string, double> { ["channels"] = 4 }, []);

    [Fact]
    public void A_grid_is_every_combination_over_the_base_values()
    {
        var errors = new List<string>();
        SweepPlan plan = SweepPlanner.Build(Recipe, Base, new SweepRequest
        {
            Grid = new() { ["latentSize"] = [2, 4, 8], ["learningRate"] = [1e-3, 3e-3] },
        }, errors)!;
        Assert.Empty(errors);
        Assert.Equal(6, plan.Runs.Count);
        Assert.Equal(6, plan.Runs.Select(r => (r["latentSize"], r["learningRate"])).Distinct().Count());
        Assert.All(plan.Runs, r => Assert.Equal(4, r["channels"]));
        Assert.Equal(["latentSize", "learningRate"], plan.Swept);
        Assert.Equal("heldOutSpectralDistance", plan.RankBy);
        Assert.True(plan.Minimize);
        Assert.False(plan.PublishAll);
    }

    [Fact]
    public void A_random_search_is_repeatable_within_its_ranges_and_rounds_integers()
    {
        SweepRequest request = new()
        {
            Random = new() { ["learningRate"] = new SweepRange { Min = 1e-4, Max = 1e-2, Log = true }, ["latentSize"] = new SweepRange { Min = 2, Max = 9 } },
            Runs = 16, Seed = 7, Goal = "max", RankBy = "heldOutElboNatsPerClip", Publish = "all",
        };
        SweepPlan a = SweepPlanner.Build(Recipe, Base, request, [])!, b = SweepPlanner.Build(Recipe, Base, request, [])!;
        Assert.Equal(16, a.Runs.Count);
        Assert.Equal(a.Runs.Select(r => r["learningRate"]), b.Runs.Select(r => r["learningRate"]));
        Assert.All(a.Runs, r => Assert.InRange(r["learningRate"], 1e-4, 1e-2));
        Assert.All(a.Runs, r => Assert.Equal(Math.Round(r["latentSize"]), r["latentSize"]));
        Assert.All(a.Runs, r => Assert.InRange(r["latentSize"], 2, 9));
        // Log-uniform: about half the draws below the geometric middle (1e-3), not 10 % as a linear draw would give.
        Assert.InRange(a.Runs.Count(r => r["learningRate"] < 1e-3), 4, 12);
        Assert.False(a.Minimize);
        Assert.True(a.PublishAll);
    }

    [Theory]
    [InlineData("grid-and-random", "sweep: give either grid")]
    [InlineData("unknown-name", "sweep: hyperparameter 'depth' is unknown for sound-vae")]
    [InlineData("out-of-range", "sweep.grid.latentSize: must be between")]
    [InlineData("too-many", "at most 64 runs per sweep")]
    [InlineData("random-without-runs", "sweep.runs: a random search needs runs between 1 and 64")]
    [InlineData("bad-goal", "sweep.goal: must be \"min\" or \"max\"")]
    [InlineData("log-from-zero", "sweep.random.learningRate: a log range needs min > 0.")]
    public void A_wrong_sweep_is_refused_naming_the_field(string name, string expected)
    {
        SweepRequest request = name switch
        {
            "grid-and-random" => new() { Grid = new() { ["latentSize"] = [2] }, Random = new() { ["learningRate"] = new SweepRange { Min = 1e-4, Max = 1e-3 } }, Runs = 2 },
            "unknown-name" => new() { Grid = new() { ["depth"] = [2] } },
            "out-of-range" => new() { Grid = new() { ["latentSize"] = [2, 100000] } },
            "too-many" => new() { Grid = new() { ["latentSize"] = [.. Enumerable.Range(2, 9).Select(i => (double)i)], ["learningRate"] = [1e-4, 2e-4, 3e-4, 4e-4, 5e-4, 6e-4, 7e-4, 8e-4] } },
            "random-without-runs" => new() { Random = new() { ["learningRate"] = new SweepRange { Min = 1e-4, Max = 1e-3 } } },
            "bad-goal" => new() { Grid = new() { ["latentSize"] = [2] }, Goal = "lowest" },
            "log-from-zero" => new() { Random = new() { ["learningRate"] = new SweepRange { Min = 0, Max = 1e-3, Log = true } }, Runs = 2 },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var errors = new List<string>();
        Assert.Null(SweepPlanner.Build(Recipe, Base, request, errors));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
