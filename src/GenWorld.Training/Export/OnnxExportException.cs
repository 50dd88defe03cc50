namespace GenWorld.Training.Export;

/// <summary>Thrown when a module tree cannot be exported; the message names the module path and the reason.</summary>
public sealed class OnnxExportException : Exception
{
    /// <summary>Creates the exception for a module path ("decoder.3") and a reason.</summary>
    public OnnxExportException(string modulePath, string reason)
        : base($"{(modulePath.Length == 0 ? "(root)" : modulePath)}: {reason}")
    {
        ModulePath = modulePath;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public OnnxExportException(string message) : base(message) => ModulePath = "";

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public OnnxExportException(string message, Exception innerException) : base(message, innerException) => ModulePath = "";

    /// <summary>Creates the exception with no detail.</summary>
    public OnnxExportException() : base("ONNX export failed.") => ModulePath = "";

    /// <summary>Dotted path of the module that failed ("" for the root).</summary>
    public string ModulePath { get; }
}
