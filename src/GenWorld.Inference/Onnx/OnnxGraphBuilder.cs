namespace GenWorld.Inference.Onnx;

/// <summary>
/// Writes a small float-only ONNX model (IR 8, opset 17): inputs, outputs, initializers and attribute-free nodes.
/// Enough for the probe's and the benchmarks' test models; real models come from the training exporter.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>ONNX IR version written into the model.</summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset the nodes are written against.</summary>
    public const long Opset = 17;

    private const int FloatType = 1; // TensorProto.DataType.FLOAT
    private readonly ProtoWriter _graph = new();

    /// <summary>Creates a builder for a graph with the given name.</summary>
    public OnnxGraphBuilder(string graphName = "genworld") => _graph.String(2, graphName);

    /// <summary>Declares a float input; a negative dimension is the symbolic batch size "N".</summary>
    public OnnxGraphBuilder Input(string name, params long[] dims)
    {
        _graph.Message(11, ValueInfo(name, dims));
        return this;
    }

    /// <summary>Declares a float output; a negative dimension is the symbolic batch size "N".</summary>
    public OnnxGraphBuilder Output(string name, params long[] dims)
    {
        _graph.Message(12, ValueInfo(name, dims));
        return this;
    }

    /// <summary>Adds a constant float tensor (weights) stored in the model.</summary>
    public OnnxGraphBuilder Initializer(string name, float[] values, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (count != values.Length)
            throw new ArgumentException($"initializer '{name}' has {values.Length} values but dims [{string.Join(", ", dims)}] need {count}", nameof(values));
        var tensor = new ProtoWriter();
        tensor.PackedInt64(1, dims);
        tensor.Int64(2, FloatType);
        tensor.PackedFloat(4, values);
        tensor.String(8, name);
        _graph.Message(5, tensor);
        return this;
    }

    /// <summary>Adds a node of a default-domain operator without attributes (MatMul, Add, Tanh...).</summary>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs)
    {
        var node = new ProtoWriter();
        foreach (string input in inputs) node.String(1, input);
        foreach (string output in outputs) node.String(2, output);
        node.String(3, $"{opType}_{outputs[0]}");
        node.String(4, opType);
        _graph.Message(1, node);
        return this;
    }

    /// <summary>Serialises the model (ModelProto bytes).</summary>
    public byte[] ToBytes(string producer = "GenWorld")
    {
        var opset = new ProtoWriter();
        opset.String(1, "");
        opset.Int64(2, Opset);
        var model = new ProtoWriter();
        model.Int64(1, IrVersion);
        model.String(2, producer);
        model.Message(7, _graph);
        model.Message(8, opset);
        return model.ToArray();
    }

    private static ProtoWriter ValueInfo(string name, long[] dims)
    {
        var shape = new ProtoWriter();
        foreach (long d in dims)
        {
            var dim = new ProtoWriter();
            if (d < 0) dim.String(2, "N");
            else dim.Int64(1, d);
            shape.Message(1, dim);
        }
        var tensorType = new ProtoWriter();
        tensorType.Int64(1, FloatType);
        tensorType.Message(2, shape);
        var type = new ProtoWriter();
        type.Message(1, tensorType);
        var info = new ProtoWriter();
        info.String(1, name);
        info.Message(2, type);
        return info;
    }
}
