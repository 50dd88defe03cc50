using Google.Protobuf;
using Onnx;

namespace GenWorld.Inference.Tests;

/// <summary>Models built with the ONNX protobuf types (IR 8, opset 17), independent of the runtime's writer.</summary>
internal static class OnnxSharpModels
{
    /// <summary>Y = X·W + B with X [N, inputs], W [inputs, outputs] row-major.</summary>
    public static ModelProto Linear(int inputs, int outputs, float[] weights, float[] bias)
    {
        var graph = new GraphProto { Name = "linear" };
        graph.Input.Add(FloatInfo("X", inputs));
        graph.Output.Add(FloatInfo("Y", outputs));
        graph.Initializer.Add(FloatTensor("W", weights, inputs, outputs));
        graph.Initializer.Add(FloatTensor("B", bias, outputs));
        graph.Node.Add(Node("MatMul", ["X", "W"], "XW"));
        graph.Node.Add(Node("Add", ["XW", "B"], "Y"));
        var model = new ModelProto { IrVersion = 8, ProducerName = "GenWorld.Inference.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model;
    }

    public static byte[] LinearBytes(int inputs, int outputs, float[] weights, float[] bias) =>
        Linear(inputs, outputs, weights, bias).ToByteArray();

    /// <summary>
    /// Y = X·W + C·V with X [batch, inputs], C [batch, conditioning]; <paramref name="batch"/> 0 means symbolic;
    /// with <paramref name="rank3Output"/> the output is reshaped to [batch, outputs, 1].
    /// </summary>
    public static byte[] Conditional(int inputs, int conditioning, int outputs, float[] w, float[] v, int batch = 0, bool rank3Output = false)
    {
        var graph = new GraphProto { Name = "conditional" };
        graph.Input.Add(FloatInfo("X", inputs, batch));
        if (conditioning > 0) graph.Input.Add(FloatInfo("C", conditioning, batch));
        graph.Initializer.Add(FloatTensor("W", w, inputs, outputs));
        graph.Node.Add(Node("MatMul", ["X", "W"], conditioning > 0 ? "XW" : "Y2"));
        if (conditioning > 0)
        {
            graph.Initializer.Add(FloatTensor("V", v, conditioning, outputs));
            graph.Node.Add(Node("MatMul", ["C", "V"], "CV"));
            graph.Node.Add(Node("Add", ["XW", "CV"], "Y2"));
        }
        if (rank3Output)
        {
            var shape = new TensorProto { Name = "shape", DataType = (int)TensorProto.Types.DataType.Int64 };
            shape.Dims.Add(3);
            shape.Int64Data.Add([-1, outputs, 1]);
            graph.Initializer.Add(shape);
            graph.Node.Add(Node("Reshape", ["Y2", "shape"], "Y"));
            graph.Output.Add(FloatInfo("Y", outputs, batch, extraDim: 1));
        }
        else
        {
            graph.Node.Add(Node("Identity", ["Y2"], "Y"));
            graph.Output.Add(FloatInfo("Y", outputs, batch));
        }
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    /// <summary>Reference answer computed in plain C#.</summary>
    public static float[] Apply(float[] x, int inputs, int outputs, float[] weights, float[] bias)
    {
        int rows = x.Length / inputs;
        var y = new float[rows * outputs];
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < outputs; o++)
            {
                float sum = bias[o];
                for (int i = 0; i < inputs; i++) sum += x[r * inputs + i] * weights[i * outputs + o];
                y[r * outputs + o] = sum;
            }
        return y;
    }

    private static ValueInfoProto FloatInfo(string name, int width, int batch = 0, int extraDim = 0)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(batch > 0 ? new TensorShapeProto.Types.Dimension { DimValue = batch } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        if (extraDim > 0) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = extraDim });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static TensorProto FloatTensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(values);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{output}" };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }
}
