using GenWorld.Core.IO;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace GenWorld.Training.Export;

/// <summary>
/// Builds an ONNX model (IR 8, opset 17) node by node. Every value and node gets a unique name derived from
/// <see cref="NameScope"/> so a graph viewer shows which module produced what.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>ONNX IR version written (ONNX 1.10+ readers, every ONNX Runtime we ship).</summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset written; LayerNormalization needs 17.</summary>
    public const long OpsetVersion = 17;

    /// <summary>Producer name written into the model.</summary>
    public const string ProducerName = "GenWorld";

    private readonly GraphProto _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Creates an empty graph.</summary>
    public OnnxGraphBuilder(string graphName = "genworld")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        _graph = new GraphProto { Name = graphName };
    }

    /// <summary>Prefix for generated names (the exporter sets it to the current module path).</summary>
    public string NameScope { get; set; } = "";

    /// <summary>Number of nodes added so far.</summary>
    public int NodeCount => _graph.Node.Count;

    /// <summary>Returns a name not yet used in this graph, based on <paramref name="hint"/> and the scope.</summary>
    public string UniqueName(string hint)
    {
        string stem = NameScope.Length == 0 ? hint : $"{NameScope}/{hint}";
        string name = stem;
        for (int i = 1; !_names.Add(name); i++)
            name = $"{stem}_{i}";
        return name;
    }

    /// <summary>Declares a graph input and returns its value name.</summary>
    public string AddInput(OnnxValueSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!_names.Add(spec.Name))
            throw new ArgumentException($"Graph input name '{spec.Name}' is already used.", nameof(spec));
        _graph.Input.Add(ValueInfo(spec));
        return spec.Name;
    }

    /// <summary>Declares <paramref name="value"/> as a graph output named <paramref name="spec"/>.Name.</summary>
    public void AddOutput(string value, OnnxValueSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (value != spec.Name)
        {
            if (!_names.Add(spec.Name))
                throw new ArgumentException($"Graph output name '{spec.Name}' is already used by another value.", nameof(spec));
            // Identity keeps the output name stable even when the last op's value is shared or is an input.
            _graph.Node.Add(MakeNode("Identity", UniqueName("output_" + spec.Name), [value], [spec.Name], []));
        }
        _graph.Output.Add(ValueInfo(spec));
    }

    /// <summary>Adds a TorchSharp tensor (parameter or buffer) as an initializer, stored float32 or int64.</summary>
    public string AddInitializer(string hint, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        string name = UniqueName(hint);
        _graph.Initializer.Add(OnnxTensors.FromTorch(name, tensor));
        return name;
    }

    /// <summary>Adds a float constant of the given shape (scalar when <paramref name="dims"/> is empty).</summary>
    public string AddConstant(ReadOnlySpan<float> values, params long[] dims)
    {
        string name = UniqueName("const");
        _graph.Initializer.Add(OnnxTensors.FromFloats(name, values, dims));
        return name;
    }

    /// <summary>Adds a float scalar constant.</summary>
    public string AddScalar(float value) => AddConstant([value]);

    /// <summary>Adds a 1-D int64 constant (shapes, axes, slice bounds).</summary>
    public string AddInt64s(params long[] values)
    {
        string name = UniqueName("ints");
        _graph.Initializer.Add(OnnxTensors.FromInt64s(name, values, [values.Length]));
        return name;
    }

    /// <summary>Adds a node with one output and returns the output's value name.</summary>
    public string AddNode(string opType, IReadOnlyList<string> inputs, params AttributeProto[] attributes) =>
        AddNode(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputCount"/> outputs and returns their value names.</summary>
    public string[] AddNode(string opType, IReadOnlyList<string> inputs, int outputCount, params AttributeProto[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        string nodeName = UniqueName(opType);
        var outputs = new string[outputCount];
        for (int i = 0; i < outputCount; i++)
            outputs[i] = UniqueName($"{opType}_out{i}");
        _graph.Node.Add(MakeNode(opType, nodeName, inputs, outputs, attributes));
        return outputs;
    }

    /// <summary>Returns the finished model. The builder stays usable (later nodes show up in later builds).</summary>
    public ModelProto Build()
    {
        if (_graph.Output.Count == 0)
            throw new InvalidOperationException("The ONNX graph has no outputs; call AddOutput first.");
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model;
    }

    /// <summary>Serialises the model to protobuf bytes.</summary>
    public byte[] ToBytes() => Build().ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToBytes());
    }

    private static NodeProto MakeNode(string opType, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static ValueInfoProto ValueInfo(OnnxValueSpec spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        var shape = new TensorShapeProto();
        foreach (OnnxDim dim in spec.Shape)
        {
            var d = new TensorShapeProto.Types.Dimension();
            if (dim.Symbol is { } symbol) d.DimParam = symbol;
            else d.DimValue = dim.Size ?? 0;
            shape.Dim.Add(d);
        }
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)spec.ElementType, Shape = shape };
        return new ValueInfoProto { Name = spec.Name, Type = new TypeProto { TensorType = tensorType } };
    }
}
