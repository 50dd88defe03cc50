namespace GenWorld.Inference;

/// <summary>A file or byte array is not an ONNX model ONNX Runtime can load; the message names the model and why.</summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Creates the exception for the named model.</summary>
    public InvalidModelException(string modelName, string reason, Exception? inner = null)
        : base($"'{modelName}' is not a loadable ONNX model: {reason}", inner) => ModelName = modelName;

    /// <summary>The file path, or the name given for in-memory bytes.</summary>
    public string ModelName { get; }
}
