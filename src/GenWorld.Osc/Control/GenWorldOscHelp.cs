using System.Text;

namespace GenWorld.Osc.Control;

/// <summary>The text of <c>genworld osc --help</c>, built from the address tables so it cannot drift from the code.</summary>
public static class GenWorldOscHelp
{
    /// <summary>The help text.</summary>
    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("OSC (Open Sound Control 1.0/1.1 over UDP) input and feedback.");
        text.AppendLine();
        text.AppendLine($"  --osc-in PORT        listen on 127.0.0.1:PORT (default {GenWorldOscAddresses.DefaultInputPort}; TouchOSC sends to 8000)");
        text.AppendLine($"  --osc-out HOST:PORT  send feedback there, repeatable (default {GenWorldOscAddresses.DefaultOutput}; TouchOSC listens on 9000)");
        text.AppendLine($"  feedback stream: {GenWorldOscAddresses.DefaultFeedbackRateHz} Hz (at most 60), one bundle per frame; note onsets at once");
        text.AppendLine("  angles on the wire are degrees, positions world units (u); numbers may be sent as i, f, h or d");
        AppendTable(text, "Input (GenWorld listens)", GenWorldOscAddresses.Inputs);
        AppendTable(text, "Output (GenWorld sends)", GenWorldOscAddresses.Outputs);
        text.AppendLine();
        text.AppendLine("Patterns work: /genworld/camera/{pose,velocity}, /genworld/*/trigger. Malformed packets are counted and dropped.");
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, string title, IReadOnlyList<OscAddressInfo> rows)
    {
        text.AppendLine();
        text.AppendLine(title + ":");
        foreach (OscAddressInfo row in rows)
            text.AppendLine($"  {row.Address,-28} {row.TypeTags,-8} {row.Arguments}").AppendLine($"  {"",-28} {"",-8} {row.Meaning}");
    }
}
