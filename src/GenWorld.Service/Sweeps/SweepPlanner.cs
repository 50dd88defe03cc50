using System.Text.RegularExpressions;
using GenWorld.Service.Recipes;

namespace GenWorld.Service.Sweeps;

/// <summary>Checks a <see cref="SweepRequest"/> against a recipe (every problem, each naming its field) and expands it into runs.</summary>
public static partial class SweepPlanner
{
    /// <summary>Most runs one sweep may have.</summary>
    public const int MaxRuns = 64;

    // The held-out figure each kind reports (lower is better); other kinds must name one.
    private static readonly Dictionary<string, string> DefaultRankBy = new(StringComparer.Ordinal)
    {
        ["sound-vae"] = "heldOutSpectralDistance",
        ["synth-vae"] = "heldOutSpectralLoss",
    };

    /// <summary>The plan, or null with <paramref name="errors"/> filled.</summary>
    public static SweepPlan? Build(ITrainRecipe recipe, IReadOnlyDictionary<string, double> baseValues, SweepRequest sweep, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(baseValues);
        ArgumentNullException.ThrowIfNull(sweep);
        int before = errors.Count;
        bool grid = sweep.Grid is { Count: > 0 }, random = sweep.Random is { Count: > 0 };
        if (grid == random) errors.Add("sweep: give either grid (values per hyper-parameter) or random (a range per hyper-parameter, with runs).");
        string? rankBy = sweep.RankBy ?? DefaultRankBy.GetValueOrDefault(recipe.Kind);
        if (rankBy is null) errors.Add($"sweep.rankBy: {recipe.Kind} has no single held-out figure; name the report metric to rank by (e.g. one of its metrics in report.json).");
        else if (!MetricName().IsMatch(rankBy)) errors.Add($"sweep.rankBy: '{rankBy}' is not a metric name (letters and digits).");
        if (sweep.Goal is not (null or "min" or "max")) errors.Add($"sweep.goal: must be \"min\" or \"max\", got '{sweep.Goal}'.");
        if (sweep.Publish is not (null or "best" or "all")) errors.Add($"sweep.publish: must be \"best\" or \"all\", got '{sweep.Publish}'.");
        List<Dictionary<string, double>> runs = grid ? GridRuns(recipe, sweep.Grid!, errors)
            : random ? RandomRuns(recipe, sweep.Random!, sweep.Runs, sweep.Seed ?? 1, errors) : [];
        if (grid && sweep.Runs is not null) errors.Add("sweep.runs: only for a random search (a grid has one run per combination).");
        if (errors.Count > before) return null;
        var full = new List<IReadOnlyDictionary<string, double>>();
        foreach ((Dictionary<string, double> swept, int i) in runs.Select((r, i) => (r, i)))
        {
            var values = new Dictionary<string, double>(baseValues, StringComparer.Ordinal);
            foreach ((string name, double v) in swept) values[name] = v;
            foreach (string problem in recipe.Validate(values)) errors.Add($"sweep run {i}: {problem}");
            full.Add(values);
        }
        if (errors.Count > before) return null;
        return new SweepPlan
        {
            Runs = full, Swept = [.. (grid ? (IEnumerable<string>)sweep.Grid!.Keys : sweep.Random!.Keys).Order(StringComparer.Ordinal)], RankBy = rankBy!,
            Minimize = sweep.Goal != "max", PublishAll = sweep.Publish == "all",
        };
    }

    private static List<Dictionary<string, double>> GridRuns(ITrainRecipe recipe, Dictionary<string, double[]> grid, List<string> errors)
    {
        int before = errors.Count;
        long count = 1;
        foreach ((string name, double[] values) in grid)
        {
            HyperParameter? p = Find(recipe, name, errors);
            if (p is null) continue;
            if (values is null || values.Length == 0) { errors.Add($"sweep.grid.{name}: give at least one value."); continue; }
            foreach (double v in values)
                if (p.Check(v) is { } problem) errors.Add("sweep.grid." + problem["hyperparameters.".Length..]);
            count *= values.Length;
        }
        if (count > MaxRuns) errors.Add($"sweep.grid: {count} combinations; at most {MaxRuns} runs per sweep.");
        if (errors.Count > before) return [];
        var runs = new List<Dictionary<string, double>> { new(StringComparer.Ordinal) };
        foreach ((string name, double[] values) in grid.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            runs = [.. runs.SelectMany(r => values.Select(v => new Dictionary<string, double>(r, StringComparer.Ordinal) { [name] = v }))];
        return runs;
    }

    private static List<Dictionary<string, double>> RandomRuns(ITrainRecipe recipe, Dictionary<string, SweepRange> ranges, int? runs, int seed, List<string> errors)
    {
        int before = errors.Count;
        if (runs is not int n || n < 1 || n > MaxRuns) errors.Add($"sweep.runs: a random search needs runs between 1 and {MaxRuns}, got {runs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        foreach ((string name, SweepRange range) in ranges)
        {
            HyperParameter? p = Find(recipe, name, errors);
            if (p is null) continue;
            if (range?.Min is not double min || range.Max is not double max) { errors.Add($"sweep.random.{name}: give min and max."); continue; }
            if (min > max) errors.Add($"sweep.random.{name}: min {min} is above max {max}.");
            if (p.Check(min) is { } a) errors.Add($"sweep.random.{name}.min: {a[(a.IndexOf(':') + 2)..]}");
            if (p.Check(max) is { } b) errors.Add($"sweep.random.{name}.max: {b[(b.IndexOf(':') + 2)..]}");
            if (range.Log && min <= 0) errors.Add($"sweep.random.{name}: a log range needs min > 0.");
        }
        if (errors.Count > before) return [];
        var rng = new System.Random(seed);
        var result = new List<Dictionary<string, double>>();
        for (int i = 0; i < runs!.Value; i++)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach ((string name, SweepRange range) in ranges.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                double min = range.Min!.Value, max = range.Max!.Value, u = rng.NextDouble();
                double v = range.Log ? Math.Exp(Math.Log(min) + u * (Math.Log(max) - Math.Log(min))) : min + u * (max - min);
                values[name] = recipe.Parameters.First(p => p.Name == name).IsInteger ? Math.Clamp(Math.Round(v), Math.Ceiling(min), Math.Floor(max)) : v;
            }
            result.Add(values);
        }
        return result;
    }

    private static HyperParameter? Find(ITrainRecipe recipe, string name, List<string> errors)
    {
        HyperParameter? p = recipe.Parameters.FirstOrDefault(x => x.Name == name);
        if (p is null) errors.Add($"sweep: hyperparameter '{name}' is unknown for {recipe.Kind} (known: {string.Join(", ", recipe.Parameters.Select(x => x.Name))}).");
        return p;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex MetricName();
}
