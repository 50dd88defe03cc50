using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using GenWorld.Core.Sequences;
using GenWorld.Inference.Generation;

namespace GenWorld.World.Attract;

/// <summary>
/// Notes from a <see cref="PriorStream"/> drawn ahead on a worker: each note costs the Transformer several full-window
/// steps (milliseconds idle, hundreds on a busy machine), which on the frame thread stalled attract mode to 25 fps with
/// 0.7 s frames. The worker keeps a few notes ready; the frame only takes what is there and never waits.
/// </summary>
internal sealed class NoteFeed : IDisposable
{
    private readonly Channel<NoteEvent> _notes = Channel.CreateBounded<NoteEvent>(
        new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    private readonly object _gate;

    /// <summary>Draws from <paramref name="stream"/>; <paramref name="gate"/> is held around each prior step, so the
    /// workers of a finished tour and of the next one never run the prior's session at the same time.</summary>
    public NoteFeed(PriorStream stream, object gate)
    {
        _gate = gate;
        _worker = Task.Run(() => Fill(stream));
    }

    /// <summary>True once the worker has returned (no prior step in flight).</summary>
    public bool Stopped => _worker.IsCompleted;

    /// <summary>
    /// Waits (polling, off the frame loop: at shutdown) until a prior step in flight has returned, so the prior's session
    /// can be freed under no running inference. False after <paramref name="timeout"/>.
    /// </summary>
    public bool WaitStopped(TimeSpan timeout)
    {
        Dispose();
        return SpinWait.SpinUntil(() => _worker.IsCompleted, timeout);
    }

    /// <summary>Why the worker stopped, if the prior failed.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>The next note if one is ready.</summary>
    public bool TryNext([MaybeNullWhen(false)] out NoteEvent note) => _notes.Reader.TryRead(out note);

    private async Task Fill(PriorStream stream)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                NoteEvent note;
                lock (_gate)
                {
                    if (_stop.IsCancellationRequested) return;
                    note = stream.NextEvent();
                }
                await _notes.Writer.WriteAsync(note, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the tour ended
        }
        catch (Exception e)
        {
            Fault = e;   // the tour goes on with the notes it has; the host's tour is replaced at the next input
        }
    }

    /// <summary>Asks the worker to stop after the step in flight; does not wait (a frame may call it).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _notes.Writer.TryComplete();
    }
}
