using GenWorld.Rendering.Resources;

namespace GenWorld.Rendering.Field;

/// <summary>
/// GL textures of nearby objects' tiles, keyed by object id. A tile is uploaded when first seen and again only when the
/// object is handed a different <see cref="TileImage"/> instance. Eviction is explicit (<see cref="Evict"/>,
/// <see cref="EvictIdle"/>, <see cref="Clear"/>) or by capacity (least recently used); evicting deletes the GL texture,
/// so <see cref="GlDevice.LiveObjects"/> shows exactly what the cache holds.
/// </summary>
public sealed class TextureCache : IDisposable
{
    private readonly GlDevice _device;
    private readonly Dictionary<long, Entry> _entries = [];
    private long _frame;

    /// <summary>Creates an empty cache holding at most <paramref name="capacity"/> textures.</summary>
    public TextureCache(GlDevice device, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _device = device;
        Capacity = capacity;
    }

    /// <summary>Most textures held at once.</summary>
    public int Capacity { get; }

    /// <summary>Textures held now.</summary>
    public int Count => _entries.Count;

    /// <summary>Uploads so far (first sight of an id, or a new tile for it).</summary>
    public long Uploads { get; private set; }

    /// <summary>Lookups served without an upload.</summary>
    public long Hits { get; private set; }

    /// <summary>Textures deleted so far, by any kind of eviction.</summary>
    public long Evictions { get; private set; }

    /// <summary>Whether a texture for <paramref name="id"/> is held.</summary>
    public bool Contains(long id) => _entries.ContainsKey(id);

    /// <summary>Starts a new frame: ids used before it count as idle for <see cref="EvictIdle"/>.</summary>
    public void BeginFrame() => _frame++;

    /// <summary>The texture for <paramref name="id"/> showing <paramref name="tile"/>, uploading only when needed.</summary>
    public GlTexture Get(long id, TileImage tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (_entries.TryGetValue(id, out Entry? entry))
        {
            entry.LastUsed = _frame;
            if (ReferenceEquals(entry.Tile, tile)) { Hits++; return entry.Texture; }
            entry.Texture.Upload(tile.Rgba, tile.Width, tile.Height);
            entry.Tile = tile;
            Uploads++;
            return entry.Texture;
        }

        if (_entries.Count >= Capacity) Evict(_entries.MinBy(p => p.Value.LastUsed).Key);
        var texture = new GlTexture(_device, mipmaps: true, repeat: true);
        try { texture.Upload(tile.Rgba, tile.Width, tile.Height); }
        catch { texture.Dispose(); throw; }
        _entries.Add(id, new Entry(texture, tile) { LastUsed = _frame });
        Uploads++;
        return texture;
    }

    /// <summary>Deletes the texture for <paramref name="id"/>; false when none was held.</summary>
    public bool Evict(long id)
    {
        if (!_entries.Remove(id, out Entry? entry)) return false;
        entry.Texture.Dispose();
        Evictions++;
        return true;
    }

    /// <summary>Deletes textures not used in the last <paramref name="frames"/> frames; returns how many.</summary>
    public int EvictIdle(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 0);
        long[] idle = _entries.Where(p => _frame - p.Value.LastUsed > frames).Select(p => p.Key).ToArray();
        foreach (long id in idle) Evict(id);
        return idle.Length;
    }

    /// <summary>Deletes every texture.</summary>
    public void Clear()
    {
        foreach (long id in _entries.Keys.ToArray()) Evict(id);
    }

    /// <summary>Deletes every texture (same as <see cref="Clear"/>).</summary>
    public void Dispose() => Clear();

    private sealed class Entry(GlTexture texture, TileImage tile)
    {
        public GlTexture Texture { get; } = texture;
        public TileImage Tile { get; set; } = tile;
        public long LastUsed { get; set; }
    }
}
