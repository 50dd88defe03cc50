using System.Diagnostics;

namespace GenWorld.Osc.Tests;

/// <summary>Polls until a condition holds, for tests that wait on the receive thread or on Node.</summary>
internal static class Eventually
{
    /// <summary>
    /// True once <paramref name="condition"/> holds, false after <paramref name="seconds"/>. Spins, then yields, then
    /// sleeps 1 ms (SpinWait), so short waits in the rate measurements are not rounded up to a scheduler tick.
    /// </summary>
    public static bool Until(Func<bool> condition, double seconds = 5)
    {
        var clock = Stopwatch.StartNew();
        var spin = new SpinWait();
        while (!condition())
        {
            if (clock.Elapsed.TotalSeconds > seconds) return false;
            spin.SpinOnce();
        }
        return true;
    }
}
