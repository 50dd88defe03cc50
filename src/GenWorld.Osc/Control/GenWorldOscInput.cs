using System.Numerics;
using GenWorld.Osc.Dispatch;
using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Control;

/// <summary>
/// Registers the GenWorld input addresses on a dispatcher and turns each accepted message into one
/// <see cref="IOscWorldControl"/> call. Wire units (degrees) become world units (radians) here, in one place. A message
/// with the wrong count, kind or a non-finite value is refused and counted as <see cref="OscDropReason.BadArguments"/>.
/// </summary>
public static class GenWorldOscInput
{
    private const float DegreesToRadians = MathF.PI / 180f;

    /// <summary>Adds the handlers of every <see cref="GenWorldOscAddresses.Inputs"/> address.</summary>
    public static void Register(OscDispatcher dispatcher, IOscWorldControl control)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(control);
        dispatcher.Add(GenWorldOscAddresses.CameraPose, m =>
        {
            Span<float> v = stackalloc float[5];
            if (!OscArguments.TryNumbers(m, v)) return false;
            control.SetPose(new Vector3(v[0], v[1], v[2]), v[3] * DegreesToRadians, v[4] * DegreesToRadians);
            return true;
        });
        dispatcher.Add(GenWorldOscAddresses.CameraVelocity, m =>
        {
            Span<float> v = stackalloc float[3];
            if (!OscArguments.TryNumbers(m, v)) return false;
            control.SetVelocity(new Vector3(v[0], v[1], v[2]));
            return true;
        });
        dispatcher.Add(GenWorldOscAddresses.GoTo, m =>
        {
            if (!OscArguments.TryText(m, out string target)) return false;
            control.GoTo(target);
            return true;
        });
        dispatcher.Add(GenWorldOscAddresses.EmitterTrigger, m =>
        {
            if (!OscArguments.TryInt32(m, out int id) || id < 0) return false;
            control.Trigger(id);
            return true;
        });
        dispatcher.Add(GenWorldOscAddresses.Attract, m =>
        {
            if (!OscArguments.TryBool(m, out bool on)) return false;
            control.SetAttract(on);
            return true;
        });
        dispatcher.Add(GenWorldOscAddresses.Gain, m =>
        {
            Span<float> g = stackalloc float[1];
            if (!OscArguments.TryNumbers(m, g) || g[0] < 0) return false;
            control.SetGain(g[0]);
            return true;
        });
        dispatcher.Add(GenWorldOscAddresses.Model, m =>
        {
            if (!OscArguments.TryText(m, out string name)) return false;
            control.SwitchModel(name);
            return true;
        });
    }
}
