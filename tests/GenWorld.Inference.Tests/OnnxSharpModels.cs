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

    private static ValueInfoProto FloatInfo(string name, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
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
