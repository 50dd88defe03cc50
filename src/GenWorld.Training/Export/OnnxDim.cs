namespace GenWorld.Training.Export;

/// <summary>One dimension of an ONNX value's shape: a fixed size or a symbolic name such as the batch dimension "N".</summary>
public readonly record struct OnnxDim
{
    /// <summary>The symbolic batch dimension every exported model uses, so callers can run any batch size.</summary>
    public static readonly OnnxDim Batch = new("N");

    /// <summary>Creates a fixed-size dimension.</summary>
    public OnnxDim(long size)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), size, "A fixed ONNX dimension must be >= 0; use a symbolic name for a dynamic one.");
        Size = size;
    }

    /// <summary>Creates a symbolic dimension.</summary>
    public OnnxDim(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null when the dimension is symbolic.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name, or null when the dimension is fixed.</summary>
    public string? Symbol { get; }

    /// <summary>A fixed dimension.</summary>
    public static implicit operator OnnxDim(long size) => new(size);

    /// <summary>A symbolic dimension.</summary>
    public static implicit operator OnnxDim(string symbol) => new(symbol);

    /// <inheritdoc />
    public override string ToString() => Symbol ?? Size!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
