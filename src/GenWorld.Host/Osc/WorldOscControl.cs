using System.Numerics;
using GenWorld.Osc.Control;
using GenWorld.World;
using GenWorld.World.Cameras;

namespace GenWorld.Host.Osc;

/// <summary>
/// <see cref="IOscWorldControl"/> over a real world: the camera through <see cref="CameraSteering"/>, triggers through
/// <see cref="LatentWorld.Retrigger(int)"/>, gain on the host's voices, model switches loaded off the frame thread. Runs on
/// the frame thread (the dispatcher calls it from <see cref="WorldOscLink.Poll"/>). What a peer names on disk (a path file,
/// a model) is confined to <see cref="OscHostOptions.PathRoot"/> and <see cref="OscHostOptions.ModelsRoot"/> when used; a
/// request that cannot be served gets one log line and changes nothing.
/// </summary>
public sealed class WorldOscControl(LatentWorld world, WorldHost host, CameraSteering camera, OscHostOptions options, Action<string> log) : IOscWorldControl
{
    private const int LoggedIgnores = 20;
    private int _switching, _switches;

    /// <summary>Requests that could not be served (unknown label, emitter or model; a file outside the root).</summary>
    public int Ignored { get; private set; }

    /// <summary>Model switches that finished (loaded and swapped in).</summary>
    public int ModelSwitches => Volatile.Read(ref _switches);

    /// <summary>Remote triggers that named an emitter being tracked.</summary>
    public int Triggers { get; private set; }

    /// <inheritdoc/>
    public void SetPose(Vector3 position, float yaw, float pitch) => camera.Place(position, yaw, pitch);

    /// <inheritdoc/>
    public void SetVelocity(Vector3 velocity) => camera.SetVelocity(velocity);

    /// <inheritdoc/>
    public void GoTo(string labelOrFile)
    {
        if (labelOrFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (ConfinedFile(labelOrFile, options.PathRoot) is not { } file)
            {
                Ignore($"osc: goto {labelOrFile}: not a camera-path file under {options.PathRoot}; ignored.");
                return;
            }
            try
            {
                camera.Follow(CameraPath.Load(file));
            }
            catch (Exception e) when (e is IOException or FormatException or ArgumentException or System.Text.Json.JsonException)
            {
                Ignore($"osc: goto {labelOrFile}: {e.Message}");
            }
            return;
        }
        Vector3 from = camera.Fly.Position;
        FieldAnchor? best = null;
        foreach (FieldAnchor a in world.Anchors)
            if (string.Equals(a.LabelName, labelOrFile, StringComparison.OrdinalIgnoreCase)
                && (best is null || Vector3.DistanceSquared(a.Position, from) < Vector3.DistanceSquared(best.Value.Position, from)))
                best = a;
        if (best is not { } anchor)
        {
            Ignore($"osc: goto {labelOrFile}: no anchor has that label; ignored.");
            return;
        }
        // Stand a little back from it and look at it, so it is the loudest thing in earshot.
        Vector3 eye = anchor.Position + new Vector3(0, 0.5f, 2f);
        Vector3 forward = anchor.Position - eye;
        camera.Place(eye, CameraSteering.YawOf(forward), CameraSteering.PitchOf(forward));
    }

    /// <inheritdoc/>
    public void Trigger(int emitterId)
    {
        if (world.Retrigger(emitterId)) Triggers++;
        else Ignore($"osc: trigger {emitterId}: no such emitter near the listener; ignored.");
    }

    /// <inheritdoc/>
    public void SetAttract(bool on)
    {
        if (camera.Attract is not { } attract)
        {
            if (on) Ignore("osc: attract 1: attract mode is not available here (no prior, or --attract-after 0).");
            return;
        }
        if (on) attract.StartNow();
        else attract.Enabled = false;
    }

    /// <inheritdoc/>
    public void SetGain(float gain) => host.MasterGain = Math.Min(gain, 4f);

    /// <inheritdoc/>
    public void SwitchModel(string name)
    {
        if (ModelFolderFor(name) is not { } folder)
        {
            Ignore($"osc: model {name}: no model of that name under {options.ModelsRoot}; ignored.");
            return;
        }
        if (Interlocked.Exchange(ref _switching, 1) == 1)
        {
            Ignore($"osc: model {name}: a switch is already loading; ignored.");
            return;
        }
        // Loading and warming a model takes tens of milliseconds or more: never on the frame thread.
        _ = Task.Run(() =>
        {
            try
            {
                world.SwapSoundModel(folder);
                Interlocked.Increment(ref _switches);
                log($"osc: switched the sound model to {name} ({folder}).");
            }
            catch (Exception e)
            {
                log($"osc: model {name}: {e.Message}");
            }
            finally
            {
                Volatile.Write(ref _switching, 0);
            }
        });
    }

    // A peer can send thousands of bad requests: the first few are logged, the rest only counted.
    private void Ignore(string line)
    {
        Ignored++;
        if (Ignored <= LoggedIgnores) log(line);
        if (Ignored == LoggedIgnores) log($"osc: {LoggedIgnores} requests ignored; further ones are only counted.");
    }

    /// <summary>The model folder a name means: <c>ModelsRoot/NAME</c>, or its highest numbered version; null when none.</summary>
    internal string? ModelFolderFor(string name)
    {
        if (name.Length > 100 || name.StartsWith('.') || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))) return null;
        string root = Path.GetFullPath(options.ModelsRoot);
        string folder = Path.Combine(root, name);
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null) return null;
        if (File.Exists(Path.Combine(folder, "manifest.json"))) return folder;
        string? newest = Directory.EnumerateDirectories(folder)
            .Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), out int n), N: n))
            .Where(v => v.Ok && File.Exists(Path.Combine(v.Dir, "manifest.json")))
            .OrderByDescending(v => v.N).Select(v => v.Dir).FirstOrDefault();
        return newest;
    }

    /// <summary>The full path of <paramref name="file"/> when it is a regular file (not a link) under <paramref name="root"/>.</summary>
    internal static string? ConfinedFile(string file, string root)
    {
        string fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        string full = Path.GetFullPath(file, fullRoot);
        if (!full.StartsWith(fullRoot, StringComparison.Ordinal)) return null;
        // Resolve links in every folder on the way, at the moment of use: a link must not lead out of the root.
        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null) return null;
        for (DirectoryInfo? d = info.Directory; d is not null && d.FullName.Length + 1 > fullRoot.Length; d = d.Parent)
            if (d.LinkTarget is not null) return null;
        return full;
    }
}
