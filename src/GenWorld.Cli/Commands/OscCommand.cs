using System.CommandLine;
using System.CommandLine.Help;
using GenWorld.Osc.Control;

namespace GenWorld.Cli.Commands;

/// <summary>
/// <c>genworld osc</c>: the OSC address table (input and feedback, types, units, default ports and whose conventions they
/// follow), the same table as the README, built from <see cref="GenWorldOscAddresses"/> so it cannot drift. <c>--help</c>
/// prints the same text.
/// </summary>
internal static class OscCommand
{
    public static Command Create()
    {
        var command = new Command("osc", "OSC control and feedback: the address table and default ports (explore, render and run take --osc-in/--osc-out).");
        command.SetAction(_ =>
        {
            Console.Write(Text);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Makes <c>genworld osc --help</c> print the table: the help option belongs to the root (recursive), so its action is
    /// wrapped there and hands every other verb's help to the original.
    /// </summary>
    public static void InstallHelp(RootCommand root)
    {
        foreach (HelpOption help in root.Options.OfType<HelpOption>())
            if (help.Action is System.CommandLine.Invocation.SynchronousCommandLineAction original) help.Action = new OscHelpAction(original);
    }

    /// <summary>The help text, with how to turn OSC on in each verb.</summary>
    internal static string Text => GenWorldOscHelp.Text + Environment.NewLine +
        "Use: genworld run --osc-in 8000 --osc-out 127.0.0.1:9000 [--osc-out HOST:PORT ...]   (also explore and render; --osc = the defaults)" + Environment.NewLine;

    private sealed class OscHelpAction(System.CommandLine.Invocation.SynchronousCommandLineAction original) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command.Name != "osc") return original.Invoke(parseResult);
            Console.Write(Text);
            return 0;
        }
    }
}
