using System.CommandLine;
using GenWorld.Host.Osc;
using GenWorld.Osc.Control;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>--osc</c>, <c>--osc-in PORT</c>, <c>--osc-out HOST:PORT</c> (repeatable) and <c>--osc-rate HZ</c>, the same on
/// explore, render and run. Any of them turns OSC on; what is not given takes the TouchOSC-style default (in 8000, out
/// 127.0.0.1:9000). Without any, a world opens no port.
/// </summary>
internal sealed class OscCliOptions
{
    private readonly Option<bool> _on = new("--osc") { Description = $"OSC on with the defaults (in {GenWorldOscAddresses.DefaultInputPort}, out {GenWorldOscAddresses.DefaultOutput}); `genworld osc` lists the addresses." };
    private readonly Option<int?> _in = new("--osc-in") { Description = $"Listen for OSC on 127.0.0.1:PORT (default {GenWorldOscAddresses.DefaultInputPort}, TouchOSC's send port)." };
    private readonly Option<string[]> _out = new("--osc-out") { Description = $"Send OSC feedback to HOST:PORT; repeatable (default {GenWorldOscAddresses.DefaultOutput}, TouchOSC's receive port).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<double> _rate = new("--osc-rate") { Description = "Feedback frames per second (at most 60); note onsets go out as they happen.", DefaultValueFactory = _ => GenWorldOscAddresses.DefaultFeedbackRateHz };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_on);
        command.Options.Add(_in);
        command.Options.Add(_out);
        command.Options.Add(_rate);
    }

    /// <summary>The OSC options given, or null when OSC is off.</summary>
    public OscHostOptions? Read(ParseResult parse)
    {
        int? port = parse.GetValue(_in);
        string[] outs = parse.GetValue(_out) ?? [];
        if (!parse.GetValue(_on) && port is null && outs.Length == 0) return null;
        return new OscHostOptions
        {
            InputPort = port ?? GenWorldOscAddresses.DefaultInputPort,
            Outputs = outs.Length > 0 ? outs : [GenWorldOscAddresses.DefaultOutput],
            FeedbackRateHz = parse.GetValue(_rate),
        };
    }

    /// <summary>The first problem with the options given, as one line for the user, or null.</summary>
    public static string? Problem(OscHostOptions? options) => options is null ? null : options.Errors().FirstOrDefault();
}
