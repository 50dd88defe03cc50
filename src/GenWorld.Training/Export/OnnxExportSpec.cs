namespace GenWorld.Training.Export;

/// <summary>The inputs and outputs of an export (their order matches the module's forward arguments and results).</summary>
public sealed record OnnxExportSpec(IReadOnlyList<OnnxValueSpec> Inputs, IReadOnlyList<OnnxValueSpec> Outputs, string GraphName = "genworld")
{
    /// <summary>A single float input and a single float output.</summary>
    public static OnnxExportSpec Single(OnnxValueSpec input, OnnxValueSpec output) => new([input], [output]);

    /// <summary>Problems with the spec, each naming the field; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(GraphName)) errors.Add("graphName: must not be empty.");
        if (Inputs is null || Inputs.Count == 0) errors.Add("inputs: at least one input is required.");
        if (Outputs is null || Outputs.Count == 0) errors.Add("outputs: at least one output is required.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var all = (Inputs ?? []).Select((v, i) => ($"inputs[{i}]", v)).Concat((Outputs ?? []).Select((v, i) => ($"outputs[{i}]", v)));
        foreach ((string field, OnnxValueSpec value) in all)
        {
            if (value is null) { errors.Add($"{field}: is null."); continue; }
            if (string.IsNullOrWhiteSpace(value.Name)) errors.Add($"{field}.name: must not be empty.");
            else if (!names.Add(value.Name)) errors.Add($"{field}.name: '{value.Name}' is used twice.");
            if (value.Shape is null) errors.Add($"{field}.shape: is null.");
        }
        return errors;
    }
}
