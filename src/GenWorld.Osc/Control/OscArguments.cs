using GenWorld.Osc.Protocol;

namespace GenWorld.Osc.Control;

/// <summary>
/// Reads a message's arguments leniently by kind, strictly by count and value: controllers disagree about int vs float
/// (node-osc sends 2 as <c>i</c>, TouchOSC sends <c>f</c>) and about booleans (<c>T</c>/<c>F</c> vs 0/1), but a
/// missing argument or a NaN is refused.
/// </summary>
internal static class OscArguments
{
    /// <summary>Exactly <paramref name="values"/>.Length finite numbers.</summary>
    public static bool TryNumbers(OscMessage message, Span<float> values)
    {
        if (message.Arguments.Count != values.Length) return false;
        for (int i = 0; i < values.Length; i++)
        {
            if (!message.Arguments[i].TryGetNumber(out double v) || !double.IsFinite(v) || Math.Abs(v) > float.MaxValue) return false;
            values[i] = (float)v;
        }
        return true;
    }

    /// <summary>Exactly one whole number in int32 range.</summary>
    public static bool TryInt32(OscMessage message, out int value)
    {
        value = 0;
        if (message.Arguments.Count != 1 || !message.Arguments[0].TryGetNumber(out double v)) return false;
        if (v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue) return false;
        value = (int)v;
        return true;
    }

    /// <summary>Exactly one boolean: <c>T</c>/<c>F</c>, or a number (0 is false, 1 is true).</summary>
    public static bool TryBool(OscMessage message, out bool value)
    {
        value = false;
        if (message.Arguments.Count != 1) return false;
        OscArgument a = message.Arguments[0];
        if (a.Tag is OscTypeTags.True or OscTypeTags.False)
        {
            value = a.Tag == OscTypeTags.True;
            return true;
        }
        if (!a.TryGetNumber(out double v) || (v != 0 && v != 1)) return false;
        value = v == 1;
        return true;
    }

    /// <summary>Exactly one non-blank string (<c>s</c> or <c>S</c>).</summary>
    public static bool TryText(OscMessage message, out string value)
    {
        value = "";
        if (message.Arguments.Count != 1 || message.Arguments[0].Tag is not (OscTypeTags.String or OscTypeTags.Symbol)) return false;
        value = message.Arguments[0].AsString();
        return !string.IsNullOrWhiteSpace(value);
    }
}
