using System.Diagnostics;
using GenWorld.Audio.OpenAl;
using GenWorld.Audio.Output;

namespace GenWorld.Host.Kiosk;

/// <summary>
/// Keeps a world's sound going when its audio device goes away (unplugged, its sound server restarted, its sink failed):
/// <see cref="Check"/> notices the loss (OpenAL's ALC_EXT_disconnect), moves the world's voices to silence and closes the
/// dead device, then tries to open the device again after 1 s, doubling up to 60 s, and moves the voices back when one
/// opens. The world never stops for it. Owns the output it was given and every one it opens.
/// </summary>
public sealed class AudioDeviceWatch : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LastRetry = TimeSpan.FromSeconds(60);
    private readonly Func<IAudioOutput> _reopen;
    private readonly Action<string> _log;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _retryAt, _retryWait = FirstRetry;

    /// <summary>
    /// Watches <paramref name="output"/>; <paramref name="reopen"/> opens the device again (a <see cref="NullAudioOutput"/>
    /// when it cannot, which counts as a failed try); <paramref name="log"/> gets one line per loss and per reopen.
    /// </summary>
    public AudioDeviceWatch(IAudioOutput output, Func<IAudioOutput> reopen, Action<string> log)
    {
        (Current, _reopen, _log) = (output ?? throw new ArgumentNullException(nameof(output)),
            reopen ?? throw new ArgumentNullException(nameof(reopen)), log ?? throw new ArgumentNullException(nameof(log)));
    }

    /// <summary>The output the world plays on now (silence while the device is lost).</summary>
    public IAudioOutput Current { get; private set; }

    /// <summary>True while the device is lost and the world plays on silence.</summary>
    public bool IsLost { get; private set; }

    /// <summary>Times the device was lost.</summary>
    public int Losses { get; private set; }

    /// <summary>Times it was opened again.</summary>
    public int Reopens { get; private set; }

    /// <summary>Call once a frame: notices a lost device, and while lost retries on the backoff timer.</summary>
    public void Check(WorldHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!IsLost)
        {
            if (Current.IsConnected) return;
            Losses++;
            string name = Current.DeviceName;
            Swap(host, new NullAudioOutput($"{name} was lost"));
            IsLost = true;
            _retryWait = FirstRetry;
            _retryAt = _clock.Elapsed + _retryWait;
            _log($"audio: {name} was lost (disconnected); playing silent, reopening in {_retryWait.TotalSeconds:F0} s");
            return;
        }
        if (_clock.Elapsed < _retryAt) return;
        IAudioOutput reopened = _reopen();
        if (reopened is NullAudioOutput || !reopened.IsConnected)
        {
            reopened.Dispose();
            _retryWait = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, _retryWait.Ticks * 2));
            _retryAt = _clock.Elapsed + _retryWait;
            _log($"audio: the device did not come back; next try in {_retryWait.TotalSeconds:F0} s");
            return;
        }
        try
        {
            Swap(host, reopened);
        }
        catch (AlException e)
        {
            // Opened, then gone again before the voices could start (a server that is still restarting): stay silent.
            reopened.Dispose();
            _retryAt = _clock.Elapsed + _retryWait;
            _log($"audio: the device opened but failed at once ({e.Message}); next try in {_retryWait.TotalSeconds:F0} s");
            return;
        }
        IsLost = false;
        Reopens++;
        _log($"audio: reopened {reopened.DeviceName} after {Losses} loss(es); sound is back");
    }

    // The voices leave the old output before it closes: a source must not outlive its context.
    private void Swap(WorldHost host, IAudioOutput next)
    {
        IAudioOutput old = Current;
        host.ReplaceAudio(next);
        Current = next;
        old.Dispose();
    }

    /// <summary>Closes the current output (dispose the <see cref="WorldHost"/> first: it frees the voices).</summary>
    public void Dispose() => Current.Dispose();
}
