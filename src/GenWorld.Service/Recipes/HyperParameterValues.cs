using System.Text.Json;

namespace GenWorld.Service.Recipes;

/// <summary>Turns the "hyperparameters" object of a request into checked values with every default filled in.</summary>
public static class HyperParameterValues
{
    /// <summary>
    /// Checked values by name; problems (unknown names, wrong types, out of range) are added to <paramref name="errors"/>,
    /// each naming its field.
    /// </summary>
    public static Dictionary<string, double> Resolve(ITrainRecipe recipe, IReadOnlyDictionary<string, JsonElement>? given, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(errors);
        var values = recipe.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach ((string name, JsonElement element) in given ?? new Dictionary<string, JsonElement>())
        {
            HyperParameter? parameter = recipe.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                errors.Add($"hyperparameters.{name}: unknown for {recipe.Kind} (known: {string.Join(", ", recipe.Parameters.Select(p => p.Name))}).");
                continue;
            }
            double? value = element.ValueKind switch
            {
                JsonValueKind.Number => element.GetDouble(),
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                _ => null,
            };
            if (value is null)
            {
                errors.Add($"hyperparameters.{name}: must be a number, got {element.ValueKind.ToString().ToLowerInvariant()}.");
                continue;
            }
            if (parameter.Check(value.Value) is { } problem) errors.Add(problem);
            else values[name] = value.Value;
        }
        return values;
    }

    /// <summary>Defaults, overridden by <paramref name="given"/>, range-checked (for callers that hold plain numbers, like the CLI).</summary>
    public static Dictionary<string, double> Resolve(ITrainRecipe recipe, IReadOnlyDictionary<string, double> given, List<string> errors) =>
        Resolve(recipe, given.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value), StringComparer.Ordinal), errors);
}
