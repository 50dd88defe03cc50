using GenWorld.Host.Headless;

namespace GenWorld.Host.Kiosk;

/// <summary>One world's life under a <see cref="KioskSupervisor"/>: its frames feed the heartbeat and the soak figures.</summary>
public sealed class KioskSession
{
    private readonly KioskStatus _status;
    private readonly double? _faultAfter;
    private AudioUnderruns _underruns;
    private int _glRebuilds;

    internal KioskSession(KioskStatus status, double? faultAfter) => (_status, _faultAfter) = (status, faultAfter);

    /// <summary>Frames this session ran.</summary>
    public long Frames { get; private set; }

    /// <summary>Counts a frame (pass it as <see cref="RunSettings.OnFrame"/>); throws the rehearsal fault when one is due.</summary>
    public void Frame(RunFrame frame)
    {
        if (!frame.Extra) Frames++;
        // Each world counts from 0; the status adds up what every session of the kiosk saw.
        int glRebuilds = frame.Gl?.Rebuilds ?? _glRebuilds;
        _status.Frame(frame, frame.Underruns.Since(_underruns), glRebuilds - _glRebuilds);
        (_underruns, _glRebuilds) = (frame.Underruns, glRebuilds);
        if (_faultAfter is double after && frame.Frame.Time >= after) throw new KioskFaultInjectedException(frame.Frame.Time);
    }
}
