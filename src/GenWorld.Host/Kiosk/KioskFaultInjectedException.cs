namespace GenWorld.Host.Kiosk;

/// <summary>The fault <see cref="KioskOptions.InjectFaultEvery"/> throws from a frame, to rehearse a restart.</summary>
public sealed class KioskFaultInjectedException(double seconds) : Exception($"injected fault after {seconds:F1} s (--inject-fault-every)");
