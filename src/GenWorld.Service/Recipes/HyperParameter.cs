using System.Globalization;

namespace GenWorld.Service.Recipes;

/// <summary>One named, bounded hyper-parameter of a model kind (the API, the CLI and the OpenAPI document all read these).</summary>
/// <param name="Name">JSON name, e.g. "learningRate".</param>
/// <param name="Default">Value when the request leaves it out.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="IsInteger">Whole numbers only (booleans are 0/1 integers; JSON true/false are accepted).</param>
/// <param name="Description">What it does.</param>
public sealed record HyperParameter(string Name, double Default, double Min, double Max, bool IsInteger, string Description)
{
    /// <summary>A problem with <paramref name="value"/> naming the field, or null when it is acceptable.</summary>
    public string? Check(double value)
    {
        string field = $"hyperparameters.{Name}";
        if (!double.IsFinite(value)) return $"{field}: must be a finite number, got {Format(value)}.";
        if (IsInteger && value != Math.Floor(value)) return $"{field}: must be a whole number, got {Format(value)}.";
        if (value < Min || value > Max) return $"{field}: must be between {Format(Min)} and {Format(Max)}, got {Format(value)}.";
        return null;
    }

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
