using System.Collections.Concurrent;

namespace GenWorld.Audio.OpenAl;

/// <summary>
/// Counts OpenAL objects (devices, contexts, buffers, sources, effects, slots) that were created and not yet
/// disposed, so tests can assert that nothing leaked. There are no finalizers: a forgotten object shows up here.
/// </summary>
public static class AlLiveObjects
{
    private static readonly ConcurrentDictionary<string, int> ByKind = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>Live objects of every kind.</summary>
    public static int Count => Volatile.Read(ref _count);

    /// <summary>Live objects by kind, e.g. "2 source, 1 buffer", or "none".</summary>
    public static string Describe()
    {
        string text = string.Join(", ", ByKind.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Value} {p.Key}"));
        return text.Length == 0 ? "none" : text;
    }

    internal static void Created(string kind)
    {
        ByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _count);
    }

    internal static void Destroyed(string kind)
    {
        ByKind.AddOrUpdate(kind, -1, (_, n) => n - 1);
        Interlocked.Decrement(ref _count);
    }
}
