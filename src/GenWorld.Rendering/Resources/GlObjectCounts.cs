namespace GenWorld.Rendering.Resources;

/// <summary>Live GL objects per kind, so tests can assert that everything created was deleted.</summary>
public sealed class GlObjectCounts
{
    private readonly int[] _live = new int[Enum.GetValues<GlObjectKind>().Length];

    /// <summary>Live objects of one kind.</summary>
    public int this[GlObjectKind kind] => Volatile.Read(ref _live[(int)kind]);

    /// <summary>Live objects of every kind together.</summary>
    public int Total => Enum.GetValues<GlObjectKind>().Sum(k => this[k]);

    /// <summary>E.g. "1 Buffer, 2 Texture", or "none": written into leak assertions.</summary>
    public override string ToString()
    {
        string[] parts = Enum.GetValues<GlObjectKind>().Where(k => this[k] != 0).Select(k => $"{this[k]} {k}").ToArray();
        return parts.Length == 0 ? "none" : string.Join(", ", parts);
    }

    internal void Created(GlObjectKind kind) => Interlocked.Increment(ref _live[(int)kind]);

    internal void Deleted(GlObjectKind kind) => Interlocked.Decrement(ref _live[(int)kind]);
}
