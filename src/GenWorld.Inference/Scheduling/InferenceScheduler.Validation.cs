namespace GenWorld.Inference.Scheduling;

/// <summary>Validate-then-do: every latent is checked before it reaches a queue, so one bad caller cannot fail a batch.</summary>
public sealed partial class InferenceScheduler
{
    private void ValidateInputs(float[] latent, float[]? conditioning, string parameter)
    {
        ArgumentNullException.ThrowIfNull(latent, parameter);
        if (latent.Length != _latentSize)
            throw new ArgumentException($"{parameter} has {latent.Length} values; the model takes {_latentSize}", parameter);
        CheckValues(latent, parameter);
        if (_conditioningSize == 0 && conditioning is not null)
            throw new ArgumentException("conditioning was given but the model is unconditional", nameof(conditioning));
        if (_conditioningSize > 0 && conditioning is null)
            throw new ArgumentException($"the model needs conditioning of {_conditioningSize} values", nameof(conditioning));
        if (conditioning is not null && conditioning.Length != _conditioningSize)
            throw new ArgumentException($"conditioning has {conditioning.Length} values; the model takes {_conditioningSize}", nameof(conditioning));
        if (conditioning is not null) CheckValues(conditioning, nameof(conditioning));
    }

    private void CheckValues(float[] values, string parameter)
    {
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (float.IsNaN(v)) throw new ArgumentException($"{parameter}[{i}] is NaN", parameter);
            if (float.IsInfinity(v)) throw new ArgumentException($"{parameter}[{i}] is {(v > 0 ? "+" : "-")}Infinity", parameter);
            if (MathF.Abs(v) > _valueLimit)
                throw new ArgumentException($"{parameter}[{i}] = {v} is outside ±{_valueLimit} (QuantizationStep × 1e9)", parameter);
        }
    }

    private static void ValidatePriority(RequestPriority priority)
    {
        if (!Enum.IsDefined(priority))
            throw new ArgumentException($"priority {(int)priority} is not a RequestPriority", nameof(priority));
    }
}
