using GenWorld.Core.Models;

namespace GenWorld.Inference.Models;

/// <summary>A newer version of a watched model was published.</summary>
/// <param name="Version">The new version number.</param>
/// <param name="Folder">Its folder (complete: the publisher moves the "latest" pointer only after the folder is in place).</param>
public sealed record ModelVersionPublished(int Version, string Folder);

/// <summary>
/// Watches a versioned model folder (models/&lt;name&gt;/ with N/ sub-folders and a "latest" pointer, see
/// <see cref="ModelVersions"/>) and raises <see cref="Published"/> once per newer version. A FileSystemWatcher gives
/// prompt notice; a poll timer backs it up (watchers miss events on network and some container file systems).
/// Events are raised on a thread-pool or file-watcher thread: hand slow work (opening the new model) to a thread of your
/// own, as <see cref="Scheduling.ModelHotReload"/> does, so the pool is never held.
/// </summary>
public sealed class ModelVersionWatcher : IDisposable
{
    private readonly string _dir;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _poll;
    private readonly Lock _gate = new();
    private int _current;
    private bool _disposed;

    /// <summary>Starts watching <paramref name="modelDir"/>; versions up to the current latest are taken as already seen.</summary>
    public ModelVersionWatcher(string modelDir, TimeSpan? pollInterval = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDir);
        TimeSpan poll = pollInterval ?? TimeSpan.FromSeconds(2);
        if (poll <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(pollInterval), poll, "pollInterval must be positive");
        _dir = Path.GetFullPath(modelDir);
        Directory.CreateDirectory(_dir);
        _current = ModelVersions.Latest(_dir) ?? 0;
        try
        {
            _watcher = new FileSystemWatcher(_dir) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite };
            _watcher.Created += (_, _) => Check();
            _watcher.Changed += (_, _) => Check();
            _watcher.Renamed += (_, _) => Check();
            _watcher.EnableRaisingEvents = true;
        }
        catch (IOException)
        {
            // Out of inotify watches: the poll alone still finds new versions.
            _watcher?.Dispose();
            _watcher = null;
        }
        _poll = new Timer(_ => Check(), null, poll, poll);
    }

    /// <summary>The newest version seen so far (0 when none).</summary>
    public int CurrentVersion { get { lock (_gate) return _current; } }

    /// <summary>Whether a file-system watcher is active (false: polling only).</summary>
    public bool UsesFileSystemEvents => _watcher is not null;

    /// <summary>Raised once for each newer published version (never for an older or the same one).</summary>
    public event EventHandler<ModelVersionPublished>? Published;

    /// <summary>Looks for a newer version now (the watcher and the timer call this too).</summary>
    public void Check()
    {
        ModelVersionPublished? news = null;
        lock (_gate)
        {
            if (_disposed) return;
            int? latest;
            try { latest = ModelVersions.Latest(_dir); }
            catch (IOException) { return; } // mid-rename; the next event or poll sees the finished state
            if (latest is int v && v > _current)
            {
                _current = v;
                news = new ModelVersionPublished(v, ModelVersions.VersionDir(_dir, v));
            }
        }
        if (news is not null) Published?.Invoke(this, news);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _watcher?.Dispose();
        _poll.Dispose();
    }
}
