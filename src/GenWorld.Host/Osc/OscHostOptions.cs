using GenWorld.Osc.Control;
using GenWorld.Osc.Transport;

namespace GenWorld.Host.Osc;

/// <summary>
/// OSC for a host (<c>--osc-in PORT --osc-out HOST:PORT</c>): where to listen, where feedback goes, how often, and the
/// folders a remote <c>/genworld/goto FILE</c> or <c>/genworld/model NAME</c> may reach. <see cref="Validate"/> names every bad field.
/// </summary>
public sealed record OscHostOptions
{
    /// <summary>UDP port to listen on (127.0.0.1); 0 lets the system pick (tests); null: no input.</summary>
    public int? InputPort { get; init; } = GenWorldOscAddresses.DefaultInputPort;

    /// <summary>Feedback destinations (<c>HOST:PORT</c>); empty: no feedback.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [GenWorldOscAddresses.DefaultOutput];

    /// <summary>Listener/emitters/density frames per second (at most 60); note onsets go out as they happen.</summary>
    public double FeedbackRateHz { get; init; } = GenWorldOscAddresses.DefaultFeedbackRateHz;

    /// <summary>Nearest emitters reported per feedback frame.</summary>
    public int FeedbackEmitters { get; init; } = 8;

    /// <summary>Camera-path files a remote <c>goto</c> may load must lie under this folder (default: the working folder).</summary>
    public string PathRoot { get; init; } = Environment.CurrentDirectory;

    /// <summary>A remote <c>model NAME</c> loads <c>ModelsRoot/NAME</c> (its newest published version for a versioned root).</summary>
    public string ModelsRoot { get; init; } = "models";

    /// <summary>The option that is wrong and why, one line each.</summary>
    public IEnumerable<string> Errors()
    {
        if (InputPort is < 0 or > 65535) yield return $"--osc-in {InputPort}: a UDP port is 1 to 65535.";
        foreach (string output in Outputs)
        {
            string? problem = null;
            try
            {
                OscEndpoint.Parse(output);
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            if (problem is not null) yield return $"--osc-out {problem}";
        }
        if (!(FeedbackRateHz > 0 && FeedbackRateHz <= OscRateLimiter.MaxRateHz)) yield return $"--osc-rate {FeedbackRateHz}: must be above 0 and at most {OscRateLimiter.MaxRateHz} Hz.";
        if (FeedbackEmitters is < 0 or > 64) yield return $"FeedbackEmitters = {FeedbackEmitters}: must be 0..64.";
    }

    /// <summary>Throws <see cref="ArgumentException"/> with every problem.</summary>
    public void Validate()
    {
        string[] errors = [.. Errors()];
        if (errors.Length > 0) throw new ArgumentException(string.Join(" ", errors));
    }
}
