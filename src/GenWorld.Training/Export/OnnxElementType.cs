namespace GenWorld.Training.Export;

/// <summary>The ONNX element types the exporter writes (values match onnx.proto's TensorProto.DataType).</summary>
public enum OnnxElementType
{
    /// <summary>32-bit float (weights, activations, audio, images).</summary>
    Float = 1,

    /// <summary>Boolean (masks).</summary>
    Bool = 9,

    /// <summary>64-bit integer (token ids, shapes, indices).</summary>
    Int64 = 7,
}
