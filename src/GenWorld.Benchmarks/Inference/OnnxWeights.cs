using GenWorld.Training.Export;
using Onnx;
using static TorchSharp.torch;

namespace GenWorld.Benchmarks.Inference;

/// <summary>
/// Puts a shipped ONNX graph's weights into the same network rebuilt in TorchSharp, so both engines run identical
/// weights without a training checkpoint. Our exporter names initializers "module.path/param" and stores Linear weights
/// transposed ("weight_t"); every parameter of the module must be found, or the comparison would be meaningless.
/// </summary>
internal static class OnnxWeights
{
    public static void CopyInto(string onnxPath, nn.Module module)
    {
        Dictionary<string, TensorProto> initializers = OnnxInitializers.Read(onnxPath);
        using var noGrad = no_grad();
        var missing = new List<string>();
        foreach ((string name, TorchSharp.Modules.Parameter parameter) in module.named_parameters())
        {
            bool transposed = !initializers.TryGetValue(name, out TensorProto? proto) && initializers.TryGetValue(name + "_t", out proto);
            if (proto is null)
            {
                missing.Add(name);
                continue;
            }
            float[] values = OnnxInitializers.Floats(proto);
            using Tensor source = tensor(values, [.. proto.Dims]);
            using Tensor oriented = transposed ? source.t() : source.alias();
            if (!oriented.shape.SequenceEqual(parameter.shape))
                throw new InvalidDataException($"{onnxPath}: '{proto.Name}' has shape [{string.Join(", ", oriented.shape)}], the TorchSharp parameter '{name}' [{string.Join(", ", parameter.shape)}].");
            parameter.copy_(oriented);
        }
        if (missing.Count > 0)
            throw new InvalidDataException($"{onnxPath} has no initializer for TorchSharp parameters {string.Join(", ", missing)}.");
    }
}
