using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenWorld.Training.Export.Emitters;

/// <summary>
/// Conv1d/2d and ConvTranspose1d/2d. Every hyper-parameter is read from the module; padding modes other than
/// zeros become an explicit pad in front (circular as Slice + Concat, reflect, replicate as edge).
/// </summary>
internal sealed class ConvolutionEmitter : OnnxLayerEmitter<Convolution>
{
    protected override string Emit(OnnxExportScope scope, Convolution module, string input) =>
        EmitWithWeight(scope, module, input, module.weight ?? throw scope.Fail($"{module.GetType().Name} has no weight."));

    /// <summary>The convolution with a given (possibly reparametrised) weight; bias and hyper-parameters from the module.</summary>
    internal static string EmitWithWeight(OnnxExportScope scope, Convolution module, string input, Tensor weight)
    {
        if (module.weight is { } own && !own.shape.SequenceEqual(weight.shape))
            throw scope.Fail($"effective weight shape [{string.Join(", ", weight.shape)}] differs from the module's [{string.Join(", ", own.shape)}].");
        int rank = Required(scope, module, module.kernel_size, "kernel_size", -1).Length;
        long[] stride = Required(scope, module, module.stride, "stride", rank);
        long[] dilation = Required(scope, module, module.dilation, "dilation", rank);
        long[] padding = Padding(scope, module, rank, dilation);

        var attributes = new List<Onnx.AttributeProto>
        {
            OnnxAttribute.Ints("kernel_shape", module.kernel_size),
            OnnxAttribute.Ints("strides", stride),
            OnnxAttribute.Ints("dilations", dilation),
            OnnxAttribute.Int("group", module.groups),
        };
        string x = input;
        if (module.transposed)
        {
            if (module.padding_mode != PaddingModes.Zeros)
                throw scope.Fail($"{module.GetType().Name} with padding_mode {module.padding_mode} is not supported (torch only allows zeros).");
            attributes.Add(OnnxAttribute.Ints("pads", padding));
            attributes.Add(OnnxAttribute.Ints("output_padding", Required(scope, module, module.output_padding, "output_padding", rank)));
        }
        else if (module.padding_mode == PaddingModes.Zeros)
        {
            attributes.Add(OnnxAttribute.Ints("pads", padding));
        }
        else
        {
            x = PadExplicitly(scope, module.padding_mode, x, rank, padding);
            attributes.Add(OnnxAttribute.Ints("pads", new long[2 * rank]));
        }

        var inputs = new List<string> { x, scope.AddParameter("weight", weight) };
        if (module.bias is { } bias) inputs.Add(scope.AddParameter("bias", bias));
        return scope.Graph.AddNode(module.transposed ? "ConvTranspose" : "Conv", inputs, [.. attributes]);
    }

    /// <summary>ONNX pads (all begins, then all ends) from torch's symmetric padding or its 'same'/'valid' strings.</summary>
    private static long[] Padding(OnnxExportScope scope, Convolution module, int rank, long[] dilation)
    {
        long[] pads = new long[2 * rank];
        if (module.padding_type == TorchSharp.Padding.Valid) return pads;
        if (module.padding_type == TorchSharp.Padding.Same)
        {
            // torch puts the odd extra pad at the end.
            for (int i = 0; i < rank; i++)
            {
                long total = dilation[i] * (module.kernel_size[i] - 1);
                pads[i] = total / 2;
                pads[rank + i] = total - total / 2;
            }
            return pads;
        }
        long[] symmetric = Required(scope, module, module.padding, "padding", rank);
        for (int i = 0; i < rank; i++)
            pads[i] = pads[rank + i] = symmetric[i];
        return pads;
    }

    private static string PadExplicitly(OnnxExportScope scope, PaddingModes mode, string x, int rank, long[] onnxPads)
    {
        // Back to torch F.pad order: last spatial axis first, (before, after) pairs.
        long[] torchPads = new long[2 * rank];
        for (int pair = 0; pair < rank; pair++)
        {
            int axis = rank - 1 - pair;
            torchPads[2 * pair] = onnxPads[axis];
            torchPads[2 * pair + 1] = onnxPads[rank + axis];
        }
        return mode switch
        {
            PaddingModes.Circular => OnnxPadding.Circular(scope.Graph, x, torchPads),
            PaddingModes.Reflect => OnnxPadding.Pad(scope.Graph, x, rank + 2, torchPads, "reflect"),
            PaddingModes.Replicate => OnnxPadding.Pad(scope.Graph, x, rank + 2, torchPads, "edge"),
            _ => throw scope.Fail($"Convolution padding_mode {mode} is not supported."),
        };
    }

    private static long[] Required(OnnxExportScope scope, Convolution module, long[]? values, string name, int rank)
    {
        if (values is null || values.Length == 0 || (rank >= 0 && values.Length != rank))
            throw scope.Fail($"{module.GetType().Name}.{name} could not be read (got [{string.Join(", ", values ?? [])}], expected {rank} values); refusing to guess.");
        return values;
    }
}
